/**
 * PostgreSQL stops answering (its host is down or the network drops packets: connections open and nothing comes
 * back), under a running production server. Pages that need it must answer 503 at once, not after postgres.js's
 * connect timeouts add up, each request holding a connection slot for seconds (issue 15: 2-19 s). The reader here
 * gives up after 3 s, three times what the site should take.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';

const EPISODE = '/podcasts/running-explained/running-isnt-therapy';
const READER_PATIENCE_MS = 3_000;

/** Forwards to PostgreSQL until `silence()`: then drops open connections and lets new ones open but hears nothing. */
async function startSilenceableProxy(target: URL) {
	const sockets = new Set<Socket>();
	let silent = false;
	const server: Server = createServer((client) => {
		sockets.add(client);
		client.on('close', () => sockets.delete(client));
		client.on('error', () => {});
		if (silent) return; // accepted, never answered
		const upstream = connect(Number(target.port || 5432), target.hostname);
		sockets.add(upstream);
		upstream.on('close', () => sockets.delete(upstream));
		upstream.on('error', () => {});
		client.pipe(upstream);
		upstream.pipe(client);
		client.on('close', () => upstream.destroy());
		upstream.on('close', () => client.destroy());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as AddressInfo).port,
		silence() {
			silent = true;
			for (const s of sockets) s.destroy();
		},
		close: () =>
			new Promise<void>((resolve) => {
				for (const s of sockets) s.destroy();
				server.close(() => resolve());
			})
	};
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('the site while its PostgreSQL does not answer at all', () => {
	let database: TestDb;
	let proxy: Awaited<ReturnType<typeof startSilenceableProxy>>;
	let server: TestServer;

	beforeAll(async () => {
		database = await createTestDb('postgres', { seed: true });
		proxy = await startSilenceableProxy(new URL(database.url));
		const throughProxy = new URL(database.url);
		throughProxy.hostname = '127.0.0.1';
		throughProxy.port = String(proxy.port);
		server = await startServer({ databaseUrl: throughProxy.toString() });
	}, 120_000);
	afterAll(async () => {
		await server?.stop();
		await proxy?.close();
		await database?.close();
	});

	async function get(path: string) {
		return fetch(new URL(path, server.url), { headers: { accept: 'text/html' }, signal: AbortSignal.timeout(READER_PATIENCE_MS) });
	}

	it('serves the page while the database answers', async () => {
		expect((await get(EPISODE)).status).toBe(200);
	});

	it('answers 503 with Retry-After before the reader gives up, request after request', async () => {
		proxy.silence();
		for (const path of [EPISODE, '/', EPISODE]) {
			const response = await get(path).catch((error: Error) => {
				throw new Error(`${path}: no answer within ${READER_PATIENCE_MS} ms (${error.name}); the server said:\n${server.output().slice(-2000)}`);
			});
			expect(response.status, path).toBe(503);
			expect(response.headers.get('retry-after')).toBe('10');
		}
	});
});
