import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser } from '../helpers/browser';
import { browserSuite } from './support';

/** Opens /search and waits until its script runs (the keyboard hint appears only then). */
async function openSearch(page: Page, path = '/search'): Promise<void> {
	await page.goto(path);
	await page.getByText('↓ and ↑ move through suggestions and results').waitFor();
}

/** Seconds from the first time shown in a text, such as 'Open the episode at 3:00' or '1:02:03'. */
const seconds = (shown: string) => shown.match(/\d+(?::\d{2})+/)![0].split(':').reduce((total, part) => total * 60 + Number(part), 0);

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search questions, topics, episodes and people' });
const firstMoment = (page: Page) =>
	page.locator('section[aria-labelledby="segments-heading"] a[data-nav]').first().textContent().then((t) => t?.trim() ?? '');

describeBrowser('search', () => {
	const suite = browserSuite();

	it('takes a misspelled question to its answer: suggestion, question page, citation [1] playing from its segment', async () => {
		const page = await suite.newPage();
		await openSearch(page);
		await searchBox(page).pressSequentially('how much slep do runers need', { delay: 20 });
		const suggestions = page.getByRole('list', { name: 'Suggested questions' });
		await suggestions.getByRole('link', { name: 'How much sleep do runners need?' }).click();
		await page.waitForURL('**/questions/how-much-sleep-do-runners-need');
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('How much sleep do runners need?');

		const source = page.locator('#citation-1');
		const start = seconds((await source.locator('a.time').textContent())!);
		expect(start).toBe(180);
		expect(await source.getByRole('heading').textContent()).toContain('The Sleep Numbers for Endurance Athletes');
		// Nothing is fetched until something is played: the one player has no source yet.
		expect(await page.evaluate(() => document.querySelector('audio')?.getAttribute('src') ?? null)).toBeNull();

		await page.getByRole('link', { name: /^Play source 1:/ }).click();
		await page.waitForFunction(
			(at) => {
				const audio = document.querySelector<HTMLAudioElement>('audio')!;
				return audio.readyState >= 1 && !audio.paused && Math.abs(audio.currentTime - at) < 1;
			},
			start,
			{ timeout: 10_000, polling: 50 }
		);
		expect(await page.locator('audio').count()).toBe(1);
		expect(new URL(page.url()).hash).toBe('#citation-1');
	});

	it('updates results as you type, without loading a page, and keeps the address shareable', async () => {
		const page = await suite.newPage();
		await openSearch(page);
		await searchBox(page).pressSequentially('box breathing', { delay: 20 });
		await expect.poll(() => firstMoment(page)).toContain('Breathing Techniques for the Start Corral');
		await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('box breathing');
		expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
	});

	it('drops a slow, stale response instead of showing it over newer results', async () => {
		const page = await suite.newPage();
		let delayed = 0;
		await page.route('**/api/search?q=cortisol*', async (route) => {
			delayed++;
			await new Promise((resolve) => setTimeout(resolve, 1500));
			await route.continue();
		});
		await openSearch(page);
		await searchBox(page).fill('cortisol');
		await page.waitForTimeout(400); // past the debounce: the cortisol request is out, and slow
		await searchBox(page).fill('electrolytes');
		await expect.poll(() => firstMoment(page)).toContain('Hydration and Electrolytes');
		await page.waitForTimeout(1800); // the cortisol response has come back (or been aborted) by now
		expect(delayed).toBe(1);
		expect(await firstMoment(page)).toContain('Hydration and Electrolytes');
		expect(await searchBox(page).inputValue()).toBe('electrolytes');
	});

	it('works from the keyboard: arrows through suggestions and results, Enter opens, Escape clears', async () => {
		const page = await suite.newPage();
		await openSearch(page, '/search?q=cortisol');
		await searchBox(page).focus();
		await page.keyboard.press('ArrowDown');
		const firstResult = await page.evaluate(() => document.querySelector('main a[data-nav]')!.textContent);
		expect(firstResult).toBe('Can overtraining make stress worse?'); // its other phrasing asks about cortisol
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(firstResult);
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');

		await page.keyboard.press('Escape');
		expect(await searchBox(page).inputValue()).toBe('');
		await expect.poll(() => page.getByRole('heading', { name: 'Questions people ask' }).count()).toBe(1);

		await searchBox(page).pressSequentially('cortisol', { delay: 20 });
		await expect.poll(() => firstMoment(page)).toContain('Cortisol');
		await page.keyboard.press('ArrowDown');
		const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname + url.search === target);
	});

	it('filters by show', async () => {
		const page = await suite.newPage();
		await openSearch(page, '/search?q=stress');
		await page.getByLabel('Show').selectOption('sleep-and-recovery-lab');
		await expect.poll(() => new URL(page.url()).searchParams.get('show')).toBe('sleep-and-recovery-lab');
		const shows = await page.locator('section[aria-labelledby="segments-heading"] .meta').allTextContents();
		expect(shows.length).toBeGreaterThan(0);
		for (const text of shows) expect(text).toContain('The Sleep and Recovery Lab');
	});

	it('searches without JavaScript from the form in the site header', async () => {
		const page = await suite.newPage({ javaScriptEnabled: false });
		await page.goto('/');
		const header = page.getByRole('search', { name: 'Site' });
		await header.getByRole('searchbox').fill('sleep debt');
		await header.getByRole('button', { name: 'Search' }).click();
		await page.waitForURL('**/search?q=sleep+debt');
		expect(await firstMoment(page)).toContain('Sleep Debt, Injury Risk and Performance');
	});
});
