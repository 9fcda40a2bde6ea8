/**
 * Test databases on the real migrations: PGlite in memory always, and a real PostgreSQL when TEST_DATABASE_URL is
 * set. Each PostgreSQL test database is created fresh for its suite and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDb, type Db, type DbHandle } from '../../src/lib/server/db/client';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { seedDemoContent } from '../../src/lib/server/demo/seed';

export type DatabaseKind = 'pglite' | 'postgres';

export interface TestDb {
	kind: DatabaseKind;
	db: Db;
	handle: DbHandle;
	/** The URL the app would use to reach this database (for starting a server on it). */
	url: string;
	close(): Promise<void>;
}

/** The databases every database suite runs on: ['pglite'], plus 'postgres' when TEST_DATABASE_URL is set. */
export const databaseKinds: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A migrated, empty (or demo-seeded) database of the given kind. */
export async function createTestDb(kind: DatabaseKind, { seed = false }: { seed?: boolean } = {}): Promise<TestDb> {
	if (kind === 'pglite') {
		const handle = await createDb('pglite://memory');
		await runMigrations(handle);
		if (seed) await seedDemoContent(handle.db);
		return { kind, db: handle.db, handle, url: 'pglite://memory', close: () => handle.close() };
	}
	const adminUrl = process.env.TEST_DATABASE_URL;
	if (!adminUrl) throw new Error('tests: TEST_DATABASE_URL is not set, so there is no PostgreSQL to test on');
	const name = `pm_test_${process.pid}_${randomBytes(4).toString('hex')}`;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE "${name}"`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const handle = await createDb(url.toString(), { maxConnections: 4 });
	try {
		await runMigrations(handle);
		if (seed) await seedDemoContent(handle.db);
	} catch (error) {
		await handle.close();
		await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
		await admin.end();
		throw error;
	}
	return {
		kind,
		db: handle.db,
		handle,
		url: url.toString(),
		async close() {
			await handle.close();
			await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
			await admin.end();
		}
	};
}
