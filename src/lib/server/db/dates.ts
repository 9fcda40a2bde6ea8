/**
 * Timestamps as pages need them, computed by the database in the query that reads them. Dates are printed here,
 * once, on the server: the browser then needs no date-formatting code, and what it shows after a client-side
 * navigation is the same text the server rendered.
 */
import { sql, type SQL } from 'drizzle-orm';

/** ISO 8601 in UTC ("2026-11-25T07:00:00Z"), for `<time datetime>`, JSON-LD, feeds and the sitemap. */
export const isoTimestamp = (value: unknown): SQL<string | null> =>
	sql<string | null>`to_char(${value} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** The calendar day in UTC for people: "25 November 2026" (`FM` drops the padding `to_char` adds). */
export const dayLabel = (value: unknown): SQL<string | null> => sql<string | null>`to_char(${value} AT TIME ZONE 'UTC', 'FMDD FMMonth YYYY')`;
