/**
 * Inserts many rows in few statements: each column travels as one array parameter and `unnest` turns the arrays
 * back into rows. A statement per few thousand rows with one parameter per value is what makes big imports slow
 * (PGlite pays per statement and per parameter); this keeps a 600,000-cue import to a dozen statements, and works
 * the same on postgres.js and PGlite because the arrays are sent as PostgreSQL array literals (text).
 */
import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../db/long-lists';
import type { Tx } from '../db/client';

export interface BulkColumn {
	name: string;
	/** The PostgreSQL type of the array elements: int, float8, text, or an enum read from text. */
	type: 'int' | 'float8' | 'text' | { enum: string };
}

/** Rows per statement at most, and characters of parameters per statement at most. */
const MAX_ROWS = 20_000;
const MAX_CHARS = 4 * 1024 * 1024;

/**
 * Inserts rows (values in `columns` order) into `table`. Rows may be produced lazily (a generator), so a big import
 * never holds them all as arrays at once. Names come from code, never from input.
 */
export async function bulkInsert(tx: Tx, table: string, columns: BulkColumn[], rows: Iterable<Row>): Promise<void> {
	let batch: Row[] = [];
	let chars = 0;
	for (const row of rows) {
		batch.push(row);
		for (const value of row) chars += typeof value === 'string' ? value.length + 3 : 12;
		if (batch.length >= MAX_ROWS || chars >= MAX_CHARS) {
			await insertBatch(tx, table, columns, batch);
			batch = [];
			chars = 0;
		}
	}
	if (batch.length) await insertBatch(tx, table, columns, batch);
}

type Row = (string | number | null)[];

async function insertBatch(tx: Tx, table: string, columns: BulkColumn[], rows: Row[]): Promise<void> {
	const names = columns.map((c) => `"${c.name}"`).join(', ');
	const arrays = columns.map((c, i) => {
		const literal = arrayLiteral(rows.map((r) => r[i]!));
		const type = typeof c.type === 'string' ? c.type : 'text';
		return sql`${literal}::${sql.raw(type)}[]`;
	});
	const selected = columns.map((c, i) => (typeof c.type === 'string' ? `c${i}` : `c${i}::"${c.type.enum}"`)).join(', ');
	const aliases = columns.map((_, i) => `c${i}`).join(', ');
	await tx.execute(
		sql`INSERT INTO ${sql.raw(`"${table}"`)} (${sql.raw(names)}) SELECT ${sql.raw(selected)} FROM unnest(${sql.join(arrays, sql`, `)}) AS u(${sql.raw(aliases)})`
	);
}
