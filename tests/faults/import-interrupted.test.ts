/**
 * The import command (`scripts/import.ts`, as `npm run import` runs it) on a real PostgreSQL when things go wrong:
 * killed with SIGKILL halfway through writing a feed, started twice on the same feed at once, and run on two feeds
 * that bring the same new people at once. To stop it at a
 * known point rather than by timing, the test holds a SHARE lock on episode_imports (the last table a chunk writes):
 * the import runs through the show, its people, episodes and segments, then waits, with all of that uncommitted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db';

const root = path.resolve(import.meta.dirname, '../..');
const EPISODES = 120;
/** Timestamps in each episode's notes: each becomes a segment. */
const MOMENTS = ['00:00 Welcome', '04:10 The question', '12:30 What studies say', '25:00 A listener asks', '41:15 Wrapping up'];

/** A feed of EPISODES episodes with timestamped notes and people (17 guests named `${guest} 0` ...), all made up. */
function syntheticFeed(title: string, guest = 'Guest Number'): string {
	const items = Array.from({ length: EPISODES }, (_, i) => {
		const n = EPISODES - i;
		const day = new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toUTCString();
		return `<item>
      <title>${title} episode ${n}: moment number ${n}</title>
      <guid isPermaLink="false">${title.toLowerCase().replace(/\W+/g, '-')}-${n}</guid>
      <pubDate>${day}</pubDate>
      <itunes:duration>3600</itunes:duration>
      <enclosure url="https://audio.example/${encodeURIComponent(title)}/${n}.mp3" length="1000" type="audio/mpeg"/>
      <description>${MOMENTS.map((m) => `&lt;p&gt;${m} ${n}&lt;/p&gt;`).join('')}</description>
      <podcast:person role="guest">${guest} ${n % 17}</podcast:person>
    </item>`;
	});
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>${title}</title>
    <link>https://example.org/${encodeURIComponent(title)}</link>
    <description>Made up for the import fault tests.</description>
    <language>en</language>
    <podcast:person role="host">Host of ${title}</podcast:person>
    ${items.join('\n    ')}
  </channel>
</rss>`;
}

interface Run {
	child: ChildProcess;
	done: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

/** Starts the import command on `feed` against `databaseUrl` (node --import tsx: one process, so a kill ends it). */
function runImport(feed: string, databaseUrl: string): Run {
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', feed], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: databaseUrl },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.setEncoding('utf8').on('data', (s: string) => (output += s));
	child.stderr!.setEncoding('utf8').on('data', (s: string) => (output += s));
	const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal, output }))
	);
	return { child, done };
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('the import command, killed or doubled', () => {
	let database: TestDb;
	let name: string;
	let observer: postgres.Sql;
	/** Reads the test database's tables as they are, whatever the app's queries would make of them. */
	let reader: postgres.Sql;
	let dir: string;

	beforeAll(async () => {
		database = await createTestDb('postgres');
		name = new URL(database.url).pathname.slice(1);
		observer = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
		reader = postgres(database.url, { max: 1, onnotice: () => {} });
		dir = await mkdtemp(path.join(tmpdir(), 'pm-import-faults-'));
	});
	afterAll(async () => {
		await observer?.end();
		await reader?.end();
		await database?.close();
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	/** Backends of the test database waiting for a lock (an import stopped at the held one, or queued behind another). */
	const waiting = async () =>
		(await observer<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = ${name} AND wait_event_type = 'Lock'`).map((r) => r.pid);

	async function until<T>(what: string, check: () => Promise<T | false>, ms = 60_000): Promise<T> {
		const started = Date.now();
		for (;;) {
			const value = await check();
			if (value !== false) return value;
			if (Date.now() - started > ms) throw new Error(`tests: waited ${ms / 1000} s for ${what}`);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	}

	/** Holds a SHARE lock on episode_imports until the returned function is called. */
	async function holdImportLock(): Promise<() => Promise<void>> {
		const sql = postgres(database.url, { max: 1, onnotice: () => {} });
		const held = await sql.reserve();
		await held`BEGIN`;
		await held`LOCK TABLE episode_imports IN SHARE MODE`;
		return async () => {
			await held`ROLLBACK`;
			held.release();
			await sql.end();
		};
	}

	/**
	 * Runs two imports that overlap: the first stops at the held lock with everything before episode_imports written
	 * but not committed, the second starts then and runs until it waits too (for the first's rows, or for the lock);
	 * then the lock goes and both finish.
	 */
	async function importTwoAtOnce(firstFeed: string, secondFeed: string) {
		const release = await holdImportLock();
		let first: Run;
		let second: Run;
		try {
			first = runImport(firstFeed, database.url);
			await until('the first import to reach the held lock', async () => (await waiting()).length === 1);
			second = runImport(secondFeed, database.url);
			await until('the second import to wait', async () => (await waiting()).length === 2);
		} finally {
			await release();
		}
		return Promise.all([first!.done, second!.done]);
	}

	async function countsFor(feedPath: string) {
		const feedUrl = `%${path.basename(feedPath)}`;
		const [row] = await reader<{ podcasts: number; episodes: number; segments: number; guids: number }[]>`
			SELECT
				(SELECT count(*)::int FROM podcasts WHERE feed_url LIKE ${feedUrl}) AS podcasts,
				(SELECT count(*)::int FROM episodes e JOIN podcasts p ON p.id = e.podcast_id WHERE p.feed_url LIKE ${feedUrl}) AS episodes,
				(SELECT count(*)::int FROM segments s JOIN episodes e ON e.id = s.episode_id JOIN podcasts p ON p.id = e.podcast_id WHERE p.feed_url LIKE ${feedUrl}) AS segments,
				(SELECT count(DISTINCT e.guid)::int FROM episodes e JOIN podcasts p ON p.id = e.podcast_id WHERE p.feed_url LIKE ${feedUrl}) AS guids`;
		return { ...row! };
	}

	it('leaves nothing of a feed when killed halfway, and the next run imports it whole', async () => {
		const feed = path.join(dir, 'killed-feed.xml');
		await writeFile(feed, syntheticFeed('Killed Midway'));
		const release = await holdImportLock();
		const run = runImport(feed, database.url);
		let importer: number | undefined;
		try {
			[importer] = await until('the import to reach the held lock', async () => (await waiting()).length > 0 && waiting());
			run.child.kill('SIGKILL');
			expect((await run.done).signal).toBe('SIGKILL');
		} finally {
			await release();
		}
		// Its backend goes once it finds its client gone; everything it wrote goes with it.
		await until('the killed import\'s session to end', async () =>
			(await observer`SELECT 1 FROM pg_stat_activity WHERE pid = ${importer ?? 0}`).length === 0
		);
		expect(await countsFor(feed)).toEqual({ podcasts: 0, episodes: 0, segments: 0, guids: 0 });
		const [people] = await reader<{ n: number }[]>`SELECT count(*)::int AS n FROM people`;
		expect(people!.n).toBe(0);

		const again = await runImport(feed, database.url).done;
		expect(again.code, again.output).toBe(0);
		expect(await countsFor(feed)).toEqual({ podcasts: 1, episodes: EPISODES, segments: EPISODES * MOMENTS.length, guids: EPISODES });
	}, 120_000);

	it('imports a feed once when two imports of it run at the same time', async () => {
		const feed = path.join(dir, 'doubled-feed.xml');
		await writeFile(feed, syntheticFeed('Doubled Up'));
		const [a, b] = await importTwoAtOnce(feed, feed);
		expect(a.code, a.output).toBe(0);
		expect(b.code, b.output).toBe(0);
		expect(b.output).toContain('nothing changed since the last import');
		expect(await countsFor(feed)).toEqual({ podcasts: 1, episodes: EPISODES, segments: EPISODES * MOMENTS.length, guids: EPISODES });
	}, 120_000);

	it('imports two feeds that bring the same new guests at the same time, each guest once', async () => {
		// Both feeds have guests "Shared Guest 0" to "16", none of them in the database yet.
		const [feedA, feedB] = [path.join(dir, 'shared-guests-a.xml'), path.join(dir, 'shared-guests-b.xml')];
		await writeFile(feedA, syntheticFeed('Shared Guests A', 'Shared Guest'));
		await writeFile(feedB, syntheticFeed('Shared Guests B', 'Shared Guest'));
		const guests = async () => (await reader<{ n: number }[]>`SELECT count(*)::int AS n FROM people WHERE name LIKE 'Shared Guest %'`)[0]!.n;
		expect(await guests()).toBe(0);
		// The first import's new guests are written but not committed when the second reaches the same guests.
		const [a, b] = await importTwoAtOnce(feedA, feedB);
		expect(a.code, a.output).toBe(0);
		expect(b.code, b.output).toBe(0);
		for (const feed of [feedA, feedB]) {
			expect(await countsFor(feed)).toEqual({ podcasts: 1, episodes: EPISODES, segments: EPISODES * MOMENTS.length, guids: EPISODES });
		}
		expect(await guests()).toBe(17);
		const [shared] = await reader<{ shows: number }[]>`
			SELECT min(shows)::int AS shows FROM (
				SELECT count(DISTINCT e.podcast_id) AS shows FROM people p
				JOIN episode_people ep ON ep.person_id = p.id JOIN episodes e ON e.id = ep.episode_id
				WHERE p.name LIKE 'Shared Guest %' GROUP BY p.id) AS per_guest`;
		expect(shared!.shows, 'every guest row is on both shows').toBe(2);
	}, 120_000);
});
