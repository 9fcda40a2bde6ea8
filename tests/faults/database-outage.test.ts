/**
 * The database goes away under a running production server, twice: once refusing connections (an administrator
 * closes the database and ends its sessions, as maintenance would), once unreachable (the network to it is cut, so
 * connections are refused at the TCP level). Each time, pages that need it answer 503 with Retry-After and a readable
 * page, search keeps answering from memory, and the site recovers by itself when the database is back, without a
 * restart. Only this suite's own database is touched: the shared PostgreSQL cluster stays up for everyone else.
 */
import { parse } from 'node-html-parser';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

const EPISODE = '/podcasts/running-explained/running-isnt-therapy';
const QUESTION = '/questions/can-running-serve-as-therapy';

describe.skipIf(!process.env.TEST_DATABASE_URL)('the site while its PostgreSQL goes away and comes back', () => {
	let database: TestDb;
	let proxy: TcpProxy;
	let server: TestServer;
	let admin: postgres.Sql;
	let name: string;

	beforeAll(async () => {
		database = await createTestDb('postgres', { seed: true });
		const target = new URL(database.url);
		name = target.pathname.slice(1);
		proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
		const throughProxy = new URL(database.url);
		throughProxy.hostname = '127.0.0.1';
		throughProxy.port = String(proxy.port);
		server = await startServer({ databaseUrl: throughProxy.toString() });
		admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
	});
	afterAll(async () => {
		await admin?.unsafe(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`).catch(() => {});
		await server?.stop();
		await proxy?.close();
		await admin?.end();
		await database?.close();
	});

	async function get(path: string, accept = 'text/html'): Promise<Response> {
		try {
			return await fetch(new URL(path, server.url), { headers: { accept }, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
		} catch (error) {
			throw new Error(`GET ${path} failed (${(error as Error).cause ?? error}); the server said:\n${server.output()}`);
		}
	}

	/** The episode page as a reader sees it: 503, told when to retry, our own page with no trace of the failure. */
	async function expectUnavailablePage(path: string) {
		const response = await get(path);
		expect(response.status, `${path}; the server said:\n${server.output()}`).toBe(503);
		expect(response.headers.get('retry-after'), path).toBe('10');
		expect(response.headers.get('cache-control'), path).toBe('no-store');
		expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
		const html = await response.text();
		const doc = parse(html);
		expect(doc.querySelector('h1')?.text).toBe('Back in a moment');
		const text = doc.querySelector('main')!.text;
		expect(text).toContain('This page needs our database, which is not answering right now. Please try again in a few seconds.');
		expect(doc.querySelector('main a[href="/search"]')?.text).toBe('Search');
		// Nothing of the failure itself reaches the reader: no stack, no SQL, no error codes, no database name.
		expect(html).not.toMatch(/\bat .+:\d+:\d+|Failed query|select |ECONNREFUSED|CONNECTION_|55000|57P01/i);
		expect(html).not.toContain(name);
	}

	/**
	 * Pages kept in memory are answered without asking the database (content-sync.ts knows they are current from the
	 * outbox reads and the listening connection): the server notices an outage within a few seconds, not per request.
	 */
	async function untilNoticed(path: string) {
		const started = Date.now();
		while (Date.now() - started < 10_000 && (await get(path)).status !== 503) await new Promise((resolve) => setTimeout(resolve, 100));
	}

	async function expectSearchFromMemory() {
		const api = await get('/api/search?q=running+therapy', 'application/json');
		expect(api.status).toBe(200);
		const body = await api.json();
		expect(body.segments.length).toBeGreaterThan(0);
		expect(body.segments[0].url).toMatch(/^\/podcasts\/[^?]+\?t=\d/);
		const page = await get('/search?q=running+therapy');
		expect(page.status).toBe(200);
		const doc = parse(await page.text());
		expect(doc.querySelectorAll('ul.card-list li').length).toBeGreaterThan(0);
	}

	async function expectServing() {
		const response = await get(EPISODE);
		expect(response.status, `the server said:\n${server.output()}`).toBe(200);
		expect(parse(await response.text()).querySelector('h1')!.text).toBe("Running Isn't Therapy");
	}

	it('serves pages from the database while it is there', async () => {
		await expectServing();
		expect((await get(QUESTION)).status).toBe(200);
	});

	describe('when the database refuses connections (closed by an administrator, sessions ended)', () => {
		beforeAll(async () => {
			await admin.unsafe(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
			await admin`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${name}`;
		});

		it('answers pages that need it with 503, Retry-After and a readable page', async () => {
			await untilNoticed(EPISODE);
			await expectUnavailablePage(EPISODE);
			await expectUnavailablePage('/');
			await expectUnavailablePage(QUESTION);
		});

		it('answers JSON endpoints that need it with 503 JSON', async () => {
			const response = await get(`${EPISODE}/chapters.json`, 'application/json');
			expect(response.status).toBe(503);
			expect(response.headers.get('retry-after')).toBe('10');
			expect(await response.json()).toEqual({
				message: 'This page needs our database, which is not answering right now. Please try again in a few seconds.',
				unavailable: true
			});
		});

		it('keeps search answering from the in-memory index', expectSearchFromMemory);

		it('recovers by itself when connections are allowed again, without a restart', async () => {
			await admin.unsafe(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
			await expectServing();
		});
	});

	describe('when the network to the database is cut (connections refused)', () => {
		beforeAll(() => proxy.cut());

		it('answers 503 with a readable page, and search still answers', async () => {
			await untilNoticed(EPISODE);
			const logged = server.output().length;
			// The first request meets the pooled connection that was cut; the next ones find no server at all.
			await expectUnavailablePage(EPISODE);
			await expectUnavailablePage(QUESTION);
			await expectSearchFromMemory();
			expect(server.output().slice(logged)).toMatch(/\[db\] unavailable while answering GET \/questions\/can-running-serve-as-therapy: ECONNREFUSED/);
		});

		it('recovers by itself when the network is back', async () => {
			await proxy.restore();
			await expectServing();
		});
	});
});
