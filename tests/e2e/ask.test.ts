import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser } from '../helpers/browser';
import { browserSuite } from './support';

const QUESTION = 'how do I calm my nerves before a race';

/** Opens /ask and waits until its script runs (the hint about answering as you type appears only then). */
async function openAsk(page: Page, path = '/ask'): Promise<void> {
	await page.goto(path);
	await page.getByText('The answer appears as you type.').waitFor();
}

/** Waits until the audio in `selector` plays near `seconds`. */
async function expectPlayingAt(page: Page, selector: string, seconds: number): Promise<void> {
	await page.waitForFunction(
		([sel, at]) => {
			const audio = document.querySelector<HTMLAudioElement>(sel)!;
			return audio.readyState >= 1 && !audio.paused && audio.currentTime >= at - 0.05 && audio.currentTime < at + 1.5;
		},
		[selector, seconds] as const,
		{ timeout: 10_000, polling: 50 }
	);
}

describeBrowser('the answer page', () => {
	const suite = browserSuite();

	it('shows the answer as you type, without loading a page, and keeps the address shareable', async () => {
		const page = await suite.newPage();
		await openAsk(page);
		await page.getByRole('searchbox', { name: 'Ask a question' }).pressSequentially(QUESTION, { delay: 20 });
		await page.getByRole('heading', { name: 'What was said' }).waitFor({ timeout: 60_000 });
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(QUESTION);
		expect(await page.getByRole('link', { name: /^Play quote 1:/ }).textContent()).toBe('[1]');
		await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Answer with \d quotes from \d sources?\.$/);
		await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(QUESTION);
		expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
	}, 120_000); // the first answer loads the sentence encoder

	it('renders the answer without JavaScript, each citation linking to exactly its sentence', async () => {
		const page = await suite.newPage({ javaScriptEnabled: false });
		await page.goto(`/ask?q=${encodeURIComponent(QUESTION)}`);
		expect(await page.getByRole('heading', { name: 'What was said' }).count()).toBe(1);
		const href = await page.getByRole('link', { name: /^Play quote 1:/ }).getAttribute('href');
		expect(href).toMatch(/^\/podcasts\/[^?]+\?t=[\d.]+,[\d.]+$/);
		expect(await page.locator('#source-1 audio').getAttribute('src')).toMatch(/#t=[\d.]+,[\d.]+$/);
		// The form asks again without JavaScript.
		await page.getByRole('searchbox', { name: 'Ask a question' }).fill('Can running serve as therapy?');
		await page.getByRole('button', { name: 'Answer' }).click();
		await page.waitForURL('**/ask?q=Can+running+serve+as+therapy%3F');
		expect(await page.getByRole('link', { name: 'Can running serve as therapy?' }).first().getAttribute('href')).toBe('/questions/can-running-serve-as-therapy');
	});

	it('plays citation [1] from its sentence\'s start when clicked, in the site\'s one player', async () => {
		const page = await suite.newPage();
		await openAsk(page, `/ask?q=${encodeURIComponent(QUESTION)}`);
		const cite = page.getByRole('link', { name: /^Play quote 1:/ });
		const t = new URL((await cite.getAttribute('href'))!, suite.url).searchParams.get('t')!;
		const [start] = t.split(',').map(Number);
		await cite.click();
		await expectPlayingAt(page, 'audio', start!);
		expect(new URL(page.url()).pathname).toBe('/ask');
		expect(await page.locator('audio').count(), 'one audio element: the sources play in the bar').toBe(1);

		// A quote from another source plays in the same player, from its own sentence.
		const other = await page.evaluate(() => {
			const items = [...document.querySelectorAll('li[id^="source-"]')];
			const item = items.find((li) => li.id !== 'source-1' && li.querySelector('.quoted'));
			return item ? Number(/\[(\d+)\]/.exec(item.querySelector('.quoted')!.textContent!)![1]) : null;
		});
		expect(other).not.toBeNull();
		const otherCite = page.getByRole('link', { name: new RegExp(`^Play quote ${other}:`) });
		const otherStart = Number(new URL((await otherCite.getAttribute('href'))!, suite.url).searchParams.get('t')!.split(',')[0]);
		await otherCite.click();
		await expectPlayingAt(page, 'audio', otherStart);
		expect(await page.locator('audio').count()).toBe(1);
	});
});
