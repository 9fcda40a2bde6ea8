/**
 * The site's one player in Chromium: one audio element on every page once the script runs, playback that carries on
 * while the listener browses, the bar's scrubber, "play this moment" on question pages, and the lock screen (Media
 * Session). The demo serves real WAV audio, so everything here really plays.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser } from '../helpers/browser';
import { audioState, browserSuite, EPISODE, expectAudioAt, openEnhanced } from './support';

const QUESTION = '/questions/can-running-serve-as-therapy';

/** Follows an in-site link the way a click does, and proves the page was not reloaded (a marker on `window` stays). */
async function navigateClientSide(page: Page, path: string): Promise<void> {
	await page.evaluate((href) => {
		Object.assign(window, { stayed: true });
		document.getElementById('test-navigation-link')?.remove(); // the one added for the last navigation
		const link = Object.assign(document.createElement('a'), { href, textContent: 'go', id: 'test-navigation-link' });
		document.body.append(link);
	}, path);
	await page.click('#test-navigation-link');
	// A first search may load the sentence encoder: on a busy machine that takes a while.
	await page.waitForFunction((p) => location.pathname + location.search === p, path, { timeout: 90_000 }).catch(async () => {
		throw new Error(`tests: clicking a link to ${path} left the page at ${await page.evaluate(() => location.href)}`);
	});
	await page.getByRole('heading', { level: 1 }).first().waitFor();
	expect(await page.evaluate(() => 'stayed' in window), `${path}: reloaded`).toBe(true);
}

/** Waits until the page's script has run: the one player's audio element (no native controls) is the only one left. */
async function waitForOneAudio(page: Page): Promise<void> {
	await page.waitForFunction(() => document.querySelectorAll('audio').length === 1 && !document.querySelector('audio[controls]'), null, {
		timeout: 10_000
	});
}

/** Seconds of the first time ("12:34" or "1:02:03") in a text. */
const seconds = (text: string) => /\d+(?::\d{2}){1,2}/.exec(text)![0].split(':').reduce((total, part) => total * 60 + Number(part), 0);

