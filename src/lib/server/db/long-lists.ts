/**
 * Lists of any length in statements. `column IN (...)`: Drizzle's inArray sends one parameter per value, and PostgreSQL's
 * protocol allows 65,535 per statement, so a feed of 70,000 episodes failed the search-index update ("too many
 * query parameters"). Here the whole list travels as one array parameter (`column = ANY('{1,2,3}'::int[])`), which
 * PostgreSQL answers with the same index scans, on postgres.js and PGlite alike, in one statement however long it is.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** `column = ANY(values)`: true for rows whose `column` is one of `values` (none when the list is empty). */
export function anyOf(column: SQLWrapper, values: readonly number[], type?: 'int'): SQL;
export function anyOf(column: SQLWrapper, values: readonly string[], type: 'text'): SQL;
export function anyOf(column: SQLWrapper, values: readonly (number | string)[], type: 'int' | 'text' = 'int'): SQL {
	if (values.length === 0) return sql`false`;
	return sql`${column} = any(${arrayLiteral(values)}::${sql.raw(type)}[])`;
}

/** A PostgreSQL array literal: `{1,2.5,NULL,"text with \"quotes\""}`. */
export function arrayLiteral(values: readonly (string | number | null | undefined)[]): string {
	let out = '{';
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (i) out += ',';
		if (v === null || v === undefined) out += 'NULL';
		else if (typeof v === 'number') {
			if (!Number.isFinite(v)) throw new Error(`database: cannot send the number ${v} in a list`);
			out += String(v);
		} else out += `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
	}
	return `${out}}`;
}

/**
 * Rows per multi-row INSERT ... VALUES statement: drizzle sends one parameter per value, so a statement of
 * `columns` columns holds at most 65,535 / columns rows; this stays well below for any table.
 */
export const ROWS_PER_STATEMENT = 5_000;

/** `items` in consecutive slices of at most `size` (the last may be shorter). */
export function* chunksOf<T>(items: readonly T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
	for (let at = 0; at < items.length; at += size) yield items.slice(at, at + size);
}
