/**
 * Transcripts and show notes as a listener meets them on the episode page, after a real import: the real SRT and VTT
 * files shown as paragraphs by speaker turn with a seek link on every sentence, an item whose only transcript is in
 * German stored with its language and labelled so, and show-note times made seek links (the Changelog's quoted
 * times not). Imported into an embedded database on disk, which the production server then serves.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/lib/server/db/client';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { episodes, podcasts, transcriptCues } from '../../src/lib/server/db/schema';
import { importFeeds } from '../../src/lib/server/import/import-feeds';
import type { FeedReport } from '../../src/lib/server/import/report';
import { parseTranscript } from '../../src/lib/server/import/transcripts';
import { realdataDir } from '../helpers/environment';
import { startServer, type TestServer } from '../helpers/server';
import { localOnlyFetch, startFileServer, type FileServer } from './helpers/file-server';
import { realdataWrapperFeed } from './helpers/realdata-feed';

const squashAll = (text: string) => text.replace(/\s+/g, '');

/** A German transcript of our own (not from any real show), and an English show whose items point at it. */
const GERMAN_VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
<v Lena>Willkommen zurück am Fluss. Heute geht es um

00:00:04.000 --> 00:00:08.500
<v Lena>Kanus, Paddel und das Wetter.

00:00:09.000 --> 00:00:12.000
<v Tom>Danke, Lena. Fangen wir mit dem Wetter an.
`;
const ENGLISH_VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
<v Lena>Welcome back to the river.
`;

