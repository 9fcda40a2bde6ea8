/**
 * Imports every file in ../shared/realdata (real feeds, chapter files, transcripts and show notes published by
 * others) through a server on 127.0.0.1, and checks what a listener would see. Feeds are imported as they are;
 * the other files through a feed of our own that points at them (helpers/realdata-feed.ts). Locally the suite
 * skips when the folder is missing; in CI the global setup fails instead.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapterMarkers, episodePeople, episodes, people, podcasts, segments, transcriptCues } from '../../src/lib/server/db/schema';
import { importFeeds } from '../../src/lib/server/import/import-feeds';
import type { FeedReport } from '../../src/lib/server/import/report';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { realdataDir } from '../helpers/environment';
import { localOnlyFetch, startFileServer, type FileServer } from './helpers/file-server';
import { realdataWrapperFeed, wrappedFiles } from './helpers/realdata-feed';
import { snapshotTables } from './helpers/snapshot';

const available = existsSync(realdataDir);
const feedFiles = available ? readdirSync(path.join(realdataDir, 'feeds')).sort() : [];

describe.skipIf(!available)('the real-world files', () => {
	it('are each imported by this suite', () => {
		const all = ['chapters', 'feeds', 'shownotes', 'transcripts'].flatMap((dir) => readdirSync(path.join(realdataDir, dir)).map((f) => `${dir}/${f}`));
		const covered = new Set([...feedFiles.map((f) => `feeds/${f}`), ...wrappedFiles.map((w) => w.file)]);
		expect(all.filter((f) => !covered.has(f))).toEqual([]);
		expect(feedFiles).toEqual(Object.keys(feedExpectations).sort());
	});
});

/** What a listener should find for each feed: episode count, and the feed's own quirk. */
const feedExpectations: Record<string, { title: string; episodes: number; skipped?: number }> = {
	'apple-sample-feed.xml': { title: 'All About Everything', episodes: 3 },
	'coding-blocks-cdata-relative-urls.xml': { title: 'Coding Blocks Podcast', episodes: 83 },
	'giantbomb-huge-730-items.rss': { title: 'Giant Bombcast', episodes: 730 },
	'no-agenda-pc20-MALFORMED-entity.xml': { title: 'No Agenda', episodes: 29 },
	'podcastindex-namespace-example.xml': { title: 'Podcasting 2.0 Namespace Example', episodes: 3 },
	'podverse-boosts-feed-no-enclosure.xml': { title: 'Podverse Boosts Feed', episodes: 0, skipped: 1 },
	'themnshow-pc20-rich.xml': { title: 'The Mike Neumann Show', episodes: 54 }
};

