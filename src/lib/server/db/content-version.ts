/**
 * The content version: which database this is, and how many transactions have written what the search index is
 * built from (schema.ts, content_version). Equal versions mean equal indexed content, so a search snapshot saved
 * at one version can be restored at the same version instead of rebuilding the index.
 */
import { count } from 'drizzle-orm';
import type { Db } from './client';
import { contentChanges, contentVersion } from './schema';

/** "<database instance>:<committed content writes>", or null when the database has no version row. */
export async function readContentVersion(db: Db): Promise<string | null> {
	const [[row], [changes]] = await Promise.all([
		db.select({ instance: contentVersion.instance }).from(contentVersion).limit(1),
		db.select({ n: count() }).from(contentChanges)
	]);
	return row ? `${row.instance}:${changes?.n ?? 0}` : null;
}

/**
 * Runs `load` and returns what it read with the content version it read it at, or a null version when a content
 * write committed while it ran (the reads may then mix two versions). Every committed write adds a row, so the same
 * count before and after means none committed in between.
 */
export async function atContentVersion<T>(db: Db, load: () => Promise<T>): Promise<{ value: T; version: string | null }> {
	const before = await readContentVersion(db);
	const value = await load();
	const after = await readContentVersion(db);
	return { value, version: before !== null && before === after ? before : null };
}