function foreignFeed(url: (p: string) => string): string {
	const item = (guid: string, transcripts: string) => `
    <item>
      <title>${guid}</title>
      <guid isPermaLink="false">${guid}</guid>
      <itunes:duration>60</itunes:duration>
      <enclosure url="https://audio.example/${guid}.mp3" length="1" type="audio/mpeg"/>
      <description>Notes for ${guid}.</description>
      ${transcripts}
    </item>`;
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>River Talk</title>
    <link>https://river.example/</link>
    <description>An English show with one German episode.</description>
    <language>en-us</language>
    ${item('only-german', `<podcast:transcript url="${url('/river/de.vtt')}" type="text/vtt" language="de"/>`)}
    ${item('both', `<podcast:transcript url="${url('/river/de.vtt')}" type="text/vtt" language="de"/><podcast:transcript url="${url('/river/en.vtt')}" type="text/vtt" language="en"/>`)}
  </channel>
</rss>
`;
}

describe.skipIf(!existsSync(realdataDir))('transcripts and show notes on the episode page after an import', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'readable-transcripts-'));
	const databaseUrl = `pglite://${path.join(dir, 'db')}`;
	let files: FileServer;
	let server: TestServer;
	let reports: FeedReport[];
	/** Episode page paths and stored columns by guid. */
	const stored = new Map<string, { path: string; transcriptLanguage: string | null; cues: number }>();

	beforeAll(async () => {
		files = await startFileServer(realdataDir);
		files.route('/wrapped.xml', (_req, res) => res.writeHead(200).end(realdataWrapperFeed(realdataDir, (file) => files.url(file))));
		files.route('/river.xml', (_req, res) => res.writeHead(200).end(foreignFeed((p) => files.origin + p)));
		files.route('/river/de.vtt', (_req, res) => res.writeHead(200, { 'content-type': 'text/vtt' }).end(GERMAN_VTT));
		files.route('/river/en.vtt', (_req, res) => res.writeHead(200, { 'content-type': 'text/vtt' }).end(ENGLISH_VTT));
		const handle = await createDb(databaseUrl);
		try {
			await runMigrations(handle);
			const report = await importFeeds(handle.db, [`${files.origin}/wrapped.xml`, `${files.origin}/river.xml`], { fetch: localOnlyFetch });
			reports = report.feeds;
			const rows = await handle.db
				.select({ guid: episodes.guid, id: episodes.id, slug: episodes.slug, show: podcasts.slug, transcriptLanguage: episodes.transcriptLanguage })
				.from(episodes)
				.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId));
			for (const r of rows) {
				const cues = await handle.db.$count(transcriptCues, eq(transcriptCues.episodeId, r.id));
				stored.set(r.guid, { path: `/podcasts/${r.show}/${r.slug}`, transcriptLanguage: r.transcriptLanguage, cues });
			}
		} finally {
			await handle.close();
		}
		server = await startServer({ databaseUrl, env: { SEED_DEMO: '0', WORKER: '0', SEARCH_SNAPSHOT_DIR: path.join(dir, 'search') } });
	}, 180_000);
	afterAll(async () => {
		await server?.stop();
		await files?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	async function page(guid: string): Promise<HTMLElement> {
		const response = await fetch(new URL(stored.get(guid)!.path, server.url));
		expect(response.status).toBe(200);
		return parse(await response.text());
	}

	describe.each([
		{ guid: 'tr-srt', file: 'transcripts/podcastindex-buzzsprout-example.srt', format: 'srt' as const, turns: 10 },
		{ guid: 'tr-vtt', file: 'transcripts/podcastindex-buzzsprout-example-voice-tags.vtt', format: 'vtt' as const, turns: 2 },
		{ guid: 'tr-short', file: 'transcripts/podnews-daily-2024-01-25-short-timestamps.vtt', format: 'vtt' as const, turns: 1 }
	])('the real $file', ({ guid, file, format, turns }) => {
		const { cues } = parseTranscript(readFileSync(path.join(realdataDir, file), 'utf8'), format, null);

		it('keeps its cues as the file had them and shows far fewer rows, one speaker name per turn', async () => {
			expect(stored.get(guid)!.cues).toBe(cues.length);
			const transcript = (await page(guid)).querySelector('ol[aria-label="Transcript"]')!;
			const rows = transcript.querySelectorAll(':scope > li');
			expect(rows.length).toBeLessThan(cues.length);
			if (cues.length > 40) expect(rows.length).toBeLessThan(cues.length / 3);
			expect(transcript.querySelectorAll('strong.speaker')).toHaveLength(turns);
		});

		it('shows every word of the cues, in order, each sentence a ?t= link to where it starts', async () => {
			const transcript = (await page(guid)).querySelector('ol[aria-label="Transcript"]')!;
			const sentences = transcript.querySelectorAll('a.sentence');
			expect(squashAll(sentences.map((a) => a.text).join(''))).toBe(squashAll(cues.map((c) => c.text).join('')));
			let previous = 0;
			for (const a of sentences) {
				const t = Number(new URLSearchParams(a.getAttribute('href')!.slice(1)).get('t'));
				expect(t).toBeGreaterThanOrEqual(previous);
				// The sentence's first cue starts at or before its link's second.
				expect(cues.some((c) => Math.floor(c.startSeconds) <= t && t <= c.endSeconds)).toBe(true);
				previous = t;
			}
			expect(sentences[0]!.getAttribute('href')).toBe(`?t=${Math.floor(cues[0]!.startSeconds)}`);
		});
	});

	it('uses an item\'s only transcript although it is in German, stores "de" and says so on the page', async () => {
		const river = reports.find((r) => r.feed.endsWith('/river.xml'))!;
		expect(river.error).toBeNull();
		expect(river.warnings.join('\n')).not.toMatch(/not used/);
		expect(stored.get('only-german')).toMatchObject({ transcriptLanguage: 'de', cues: 3 });
		const doc = await page('only-german');
		const section = doc.querySelector('section[aria-labelledby="transcript-heading"]')!;
		expect(section.text).toContain('Transcript in German');
		const transcript = section.querySelector('ol[aria-label="Transcript"]')!;
		expect(transcript.getAttribute('lang')).toBe('de');
		expect(transcript.querySelectorAll('a.sentence').map((a) => a.text)).toEqual([
			'Willkommen zurück am Fluss.',
			'Heute geht es um Kanus, Paddel und das Wetter.',
			'Danke, Lena.',
			'Fangen wir mit dem Wetter an.'
		]);
	});

	it('prefers the transcript in the show\'s language, with no language label', async () => {
		expect(stored.get('both')).toMatchObject({ transcriptLanguage: null, cues: 1 });
		const section = (await page('both')).querySelector('section[aria-labelledby="transcript-heading"]')!;
		expect(section.text).not.toContain('Transcript in');
		expect(section.querySelector('ol[aria-label="Transcript"]')!.hasAttribute('lang')).toBe(false);
	});

	it('answers a moment from memory exactly as a rendering, before the first sentence, in one and in a pause between two', async () => {
		// Real transcripts start after 0 and pause between turns: the kept page then marks no sentence, and a moment in
		// the first paragraph must mark it (and its sentence) as the rendering does.
		const at = (t: string | null) => new URL(`${stored.get('only-german')!.path}${t === null ? '' : `?t=${t}`}`, server.url);
		await fetch(at(null), { headers: { accept: 'text/html' } }); // rendered, and kept
		for (const t of ['0.5', '2', '8.7', '10']) {
			const filled = await fetch(at(t), { headers: { accept: 'text/html' } });
			const rendered = await fetch(at(t), { headers: { accept: 'text/html', cookie: 'fresh=1' } });
			expect(filled.headers.get('x-cache'), `t=${t} answered from memory`).toBe('hit');
			expect(await filled.text(), `t=${t}`).toBe(await rendered.text());
		}
	});

	it('makes the times in show notes seek links, and leaves the Changelog\'s quoted times as text', async () => {
		const notes = (guid: string) => page(guid).then((doc) => doc.querySelector('section[aria-labelledby="notes-heading"] .notes')!);
		const syntax = await notes('sn-syntax');
		expect(syntax.querySelectorAll('a.seek').map((a) => [a.text, a.getAttribute('href')])).toEqual([
			['2:18', '?t=138'],
			['9:37', '?t=577'],
			['13:54', '?t=834'],
			['34:07', '?t=2047']
		]);
		const changelog = await notes('sn-changelog');
		expect(changelog.text).toContain('Darcy Clarke @ 12:28');
		expect(changelog.querySelectorAll('a.seek')).toHaveLength(0);
		expect(changelog.text).toContain('Darcy Clarke @ 22:56');
	});
});
