/** Small readers shared by the database suites (not a test file: vitest only collects *.test.ts). */
import { count, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import {
	episodePeople,
	episodes,
	people,
	podcasts,
	questions,
	questionSegments,
	segments,
	transcriptCues
} from '../../src/lib/server/db/schema';

/** Rows of a raw query, whichever driver ran it (postgres.js returns an array, PGlite an object with rows). */
export async function queryRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
	const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
	return Array.isArray(result) ? [...result] : result.rows;
}

export interface PgFailure {
	code: string | undefined;
	constraint: string | undefined;
	message: string;
}

/** Awaits a write that must fail and returns PostgreSQL's error code, constraint and message. */
export async function pgFailure(write: Promise<unknown>): Promise<PgFailure> {
	let caught: unknown;
	try {
		await write;
	} catch (error) {
		caught = error;
	}
	if (!caught) throw new Error('tests: the write succeeded, but it should have been refused');
	// drizzle wraps the driver's error in DrizzleQueryError; the PostgreSQL fields are on its cause.
	const e = ((caught as { cause?: unknown }).cause ?? caught) as Record<string, unknown>;
	return {
		code: e.code as string | undefined,
		constraint: (e.constraint ?? e.constraint_name) as string | undefined,
		message: String(e.message)
	};
}

/** Row counts of every content table: a write that failed must leave all of them as they were. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
	const tables = { podcasts, episodes, people, episodePeople, segments, transcriptCues, questions, questionSegments };
	const out: Record<string, number> = {};
	for (const [name, table] of Object.entries(tables)) {
		const [row] = await db.select({ n: count() }).from(table);
		out[name] = row!.n;
	}
	return out;
}

export { sql };

/** A show of its own with one 600-second episode holding segments 0-100 and 100-200: writes here never touch the demo. */
export async function createFixtureEpisode(db: Db, slug: string) {
	const [podcast] = await db.insert(podcasts).values({ slug, title: `Fixture ${slug}` }).returning();
	const [episode] = await db
		.insert(episodes)
		.values({ podcastId: podcast!.id, slug: 'first', guid: `${slug}:first`, title: 'First', durationSeconds: 600 })
		.returning();
	const list = await db
		.insert(segments)
		.values([
			{ episodeId: episode!.id, position: 0, startSeconds: 0, endSeconds: 100, title: 'Opening' },
			{ episodeId: episode!.id, position: 1, startSeconds: 100, endSeconds: 200, title: 'Middle' }
		])
		.returning();
	return { podcast: podcast!, episode: episode!, segments: list };
}
