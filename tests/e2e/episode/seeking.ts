import { describe, expect, it } from 'vitest';
import { audioState, clickVisible, currentSegment, EPISODE, expectAudioAt, openEnhanced, type BrowserSuite } from '../support';

export function describeSeeking(suite: BrowserSuite): void {
	describe('seeking on the episode page', () => {
		it('plays from a segment when its timestamp is clicked, puts t= in the address bar and marks the segment', async () => {
			const page = await suite.newPage();
			await openEnhanced(page, EPISODE);
			expect(await currentSegment(page)).toBe('Welcome and Meet Sarah Strong');
			await page.evaluate(() => Object.assign(window, { sameDocument: true }));
			const segments = page.locator('section[aria-labelledby="segments-heading"]');
			await clickVisible(segments.getByRole('link', { name: 'Play from 8:00' }));
			await expectAudioAt(page, 480);
			expect(new URL(page.url()).searchParams.get('t')).toBe('480');
			expect(await currentSegment(page)).toBe('Working Through Emotions at a Steady Rhythm');
			await page.waitForFunction(() => !document.querySelector('audio')!.paused);
			// The click seeked in place: the page was not reloaded, so playback never stopped.
			expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
		});

		it('starts at 12:30 for a ?t=0h12m30s link, highlighting the segment playing there', async () => {
			const page = await suite.newPage();
			await openEnhanced(page, `${EPISODE}?t=0h12m30s`);
			const state = await expectAudioAt(page, 750);
			expect(state.paused).toBe(true);
			expect(await page.getByRole('status').first().textContent()).toBe('Starting at 12:30.');
			expect(await currentSegment(page)).toBe('Mindful Running: Breath, Footsteps and Surroundings');
		});

		it('starts at 12:34 for a #t=754 link, which only the browser sees', async () => {
			const page = await suite.newPage();
			await openEnhanced(page, `${EPISODE}#t=754`);
			await expectAudioAt(page, 754);
			expect(await currentSegment(page)).toBe('Mindful Running: Breath, Footsteps and Surroundings');
		});

		it('explains a #t= it cannot use and stays at the start', async () => {
			const page = await suite.newPage();
			await openEnhanced(page, `${EPISODE}#t=later`);
			await expect.poll(() => page.locator('.notice').textContent()).toContain('"later" is not a time we understand');
			expect(await page.locator('.notice').textContent()).toContain('Playing from the start.');
			await expectAudioAt(page, 0);
		});

		it('seeks when a transcript sentence is clicked, and marks that sentence', async () => {
			const page = await suite.newPage();
			await openEnhanced(page, EPISODE);
			const transcript = page.getByRole('list', { name: 'Transcript' });
			const line = transcript.locator('a.sentence').nth(5);
			const href = (await line.getAttribute('href'))!;
			const seconds = Number(new URL(href, page.url()).searchParams.get('t'));
			expect(seconds).toBeGreaterThan(0);
			await line.click(); // a sentence may wrap onto two lines: the middle of its box can be outside it
			await expectAudioAt(page, seconds);
			await expect.poll(() => line.getAttribute('aria-current')).toBe('true');
			// The link says whole seconds; the address bar keeps the line's exact start.
			const t = Number(new URL(page.url()).searchParams.get('t'));
			expect(t - seconds).toBeGreaterThanOrEqual(0);
			expect(t - seconds).toBeLessThan(1);
		});

		it('seeks when a block of the timeline is clicked', async () => {
			const page = await suite.newPage();
			await openEnhanced(page, EPISODE);
			await page.getByRole('link', { name: "23:00: Why Running Isn't a Substitute for Therapy" }).click();
			await expectAudioAt(page, 1380);
			expect(await currentSegment(page)).toBe("Why Running Isn't a Substitute for Therapy");
		});

		it('jumps to the answer of a question the episode answers', async () => {
			const page = await suite.newPage();
			await openEnhanced(page, EPISODE);
			const questions = page.locator('section[aria-labelledby="questions-heading"]');
			const question = questions.getByRole('listitem').filter({ hasText: 'Can running serve as therapy?' });
			await clickVisible(question.getByRole('link', { name: 'Play the answer from 23:00' }));
			await expectAudioAt(page, 1380);
		});

		it('follows playback in the transcript box without scrolling the page away from the player', async () => {
			const page = await suite.newPage();
			await openEnhanced(page, `${EPISODE}?t=1380`);
			await expectAudioAt(page, 1380);
			await page.getByRole('button', { name: 'Play' }).click();
			const transcript = page.getByRole('list', { name: 'Transcript' });
			await expect.poll(() => transcript.evaluate((list) => list.scrollTop)).toBeGreaterThan(200);
			const lineInBox = () =>
				transcript.locator('a[aria-current="true"]').evaluate((sentence) => {
					const box = sentence.closest('ol')!.getBoundingClientRect();
					const line = sentence.getBoundingClientRect();
					return line.top >= box.top && line.bottom <= box.bottom;
				});
			await expect.poll(lineInBox).toBe(true);
			expect(await page.evaluate(() => window.scrollY)).toBe(0);
		});

		it('plays a shared clip (?t=754,757) and stops at its end', async () => {
			const page = await suite.newPage();
			await openEnhanced(page, `${EPISODE}?t=754,757`);
			await expectAudioAt(page, 754);
			await page.getByRole('button', { name: 'Play' }).click();
			await page.waitForFunction(() => !document.querySelector('audio')!.paused);
			await page.waitForFunction(() => document.querySelector('audio')!.paused, null, { timeout: 10_000 });
			const state = await audioState(page);
			expect(state.currentTime).toBeGreaterThanOrEqual(757);
			expect(state.currentTime).toBeLessThan(758.5);
		});

		it('hydrates a moment answered from memory (made from the kept page): starts there, marks the sentence, seeks on', async () => {
			// The episode page is kept first, so each moment below is filled from it, not rendered (moment-page.ts).
			const first = await fetch(`${suite.url}${EPISODE}`, { headers: { accept: 'text/html' } });
			await first.arrayBuffer();
			for (const [t, seconds, sentence] of [
				['754', 754, '?t=748'],
				['2:05', 125, null],
				['720', 720, '?t=720']
			] as const) {
				const answer = await fetch(`${suite.url}${EPISODE}?t=${t}`, { headers: { accept: 'text/html' } });
				await answer.arrayBuffer();
				expect(answer.headers.get('x-cache'), `t=${t} from memory`).toBe('hit');
				const page = await suite.newPage();
				await openEnhanced(page, `${EPISODE}?t=${t}`);
				const state = await expectAudioAt(page, seconds);
				expect(state.paused).toBe(true);
				expect(await page.getByRole('status').first().textContent()).toMatch(/^Starting at /);
				const marked = page.getByRole('list', { name: 'Transcript' }).locator('a.sentence[aria-current="true"]');
				if (sentence) expect(await marked.getAttribute('href')).toBe(sentence);
				// Hydrated: the page still seeks in place when a segment is clicked, and marks what plays.
				const segments = page.locator('section[aria-labelledby="segments-heading"]');
				await clickVisible(segments.getByRole('link', { name: 'Play from 8:00' }));
				await expectAudioAt(page, 480);
				expect(await currentSegment(page)).toBe('Working Through Emotions at a Steady Rhythm');
				await page.close();
			}
		});
	});
}
