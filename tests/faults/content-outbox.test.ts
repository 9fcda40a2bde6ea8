/**
 * Content changes reach a running server through the outbox (content-sync.ts, drizzle/0007): a deletion made while
 * the server's network to PostgreSQL is cut is applied once it is back, without a restart, and a write that nobody
 * announces (raw SQL, as an operator or another tool would do it) is applied like any other. PostgreSQL only: PGlite
 * belongs to one process, whose writers announce their own changes.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteShow } from '../../src/lib/server/editor/episodes';
import { podcasts } from '../../src/lib/server/db/schema';
import { createTestDb, type TestDb } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

interface Found {
	segments: { url: string }[];
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('a server that was cut off from PostgreSQL while a show was deleted', () => {
	let database: TestDb;
	let proxy: TcpProxy;
	let server: TestServer;

	beforeAll(async () => {
		database = await createTestDb('postgres', { seed: true });
		const target = new URL(database.url);
		proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
		const throughProxy = new URL(database.url);
		throughProxy.hostname = '127.0.0.1';
		throughProxy.port = String(proxy.port);
		server = await startServer({ databaseUrl: throughProxy.toString() });
	});
	afterAll(async () => {
		await server?.stop();
		await proxy?.close();
		await database?.close();
	});

	async function get(path: string, accept = 'text/html'): Promise<Response> {
		return fetch(new URL(path, server.url), { headers: { accept }, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
	}

	/** The shows whose moments /api/search answers for `query`, by their URL's show slug. */
	async function showsFound(query: string): Promise<string[]> {
		const response = await get(`/api/search?q=${encodeURIComponent(query)}`, 'application/json');
		expect(response.status).toBe(200);
		const body = (await response.json()) as Found;
		return [...new Set(body.segments.map((s) => s.url.split('/')[2]!))];
	}

	/** Polls until `done` holds (at most 15 s), so a late arrival fails with what the server said. */
	async function eventually(done: () => Promise<boolean>, what: string): Promise<void> {
		const started = Date.now();
		while (Date.now() - started < 15_000) {
			if (await done().catch(() => false)) return;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		throw new Error(`${what} did not happen within 15 s; the server said:\n${server.output().slice(-3000)}`);
	}

	const showId = async (slug: string) => (await database.db.select({ id: podcasts.id, slug: podcasts.slug }).from(podcasts)).find((p) => p.slug === slug)!.id;

	it('applies the deletion after reconnecting, without a restart: search and the show page no longer have the show', async () => {
		expect(await showsFound('running therapy')).toContain('running-explained');
		expect((await get('/podcasts/running-explained')).status).toBe(200); // kept in the response cache too

		await proxy.cut();
		// Another instance (this process, as an editor's server or a script would) deletes the show meanwhile.
		await deleteShow(database.db, await showId('running-explained'));
		await new Promise((resolve) => setTimeout(resolve, 1500)); // the deletion's wake-up goes unheard
		await proxy.restore();

		await eventually(async () => !(await showsFound('running therapy')).includes('running-explained'), 'search dropping the deleted show');
		expect((await get('/podcasts/running-explained')).status).toBe(404);
	});

	it('applies a write that nobody announced (raw SQL)', async () => {
		const slug = 'sleep-and-recovery-lab';
		expect((await get(`/podcasts/${slug}`)).status).toBe(200);
		expect(await showsFound('sleep recovery')).toContain(slug);

		await database.db.execute(sql`delete from podcasts where slug = ${slug}`);

		await eventually(async () => !(await showsFound('sleep recovery')).includes(slug), 'search dropping the deleted show');
		expect((await get(`/podcasts/${slug}`)).status).toBe(404);
	});
});
