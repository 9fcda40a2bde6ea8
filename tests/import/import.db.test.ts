import { readFileSync } from 'node:fs';
import path from 'node:path';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onContentChange, type ContentChange } from '../../src/lib/server/content-events';
import { episodePeople, episodes, jobs, people, podcasts, questions, questionSegments, segments, transcriptCues } from '../../src/lib/server/db/schema';
import { importFeed, importFeeds } from '../../src/lib/server/import/import-feeds';
import { formatImportReport } from '../../src/lib/server/import/report';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { localOnlyFetch, startFileServer, type FileServer } from './helpers/file-server';
import { countRows, snapshotTables } from './helpers/snapshot';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const quirkyFeed = readFileSync(path.join(fixtures, 'quirky-feed.xml'), 'utf8');

describe.each(databaseKinds)('importFeeds on %s', (kind) => {
	let t: TestDb;
	let server: FileServer;
	/** What /kettle.xml serves; tests change it to publish an "updated feed" at the same address. */
	let kettle = quirkyFeed;
	let chaptersBroken = false;
	const changes: ContentChange[] = [];
	let unsubscribe: () => void;
	const run = (feed: string) => importFeed(t.db, feed, { fetch: localOnlyFetch });
	const kettleUrl = () => `${server.origin}/kettle.xml`;

	beforeAll(async () => {
		t = await createTestDb(kind, { seed: true });
		server = await startFileServer(fixtures);
		server.route('/kettle.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(kettle));
		server.route('/files/kc-004-chapters.json', (_req, res) => {
			if (chaptersBroken) return void res.writeHead(500).end('oops');
			res.writeHead(200).end(readFileSync(path.join(fixtures, 'files/kc-004-chapters.json')));
		});
		unsubscribe = onContentChange((change) => void changes.push(change));
	});
	afterAll(async () => {
		unsubscribe();
		await server.close();
		await t.close();
	});

	it('imports a feed: episodes, segments, cues, people and hidden markers', async () => {
		const report = await run(kettleUrl());
		expect(report.error).toBeNull();
		expect(report.episodes).toEqual({ added: 4, updated: 0, unchanged: 0, skipped: 1 });
		expect(report.totals).toEqual({ segments: 11, automaticSegments: 1, cues: 10, people: 3, hiddenMarkers: 1 });

		const [show] = await t.db.select().from(podcasts).where(eq(podcasts.feedUrl, kettleUrl()));
		expect(show).toMatchObject({ slug: 'kettle-compass', title: 'Kettle & Compass', author: 'Kettle Collective', imageUrl: 'https://kettle.example/cover.jpg', language: 'en-GB' });
		const rows = await t.db.select().from(episodes).where(eq(episodes.podcastId, show!.id)).orderBy(asc(episodes.publishedAt));
		expect(rows.map((e) => [e.slug, e.durationSeconds])).toEqual([
			['pilot-why-maps', 600.5],
			['lost-in-the-fog', 1200],
			['tea-on-the-summit', 1500],
			['reading-contour-lines', 1800]
		]);
		expect(rows[3]).toMatchObject({ guid: 'kc-004', season: 1, episodeNumber: 4, audioUrl: 'https://cdn.kettle.example/kc-004.mp3' });
		expect(rows[3]!.publishedAt!.toISOString()).toBe('2024-05-04T07:00:00.000Z');
	});

	it('stores sorted chapters as segments with the transcript they cover, and keeps hidden chapters out', async () => {
		const list = await segmentsOf('reading-contour-lines');
		expect(list.map((s) => [s.title, s.startSeconds, s.endSeconds, s.origin])).toEqual([
			['Cold open', 0, 95.5, 'chapters'],
			['What a contour is', 95.5, 600, 'chapters'],
			['Steep or gentle?', 600, 1500, 'chapters'],
			['Homework', 1500, 1620, 'chapters']
		]);
		expect(list[0]!.text).toBe('Welcome back to Kettle & Compass. Contour lines join points of equal height.');
		const markers = await t.db.execute(sql`SELECT start_seconds, image_url FROM chapter_markers`);
		expect(rowsOf(markers)).toEqual([{ start_seconds: 700, image_url: 'https://kettle.example/ridge.jpg' }]);
	});

	it('uses Podlove chapters, show-note timestamps and, last, an automatic split of the transcript', async () => {
		expect((await segmentsOf('pilot-why-maps')).map((s) => [s.title, s.origin])).toEqual([
			['Hello', 'chapters'],
			['Paper or phone?', 'chapters'],
			['Goodbye', 'chapters']
		]);
		expect((await segmentsOf('tea-on-the-summit')).map((s) => [s.title, s.startSeconds, s.origin])).toEqual([
			['Welcome', 0, 'shownotes'],
			['Why water boils early', 190, 'shownotes'],
			['The best stove', 765, 'shownotes']
		]);
		const automatic = await segmentsOf('lost-in-the-fog');
		expect(automatic).toHaveLength(1);
		expect(automatic[0]).toMatchObject({ origin: 'transcript', startSeconds: 0, endSeconds: 1200 });
	});

	it('stores cues with speakers, and people with item-level people replacing the channel’s', async () => {
		const cues = await t.db
			.select({ speaker: transcriptCues.speaker, text: transcriptCues.text })
			.from(transcriptCues)
			.innerJoin(episodes, eq(episodes.id, transcriptCues.episodeId))
			.where(eq(episodes.slug, 'tea-on-the-summit'))
			.orderBy(asc(transcriptCues.position));
		expect(cues.map((c) => c.speaker)).toEqual(['Bram', 'Bram', 'Ada', 'Ada']);
		const cast = await t.db
			.select({ episode: episodes.slug, name: people.name, role: episodePeople.role })
			.from(episodePeople)
			.innerJoin(people, eq(people.id, episodePeople.personId))
			.innerJoin(episodes, eq(episodes.id, episodePeople.episodeId))
			.orderBy(asc(episodes.slug), asc(episodePeople.position));
		const of = (slug: string) => cast.filter((c) => c.episode === slug).map((c) => `${c.name} (${c.role})`);
		expect(of('reading-contour-lines')).toEqual(['Cora Vance (guest)', 'Ada Lindqvist (host)']);
		expect(of('lost-in-the-fog')).toEqual(['Ada Lindqvist (host)', 'Bram Okafor (host)']);
		const [ada] = await t.db.select().from(people).where(eq(people.slug, 'ada-lindqvist'));
		expect(ada).toMatchObject({ link: 'https://kettle.example/ada', imageUrl: 'https://kettle.example/ada.jpg' });
	});

	it('stores sanitized show notes with links made absolute', async () => {
		const [row] = await t.db.select({ html: episodes.descriptionHtml }).from(episodes).where(eq(episodes.slug, 'reading-contour-lines'));
		expect(row!.html).toBe('<p>Ada explains contour lines. <a href="https://kettle.example/notes/contours" rel="nofollow noopener noreferrer ugc">Notes</a></p>');
	});

	it('tells search what changed, after the commit', () => {
		expect(changes).toHaveLength(1);
		expect(changes[0]!.episodeIds).toHaveLength(4);
		expect(changes[0]!.podcastIds).toHaveLength(1);
	});

	it('says what it tolerated, skipped and could not fetch', async () => {
		const report = await run(kettleUrl());
		const text = formatImportReport({ feeds: [report] }).join('\n');
		expect(text).toContain('line 1: whitespace before the XML declaration removed');
		expect(text).toContain('line 6: undefined entity "&gtgt;" read as "&gt;"');
		expect(text).toContain('line 9: <itunes:image> was never closed; read as an empty tag');
		expect(text).toContain('item 5 "Listener mailbag (text only)" (line 59) skipped: no <enclosure>');
		expect(text).toMatch(/chapters of item 4 "Pilot: why maps\?": http:\/\/127\.0\.0\.1:\d+\/files\/missing-chapters\.json: HTTP 404/);
		expect(text).toMatch(/line 21: cannot read the time "00:0x:00\.000 --> 00:02:10\.000"/);
	});

	it('changes nothing when the same feed is imported again, and says so', async () => {
		const before = await snapshotTables(t.db);
		changes.length = 0;
		const report = await run(kettleUrl());
		expect(report.podcast!.status).toBe('unchanged');
		expect(report.episodes).toEqual({ added: 0, updated: 0, unchanged: 4, skipped: 1 });
		expect(formatImportReport({ feeds: [report] }).join('\n')).toContain('nothing changed since the last import');
		expect(await snapshotTables(t.db)).toEqual(before);
		expect(changes).toEqual([]);
	});

	it('updates only what changed in an updated feed, keeping editorial question links', async () => {
		const [water] = (await segmentsOf('tea-on-the-summit')).filter((s) => s.title === 'Why water boils early');
		const [question] = await t.db.insert(questions).values({ slug: 'why-weak-tea', text: 'Why is tea weak on a mountain?' }).returning();
		await t.db.insert(questionSegments).values({ questionId: question!.id, segmentId: water!.id, rank: 1, origin: 'editorial' });
		const cuesBefore = await t.db.select().from(transcriptCues).orderBy(asc(transcriptCues.id));

		kettle = quirkyFeed
			.replace('<title>Tea on the summit</title>', '<title>Tea on the summit (remastered)</title>')
			.replace('(12:45) The best stove', '(12:00) Stoves compared')
			.replace('<itunes:duration>1500</itunes:duration>', '<itunes:duration>1400</itunes:duration>');
		const report = await run(kettleUrl());
		expect(report.episodes).toEqual({ added: 0, updated: 1, unchanged: 3, skipped: 1 });

		const [tea] = await t.db.select().from(episodes).where(eq(episodes.guid, 'kc-003'));
		expect(tea).toMatchObject({ title: 'Tea on the summit (remastered)', slug: 'tea-on-the-summit', durationSeconds: 1400 });
		const list = await segmentsOf('tea-on-the-summit');
		expect(list.map((s) => [s.title, s.startSeconds, s.endSeconds])).toEqual([
			['Welcome', 0, 190],
			['Why water boils early', 190, 720],
			['Stoves compared', 720, 1400]
		]);
		const links = await t.db.select().from(questionSegments).where(eq(questionSegments.questionId, question!.id));
		expect(links.map((l) => l.segmentId)).toEqual([list[1]!.id]);
		// Cues did not change, so their rows (and ids) are the same.
		expect(await t.db.select().from(transcriptCues).orderBy(asc(transcriptCues.id))).toEqual(cuesBefore);
	});

	it('keeps what a file gave last time when the file fails on a re-import', async () => {
		const before = await segmentsOf('reading-contour-lines');
		chaptersBroken = true;
		try {
			const report = await run(kettleUrl());
			expect(report.files.failed.map((f) => f.reason)).toContain('HTTP 500 Internal Server Error');
			expect(report.episodes.updated).toBe(0);
			expect(await segmentsOf('reading-contour-lines')).toEqual(before);
		} finally {
			chaptersBroken = false;
		}
	});

	it('leaves the database exactly as it was when a feed fails mid-way', async () => {
		// A trigger that refuses one cue makes the write fail after the show, episodes and segments went in.
		await t.db.execute(sql`CREATE FUNCTION refuse_cairns() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN IF NEW.text LIKE '%cairns%' THEN RAISE EXCEPTION 'test: refusing this cue'; END IF; RETURN NEW; END $$`);
		await t.db.execute(sql`CREATE TRIGGER refuse_cairns BEFORE INSERT ON transcript_cues FOR EACH ROW EXECUTE FUNCTION refuse_cairns()`);
		try {
			const before = await snapshotTables(t.db);
			server.route('/kettle-copy.xml', (_req, res) => res.writeHead(200).end(quirkyFeed));
			const fresh = await run(`${server.origin}/kettle-copy.xml`);
			expect(fresh.ok).toBe(false);
			expect(fresh.error).toMatch(/^import: feed "http:\/\/127\.0\.0\.1:\d+\/kettle-copy\.xml": the database refused the import, so nothing of this feed was written: test: refusing this cue$/);
			expect(await snapshotTables(t.db)).toEqual(before);

			kettle = quirkyFeed.replace('<title>Lost in the fog</title>', '<title>Lost in the fog, again</title>').replace('see the cairns', 'see the cairns today');
			server.route('/files/kc-002.json', (_req, res) =>
				res.writeHead(200).end(readFileSync(path.join(fixtures, 'files/kc-002.json'), 'utf8').replace('see the cairns', 'see any cairns'))
			);
			const update = await run(kettleUrl());
			expect(update.ok).toBe(false);
			expect(await snapshotTables(t.db)).toEqual(before);
		} finally {
			await t.db.execute(sql`DROP TRIGGER refuse_cairns ON transcript_cues`);
			await t.db.execute(sql`DROP FUNCTION refuse_cairns()`);
		}
	});

	it('writes a big feed in short transactions; a failed later chunk keeps whole episodes, says how many, and a re-import finishes', async () => {
		const chunked = { fetch: localOnlyFetch, limits: { readChunkItems: 1, writeChunkItems: 1 } };
		server.route('/kettle-chunked.xml', (_req, res) => res.writeHead(200).end(quirkyFeed));
		await t.db.execute(sql`CREATE FUNCTION refuse_cairns() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN IF NEW.text LIKE '%cairns%' THEN RAISE EXCEPTION 'test: refusing this cue'; END IF; RETURN NEW; END $$`);
		await t.db.execute(sql`CREATE TRIGGER refuse_cairns BEFORE INSERT ON transcript_cues FOR EACH ROW EXECUTE FUNCTION refuse_cairns()`);
		let showId: number;
		try {
			// One episode per chunk: the fog episode's chunk is refused after the chunks before it committed.
			const failed = await importFeed(t.db, `${server.origin}/kettle-chunked.xml`, chunked);
			expect(failed.ok).toBe(false);
			expect(failed.error).toMatch(/after \d+ episodes were written \(each whole; the rest keep what they had\): test: refusing this cue; import the feed again to finish it$/);
			expect(failed.episodes.added).toBeGreaterThan(0);
			showId = failed.podcast!.id;
			// Every episode that is there has all of its parts: none was left without the segments the feed gives it.
			const written = await t.db.select({ id: episodes.id, slug: episodes.slug }).from(episodes).where(eq(episodes.podcastId, showId));
			expect(written.map((e) => e.slug)).not.toContain('lost-in-the-fog');
			expect(written).toHaveLength(failed.episodes.added);
			for (const e of written) expect(await countWhere(segments, e.id)).toBeGreaterThan(0);
			expect(failed.changedEpisodeIds.sort()).toEqual(written.map((e) => e.id).sort());
			// Their background work (chapters, vectors, questions) is queued now: a re-import finds them unchanged.
			const queued = await t.db.selectDistinct({ episodeId: jobs.episodeId }).from(jobs).where(inArray(jobs.episodeId, failed.changedEpisodeIds));
			expect(queued.map((j) => j.episodeId).sort()).toEqual(failed.changedEpisodeIds.sort());
		} finally {
			await t.db.execute(sql`DROP TRIGGER refuse_cairns ON transcript_cues`);
			await t.db.execute(sql`DROP FUNCTION refuse_cairns()`);
		}
		const report = await importFeed(t.db, `${server.origin}/kettle-chunked.xml`, chunked);
		expect(report.ok).toBe(true);
		expect(report.podcast!.id).toBe(showId);
		expect(report.episodes.added + report.episodes.unchanged).toBe(4);
		expect(report.episodes.added).toBeGreaterThan(0);
		expect(report.totals).toMatchObject({ segments: 11, cues: 10, hiddenMarkers: 1 });
		const fog = await t.db.select({ id: episodes.id }).from(episodes).where(sql`${episodes.podcastId} = ${showId} and ${episodes.slug} = 'lost-in-the-fog'`);
		expect(await countWhere(transcriptCues, fog[0]!.id)).toBeGreaterThan(0);
		const again = await importFeed(t.db, `${server.origin}/kettle-chunked.xml`, chunked);
		expect(again.episodes).toEqual({ added: 0, updated: 0, unchanged: 4, skipped: 1 });
	});

	it('fails a feed that is not well-formed with its line, and imports the next feed', async () => {
		const before = await countRows(t.db, 'episodes');
		const report = await importFeeds(t.db, [`${server.origin}/broken-feed.xml`, `${server.origin}/not-a-feed.html`, `${server.origin}/atom-feed.xml`], {
			fetch: localOnlyFetch
		});
		expect(report.feeds.map((f) => f.error)).toEqual([
			`import: feed "${server.origin}/broken-feed.xml" line 11: not well-formed XML: Expected closing tag 'title' (opened in line 11, col 7) instead of closing tag 'titel'`,
			`import: feed "${server.origin}/not-a-feed.html": not a podcast feed: a web page, not a feed`,
			`import: feed "${server.origin}/atom-feed.xml": not a podcast feed: an Atom feed; podcasts are published as RSS 2.0 with <enclosure>s`
		]);
		expect(await countRows(t.db, 'episodes')).toBe(before);
	});

	it('fails an unreachable or missing feed with the reason', async () => {
		const missing = await run(`${server.origin}/nope.xml`);
		expect(missing.error).toBe(`import: feed "${server.origin}/nope.xml": could not be fetched: HTTP 404 Not Found`);
		const offline = await run('https://podcasts.example/feed.xml');
		expect(offline.error).toBe('import: feed "https://podcasts.example/feed.xml": could not be fetched: the host name could not be found');
		const large = await importFeed(t.db, kettleUrl(), { fetch: localOnlyFetch, limits: { feedBytes: 1000 } });
		expect(large.error).toMatch(/could not be fetched: larger than the 1000 bytes limit/);
	});

	it('imports a local feed file, reading its relative references from disk', async () => {
		const report = await importFeed(t.db, path.join(fixtures, 'quirky-feed.xml'), { fetch: localOnlyFetch });
		expect(report.error).toBeNull();
		// Another show of the same title (the chunked test imported one too), so its slug gets a suffix.
		expect(report.podcast!.slug).toBe('kettle-compass-3');
		expect(report.files.fetched).toBe(4);
		expect(report.totals.segments).toBe(11);
	});

	async function countWhere(table: typeof segments | typeof transcriptCues, episodeId: number): Promise<number> {
		const rows = await t.db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.episodeId, episodeId));
		return rows[0]!.n;
	}

	async function segmentsOf(slug: string) {
		return t.db
			.select({ id: segments.id, title: segments.title, startSeconds: segments.startSeconds, endSeconds: segments.endSeconds, origin: segments.origin, text: segments.text })
			.from(segments)
			.innerJoin(episodes, eq(episodes.id, segments.episodeId))
			.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
			.where(sql`${episodes.slug} = ${slug} AND ${podcasts.slug} = 'kettle-compass'`)
			.orderBy(asc(segments.position));
	}
});

function rowsOf(result: unknown): unknown[] {
	return ((result as { rows?: unknown[] }).rows ?? (result as unknown[])).map((r) => ({ ...(r as object) }));
}
