/**
 * axe-core, the standard accessibility engine, over every page type in both colour schemes: no violations of any rule
 * it runs by default (WCAG A and AA, and its best practices). Light mode is checked at a laptop's width and dark
 * mode at a phone's, so both layouts are covered without visiting every page four times.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser } from '../helpers/browser';
import { ADMIN_TOKEN, PAGE_TYPES } from './page-types';
import { browserSuite, EPISODE } from './support';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The violations axe finds on the page as it stands, one line each: rule, impact, and where. */
async function axeViolations(page: Page): Promise<string[]> {
	// Evaluated through the browser's debugging protocol, so the site's Content-Security-Policy (which refuses inline
	// scripts, as it should) stays on while axe is added.
	await page.evaluate(AXE_SOURCE);
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
		const { violations } = await axe.run(document, { resultTypes: ['violations'] });
		return violations.flatMap((v) =>
			v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ')}`)
		);
	});
}

describeBrowser('accessibility of every page type (axe-core)', () => {
	const suite = browserSuite({ env: { ADMIN_TOKEN } });

	const schemes = [
		{ colorScheme: 'light', viewport: { width: 1280, height: 800 } },
		{ colorScheme: 'dark', viewport: { width: 360, height: 740 } }
	] as const;

	for (const { colorScheme, viewport } of schemes) {
		it(`finds no violations in ${colorScheme} mode at ${viewport.width} px`, async () => {
			const page = await suite.newPage({ colorScheme, viewport });
			const found: string[] = [];
			for (const { name, path } of PAGE_TYPES) {
				// Once the network is idle the page's script has run: axe sees the page a reader uses.
				await page.goto(path, { waitUntil: 'networkidle' });
				for (const violation of await axeViolations(page)) found.push(`${name} (${path}): ${violation}`);
			}
			// The site's player bar while it plays (its pause button, moving time and scrubber).
			await page.goto(EPISODE, { waitUntil: 'networkidle' });
			await page.getByRole('button', { name: 'Play', exact: true }).first().click();
			await page.waitForFunction(() => document.querySelector('audio')?.paused === false);
			for (const violation of await axeViolations(page)) found.push(`episode, playing: ${violation}`);
			expect(found).toEqual([]);
		}, 240_000);
	}
});
