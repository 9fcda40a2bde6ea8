/**
 * More than one server on one PostgreSQL: two production servers, each with its own in-memory search index, and
 * writes made through one of them, through the import CLI (a third process), and through a script-like writer (this
 * test process). Every write must reach both servers' search within 2 seconds, through the change log, with no rebuild.
 * PostgreSQL only: PGlite belongs to one process, so there is nothing to share.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startContentSync, type ContentSync } from '../../src/lib/server/content-sync';
import { questionSegments } from '../../src/lib/server/db/schema';
import { deleteQuestion, linkQuestionToSegment, saveQuestion } from '../../src/lib/server/questions';
import { createTestDb, type TestDb } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';
import { startFileServer, type FileServer } from '../import/helpers/file-server';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/import/fixtures');
const TOKEN = 'two servers, one database';
/** The promise under test. */
const PROPAGATION_MS = 2000;

interface Found {
	segments: { id: number; title: string; url: string }[];
	questions: { slug: string; bestSegment: { id: number } | null }[];
}

async function search(server: TestServer, query: string): Promise<Found> {
	const response = await fetch(new URL(`/api/search?q=${encodeURIComponent(query)}`, server.url), { signal: AbortSignal.timeout(10_000) });
	expect(response.status).toBe(200);
	return (await response.json()) as Found;
}

/**
 * Polls a server's /api/search until `seen` holds, and returns how long after `since` that was. Polls for longer than
 * the promise, so that a late arrival fails with its real delay rather than a timeout.
 */
async function waitUntil(server: TestServer, query: string, seen: (found: Found) => boolean, since: number): Promise<number> {
	while (performance.now() - since < 10_000) {
		if (seen(await search(server, query))) return performance.now() - since;
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
	throw new Error(`"${query}" on ${server.url} did not change within 10 s. Its output:\n${server.output().slice(-3000)}`);
}

const titles = (found: Found) => found.segments.map((s) => s.title);

describe.skipIf(!process.env.TEST_DATABASE_URL)('two servers on one PostgreSQL', () => {
	let database: TestDb;
	let one: TestServer;
	let two: TestServer;
	let files: FileServer;
	let sync: ContentSync;
	let chapters = readFileSync(path.join(fixtures, 'files/kc-004-chapters.json'), 'utf8');
	const feedUrl = () => files.url('quirky-feed.xml');

	beforeAll(async () => {
		database = await createTestDb('postgres', { seed: true });
		files = await startFileServer(fixtures);
		files.route('/files/kc-004-chapters.json', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(chapters));
		[one, two] = await Promise.all([
			startServer({ databaseUrl: database.url, env: { ADMIN_TOKEN: TOKEN } }),
			startServer({ databaseUrl: database.url, env: { ADMIN_TOKEN: TOKEN } })
		]);
		// This process writes too, as a script would: its changes go out by the same bridge.
		sync = await startContentSync(database.handle);
	});
	afterAll(async () => {
		await sync?.stop();
		await Promise.all([one?.stop(), two?.stop()]);
		await files?.close();
		await database?.close();
	});

	it('carries an import through the admin form on one server to the other, within 2 s', async () => {
		expect(titles(await search(two, 'contour'))).not.toContain('What a contour is');
		const response = await fetch(new URL('/admin/import', one.url), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: one.url.replace(/^http:/, 'https:') },
			body: new URLSearchParams({ token: TOKEN, feeds: feedUrl() })
		});
		const written = performance.now();
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('Kettle');
		// The server that wrote has its index current when it answers.
		expect(titles(await search(one, 'contour'))).toContain('What a contour is');

		const delay = await waitUntil(two, 'contour', (f) => titles(f).includes('What a contour is'), written);
		expect(delay).toBeLessThan(PROPAGATION_MS);
		const hit = (await search(two, 'contour')).segments.find((s) => s.title === 'What a contour is');
		expect(hit?.url).toBe('/podcasts/kettle-compass/reading-contour-lines?t=95.5');
		expect(two.output()).not.toMatch(/indexed \d+ segments[\s\S]*indexed \d+ segments/); // no second build
	});

	it('carries an update from the import CLI (a third process) to both servers: new text found, old text gone', async () => {
		chapters = chapters.replace('Steep or gentle?', 'Reading the gradient');
		const { stdout } = await promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), ['scripts/import.ts', feedUrl()], {
			cwd: root,
			env: { ...process.env, DATABASE_URL: database.url },
			timeout: 60_000
		});
		const written = performance.now();
		expect(stdout).toMatch(/1 updated/);

		for (const server of [one, two]) {
			const delay = await waitUntil(server, 'gradient', (f) => titles(f).includes('Reading the gradient'), written);
			expect(delay).toBeLessThan(PROPAGATION_MS);
			expect(titles(await search(server, 'steep gentle'))).not.toContain('Steep or gentle?');
		}
	});

	it('carries a new question, an editorial link and a deletion to both servers', async () => {
		const segmentId = (await search(one, 'contour')).segments.find((s) => s.title === 'What a contour is')!.id;
		const asked = (f: Found) => f.questions.find((q) => q.slug === 'how-do-contour-lines-show-a-slope');

		const questionId = await saveQuestion(database.db, { slug: 'how-do-contour-lines-show-a-slope', text: 'How do contour lines show a slope?' });
		let written = performance.now();
		for (const server of [one, two]) expect(await waitUntil(server, 'contour lines slope', (f) => !!asked(f), written)).toBeLessThan(PROPAGATION_MS);

		await linkQuestionToSegment(database.db, questionId, segmentId);
		written = performance.now();
		for (const server of [one, two]) {
			const delay = await waitUntil(server, 'contour lines slope', (f) => asked(f)?.bestSegment?.id === segmentId, written);
			expect(delay).toBeLessThan(PROPAGATION_MS);
		}

		await deleteQuestion(database.db, questionId);
		written = performance.now();
		for (const server of [one, two]) expect(await waitUntil(server, 'contour lines slope', (f) => !asked(f), written)).toBeLessThan(PROPAGATION_MS);
	});

	it('leaves each server with one copy of the automatic links', async () => {
		// One server derives the links of a change (the writer, or the first to claim a script's change); with the
		// question row lock besides, no question ends up citing two segments at one rank.
		const clashes = await database.db
			.select({ questionId: questionSegments.questionId, rank: questionSegments.rank })
			.from(questionSegments)
			.groupBy(questionSegments.questionId, questionSegments.rank)
			.having(sql`count(*) > 1`);
		expect(clashes).toEqual([]);
		expect(one.output() + two.output()).not.toMatch(/applying another server's change failed/);
	});
});
