/** A real server and a real Chromium for a browser suite, and reading the player's state (not a test file). */
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { startServer, type TestServer } from '../helpers/server';

export const EPISODE = '/podcasts/running-explained/running-isnt-therapy';

export interface BrowserSuite {
	readonly url: string;
	/** A new page in a context of its own; `javaScriptEnabled: false` gives a page as a no-script visitor sees it. */
	newPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * Starts the production server (fresh in-memory demo database) and Chromium for the suite. Every page records script
 * errors and any request that leaves 127.0.0.1 (which is refused); after each test both lists must be empty.
 */
export function browserSuite(options: { env?: Record<string, string> } = {}): BrowserSuite {
	let server: TestServer | undefined;
	let browser: Browser | undefined;
	const contexts: BrowserContext[] = [];
	let problems: string[] = [];

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ env: options.env }), launchBrowser()]);
	});
	afterEach(async () => {
		await Promise.all(contexts.splice(0).map((c) => c.close()));
		const found = problems;
		problems = [];
		expect(found, 'script errors or requests off this machine').toEqual([]);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	return {
		get url() {
			if (!server) throw new Error('tests: the server has not started');
			return server.url;
		},
		async newPage(options = {}) {
			const context = await browser!.newContext({ baseURL: server!.url, ...options });
			contexts.push(context);
			await context.route('**/*', (route) => {
				const url = route.request().url();
				if (url.startsWith(server!.url) || url.startsWith('data:')) return route.continue();
				problems.push(`request off this machine: ${url}`);
				return route.abort();
			});
			const page = await context.newPage();
			page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
			return page;
		}
	};
}

export interface AudioState {
	currentTime: number;
	paused: boolean;
	playbackRate: number;
	readyState: number;
	src: string;
}

export function audioState(page: Page): Promise<AudioState> {
	return page.evaluate(() => {
		const audio = document.querySelector('audio')!;
		return { currentTime: audio.currentTime, paused: audio.paused, playbackRate: audio.playbackRate, readyState: audio.readyState, src: audio.getAttribute('src')! };
	});
}

/** Waits until the audio has loaded its metadata and sits within `tolerance` seconds after `seconds`. */
export async function expectAudioAt(page: Page, seconds: number, tolerance = 1): Promise<AudioState> {
	try {
		await page.waitForFunction(
			([at, tol]) => {
				const audio = document.querySelector('audio');
				return !!audio && audio.readyState >= 1 && audio.currentTime >= at - 0.05 && audio.currentTime < at + tol;
			},
			[seconds, tolerance] as const,
			{ timeout: 10_000, polling: 50 }
		);
	} catch {
		const state = await audioState(page);
		throw new Error(`expected the audio at ${seconds} s (within ${tolerance} s), but it is at ${JSON.stringify(state)}`);
	}
	return audioState(page);
}

/** Opens a page and waits until its script has taken over the player (the extra controls appear only then). */
export async function openEnhanced(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.getByRole('group', { name: 'Playback' }).waitFor();
}

/** The title of the segment marked aria-current in the segment list, or null. */
export function currentSegment(page: Page): Promise<string | null> {
	return page.evaluate(
		() => document.querySelector('section[aria-labelledby="segments-heading"] li[aria-current="true"] h3')?.textContent ?? null
	);
}

/**
 * Clicks a link in the middle of what is seen of it. Time links start with a visually hidden label (1 px, absolutely
 * positioned); Playwright would aim at that label's 1 px box, where the list item is on top, not the link.
 */
export async function clickVisible(link: Locator): Promise<void> {
	await link.scrollIntoViewIfNeeded();
	const box = await link.boundingBox();
	if (!box) throw new Error('tests: the link to click is not visible');
	await link.click({ position: { x: box.width / 2, y: box.height / 2 } });
}
