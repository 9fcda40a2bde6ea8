/**
 * In CI nothing may be skipped: the real PostgreSQL, the browser and the shared real-world files must all be
 * there. Locally, suites that need a missing part skip themselves, and this says which.
 */
import { existsSync } from 'node:fs';
import { chromiumPath, realdataDir } from './helpers/environment';

export default function setup(): void {
	const missing: string[] = [];
	if (!process.env.TEST_DATABASE_URL) missing.push('TEST_DATABASE_URL (PostgreSQL suites)');
	if (!chromiumPath()) missing.push('Chromium at /usr/bin/chromium or CHROMIUM_PATH (browser suites)');
	if (!existsSync(realdataDir)) missing.push(`${realdataDir} (real-world import files)`);
	if (missing.length === 0) return;
	if (process.env.CI === 'true') {
		throw new Error(`tests: CI=true but these are missing, so suites would be skipped: ${missing.join('; ')}`);
	}
	console.warn(`tests: skipping what needs: ${missing.join('; ')}`);
}
