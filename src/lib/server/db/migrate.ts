/** Applies the committed drizzle/ migrations. Errors propagate: a site on a half-migrated schema must not start. */
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { getConfig } from '../config';
import type { DbHandle } from './client';

/** The migrations folder: ./drizzle beside package.json, or MIGRATIONS_DIR when the app runs from elsewhere. */
export function migrationsFolder(): string {
	return getConfig().migrationsDir;
}

export async function runMigrations(handle: DbHandle, folder = migrationsFolder()): Promise<void> {
	if (handle.target.kind === 'postgres') {
		await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder: folder });
	} else {
		await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: folder });
	}
}
