/**
 * The app's database: the one place that reads DATABASE_URL. The first call opens it, applies the migrations and,
 * when the database holds no shows yet, loads the demo content; later calls get the same ready handle.
 */
import { count } from 'drizzle-orm';
import { getConfig } from '../config';
import { seedDemoContent } from '../demo/seed';
import { createDb, type Db, type DbHandle } from './client';
import { runMigrations } from './migrate';
import { podcasts } from './schema';

let ready: Promise<DbHandle> | null = null;

export interface OpenOptions {
	url?: string | null;
	/** Load the demo content into an empty database (default: unless SEED_DEMO=0). */
	seedWhenEmpty?: boolean;
	log?: (message: string) => void;
}

/** Migrates, then seeds an empty database. Exported for scripts and tests that open their own handle. */
export async function prepareDb(handle: DbHandle, options: OpenOptions = {}): Promise<void> {
	const log = options.log ?? (() => {});
	await runMigrations(handle);
	const seed = options.seedWhenEmpty ?? getConfig().seedDemo;
	if (seed && (await isEmpty(handle.db))) {
		const result = await seedDemoContent(handle.db);
		log(`loaded demo content: ${result.podcasts} shows, ${result.episodes} episodes, ${result.segments} segments, ${result.questions} questions`);
	}
}

async function isEmpty(db: Db): Promise<boolean> {
	const [row] = await db.select({ n: count() }).from(podcasts);
	return (row?.n ?? 0) === 0;
}

/** The app's shared handle, opened and prepared once. */
export function openAppDb(options: OpenOptions = {}): Promise<DbHandle> {
	ready ??= (async () => {
		const handle = await createDb(options.url ?? getConfig().databaseUrl, { server: true });
		try {
			await prepareDb(handle, options);
		} catch (error) {
			await handle.close().catch(() => {});
			throw error;
		}
		return handle;
	})().catch((error: unknown) => {
		// A failed open is never kept: the next call tries again (the database may be back by then).
		ready = null;
		throw error;
	});
	return ready;
}

/** The app's drizzle database, for load functions and endpoints. */
export async function getDb(): Promise<Db> {
	return (await openAppDb()).db;
}

/** Closes the shared handle (graceful shutdown, tests). */
export async function closeAppDb(): Promise<void> {
	const handle = await ready?.catch(() => null);
	ready = null;
	await handle?.close();
}
