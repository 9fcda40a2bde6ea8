/** Every row of every content table, for asserting that an import changed nothing (or exactly what it should). */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../src/lib/server/db/client';

const TABLES = [
	'podcasts',
	'episodes',
	'people',
	'episode_people',
	'segments',
	'transcript_cues',
	'chapter_markers',
	'episode_imports',
	'questions',
	'question_segments'
];

/** The database's content as JSON text per table, rows in a stable order. */
export async function snapshotTables(db: Db): Promise<Record<string, string>> {
	const out: Record<string, string> = {};
	for (const table of TABLES) {
		const result = await db.execute(sql.raw(`SELECT * FROM "${table}" ORDER BY 1, 2`));
		const rows = (result as { rows?: unknown[] }).rows ?? (result as unknown as unknown[]);
		out[table] = JSON.stringify(rows);
	}
	return out;
}

/** Row count of a table. */
export async function countRows(db: Db, table: string): Promise<number> {
	const result = await db.execute(sql.raw(`SELECT count(*)::int AS n FROM "${table}"`));
	const rows = ((result as { rows?: { n: number }[] }).rows ?? (result as unknown as { n: number }[])) as { n: number }[];
	return Number(rows[0]!.n);
}
