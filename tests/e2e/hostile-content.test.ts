/**
 * The hostile feed's payloads (tests/hostile/payloads.ts) in a real Chromium: every page that shows them is loaded
 * with JavaScript on, hovered, its disclosures opened and its live search typed into, and no alert() may fire. The
 * markup checks in tests/hostile/xss.ts say why nothing should; this is the browser agreeing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { slugify } from '../../src/lib/slug';
import { describeBrowser, launchBrowser } from '../helpers/browser';
import { HOSTILE_SHOW } from '../hostile/payloads';
import { serveHostileSite } from '../hostile/site';

describeBrowser('hostile content in Chromium', () => {
	const site = serveHostileSite();
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(() => browser?.close());

	/** Opens `path` and does what a reader does; returns every dialog that opened and every script error. */
	async function visit(path: string, act: (page: Page) => Promise<void> = async () => {}): Promise<string[]> {
		const context = await browser!.newContext({ baseURL: site.url });
		const events: string[] = [];
		try {
			// Nothing may leave this machine, payloads included (an <img src> elsewhere would be a leak).
			await context.route('**/*', (route) => (route.request().url().startsWith(site.url) ? route.continue() : route.abort()));
			const page = await context.newPage();
			page.on('dialog', (dialog) => {
				events.push(`${path}: a ${dialog.type()} dialog said "${dialog.message()}"`);
				void dialog.dismiss();
			});
			page.on('pageerror', (error) => events.push(`${path}: script error ${error.message}`));
			const response = await page.goto(path, { waitUntil: 'load' });
			if (response?.status() !== 200) events.push(`${path}: answered ${response?.status()}`);
			await page.hover('h1');
			for (const details of await page.locator('details').all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
			await act(page);
			await page.waitForTimeout(300); // a handler that fires late (ontoggle, onerror on a slow image)
		} finally {
			await context.close();
		}
		return events;
	}

	it('fires no dialog on the episode, show, question, person and embed pages', async () => {
		const episode = `/podcasts/${site.show}/${site.episode}`;
		const events: string[] = [];
		for (const path of [episode, `${episode}?t=300`, `/podcasts/${site.show}`, `/questions/${HOSTILE_SHOW.question}`, `/people/${slugify(HOSTILE_SHOW.guestName)}`, `/embed${episode}`, `/embed/questions/${HOSTILE_SHOW.question}`, '/']) {
			events.push(...(await visit(path)));
		}
		expect(events).toEqual([]);
	});

	it('fires no dialog when live search shows the payloads as results', async () => {
		const events = await visit('/search', async (page) => {
			await page.getByRole('searchbox').first().fill('alert script chapter');
			await page.locator('ul.card-list li').first().waitFor({ timeout: 10_000 });
			await page.hover('ul.card-list li');
		});
		expect(events).toEqual([]);
	});

	it('does not call an imported show sample content', async () => {
		const context = await browser!.newContext({ baseURL: site.url, javaScriptEnabled: false });
		try {
			const page = await context.newPage();
			for (const path of [`/podcasts/${site.show}/${site.episode}`, `/podcasts/${site.show}`]) {
				await page.goto(path);
				expect(await page.locator('footer').textContent(), path).not.toContain('sample content');
			}
		} finally {
			await context.close();
		}
	});
});
