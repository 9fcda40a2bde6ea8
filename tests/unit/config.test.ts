import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/lib/server/config';
import { startServer } from '../helpers/server';

describe('readConfig', () => {
	it('gives the documented defaults for an empty environment', () => {
		const config = readConfig({});
		expect(config.database).toEqual({ kind: 'pglite', dataDir: './data/pglite' });
		expect(config.responseCacheBytes).toBe(64 * 1024 * 1024);
		expect(config.seedDemo).toBe(true);
		expect(config.worker).toBe(true);
		expect(config.adminToken).toBeNull();
		expect(config.searchSnapshotDir).toBe('./data/search');
		expect(config.importAllowPrivate).toEqual([]);
		expect(config.serverProcesses).toBe(1);
	});

	it('reads SERVER_PROCESSES: more than one on PostgreSQL, auto as one per core there and one on PGlite', () => {
		const postgres = { DATABASE_URL: 'postgres://u@localhost:5432/db' };
		expect(readConfig({ ...postgres, SERVER_PROCESSES: '3' }).serverProcesses).toBe(3);
		expect(readConfig({ ...postgres, SERVER_PROCESSES: 'auto' }).serverProcesses).toBeGreaterThanOrEqual(1);
		expect(readConfig({ SERVER_PROCESSES: 'auto' }).serverProcesses).toBe(1);
		expect(readConfig({ SERVER_PROCESSES: '1' }).serverProcesses).toBe(1);
	});

	it('reads good values', () => {
		const config = readConfig({ RESPONSE_CACHE_MB: '0', SEED_DEMO: '0', WORKER: 'off', ADMIN_TOKEN: ' secret-token ', ORIGIN: 'https://pods.example.org' });
		expect(config).toMatchObject({ responseCacheBytes: 0, seedDemo: false, worker: false, adminToken: 'secret-token', origin: 'https://pods.example.org' });
	});

	const bad: [string, string, RegExp][] = [
		['RESPONSE_CACHE_MB', '64MB', /RESPONSE_CACHE_MB="64MB" is not allowed: a whole number of megabytes/],
		['RESPONSE_CACHE_MB', '-1', /RESPONSE_CACHE_MB="-1"/],
		['SEED_DEMO', 'maybe', /SEED_DEMO="maybe" is not allowed: use 1 \(on\) or 0 \(off\)/],
		['WORKER', '2', /WORKER="2" is not allowed/],
		['RESPONSE_CACHE_WARM', 'sometimes', /RESPONSE_CACHE_WARM="sometimes" is not allowed: use 1 \(on\) or 0 \(off\)/],
		['DATABASE_URL', 'mysql://localhost/db', /DATABASE_URL: .* is not a database URL this site understands/],
		['ORIGIN', 'localhost:3000', /ORIGIN="localhost:3000" is not allowed: the public address with scheme and host/],
		['PORT', '99999', /PORT="99999" is not allowed: a port number/],
		['SHUTDOWN_TIMEOUT', '5s', /SHUTDOWN_TIMEOUT="5s"/],
		['IMPORT_ALLOW_PRIVATE', '10.0.0.0/8,192.168.1', /IMPORT_ALLOW_PRIVATE="10.0.0.0\/8,192.168.1" is not allowed: "192.168.1" is not an address range; use address ranges/],
		['SEARCH_CONCURRENCY', '0', /SEARCH_CONCURRENCY="0" is not allowed: a whole number of searches from 1 to 1000/],
		['SEARCH_PER_SECOND', 'fast', /SEARCH_PER_SECOND="fast" is not allowed: a whole number of searches a second/],
		['SERVER_PROCESSES', 'two', /SERVER_PROCESSES="two" is not allowed: a whole number of processes from 1 to 64, or auto/],
		['SERVER_PROCESSES', '0', /SERVER_PROCESSES="0" is not allowed: a whole number of processes/],
		['SERVER_PROCESSES', '2', /SERVER_PROCESSES="2" is not allowed: more than one process needs PostgreSQL .*the embedded database \(PGlite\) belongs to one process/],
		['MIGRATIONS_DIR', '/nonexistent/migrations', /MIGRATIONS_DIR="\/nonexistent\/migrations" is not allowed/]
	];
	for (const [name, given, message] of bad) {
		it(`refuses ${name}=${given} with the variable, the value and what is allowed`, () => {
			expect(() => readConfig({ [name]: given })).toThrow(message);
		});
	}
});

describe('the server with a bad configuration value', () => {
	it('refuses to start and says which variable is wrong', async () => {
		const started = startServer({ env: { RESPONSE_CACHE_MB: '64MB' }, timeoutMs: 30_000 });
		await expect(started).rejects.toThrow(/RESPONSE_CACHE_MB="64MB" is not allowed/);
	}, 60_000);
});
