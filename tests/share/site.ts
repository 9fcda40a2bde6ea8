/** A real production server on a database holding the demo and the hostile content (not a test file). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createDb } from '../../src/lib/server/db/client';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { seedDemoContent } from '../../src/lib/server/demo/seed';
import { createTestDb, type DatabaseKind, type TestDb } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';
import { freePort, insertHostileContent } from './support';

export interface ShareSite {
	readonly url: string;
	fetch(pathname: string, init?: RequestInit): Promise<Response>;
}

/**
 * The production server on a database of `kind` holding the demo content and the hostile content. ORIGIN is set to
 * the server's own http address (adapter-node otherwise assumes https), so absolute links in responses work.
 */
export function serveShareSite(kind: DatabaseKind): ShareSite {
	let server: TestServer | undefined;
	let database: TestDb | undefined;
	let dataDir: string | undefined;
	beforeAll(async () => {
		let databaseUrl: string;
		if (kind === 'postgres') {
			database = await createTestDb('postgres', { seed: true });
			await insertHostileContent(database.db);
			databaseUrl = database.url;
		} else {
			// The server is another process, so PGlite has to live on disk for both of us to see it.
			dataDir = await mkdtemp(path.join(tmpdir(), 'pm-share-'));
			databaseUrl = `pglite://${dataDir}`;
			const handle = await createDb(databaseUrl);
			try {
				await runMigrations(handle);
				await seedDemoContent(handle.db);
				await insertHostileContent(handle.db);
			} finally {
				await handle.close();
			}
		}
		const port = await freePort();
		server = await startServer({ databaseUrl, env: { PORT: String(port), ORIGIN: `http://127.0.0.1:${port}` } });
	});
	afterAll(async () => {
		await server?.stop();
		await database?.close();
		if (dataDir) await rm(dataDir, { recursive: true, force: true });
	});
	return {
		get url() {
			if (!server) throw new Error('tests: the server has not started');
			return server.url;
		},
		fetch(pathname, init) {
			return fetch(new URL(pathname, this.url), { redirect: 'manual', ...init });
		}
	};
}
