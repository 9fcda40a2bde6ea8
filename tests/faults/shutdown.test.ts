/**
 * SIGTERM, as a process manager or a rolling deploy sends it, while a listener is part-way through the demo audio
 * (24 MB streamed without a Range header): the download finishes whole, new connections are refused at once, the
 * database pool is closed, and the process exits by itself with code 0.
 */
import { connect } from 'node:net';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';

const AUDIO = '/audio/demo/running-explained/running-isnt-therapy.wav';
/** The most realistic database here: PostgreSQL when the machine has one (its pool is what would keep a process alive). */
const kind = databaseKinds.at(-1)!;

/** Whether a new TCP connection to the server's port is accepted ('connected') or refused (the error code). */
function tryConnect(url: string): Promise<string> {
	const { hostname, port } = new URL(url);
	return new Promise((resolve) => {
		const socket = connect(Number(port), hostname);
		socket.once('connect', () => {
			socket.destroy();
			resolve('connected');
		});
		socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
	});
}

/** The sessions still open on the test database (the server's pool and its LISTEN connection, until they close). */
async function connectionsTo(database: TestDb): Promise<string[]> {
	const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
	try {
		const name = new URL(database.url).pathname.slice(1);
		const rows = await admin<{ application_name: string }[]>`SELECT application_name FROM pg_stat_activity WHERE datname = ${name}`;
		return rows.map((r) => r.application_name);
	} finally {
		await admin.end();
	}
}

describe(`shutting down on SIGTERM (${kind})`, () => {
	let database: TestDb | undefined;
	let server: TestServer;

	beforeAll(async () => {
		database = kind === 'postgres' ? await createTestDb('postgres', { seed: true }) : undefined;
		await database?.handle.close(); // so that every connection left on the database is the server's
		// The harness gives servers 1 s to finish on stop; a deploy gives them longer, and this test needs it.
		server = await startServer({ databaseUrl: database?.url, env: { SHUTDOWN_TIMEOUT: '30' } });
	});
	afterAll(async () => {
		await server?.stop();
		await database?.close();
	});

	it('finishes the download in flight, refuses new connections, closes the pool and exits with 0', async () => {
		const response = await fetch(new URL(AUDIO, server.url));
		expect(response.status).toBe(200);
		const expected = Number(response.headers.get('content-length'));
		expect(expected).toBeGreaterThan(20_000_000);
		const reader = response.body!.getReader();
		let received = (await reader.read()).value!.byteLength;
		if (database) expect((await connectionsTo(database)).length).toBeGreaterThan(0);
		expect(received).toBeLessThan(expected); // the rest is still to come when the signal arrives

		let exited = false;
		void server.exited.then(() => (exited = true));
		process.kill(server.pid, 'SIGTERM');
		// The download cannot finish while this test does not read (24 MB is more than the sockets buffer), so the
		// server stops listening with it still in flight. Polled: on a busy machine the signal may take a moment.
		let probe = await tryConnect(server.url);
		for (const started = Date.now(); probe === 'connected' && Date.now() - started < 10_000; probe = await tryConnect(server.url)) {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		expect(probe).toBe('ECONNREFUSED');
		expect(exited).toBe(false);

		for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) received += chunk.value.byteLength;
		expect(received).toBe(expected);

		const exit = await Promise.race([server.exited, new Promise((resolve) => setTimeout(() => resolve('still running 30 s after the download'), 30_000))]);
		expect(exit, server.output()).toEqual({ code: 0, signal: null });
		expect(server.output()).toContain('[db] closed; shut down cleanly');
		if (database) expect(await connectionsTo(database)).toEqual([]);
	}, 60_000);
});
