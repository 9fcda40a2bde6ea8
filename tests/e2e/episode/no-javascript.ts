import { describe, expect, it } from 'vitest';
import { audioState, clickVisible, currentSegment, EPISODE, expectAudioAt, type BrowserSuite } from '../support';

export function describeNoJavaScript(suite: BrowserSuite): void {
	describe('the episode page without JavaScript', () => {
		it('follows a segment\'s ?t= link to a page whose audio starts at that segment', async () => {
			const page = await suite.newPage({ javaScriptEnabled: false });
			await page.goto(EPISODE);
			// No script, so no controls that could not work: just the browser's own audio player.
			expect(await page.getByRole('group', { name: 'Playback' }).count()).toBe(0);
			const segments = page.locator('section[aria-labelledby="segments-heading"]');
			await Promise.all([page.waitForURL(/\?t=480$/), clickVisible(segments.getByRole('link', { name: 'Play from 8:00' }))]);
			expect((await audioState(page)).src).toMatch(/\.wav#t=480$/);
			await expectAudioAt(page, 480);
			expect(await currentSegment(page)).toBe('Working Through Emotions at a Steady Rhythm');
			expect(await page.getByRole('status').textContent()).toBe('Starting at 8:00.');
		});

		it('starts a ?t=754,800 clip at 12:34 through the media fragment alone', async () => {
			const page = await suite.newPage({ javaScriptEnabled: false });
			await page.goto(`${EPISODE}?t=754,800`);
			expect((await audioState(page)).src).toMatch(/\.wav#t=754,800$/);
			await expectAudioAt(page, 754);
		});

		it('explains a ?t= it cannot use and starts at 0:00', async () => {
			const page = await suite.newPage({ javaScriptEnabled: false });
			await page.goto(`${EPISODE}?t=99999`);
			expect(await page.locator('.notice').textContent()).toBe('27:46:39 is past the end of this episode (50:00). Playing from the start.');
			await expectAudioAt(page, 0);
		});

		it('opens a segment\'s share panel on a link and embed code for that segment, ready to select and copy', async () => {
			const page = await suite.newPage({ javaScriptEnabled: false });
			await page.goto(EPISODE);
			const panel = page.locator('section[aria-labelledby="segments-heading"] li').nth(1).locator('details.share');
			await panel.locator('summary').click();
			const link = new URL(await panel.getByLabel('Link').inputValue());
			expect(link.pathname + link.search).toBe(`${EPISODE}?t=180,480`);
			expect(await panel.getByLabel('Embed code').inputValue()).toContain(`/embed${EPISODE}?t=180,480"`);
			expect(await panel.getByRole('button', { name: 'Copy link' }).count(), 'no controls that need JavaScript').toBe(0);
		});
	});
}
