/**
 * postgres.js 3.4.9 as patched in patches/postgres+3.4.9.patch (applied by `npm install`'s postinstall). Unpatched,
 * a connection that lost its backend under a query kept that query's state: the next session on it replayed the
 * old error onto its first query, or, while the database refused connections, left queries waiting forever while it
 * reconnected in a tight loop; a backend killed inside a transaction threw a TypeError outside every promise, which
 * ends a server. These are the driver's own behaviours the 503-and-recover promise rests on.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db';

/** A query's outcome within `ms`: 'ok', the error code, or 'no answer'. */
function outcome(query: Promise<unknown>, ms = 8000): Promise<string> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('no answer'), ms)));
	return Promise.race([query.then(() => 'ok', (e: { code?: string; message?: string }) => e.code ?? String(e.message)), late]).finally(() => clearTimeout(timer));
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('postgres.js when its backends are terminated', () => {
	let database: TestDb;
	let admin: postgres.Sql;
	let sql: postgres.Sql;
	let name: string;
	const uncaught: unknown[] = [];
	const onUncaught = (error: unknown) => uncaught.push(error);

	beforeAll(async () => {
		database = await createTestDb('postgres');
		name = new URL(database.url).pathname.slice(1);
		admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
		sql = postgres(database.url, { max: 4, connect_timeout: 5, onnotice: () => {} });
		process.on('uncaughtException', onUncaught);
		process.on('unhandledRejection', onUncaught);
	});
	afterAll(async () => {
		process.off('uncaughtException', onUncaught);
		process.off('unhandledRejection', onUncaught);
		await admin?.unsafe(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`).catch(() => {});
		await sql?.end({ timeout: 1 });
		await admin?.end();
		await database?.close();
	});

	beforeEach(() => {
		uncaught.length = 0;
	});

	const terminateAll = () => admin`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${name}`;

	it('fails a transaction whose backend is killed, throws nothing elsewhere, and serves the next queries', async () => {
		let pid: number | null = null;
		const transaction = sql.begin(async (tx) => {
			const [row] = await tx<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
			pid = row!.pid;
			await tx`SELECT pg_sleep(1)`;
			await tx`SELECT 1`;
		});
		while (pid === null) await new Promise((resolve) => setTimeout(resolve, 20));
		// Watched before the kill: the transaction may fail before the admin's answer comes back (a loaded machine),
		// and a failure nobody watches yet would be counted as uncaught below.
		const failed = outcome(transaction);
		await admin`SELECT pg_terminate_backend(${pid})`;
		expect(await failed).toBe('CONNECTION_CLOSED');
		expect(await Promise.all([1, 2, 3, 4].map(() => outcome(sql`SELECT 1`)))).toEqual(['ok', 'ok', 'ok', 'ok']);
		expect(uncaught).toEqual([]);
	});

	it('answers at once while the database refuses connections, and recovers on the first query after', async () => {
		await Promise.all([1, 2, 3, 4].map(() => sql`SELECT 1`)); // every pooled connection open
		const inFlight = [1, 2, 3, 4].map(() => outcome(sql`SELECT pg_sleep(0.3)`));
		await new Promise((resolve) => setTimeout(resolve, 50));
		await admin.unsafe(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
		await terminateAll();
		expect(new Set(await Promise.all(inFlight))).toEqual(new Set(['CONNECTION_CLOSED']));

		const started = performance.now();
		expect(await Promise.all([1, 2, 3, 4].map(() => outcome(sql`SELECT 1`)))).toEqual(['55000', '55000', '55000', '55000']);
		expect(performance.now() - started).toBeLessThan(2000);

		await admin.unsafe(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
		expect(await Promise.all([1, 2, 3, 4].map(() => outcome(sql`SELECT 1`)))).toEqual(['ok', 'ok', 'ok', 'ok']);
		expect(uncaught).toEqual([]);
	});
});
