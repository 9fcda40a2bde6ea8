/**
 * The embed as another site uses it: a host page on a second loopback origin (127.0.0.2) frames the player, drives it
 * with postMessage and listens to its events. Also: framing rules, JSON-LD under the CSP, sharing and the tabs.
 */
import { createServer, type Server } from 'node:http';
import type { Browser, BrowserContext, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser } from '../helpers/browser';
import { startServer, type TestServer } from '../helpers/server';
import { freePort } from '../share/support';
import { EPISODE } from './support';

const CONTEXT = 'podcast-moments';

interface Received {
	origin: string;
	data: { context?: string; event?: string; currentTime?: number; paused?: boolean; duration?: number | null; src?: string };
}

/** A page of "another site": it frames `src` and records every message it gets. */
function hostPage(src: string, width: string): string {
	const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
	return `<!doctype html><html><head><title>A blog post</title></head><body>
<h1>A blog post about running</h1>
<iframe id="embed" src="${attr(src)}" width="${attr(width)}" height="360" title="Embedded episode" allow="autoplay; clipboard-write"></iframe>
<script>
	window.received = [];
	window.addEventListener('message', (event) => window.received.push({ origin: event.origin, data: event.data }));
	window.send = (message, targetOrigin) => document.getElementById('embed').contentWindow.postMessage(message, targetOrigin);
</script>
</body></html>`;
}

