/**
 * A re-import of an updated big feed that the database refuses part-way, as an operator meets it: the site runs
 * (`npm start` on PostgreSQL), the import command rewrites a show of 205 episodes (two write transactions: 200
 * episodes, then 5), and the second transaction is refused (a trigger stands in for a full disk or a constraint).
 * Readers of the running site keep seeing every episode whole: the 200 written ones as the feed has them now, the
 * other 5 exactly as they were, on their pages and in search; importing again finishes the job.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { episodePath } from '../../src/lib/paths';
import { createTestDb, type TestDb } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';

const root = path.resolve(import.meta.dirname, '../..');
const EPISODES = 205;
/** The last item of the feed (written in the second transaction) has a moment only it talks about. */
const LAST = 1;

/** The feed, newest first; `edition` changes every title and moment, as a feed whose producer retitled everything. */
function feed(edition: string, lastMoment: string): string {
	const items = Array.from({ length: EPISODES }, (_, i) => {
		const n = EPISODES - i;
		const moments = [`00:00 Welcome ${edition}`, `10:00 The tide tables ${edition}`, ...(n === LAST ? [`20:00 ${lastMoment}`] : [])];
		return `<item>
      <title>Tide episode ${n} ${edition}</title>
      <guid isPermaLink="false">tide-${n}</guid>
      <pubDate>${new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toUTCString()}</pubDate>
      <itunes:duration>3600</itunes:duration>
      <enclosure url="https://audio.example/tide/${n}.mp3" length="1000" type="audio/mpeg"/>
      <description>${moments.map((m) => `&lt;p&gt;${m}&lt;/p&gt;`).join('')}</description>
    </item>`;
	});
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
  <channel>
    <title>Tide Tables</title>
    <link>https://tide.example/</link>
    <description>Made up for the re-import fault test.</description>
    ${items.join('\n    ')}
  </channel>
</rss>`;
}

/** `npm run import -- FEED` as a user runs it; resolves with its exit code and everything it printed. */
function runImport(feedFile: string, databaseUrl: string): Promise<{ code: number | null; output: string }> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', feedFile], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: databaseUrl },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.setEncoding('utf8').on('data', (s: string) => (output += s));
	child.stderr.setEncoding('utf8').on('data', (s: string) => (output += s));
	return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('a re-import refused part-way, beside a running server (PostgreSQL)', () => {
	let database: TestDb;
	let sql: postgres.Sql;
	let server: TestServer;
	let dir: string;

	beforeAll(async () => {
		database = await createTestDb('postgres');
		sql = postgres(database.url, { max: 1, onnotice: () => {} });
		dir = await mkdtemp(path.join(tmpdir(), 'pm-reimport-'));
		server = await startServer({ databaseUrl: database.url });
	}, 240_000);
	afterAll(async () => {
		await server?.stop();
		await sql?.end();
		await database?.close();
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	/** Polls a page until `check` holds (the server hears of the command's writes through the change log). */
	async function pageWhen(pathname: string, check: (html: string) => boolean, what: string): Promise<string> {
		const started = Date.now();
		for (;;) {
			const response = await fetch(new URL(pathname, server.url), { headers: { accept: 'text/html' } });
			const html = await response.text();
			if (response.status === 200 && check(html)) return html;
			if (Date.now() - started > 60_000) throw new Error(`tests: waited 60 s for ${what}; last answer ${response.status}:\n${html.slice(0, 400)}`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	const slugOf = async (n: number) =>
		(await sql<{ show: string; episode: string }[]>`
			SELECT p.slug AS show, e.slug AS episode FROM episodes e JOIN podcasts p ON p.id = e.podcast_id WHERE e.guid = ${`tide-${n}`}`)[0]!;

	it('keeps the episodes it could not rewrite as they were, on their pages and in search, and the next import finishes', async () => {
		const feedFile = path.join(dir, 'tide.xml');
		await writeFile(feedFile, feed('first edition', 'Albatross sightings off the breakwater'));
		const first = await runImport(feedFile, database.url);
		expect(first.code, first.output).toBe(0);

		const last = await slugOf(LAST);
		const early = await slugOf(EPISODES); // first in the feed: written in the first transaction
		await pageWhen(episodePath(last.show, last.episode), (html) => html.includes('Albatross sightings off the breakwater'), 'the first import to reach the server');

		// The database refuses the last episode's new moment: the second transaction fails after the first committed.
		await sql.unsafe(`CREATE FUNCTION refuse_gannets() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN IF NEW.title LIKE '%gannet%' THEN RAISE EXCEPTION 'test: the disk is full'; END IF; RETURN NEW; END $$`);
		await sql.unsafe(`CREATE TRIGGER refuse_gannets BEFORE INSERT ON segments FOR EACH ROW EXECUTE FUNCTION refuse_gannets()`);
		await writeFile(feedFile, feed('second edition', 'A gannet colony instead'));
		const refused = await runImport(feedFile, database.url);
		expect(refused.code, refused.output).toBe(1);
		expect(refused.output).toMatch(/after 200 episodes were written \(each whole; the rest keep what they had\): test: the disk is full; import the feed again to finish it/);

		// A written episode is new throughout; the refused one is old throughout: page and search agree.
		const earlyPage = await pageWhen(episodePath(early.show, early.episode), (html) => html.includes('second edition'), 'the written episodes to reach the server');
		expect(earlyPage).toContain(`The tide tables second edition`);
		expect(earlyPage).not.toContain('first edition');
		const lastPage = await pageWhen(episodePath(last.show, last.episode), () => true, 'the untouched episode');
		expect(lastPage).toContain(`Tide episode ${LAST} first edition`);
		expect(lastPage).toContain('Albatross sightings off the breakwater');
		expect(lastPage).not.toContain('second edition');
		expect(lastPage).not.toContain('gannet');
		const search = await pageWhen('/search?q=albatross+sightings+breakwater', (html) => html.includes(last.episode), 'search to find the kept moment');
		expect(search).toContain('Albatross sightings off the breakwater');

		await sql.unsafe('DROP TRIGGER refuse_gannets ON segments; DROP FUNCTION refuse_gannets()');
		const again = await runImport(feedFile, database.url);
		expect(again.code, again.output).toBe(0);
		expect(again.output).toMatch(/episodes: 0 added, \d+ updated, 200 unchanged/);
		const finished = await pageWhen(episodePath(last.show, last.episode), (html) => html.includes('A gannet colony instead'), 'the finished import to reach the server');
		expect(finished).toContain(`Tide episode ${LAST} second edition`);
		expect(finished).not.toContain('Albatross');
	}, 240_000);
});
