/**
 * The readable transcript and the show notes' seek links in Chromium, on real files imported through the real
 * importer (the wrapped ../shared/realdata feed): while the real SRT plays, the highlighted sentence is the one
 * being said, also when it starts inside a caption row; a click on a sentence or on a time in the notes seeks in
 * place. The feed's audio (audio.example) is answered inside the browser with a generated WAV of the episode's
 * length, with byte ranges, so nothing leaves this machine.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWav, parseRangeHeader } from '../../src/lib/server/audio/demo-wav';
import { createDb } from '../../src/lib/server/db/client';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { episodes, podcasts } from '../../src/lib/server/db/schema';
import { importFeeds } from '../../src/lib/server/import/import-feeds';
import { parseTranscript, readableTranscript } from '../../src/lib/server/import/transcripts';
import { describeBrowser, launchBrowser } from '../helpers/browser';
import { realdataDir } from '../helpers/environment';
import { startServer, type TestServer } from '../helpers/server';
import { localOnlyFetch, startFileServer, type FileServer } from '../import/helpers/file-server';
import { realdataWrapperFeed, wrappedFiles } from '../import/helpers/realdata-feed';
import { clickVisible, expectAudioAt, openEnhanced } from './support';

const SRT = 'transcripts/podcastindex-buzzsprout-example.srt';

(existsSync(realdataDir) ? describeBrowser : describe.skip)('the readable transcript of a real SRT in Chromium', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'readable-e2e-'));
	const databaseUrl = `pglite://${path.join(dir, 'db')}`;
	const sentences = readableTranscript(parseTranscript(readFileSync(path.join(realdataDir, SRT), 'utf8'), 'srt', null).cues).flatMap((p) => p.sentences);
	const paths = new Map<string, string>();
	let files: FileServer;
	let server: TestServer;
	let browser: Browser;
	let problems: string[] = [];

	beforeAll(async () => {
		files = await startFileServer(realdataDir);
		files.route('/wrapped.xml', (_req, res) => res.writeHead(200).end(realdataWrapperFeed(realdataDir, (file) => files.url(file))));
		const handle = await createDb(databaseUrl);
		try {
			await runMigrations(handle);
			await importFeeds(handle.db, [`${files.origin}/wrapped.xml`], { fetch: localOnlyFetch });
			const rows = await handle.db.select({ guid: episodes.guid, slug: episodes.slug, show: podcasts.slug }).from(episodes).innerJoin(podcasts, eq(podcasts.id, episodes.podcastId));
			for (const r of rows) paths.set(r.guid, `/podcasts/${r.show}/${r.slug}`);
		} finally {
			await handle.close();
		}
		[server, browser] = await Promise.all([startServer({ databaseUrl, env: { SEED_DEMO: '0', WORKER: '0', SEARCH_SNAPSHOT_DIR: path.join(dir, 'search') } }), launchBrowser()]);
	}, 180_000);
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		await files?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	/** A page whose requests stay on this machine: the app's, and the feed's audio answered with a generated WAV. */
	async function newPage(): Promise<Page> {
		const context = await browser.newContext({ baseURL: server.url });
		await context.route('**/*', async (route) => {
			const url = new URL(route.request().url());
			if (url.origin === server.url || url.protocol === 'data:') return route.continue();
			const item = wrappedFiles.find((w) => url.href === `https://audio.example/${w.guid}.mp3`);
			if (!item?.durationSeconds) {
				problems.push(`request off this machine: ${url.href}`);
				return route.abort();
			}
			const wav = demoWav(item.durationSeconds, []);
			const range = parseRangeHeader(route.request().headers()['range'] ?? null, wav.size);
			const { start, end } = range && range !== 'unsatisfiable' ? range : { start: 0, end: wav.size - 1 };
			return route.fulfill({
				status: range ? 206 : 200,
				headers: { 'content-type': 'audio/wav', 'accept-ranges': 'bytes', ...(range ? { 'content-range': `bytes ${start}-${end}/${wav.size}` } : {}) },
				body: Buffer.from(wav.read(start, end))
			});
		});
		const page = await context.newPage();
		page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
		return page;
	}

	/** The audio's time and the text of the sentence marked as being said, read together. */
	function nowPlaying(page: Page): Promise<{ time: number; sentence: string | null; marked: number }> {
		return page.evaluate(() => {
			const marked = document.querySelectorAll('ol[aria-label="Transcript"] a[aria-current="true"]');
			return { time: document.querySelector('audio')!.currentTime, sentence: marked[0]?.textContent ?? null, marked: marked.length };
		});
	}

	/** The sentences being said at `time`, or just before (the page follows the audio's timeupdate, a few times a second). */
	const saidAround = (time: number) => sentences.filter((s) => s.startSeconds <= time && time - 0.6 < s.endSeconds).map((s) => s.text);

	it('highlights the sentence being said while it plays, also one that starts inside a caption row', async () => {
		const page = await newPage();
		// 7.98 s is the start of the row "mistakes. So in this special": the second sentence starts inside it.
		await openEnhanced(page, `${paths.get('tr-srt')}?t=6`);
		await expectAudioAt(page, 6);
		expect((await nowPlaying(page)).sentence).toBe(sentences[0]!.text);
		await page.getByRole('button', { name: 'Play' }).click();
		const seen = new Set<string>();
		await expect
			.poll(
				async () => {
					const now = await nowPlaying(page);
					if (now.sentence !== null) {
						expect(now.marked).toBe(1);
						expect(saidAround(now.time)).toContain(now.sentence);
						seen.add(now.sentence);
					}
					return now.time;
				},
				{ timeout: 15_000, interval: 200 }
			)
			.toBeGreaterThan(10);
		expect(seen).toContain(sentences[0]!.text);
		expect(seen).toContain(sentences[1]!.text);
		expect(sentences[1]!.text.startsWith('So in this special bonus podcast episode')).toBe(true);
		expect(problems).toEqual([]);
	});

	it('seeks to a sentence clicked in the middle of a paragraph, by mouse or by keyboard', async () => {
		const page = await newPage();
		await openEnhanced(page, paths.get('tr-srt')!);
		const target = sentences.findIndex((s) => s.text.startsWith('Joe Rogan has some episodes'));
		const sentence = page.locator('ol[aria-label="Transcript"] a.sentence').nth(target);
		expect(await sentence.textContent()).toBe(sentences[target]!.text);
		await sentence.click(); // a sentence may wrap onto two lines: the middle of its box can be outside it
		await expectAudioAt(page, sentences[target]!.startSeconds);
		await expect.poll(() => sentence.getAttribute('aria-current')).toBe('true');
		expect(new URL(page.url()).searchParams.get('t')).toBe(String(Math.floor(sentences[target]!.startSeconds)));

		const next = page.locator('ol[aria-label="Transcript"] a.sentence').nth(target + 1);
		await next.focus();
		await page.keyboard.press('Enter');
		await expectAudioAt(page, sentences[target + 1]!.startSeconds);
		expect(problems).toEqual([]);
	});

	it('plays from a time in the show notes in place, without reloading the page', async () => {
		const page = await newPage();
		await openEnhanced(page, paths.get('sn-syntax')!);
		await page.evaluate(() => Object.assign(window, { sameDocument: true }));
		await clickVisible(page.locator('.notes a.seek', { hasText: '9:37' }));
		await expectAudioAt(page, 577);
		expect(new URL(page.url()).searchParams.get('t')).toBe('577');
		expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
		expect(problems).toEqual([]);
	});
});
