/**
 * The system Chromium, driven by playwright-core (no browser is downloaded). Browser suites use `describeBrowser`:
 * they skip on a machine without Chromium, except in CI, where a missing browser must fail rather than skip.
 */
import { chromium, type Browser } from 'playwright-core';
import { describe } from 'vitest';
import { chromiumPath } from './environment';

/** `describe` when Chromium is here or CI=true (then a missing browser fails loudly), else `describe.skip`. */
export const describeBrowser = chromiumPath() !== null || process.env.CI === 'true' ? describe : describe.skip;

/** Launches the system Chromium headless, with nothing that reaches the network on its own and autoplay allowed. */
export async function launchBrowser(): Promise<Browser> {
	const executablePath = chromiumPath();
	if (!executablePath) {
		throw new Error('tests: no Chromium at /usr/bin/chromium (or CHROMIUM_PATH); install it with apt-get install chromium');
	}
	return chromium.launch({
		executablePath,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--autoplay-policy=no-user-gesture-required'
		]
	});
}
