/**
 * Honest search in the browser (issue 14, point 5): questions the demo does not discuss say "Nothing found for “…”"
 * and offer questions and shows instead of made-up moments, on the server-rendered page (no JavaScript) and as the
 * results follow typing; what the demo does discuss is still found.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser } from '../helpers/browser';
import { browserSuite } from './support';

/** Unanswerable on the demo (a running podcast): the case, other topics, a near miss sharing "keep" and "going". */
const UNANSWERABLE = ['bitcoin mining', 'how do I keep my guitar strings from going out of tune', 'what is a natural way to get rid of aphids on roses'];

const moments = (page: Page) => page.locator('section[aria-labelledby="segments-heading"] a[data-nav]');
const nothingFound = (page: Page) => page.getByRole('heading', { level: 2, name: /^Nothing found for/ });

describeBrowser('search that says when nothing is found', () => {
	const suite = browserSuite();

	it('says so without JavaScript, escaping the query, and offers questions and shows', async () => {
		const page = await suite.newPage({ javaScriptEnabled: false });
		for (const query of UNANSWERABLE) {
			await page.goto(`/search?q=${encodeURIComponent(query)}`);
			expect(await nothingFound(page).textContent()).toBe(`Nothing found for “${query}”`);
			expect(await moments(page).count()).toBe(0);
			const section = page.locator('section[aria-labelledby="nothing-heading"]');
			expect(await section.getByRole('list', { name: 'Shows' }).getByRole('link').count()).toBe(3);
			expect(await section.getByRole('link', { name: 'The Running Explained Podcast' }).getAttribute('href')).toBe('/podcasts/running-explained');
			expect(await section.locator('ul').first().getByRole('link').count()).toBeGreaterThan(0);
		}
		await page.goto(`/search?q=${encodeURIComponent('<b>qwzx</b> vbnm')}`);
		expect(await nothingFound(page).textContent()).toBe('Nothing found for “<b>qwzx</b> vbnm”');
		expect(await page.locator('main b').count()).toBe(0);
	});

	it('says so as the results follow typing, and finds what the demo discusses again', async () => {
		const page = await suite.newPage();
		await page.goto('/search');
		await page.getByText('↓ and ↑ move through suggestions and results').waitFor();
		const box = page.getByRole('searchbox', { name: 'Search questions, topics, episodes and people' });
		for (const query of UNANSWERABLE) {
			await box.fill(query);
			await expect.poll(() => nothingFound(page).textContent()).toBe(`Nothing found for “${query}”`);
			expect(await moments(page).count()).toBe(0);
			expect(await page.getByRole('list', { name: 'Shows' }).getByRole('link').count()).toBe(3);
		}
		await box.fill('box breathing');
		await expect.poll(() => moments(page).first().textContent()).toContain('Breathing Techniques for the Start Corral');
		expect(await nothingFound(page).count()).toBe(0);
		expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
	});
});