describeBrowser('the embed on another site', () => {
	let server: TestServer;
	let host: Server;
	let hostUrl: string;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	let problems: string[] = [];

	beforeAll(async () => {
		const port = await freePort();
		host = createServer((request, response) => {
			const url = new URL(request.url ?? '/', 'http://127.0.0.2');
			response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			response.end(hostPage(url.searchParams.get('src') ?? '', url.searchParams.get('width') ?? '640'));
		});
		await new Promise<void>((resolve) => host.listen(0, '127.0.0.2', resolve));
		hostUrl = `http://127.0.0.2:${(host.address() as { port: number }).port}`;
		[server, browser] = await Promise.all([
			startServer({ env: { PORT: String(port), ORIGIN: `http://127.0.0.1:${port}` } }),
			launchBrowser()
		]);
	});
	afterEach(async () => {
		await Promise.all(contexts.splice(0).map((c) => c.close()));
		const found = problems;
		problems = [];
		expect(found, 'script errors').toEqual([]);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		await new Promise((resolve) => host?.close(resolve));
	});

	async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
		const context = await browser.newContext(options);
		contexts.push(context);
		const page = await context.newPage();
		page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
		return page;
	}

	/** Opens the host page framing `embedPath` and returns it with the embed's frame, once the embed's script runs. */
	async function openHost(embedPath: string, width = '640'): Promise<{ page: Page; frame: Frame }> {
		const page = await newPage();
		await page.goto(`${hostUrl}/post?src=${encodeURIComponent(server.url + embedPath)}&width=${width}`);
		const frame = page.frames().find((f) => f.url().startsWith(server.url))!;
		expect(frame, 'the embed frame').toBeTruthy();
		await frame.getByRole('group', { name: 'Playback' }).waitFor();
		return { page, frame };
	}

	function received(page: Page): Promise<Received[]> {
		return page.evaluate(() => (window as unknown as { received: Received[] }).received);
	}

	async function waitForEvent(page: Page, test: (m: Received) => boolean, what: string): Promise<Received> {
		let found: Received | undefined;
		await expect
			.poll(async () => (found = (await received(page)).find(test)), { timeout: 10_000, message: what })
			.toBeTruthy();
		return found!;
	}

	function embedAudio(frame: Frame) {
		return frame.evaluate(() => {
			const audio = document.querySelector('audio')!;
			return { currentTime: audio.currentTime, paused: audio.paused, readyState: audio.readyState };
		});
	}

	function currentSegment(frame: Frame) {
		return frame.evaluate(() => document.querySelector('li[aria-current="true"] h3')?.textContent ?? null);
	}

	it('starts at t from its URL and says so in its ready event', async () => {
		const { page, frame } = await openHost(`/embed${EPISODE}?t=12:00`);
		const ready = await waitForEvent(page, (m) => m.data?.event === 'ready', 'a ready event');
		expect(ready.origin).toBe(server.url);
		expect(ready.data).toMatchObject({ context: CONTEXT, currentTime: 720, paused: true });
		expect(ready.data.src).toBe(`${server.url}/embed${EPISODE}?t=12:00`);
		await expect.poll(async () => (await embedAudio(frame)).readyState).toBeGreaterThanOrEqual(1);
		expect((await embedAudio(frame)).currentTime).toBe(720);
		expect(await currentSegment(frame)).toBe('Mindful Running: Breath, Footsteps and Surroundings');
	});

	it('seeks, plays and pauses on the host page\'s commands and reports timeupdate', async () => {
		const { page, frame } = await openHost(`/embed${EPISODE}?t=90`);
		await waitForEvent(page, (m) => m.data?.event === 'ready', 'a ready event');
		await page.evaluate(([ctx, origin]) => (window as any).send({ context: ctx, command: 'seek', seconds: 1000 }, origin), [CONTEXT, server.url]); // eslint-disable-line @typescript-eslint/no-explicit-any
		const update = await waitForEvent(page, (m) => m.data?.event === 'timeupdate' && Math.abs((m.data.currentTime ?? 0) - 1000) < 1, 'a timeupdate at 1000 s');
		expect(update.origin).toBe(server.url);
		expect(update.data.duration).toBe(3000);
		expect(Math.floor((await embedAudio(frame)).currentTime)).toBe(1000);
		expect(await currentSegment(frame)).toBe('Self-Reflection and Self-Discovery on the Run');

		await page.evaluate(([ctx, origin]) => (window as any).send({ context: ctx, command: 'play' }, origin), [CONTEXT, server.url]); // eslint-disable-line @typescript-eslint/no-explicit-any
		await waitForEvent(page, (m) => m.data?.event === 'timeupdate' && m.data.paused === false && (m.data.currentTime ?? 0) > 1000, 'playing past 1000 s');
		await page.evaluate(([ctx, origin]) => (window as any).send({ context: ctx, command: 'pause' }, origin), [CONTEXT, server.url]); // eslint-disable-line @typescript-eslint/no-explicit-any
		await expect.poll(async () => (await embedAudio(frame)).paused).toBe(true);
	});

	it('tells the host page when a clip (t=start,end) has played to its end', async () => {
		const { page } = await openHost(`/embed${EPISODE}?t=720,722`);
		await waitForEvent(page, (m) => m.data?.event === 'ready', 'a ready event');
		await page.evaluate(([ctx, origin]) => (window as any).send({ context: ctx, command: 'play' }, origin), [CONTEXT, server.url]); // eslint-disable-line @typescript-eslint/no-explicit-any
		const ended = await waitForEvent(page, (m) => m.data?.event === 'ended', 'an ended event');
		expect(ended.data.currentTime).toBeGreaterThanOrEqual(722);
		expect(ended.data.paused).toBe(true);
	});

	it('ignores commands from, and sends nothing to, an origin other than the one it was told to trust', async () => {
		const { page, frame } = await openHost(`/embed${EPISODE}?t=90&origin=${encodeURIComponent('https://trusted.example')}`);
		await page.evaluate(([ctx]) => (window as any).send({ context: ctx, command: 'seek', seconds: 500 }, '*'), [CONTEXT]); // eslint-disable-line @typescript-eslint/no-explicit-any
		await page.waitForTimeout(1000);
		expect(Math.floor((await embedAudio(frame)).currentTime)).toBe(90);
		expect(await received(page)).toEqual([]);
	});

	it('ignores messages that are not commands', async () => {
		const { page, frame } = await openHost(`/embed${EPISODE}?t=90`);
		await waitForEvent(page, (m) => m.data?.event === 'ready', 'a ready event');
		for (const message of ['seek', { command: 'seek', seconds: 10 }, { context: CONTEXT, command: 'seek', seconds: 'x' }]) {
			await page.evaluate(([m, origin]) => (window as any).send(m, origin), [message, server.url] as const); // eslint-disable-line @typescript-eslint/no-explicit-any
		}
		await page.waitForTimeout(500);
		expect(Math.floor((await embedAudio(frame)).currentTime)).toBe(90);
	});

	it('fits a 300 px frame without sideways scrolling, and switches tabs from the keyboard', async () => {
		const { frame } = await openHost(`/embed${EPISODE}`, '300');
		const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		const tabs = frame.getByRole('tab');
		expect(await tabs.allTextContents()).toEqual(['Segments', 'Transcript', 'Share']);
		await tabs.first().focus();
		await frame.page().keyboard.press('ArrowRight');
		expect(await frame.getByRole('tab', { name: 'Transcript' }).getAttribute('aria-selected')).toBe('true');
		expect(await frame.getByRole('list', { name: 'Transcript' }).isVisible()).toBe(true);
		expect(await frame.locator('ol.segments').isVisible()).toBe(false);
	});

	it('is the only kind of page another site may frame', async () => {
		const page = await newPage();
		await page.goto(`${hostUrl}/post?src=${encodeURIComponent(server.url + EPISODE)}`);
		await page.waitForTimeout(500);
		const frame = page.frames()[1]!;
		// Chromium replaces a refused frame with its own error page.
		expect(frame.url()).not.toBe(server.url + EPISODE);
		expect(await frame.evaluate(() => document.querySelector('h1')?.textContent ?? null).catch(() => null)).not.toBe("Running Isn't Therapy");
	});

	it('gives the episode page JSON-LD that parses and raises no CSP violation', async () => {
		const page = await newPage();
		const messages: string[] = [];
		page.on('console', (m) => messages.push(m.text()));
		await page.addInitScript(() => {
			(window as unknown as { violations: string[] }).violations = [];
			document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
		});
		await page.goto(`${server.url}${EPISODE}`);
		await page.getByRole('group', { name: 'Playback' }).waitFor();
		const ld = await page.evaluate(() => JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!));
		expect(ld['@type']).toBe('PodcastEpisode');
		expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
		expect(messages.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
	});

	it('shares the moment being listened to, as a clip when given an end, and copies it', async () => {
		const page = await newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
		await page.goto(`${server.url}${EPISODE}?t=720`);
		await page.getByRole('group', { name: 'Playback' }).waitFor();
		const panel = page.locator('details.share', { has: page.getByText('Share this moment', { exact: true }) });
		await panel.locator('summary').click();
		const start = panel.getByLabel('Start');
		await expect.poll(() => start.inputValue()).toBe('12:00');
		await panel.getByLabel('End').fill('13:20');
		expect(await panel.getByLabel('Link').inputValue()).toBe(`${server.url}${EPISODE}?t=720,800`);
		expect(await panel.getByLabel('Embed code').inputValue()).toContain(`src="${server.url}/embed${EPISODE}?t=720,800"`);
		await panel.getByRole('button', { name: 'Copy link' }).click();
		await expect.poll(() => panel.getByRole('status').textContent()).toBe('Link copied.');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}${EPISODE}?t=720,800`);
		await panel.getByLabel('End').fill('11:00');
		expect(await panel.getByRole('alert').textContent()).toBe('The end must come after the start.');
	});
});

describeBrowser('the question embed on another site', () => {
	let server: TestServer;
	let host: Server;
	let hostUrl: string;
	let browser: Browser;
	let context: BrowserContext | undefined;

	beforeAll(async () => {
		host = createServer((request, response) => {
			const url = new URL(request.url ?? '/', 'http://127.0.0.2');
			response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			response.end(hostPage(url.searchParams.get('src') ?? '', '640'));
		});
		await new Promise<void>((resolve) => host.listen(0, '127.0.0.2', resolve));
		hostUrl = `http://127.0.0.2:${(host.address() as { port: number }).port}`;
		[server, browser] = await Promise.all([startServer(), launchBrowser()]);
	});
	afterEach(() => context?.close());
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		await new Promise((resolve) => host?.close(resolve));
	});

	it('plays one citation at a time, each from its own segment, and answers the host page', async () => {
		context = await browser.newContext();
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(`${hostUrl}/post?src=${encodeURIComponent(`${server.url}/embed/questions/can-running-serve-as-therapy`)}`);
		const frame = page.frames().find((f) => f.url().startsWith(server.url))!;
		await expect.poll(() => page.evaluate(() => (window as unknown as { received: Received[] }).received.some((m) => m.data?.event === 'ready'))).toBe(true);
		const audios = frame.locator('ol.citations audio');
		expect(await audios.count()).toBeGreaterThanOrEqual(2);
		const srcs = await audios.evaluateAll((list) => list.map((a) => a.getAttribute('src')));
		expect(srcs[0]).toMatch(/#t=1380,1680$/);
		// The host page's play starts the first citation at its segment.
		await page.evaluate(([ctx, origin]) => (window as any).send({ context: ctx, command: 'play' }, origin), [CONTEXT, server.url]); // eslint-disable-line @typescript-eslint/no-explicit-any
		await expect.poll(() => audios.nth(0).evaluate((a: HTMLAudioElement) => !a.paused && a.currentTime >= 1380)).toBe(true);
		// Starting the second pauses the first.
		await audios.nth(1).evaluate((a: HTMLAudioElement) => a.play());
		await expect.poll(() => audios.nth(0).evaluate((a: HTMLAudioElement) => a.paused)).toBe(true);
		await expect.poll(() => page.evaluate(() => (window as unknown as { received: Received[] }).received.some((m) => m.data?.event === 'timeupdate' && m.data.paused === false))).toBe(true);
		expect(errors).toEqual([]);
	});
});
