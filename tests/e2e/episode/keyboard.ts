import { describe, expect, it } from 'vitest';
import { audioState, currentSegment, EPISODE, expectAudioAt, openEnhanced, type BrowserSuite } from '../support';

export function describeKeyboard(suite: BrowserSuite): void {
	describe('playing the episode with the keyboard and the controls', () => {
		it('plays and pauses with the space bar', async () => {
			const page = await suite.newPage();
			await openEnhanced(page, `${EPISODE}?t=754`);
			await expectAudioAt(page, 754);
			await page.keyboard.press('Space');
			await page.waitForFunction(() => !document.querySelector('audio')!.paused);
			await expect.poll(async () => (await audioState(page)).currentTime).toBeGreaterThan(754.2);
			await page.keyboard.press('Space');
			await page.waitForFunction(() => document.querySelector('audio')!.paused);
			await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
			// The page did not scroll away: the space bar went to the player.
			expect(await page.evaluate(() => window.scrollY)).toBe(0);
		});

		it('skips 15 seconds with the arrow keys', async () => {
			const page = await suite.newPage();
			await openEnhanced(page, `${EPISODE}?t=754`);
			await expectAudioAt(page, 754);
			await page.keyboard.press('ArrowRight');
			await expectAudioAt(page, 769);
			await page.keyboard.press('ArrowRight');
			await expectAudioAt(page, 784);
			await page.keyboard.press('ArrowLeft');
			await expectAudioAt(page, 769);
			expect((await audioState(page)).paused).toBe(true);
		});

		it('goes to the next and previous segment with Alt+arrows, updating the address bar', async () => {
			const page = await suite.newPage();
			await openEnhanced(page, `${EPISODE}?t=754`);
			await expectAudioAt(page, 754);
			await page.keyboard.press('Alt+ArrowRight');
			await expectAudioAt(page, 960);
			expect(await currentSegment(page)).toBe('Self-Reflection and Self-Discovery on the Run');
			expect(new URL(page.url()).searchParams.get('t')).toBe('960');
			await page.keyboard.press('Alt+ArrowRight');
			await expectAudioAt(page, 1170);
			// Within the first seconds of a segment, "previous" goes to the one before, as in music players.
			await page.keyboard.press('Alt+ArrowLeft');
			await expectAudioAt(page, 960);
		});

		it('goes to the next segment with the Next segment button', async () => {
			const page = await suite.newPage();
			await openEnhanced(page, EPISODE);
			await page.getByRole('button', { name: 'Next segment' }).click();
			await expectAudioAt(page, 180);
			await page.getByRole('button', { name: 'Forward 15 seconds' }).click();
			const state = await audioState(page);
			expect(state.currentTime).toBeGreaterThanOrEqual(195);
			expect(state.currentTime).toBeLessThan(197);
		});

		it('changes the playback speed with the speed control', async () => {
			const page = await suite.newPage();
			await openEnhanced(page, EPISODE);
			expect((await audioState(page)).playbackRate).toBe(1);
			await page.getByLabel('Speed').selectOption('1.5');
			expect((await audioState(page)).playbackRate).toBe(1.5);
			await page.keyboard.press('Space');
			await page.waitForFunction(() => !document.querySelector('audio')!.paused);
			expect((await audioState(page)).playbackRate).toBe(1.5);
			await page.getByLabel('Speed').selectOption('0.75');
			expect((await audioState(page)).playbackRate).toBe(0.75);
		});

		it('leaves the space bar to a focused checkbox instead of the player', async () => {
			const page = await suite.newPage();
			await openEnhanced(page, EPISODE);
			const follow = page.getByRole('checkbox', { name: 'Follow playback' });
			expect(await follow.isChecked()).toBe(true);
			await follow.focus();
			await page.keyboard.press('Space');
			expect(await follow.isChecked()).toBe(false);
			expect((await audioState(page)).paused).toBe(true);
		});
	});
}
