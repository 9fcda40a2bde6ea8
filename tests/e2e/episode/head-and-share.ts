import { describe, expect, it } from 'vitest';
import { clickVisible, EPISODE, openEnhanced, type BrowserSuite } from '../support';

/** The path and query of an absolute URL (this suite's server has no ORIGIN set, so links say https). */
const pathOf = (url: string | null) => (url === null ? null : new URL(url).pathname + new URL(url).search);

/** What the head says about the page after navigating in place, and what the share panels download, and when. */
export function describeHeadAndShare(suite: BrowserSuite): void {
	describe('page metadata and share panels on the episode page', () => {
		it("drops the episode's canonical URL and JSON-LD when the reader navigates in place to a question", async () => {
			const page = await suite.newPage();
			await openEnhanced(page, EPISODE);
			const canonical = () => page.evaluate(() => document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null);
			const ldTypes = () =>
				page.evaluate(() => [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!)['@type']));
			expect(pathOf(await canonical())).toBe(EPISODE);
			expect(await ldTypes()).toEqual(['PodcastEpisode']);
			await page.evaluate(() => Object.assign(window, { sameDocument: true }));

			const questions = page.locator('section[aria-labelledby="questions-heading"]');
			await clickVisible(questions.getByRole('link', { name: 'Can running serve as therapy?' }));
			await page.getByRole('heading', { level: 1, name: 'Can running serve as therapy?' }).waitFor();
			expect(await page.evaluate(() => 'sameDocument' in window), 'a client-side navigation').toBe(true);
			expect(await page.title()).toBe('Can running serve as therapy? · Podcast Moments');
			// A share sheet reading the head would otherwise offer the episode's address for the question page.
			expect(await canonical()).toBeNull();
			expect(await ldTypes()).toEqual([]);
		});

		it('downloads the share controls only when a panel is opened, and then they work', async () => {
			const page = await suite.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
			// Which downloaded scripts hold the share controls (recognised by their button's text).
			const scripts: Promise<boolean>[] = [];
			page.on('response', (response) => {
				if (response.request().resourceType() === 'script') scripts.push(response.text().then((code) => code.includes('Copy link'), () => false));
			});
			const fetchedControls = async () => (await Promise.all(scripts)).filter(Boolean).length;
			await openEnhanced(page, `${EPISODE}?t=720`);
			const panel = page.locator('details.share', { has: page.getByText('Share this moment', { exact: true }) });
			expect(await panel.getByRole('button', { name: 'Copy link' }).count()).toBe(0);
			expect(await fetchedControls(), 'share controls fetched before any panel opened').toBe(0);

			await panel.locator('summary').click();
			expect(pathOf(await panel.getByLabel('Link').inputValue())).toBe(`${EPISODE}?t=720`);
			await panel.getByRole('button', { name: 'Copy link' }).click();
			await expect.poll(() => panel.getByRole('status').textContent()).toBe('Link copied.');
			expect(pathOf(await page.evaluate(() => navigator.clipboard.readText()))).toBe(`${EPISODE}?t=720`);
			expect(await fetchedControls(), 'opening a panel fetched its controls, once').toBe(1);

			// Every other panel on the page uses the controls already fetched.
			const fetched = scripts.length;
			const segmentPanel = page.locator('section[aria-labelledby="segments-heading"] details.share').first();
			await segmentPanel.locator('summary').click();
			await segmentPanel.getByLabel('End').fill('2:00');
			expect(pathOf(await segmentPanel.getByLabel('Link').inputValue())).toBe(`${EPISODE}?t=0,120`);
			expect(scripts.length).toBe(fetched);
		});
	});
}
