import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EPISODE, openEnhanced, type BrowserSuite } from '../support';

const PHONE = { width: 390, height: 844 };
/** Scroll positions land on device pixels: a fraction of a pixel under the bar's edge hides nothing. */
const SUBPIXEL = 0.5;

/** Where `selector`'s box is, and where the sticky player ends, in the viewport. */
function placement(page: Page, selector: string) {
	return page.evaluate((sel) => {
		const box = document.querySelector(sel)!.getBoundingClientRect();
		return { top: box.top, bottom: box.bottom, barBottom: document.querySelector('.player-bar')!.getBoundingClientRect().bottom, viewport: innerHeight };
	}, selector);
}

/** The phone layout (390x844), and what the page says when something cannot work: audio, share times, `#t=`. */
export function describePhoneAndNotices(suite: BrowserSuite): void {
	describe('the episode page on a phone', () => {
		it('scrolls a linked segment fully into view below the player', async () => {
			const page = await suite.newPage({ viewport: PHONE });
			await openEnhanced(page, EPISODE);
			const id = await page.locator('section[aria-labelledby="segments-heading"] li').nth(4).getAttribute('id');
			await page.evaluate((hash) => (location.hash = hash), id!);
			await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
			const heading = `#${id} h3`;
			const { top, bottom, barBottom, viewport } = await placement(page, heading);
			expect(top, 'the linked segment starts below the player').toBeGreaterThanOrEqual(barBottom - SUBPIXEL);
			expect(bottom).toBeLessThanOrEqual(viewport);
		});

		it('keeps every link fully visible below the player while Shift+Tab moves focus back up the page', async () => {
			const page = await suite.newPage({ viewport: PHONE });
			await openEnhanced(page, EPISODE);
			const segments = page.locator('section[aria-labelledby="segments-heading"]');
			await segments.locator('a').last().focus();
			await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
			const bar = await page.evaluate(() => document.querySelector('.player-bar')!.getBoundingClientRect().height);
			for (let step = 0; step < 12; step++) {
				await page.keyboard.press('Shift+Tab');
				await page.evaluate(() => document.activeElement!.setAttribute('data-focused', String(Date.now())));
				const { top, bottom, barBottom, viewport } = await placement(page, '[data-focused]');
				const name = await page.evaluate(() => document.activeElement!.textContent?.trim().slice(0, 40));
				expect(top, `"${name}" starts below the player (${bar} px high)`).toBeGreaterThanOrEqual(barBottom - SUBPIXEL);
				expect(bottom, `"${name}" ends on screen`).toBeLessThanOrEqual(viewport);
				await page.evaluate(() => document.activeElement!.removeAttribute('data-focused'));
			}
		});

		it('shows no keyboard hints on a touch screen', async () => {
			const page = await suite.newPage({ viewport: PHONE, hasTouch: true, isMobile: true });
			await openEnhanced(page, EPISODE);
			expect(await page.getByText('Keys: space plays or pauses').isVisible()).toBe(false);
			// With a mouse and keyboard the hints are there.
			const desktop = await suite.newPage();
			await openEnhanced(desktop, EPISODE);
			expect(await desktop.getByText('Keys: space plays or pauses').isVisible()).toBe(true);
		});
	});

	describe('notices on the episode page', () => {
		it('says the audio cannot be played, and disables the controls, when it does not load', async () => {
			const page = await suite.newPage();
			await page.route('**/*.wav', (route) => route.fulfill({ status: 404, body: 'gone' }));
			await openEnhanced(page, EPISODE);
			await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/audio cannot be played/);
			expect(await page.getByRole('button', { name: 'Play' }).isDisabled()).toBe(true);
			expect(await page.getByRole('button', { name: 'Next segment' }).isDisabled()).toBe(true);
		});

		it('empties the share link and disables copying while the end is not after the start', async () => {
			const page = await suite.newPage();
			await openEnhanced(page, EPISODE);
			const panel = page.locator('section[aria-labelledby="segments-heading"] details.share').nth(1);
			await panel.locator('summary').click();
			await panel.getByLabel('End').fill('1:00');
			expect(await panel.getByRole('alert').textContent()).toBe('The end must come after the start.');
			// Not the segment's own link next to fields that say something else.
			expect(await panel.getByLabel('Link').inputValue()).toBe('');
			expect(await panel.getByRole('button', { name: 'Copy link' }).isDisabled()).toBe(true);
			expect(await panel.getByRole('button', { name: 'Copy code' }).isDisabled()).toBe(true);
			await panel.getByLabel('End').fill('4:00');
			expect(new URL(await panel.getByLabel('Link').inputValue()).search).toBe('?t=180,240');
			expect(await panel.getByRole('button', { name: 'Copy link' }).isDisabled()).toBe(false);
		});

		it('tells a reader without JavaScript that #t= links start at 0:00', async () => {
			const page = await suite.newPage({ javaScriptEnabled: false });
			await page.goto(`${EPISODE}#t=754`);
			const notice = page.locator('.episode-audio p.hint');
			expect(await notice.isVisible()).toBe(true);
			expect(await notice.textContent()).toContain('Without JavaScript this player starts at 0:00');
		});

		it('previews a ?t= link as the moment: its topic, time and summary', async () => {
			const page = await suite.newPage({ javaScriptEnabled: false });
			await page.goto(`${EPISODE}?t=754`);
			const meta = (name: string) => page.locator(`meta[property="${name}"]`).getAttribute('content');
			expect(await meta('og:title')).toBe("Mindful Running: Breath, Footsteps and Surroundings (12:34) - Running Isn't Therapy");
			expect(await meta('og:description')).toBe(
				'Sarah walks through a simple mindful running practice that uses breathing, foot strikes and the environment as anchors to strengthen the mind-body connection.'
			);
			// Without a moment the preview is the episode's.
			await page.goto(EPISODE);
			expect(await meta('og:title')).toBe("Running Isn't Therapy · The Running Explained Podcast");
		});

		it('calls the demo episode sample content in the footer', async () => {
			const page = await suite.newPage({ javaScriptEnabled: false });
			await page.goto(EPISODE);
			expect(await page.locator('footer').textContent()).toContain('sample content');
		});
	});
}