describe.skipIf(!available).each(databaseKinds)('importing the real-world files on %s', (kind) => {
	let t: TestDb;
	let server: FileServer;
	let reports: Map<string, FeedReport>;
	let wrapper: FeedReport;

	beforeAll(async () => {
		t = await createTestDb(kind);
		server = await startFileServer(realdataDir);
		server.route('/wrapped.xml', (_req, res) => res.writeHead(200).end(realdataWrapperFeed(realdataDir, (file) => server.url(file))));
		const report = await importFeeds(t.db, [...feedFiles.map((f) => server.url(`feeds/${f}`)), `${server.origin}/wrapped.xml`], {
			fetch: localOnlyFetch
		});
		reports = new Map(report.feeds.map((f) => [decodeURIComponent(f.feed.split('/').pop()!), f]));
		wrapper = reports.get('wrapped.xml')!;
	}, 120_000);
	afterAll(async () => {
		await server?.close();
		await t?.close();
	});

	it('imports every feed with the episodes a listener would see', () => {
		for (const [file, expected] of Object.entries(feedExpectations)) {
			const report = reports.get(file)!;
			expect(report.error, file).toBeNull();
			expect(report.podcast!.title, file).toBe(expected.title);
			expect(report.episodes, file).toEqual({ added: expected.episodes, updated: 0, unchanged: 0, skipped: expected.skipped ?? 0 });
		}
	});

	it('reads the No Agenda feed past its undefined entity, says where, and keeps its notes clean', async () => {
		const report = reports.get('no-agenda-pc20-MALFORMED-entity.xml')!;
		expect(report.tolerated).toEqual([{ line: 2761, message: 'undefined entity "&gtgt;" read as "&gt;"' }]);
		const [row] = await t.db.select({ html: episodes.descriptionHtml }).from(episodes).where(sql`${episodes.descriptionHtml} LIKE '%Pat E%'`);
		expect(row!.html).toMatch(/<p>\s*Pat E<\/p><p>\s*Kristi Jensen<\/p>/);
		expect(row!.html).not.toMatch(/gtgt|<\/p>gt;/);
		// Its chapters and transcripts live on the internet, which tests do not reach: named, and skipped.
		expect(report.files.failed).toHaveLength(58);
		expect(report.files.failed[0]).toMatchObject({ kind: 'chapters', item: 'item 1 "1393: "Space Wake""', reason: 'the host name could not be found' });
	});

	it('takes people from the channel and the item, the item’s replacing the channel’s', async () => {
		const castOf = async (podcastTitle: string) =>
			t.db
				.select({ episode: episodes.title, name: people.name, role: episodePeople.role })
				.from(episodePeople)
				.innerJoin(people, eq(people.id, episodePeople.personId))
				.innerJoin(episodes, eq(episodes.id, episodePeople.episodeId))
				.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
				.where(eq(podcasts.title, podcastTitle))
				.orderBy(asc(episodes.id), asc(episodePeople.position));
		const example = await castOf('Podcasting 2.0 Namespace Example');
		expect(example.filter((c) => c.episode === 'Episode 3 - The Future').map((c) => `${c.name} (${c.role})`)).toEqual([
			'Adam Curry (host)',
			'Dave Jones (guest)',
			'Becky Smith (cover art designer)'
		]);
		const neumann = await castOf('The Mike Neumann Show');
		// Every item names its guest, so the channel's host is replaced on each, as the namespace says.
		expect(new Set(neumann.map((c) => `${c.name} (${c.role})`))).toEqual(new Set(['Dr. Timothy M. Jurgensen (guest)']));
		expect(neumann).toHaveLength(54);
		const noAgenda = await castOf('No Agenda');
		expect(new Set(noAgenda.map((c) => c.name))).toEqual(new Set(['Adam Curry', 'John C Dvorak']));
		expect(noAgenda).toHaveLength(28);
	});

	it('reads seasons, episode numbers, durations and odd dates', async () => {
		const rows = await t.db
			.select({ podcast: podcasts.title, title: episodes.title, season: episodes.season, number: episodes.episodeNumber, duration: episodes.durationSeconds, published: episodes.publishedAt })
			.from(episodes)
			.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId));
		const find = (title: string) => rows.find((r) => r.title === title)!;
		expect(find('Episode 3 - The Future')).toMatchObject({ season: 1, number: 3, duration: null });
		// "PST" even in October, as the feed says.
		expect(find('Giant Bombcast 603: Call of Tuesday')).toMatchObject({ duration: 10475, published: new Date('2019-10-01T22:30:00Z') });
		// Wrong weekdays ("Wed, 1 Jun 2014" was a Sunday) are ignored.
		expect(rows.filter((r) => r.podcast === 'All About Everything').map((r) => r.published!.toISOString()).sort()).toEqual([
			'2014-06-01T19:00:00.000Z',
			'2014-06-08T19:00:00.000Z',
			'2014-06-15T19:00:00.000Z'
		]);
		const codingBlocks = rows.filter((r) => r.podcast === 'Coding Blocks Podcast');
		expect(codingBlocks.every((r) => r.duration !== null && r.duration > 0)).toBe(true);
		expect(find('Search Driven Apps').duration).toBe(8318);
		const neumann = rows.filter((r) => r.podcast === 'The Mike Neumann Show');
		expect(neumann.every((r) => r.number !== null)).toBe(true);
		expect(neumann.filter((r) => r.season === 2).map((r) => r.title)).toHaveLength(1);
		expect(neumann.filter((r) => r.season === 1)).toHaveLength(53);
	});

	it('sanitizes show notes and resolves their relative links', async () => {
		const notes = await t.db.select({ html: episodes.descriptionHtml }).from(episodes);
		const html = notes.map((n) => n.html ?? '').join('\n');
		expect(html).not.toMatch(/<script|<style|\son\w+=|style=/i);
		expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).filter((href) => !/^(https?:|mailto:)/.test(href!))).toEqual([]);
		expect(html).toContain('href="http://www.codingblocks.net/about#joezack"');
		expect(notes.some((n) => n.html === '<p>A look into the future of podcasting and how we get to Podcasting 2.0!</p>')).toBe(true);
	});

	it('skips the item without an enclosure, naming it', () => {
		expect(reports.get('podverse-boosts-feed-no-enclosure.xml')!.warnings).toEqual([
			'item 1 "Podverse Donation Page" (line 9) skipped: no <enclosure> with a url (no audio to play)'
		]);
	});

	it('imports every chapter file sorted, with hidden chapters kept out of the segments', async () => {
		expect(wrapper.error).toBeNull();
		expect(wrapper.files).toEqual({ fetched: 9, failed: [] });
		expect((await segmentsOf('ch-example')).map((s) => s.title)).toEqual([
			'Intro', 'Hearing Aids', 'Progress Report', 'Namespace', 'Just Break Up', 'Donations', 'The Big Players', 'Spread the Word', 'Outro'
		]);
		const complex = await segmentsOf('ch-complex');
		expect(complex).toHaveLength(10);
		expect(complex.find((s) => s.title === 'Donations')).toMatchObject({ startSeconds: 4600, endSeconds: 5510 });
		expect(await markersOf('ch-complex')).toEqual([{ startSeconds: 4826, title: null, imageUrl: 'https://example.com/images/parisfrance.jpg' }]);

		const twib = await segmentsOf('ch-twib');
		expect(twib).toHaveLength(16);
		expect(twib[0]).toMatchObject({ title: 'Welcome into TWiB 39!', startSeconds: 0, endSeconds: 100 });
		expect(twib.at(-1)).toMatchObject({ title: 'The End Of The World by Filoxera', startSeconds: 5150, endSeconds: 5395 });
		expect(twib.map((s) => s.startSeconds)).toEqual([...twib.map((s) => s.startSeconds)].sort((a, b) => a - b));

		const cdspill = await segmentsOf('ch-cdspill');
		expect(cdspill).toHaveLength(104);
		expect((await markersOf('ch-cdspill')).map((m) => m.title)).toEqual(['Project Highrise', 'The MoneyMakers Rallye']);
		expect(cdspill[1]!.title).toBe('Spillåret 1995');
		expect(cdspill.at(-1)!.startSeconds).toBe(9024.773);
		expect(wrapper.adjustments).toContain('item 4 "Chapters: 106 in Norwegian": no duration in the feed: the last chapter "Takk for i år!" was given an estimated end');
	});

	it('reads every transcript into cues with their speakers', async () => {
		const vtt = await cuesOf('tr-vtt');
		expect(vtt).toHaveLength(7);
		expect(new Set(vtt.map((c) => c.speaker))).toEqual(new Set(['Sarah', 'Gillian']));
		expect(vtt[2]!.text).toBe('include in one? Welcome to Podcasting Q&A, where you learn');

		const short = await cuesOf('tr-short');
		expect(short).toHaveLength(44);
		expect(short[0]).toMatchObject({ startSeconds: 0.86, endSeconds: 7.38, speaker: 'SPEAKER_1' });
		expect(short.some((c) => c.startSeconds === 96.36 || c.endSeconds === 96.36)).toBe(true);

		const srt = await cuesOf('tr-srt');
		expect(srt).toHaveLength(222);
		expect(srt.every((c) => c.speaker !== null && !/^(Travis|Sarah|Gilon):/.test(c.text))).toBe(true);
		expect(new Set(srt.map((c) => c.speaker))).toEqual(new Set(['Travis', 'Sarah', 'Gilon']));
		// "Sarah:" appears once, at cue 23; the cues after it are hers until the next name.
		expect(srt.slice(22, 30).map((c) => c.speaker)).toEqual(Array(8).fill('Sarah'));

		const json = await cuesOf('tr-json');
		expect(new Set(json.map((c) => c.speaker))).toEqual(new Set(['Alban', 'Kevin', 'Travis', 'Tom', 'Dave']));
		expect(json.length).toBeLessThan(959 / 4); // merged from 959 fragments into sentences
		expect(json[0]!.text).toMatch(/^It is so stinking nice to like, show up and record this show\./);
		for (let i = 1; i < json.length; i++) expect(json[i]!.startSeconds).toBeGreaterThanOrEqual(json[i - 1]!.endSeconds - 1e-9);

		const html = await cuesOf('tr-html');
		expect(html).toHaveLength(9);
		expect(html[0]!.speaker).toBeNull();
		expect(html[1]).toMatchObject({ speaker: 'Norma-Jean Belenky', startSeconds: 67 });
		expect(html.at(-1)!.endSeconds).toBe(1260);
	});

	it('splits transcripts without chapters into automatic topic segments that carry the words', async () => {
		const srt = await segmentsOf('tr-srt');
		expect(srt.length).toBeGreaterThan(1);
		expect(srt.every((s) => s.origin === 'transcript' && s.title.length > 0 && s.text)).toBe(true);
		expect(srt[0]!.startSeconds).toBe(0);
		expect(srt.at(-1)!.endSeconds).toBe(760);
	});

	it('finds timestamp lists in show notes, and nothing in times quoted in sentences', async () => {
		expect((await segmentsOf('sn-syntax')).map((s) => [s.startSeconds, s.title, s.origin])).toEqual([
			[138, 'Jason Lengstorf - What do you do?', 'shownotes'],
			[577, 'Gatsby refresher', 'shownotes'],
			[834, 'Gatsby themes', 'shownotes'],
			[2047, 'Questions about Gatsby', 'shownotes']
		]);
		const dasding = await segmentsOf('sn-dasding');
		expect(dasding).toHaveLength(22);
		expect(dasding[0]!.title).toBe('Intro - Legendärer Tokio Hotel "Wetten, dass..." Auftritt');
		expect(dasding.at(-1)).toMatchObject({ startSeconds: 2757, endSeconds: 2880 });
		expect(await segmentsOf('sn-changelog')).toEqual([]);
	});

	it('changes nothing when everything is imported again', async () => {
		const before = await snapshotTables(t.db);
		const again = await importFeeds(t.db, [...feedFiles.map((f) => server.url(`feeds/${f}`)), `${server.origin}/wrapped.xml`], { fetch: localOnlyFetch });
		for (const f of again.feeds) {
			expect(f.podcast?.status, f.feed).toBe('unchanged');
			expect(f.episodes.added + f.episodes.updated, f.feed).toBe(0);
		}
		expect(await snapshotTables(t.db)).toEqual(before);
	}, 120_000);

	async function episodeIdOf(guid: string): Promise<number> {
		const [row] = await t.db.select({ id: episodes.id }).from(episodes).where(eq(episodes.guid, guid));
		return row!.id;
	}

	async function segmentsOf(guid: string) {
		return t.db
			.select({ title: segments.title, startSeconds: segments.startSeconds, endSeconds: segments.endSeconds, origin: segments.origin, text: segments.text })
			.from(segments)
			.where(eq(segments.episodeId, await episodeIdOf(guid)))
			.orderBy(asc(segments.position));
	}

	async function markersOf(guid: string) {
		return t.db
			.select({ startSeconds: chapterMarkers.startSeconds, title: chapterMarkers.title, imageUrl: chapterMarkers.imageUrl })
			.from(chapterMarkers)
			.where(eq(chapterMarkers.episodeId, await episodeIdOf(guid)))
			.orderBy(asc(chapterMarkers.position));
	}

	async function cuesOf(guid: string) {
		return t.db
			.select({ startSeconds: transcriptCues.startSeconds, endSeconds: transcriptCues.endSeconds, speaker: transcriptCues.speaker, text: transcriptCues.text })
			.from(transcriptCues)
			.where(eq(transcriptCues.episodeId, await episodeIdOf(guid)))
			.orderBy(asc(transcriptCues.position));
	}
});