describeBrowser('the one player', () => {
	const suite = browserSuite();

	it('keeps playing through three client-side navigations: episode, question, search, show', async () => {
		const page = await suite.newPage();
		await openEnhanced(page, `${EPISODE}?t=60`);
		await expectAudioAt(page, 60);
		await page.getByRole('button', { name: 'Play', exact: true }).click();
		await page.waitForFunction(() => !document.querySelector('audio')!.paused);
		let last = (await audioState(page)).currentTime;
		for (const path of [QUESTION, '/search?q=sleep', '/podcasts/sleep-and-recovery-lab']) {
			await navigateClientSide(page, path);
			expect(await page.locator('audio').count(), `${path}: audio elements`).toBe(1);
			await expect.poll(async () => (await audioState(page)).currentTime, { message: `${path}: time moves on` }).toBeGreaterThan(last + 0.3);
			const state = await audioState(page);
			expect(state.paused, `${path}: still playing`).toBe(false);
			expect(state.src).toMatch(/running-isnt-therapy.*\.wav/);
			last = state.currentTime;
			// The bar stays, and links back to the episode where the listener is now.
			const back = page.getByRole('region', { name: 'Player' }).getByRole('link', { name: /Running Isn't Therapy/ });
			const link = new URL((await back.getAttribute('href'))!, suite.url);
			expect(link.pathname).toBe(EPISODE);
			expect(Number(link.searchParams.get('t'))).toBeGreaterThanOrEqual(60);
		}
	}, 240_000);

	it('has exactly one audio element, without native controls, on every page type once its script runs', async () => {
		const page = await suite.newPage();
		for (const path of ['/', '/podcasts', '/podcasts/sleep-and-recovery-lab', EPISODE, '/questions', QUESTION, '/people', '/search?q=sleep', '/ask']) {
			await page.goto(path);
			await waitForOneAudio(page);
			expect(await page.locator('audio').count(), path).toBe(1);
		}
		// Without JavaScript a question page keeps a player per source, each starting at its moment by media fragment.
		const plain = await suite.newPage({ javaScriptEnabled: false });
		await plain.goto(QUESTION);
		const sources = await plain.locator('ol.sources audio').evaluateAll((all) => all.map((a) => a.getAttribute('src')));
		expect(sources.length).toBeGreaterThan(1);
		for (const src of sources) expect(src).toMatch(/\.wav#t=\d+(\.\d+)?,\d+(\.\d+)?$/);
		// An embed lives in another site's frame: its own player, and no site bar.
		const embed = await suite.newPage();
		await embed.goto(`/embed${EPISODE}`);
		await embed.getByRole('button', { name: 'Play' }).waitFor();
		expect(await embed.locator('audio').count()).toBe(1);
		expect(await embed.locator('.player-bar').count()).toBe(0);
	});

	it('seeks with the arrow keys on the scrubber, which draws every segment and names the time', async () => {
		const page = await suite.newPage();
		await openEnhanced(page, `${EPISODE}?t=754`);
		await expectAudioAt(page, 754);
		const slider = page.getByRole('slider', { name: 'Position' });
		expect(await slider.getAttribute('aria-valuetext')).toBe('12:34 of 50:00');
		await slider.focus();
		await page.keyboard.press('ArrowRight');
		await expectAudioAt(page, 759);
		await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('12:39 of 50:00');
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowLeft');
		await expectAudioAt(page, 749);
		await page.keyboard.press('Home');
		await expectAudioAt(page, 0);
		// One block per segment, placed where the segment starts in the episode.
		const starts = await page
			.locator('section[aria-labelledby="segments-heading"] li a.time')
			.evaluateAll((links) => links.map((a) => Number(new URL((a as HTMLAnchorElement).href).searchParams.get('t'))));
		const drawn = await slider.locator('.segment').evaluateAll((blocks) => blocks.map((b) => parseFloat((b as HTMLElement).style.left)));
		expect(drawn.length).toBe(starts.length);
		drawn.forEach((left, i) => expect(left).toBeCloseTo((starts[i]! / 3000) * 100, 1));
		// The segment playing is marked on it.
		expect(await slider.locator('.segment.current').count()).toBe(1);
	});

	it('plays a question page\'s cited moment in the one player with "Play this moment"', async () => {
		const page = await suite.newPage();
		await page.goto(QUESTION);
		await waitForOneAudio(page);
		const source = page.locator('#citation-2');
		const at = seconds((await source.locator('a.time').textContent())!);
		await source.getByRole('button', { name: /^Play this moment/ }).click();
		await page.waitForFunction(() => !document.querySelector('audio')!.paused);
		const state = await audioState(page);
		expect(state.currentTime).toBeGreaterThanOrEqual(at - 0.05);
		expect(state.currentTime).toBeLessThan(at + 2);
		expect(await page.locator('audio').count()).toBe(1);
		const bar = page.getByRole('region', { name: 'Player' });
		expect(await bar.getByRole('button', { name: 'Pause', exact: true }).count()).toBe(1);
		// The answer's [1] plays the first source in the same player.
		const first = page.locator('#citation-1');
		const firstAt = seconds((await first.locator('a.time').textContent())!);
		await page.getByRole('link', { name: /^Play source 1:/ }).click();
		await expectAudioAt(page, firstAt, 2);
		expect(await page.locator('audio').count()).toBe(1);
	});

	it('plays a search hit from its moment in the one player, and keeps playing after leaving the results', async () => {
		const page = await suite.newPage();
		await page.goto('/search?q=cortisol+stress');
		await waitForOneAudio(page);
		const hit = page.locator('.hit').first();
		const link = hit.locator('a.title');
		const at = Number(new URL((await link.getAttribute('href'))!, page.url()).searchParams.get('t'));
		const episode = new URL((await link.getAttribute('href'))!, page.url()).pathname;
		await hit.getByRole('button', { name: /^Play this moment/ }).click();
		await page.waitForFunction(() => !document.querySelector('audio')!.paused);
		await expectAudioAt(page, at, 2);
		expect(await page.locator('audio').count()).toBe(1);
		const bar = page.getByRole('region', { name: 'Player' });
		expect(new URL((await bar.getByRole('link').first().getAttribute('href'))!, page.url()).pathname).toBe(episode);
		await navigateClientSide(page, '/people');
		expect((await audioState(page)).paused).toBe(false);
		expect(await page.locator('audio').count()).toBe(1);
	});

	it('shows the episode artwork in the bar and tells the lock screen what plays and where, with working actions', async () => {
		const page = await suite.newPage();
		// Records the handlers the page gives the Media Session, so the test can press the lock screen's buttons.
		await page.addInitScript(() => {
			const handlers: Record<string, MediaSessionActionHandler | null> = {};
			Object.assign(window, { mediaHandlers: handlers });
			const set = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
			navigator.mediaSession.setActionHandler = (action, handler) => {
				handlers[action] = handler;
				set(action, handler);
			};
			// ...and the position the page last gave it, as the lock screen's scrubber shows it.
			const setPosition = navigator.mediaSession.setPositionState.bind(navigator.mediaSession);
			navigator.mediaSession.setPositionState = (state) => {
				Object.assign(window, { lockScreenPosition: state });
				setPosition(state);
			};
		});
		await openEnhanced(page, `${EPISODE}?t=754`);
		await expectAudioAt(page, 754);
		const bar = page.getByRole('region', { name: 'Player' });
		const art = bar.locator('img');
		expect(await art.getAttribute('src')).toBe('/art/podcasts/running-explained/running-isnt-therapy/96.webp');
		expect(await art.getAttribute('alt')).toBe('The Running Explained Podcast artwork');

		// The lock screen hears of the episode once it plays.
		await bar.getByRole('button', { name: 'Play', exact: true }).click();
		await page.waitForFunction(() => navigator.mediaSession.metadata !== null);
		const metadata = await page.evaluate(() => {
			const m = navigator.mediaSession.metadata!;
			return { title: m.title, artist: m.artist, artwork: m.artwork.map((a) => ({ src: new URL(a.src).pathname, sizes: a.sizes })) };
		});
		expect(metadata.title).toBe("Running Isn't Therapy");
		expect(metadata.artist).toBe('The Running Explained Podcast');
		expect(metadata.artwork).toEqual(
			[96, 300, 600].map((size) => ({ src: `/art/podcasts/running-explained/running-isnt-therapy/${size}.webp`, sizes: `${size}x${size}` }))
		);
		const handled = await page.evaluate(() => Object.entries((window as unknown as { mediaHandlers: Record<string, unknown> }).mediaHandlers).filter(([, h]) => h).map(([a]) => a).sort());
		expect(handled).toEqual(['nexttrack', 'pause', 'play', 'previoustrack', 'seekbackward', 'seekforward', 'seekto']);

		const press = (action: string, details: Record<string, unknown> = {}) =>
			page.evaluate(([a, d]) => (window as unknown as { mediaHandlers: Record<string, MediaSessionActionHandler> }).mediaHandlers[a as string]!({ action: a, ...(d as object) } as MediaSessionActionDetails), [action, details] as const);
		await press('pause');
		await page.waitForFunction(() => document.querySelector('audio')!.paused);
		await press('seekto', { seekTime: 754 });
		await expectAudioAt(page, 754);
		await press('nexttrack'); // the next segment starts at 16:00
		await expectAudioAt(page, 960, 1.5);
		await press('pause');
		await page.waitForFunction(() => document.querySelector('audio')!.paused);
		await press('seekto', { seekTime: 1500 });
		await expectAudioAt(page, 1500);
		// The lock screen's scrubber: the episode's length, where the player is, at what speed.
		type Position = { duration: number; position: number; playbackRate: number };
		const lockScreen = () => page.evaluate(() => (window as unknown as { lockScreenPosition?: Position }).lockScreenPosition);
		await page.waitForFunction(() => Math.round((window as unknown as { lockScreenPosition?: Position }).lockScreenPosition?.position ?? 0) === 1500);
		const position = (await lockScreen())!;
		expect(position.duration).toBeCloseTo(await page.evaluate(() => document.querySelector('audio')!.duration), 0);
		expect(position.duration).toBeGreaterThan(1500);
		expect(position.playbackRate).toBe(1);
		await bar.getByLabel('Speed').selectOption('1.5');
		await page.waitForFunction(() => (window as unknown as { lockScreenPosition?: Position }).lockScreenPosition?.playbackRate === 1.5);
		expect((await lockScreen())!.position).toBeGreaterThanOrEqual(1500);
		await press('seekbackward');
		await expectAudioAt(page, 1485);
		await press('previoustrack'); // past the first seconds of its segment: back to that segment's start (23:00)
		await expectAudioAt(page, 1380, 1.5);
	});
});
