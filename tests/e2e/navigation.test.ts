import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser } from '../helpers/browser';
import { browserSuite, EPISODE } from './support';

/** One page of every type a visitor reaches by following links, with the heading it must show. */
const PAGES: { path: string; heading: string | RegExp }[] = [
	{ path: '/', heading: 'Find the moment a podcast answered your question' },
	{ path: '/podcasts', heading: /./ },
	{ path: '/podcasts/sleep-and-recovery-lab', heading: 'The Sleep and Recovery Lab' },
	{ path: EPISODE, heading: /./ },
	{ path: '/questions', heading: /./ },
	{ path: '/questions/can-running-serve-as-therapy', heading: 'Can running serve as therapy?' },
	{ path: '/people', heading: /./ },
	{ path: '/people/sarah-strong', heading: /Sarah Strong/ },
	{ path: '/search?q=sleep', heading: 'Search' }
];

/**
 * Follows an in-site link to `path` the way a visitor's click does: SvelteKit's router fetches the page's data
 * (`__data.json`) and renders it without reloading. A marker on `window` proves the page was not reloaded.
 */
async function navigateClientSide(page: Page, path: string): Promise<void> {
	await page.evaluate((href) => {
		(window as unknown as { stayed: boolean }).stayed = true;
		const link = Object.assign(document.createElement('a'), { href, textContent: 'go' });
		link.id = 'test-navigation-link';
		document.body.append(link);
	}, path);
	const data = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/__data.json'));
	await page.click('#test-navigation-link');
	const response = await data;
	expect(response.status(), `${path}: data request`).toBe(200);
	expect(response.headers()['content-type'], `${path}: data request answered with`).toMatch(/^application\/json/);
	await page.waitForURL((url) => url.pathname + url.search === path);
	expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), `${path}: reloaded`).toBe(true);
}

function describeNavigation(name: string, env: Record<string, string>) {
	describeBrowser(`in-site navigation ${name}`, () => {
		const suite = browserSuite({ env });

		it('reaches every page type by a click after each was served once, without an error page', async () => {
			const page = await suite.newPage();
			// Served once each, to a browser and to a client that accepts anything (curl, a crawler, a link preview):
			// with the cache on, every one is now kept.
			for (const { path } of PAGES) {
				expect((await page.goto(path))!.status(), path).toBe(200);
				const plain = await fetch(suite.url + path, { headers: { accept: '*/*' } });
				expect(plain.headers.get('content-type'), `${path} for accept */*`).toMatch(/^text\/html/);
			}
			for (const { path, heading } of PAGES) {
				// Once the network is idle, the router has started and takes over link clicks.
				await page.goto(path === '/' ? '/questions' : '/', { waitUntil: 'networkidle' });
				await navigateClientSide(page, path);
				await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), { message: path }).toMatch(heading);
				expect(await page.getByText('Internal Error').count(), `${path}: error page`).toBe(0);
			}
		});
	});
}

describeNavigation('with the response cache', {});
describeNavigation('without the response cache', { RESPONSE_CACHE_MB: '0' });
