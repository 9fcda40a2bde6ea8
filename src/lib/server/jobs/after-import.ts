/**
 * What is queued when content arrives: after an import commits (never inside its transaction), and for content
 * that has never been through the background steps (the demo seed, a database from before the jobs existed).
 */
import { and, eq, exists, ne, not, sql } from 'drizzle-orm';
import { anyOf } from '../db/long-lists';
import type { Db } from '../db/client';
import { episodes, jobs, segments, transcriptCues } from '../db/schema';
import { findJobKind } from './kinds';
import { enqueueMany } from './queue';

/** The kinds every episode whose content changed needs again (the chapters kind queues them itself when it runs). */
const CONTENT_KINDS = ['vectors', 'questions'];

/**
 * Queues the background work for episodes an import changed: 'chapters' where the segments are automatic (cut from
 * the transcript; its job queues 'vectors' and 'questions' when done), 'vectors' and 'questions' for the others.
 * Returns how many jobs were queued.
 */
export async function enqueueAfterImport(db: Db, episodeIds: number[]): Promise<number> {
	if (!episodeIds.length) return 0;
	const automatic = await episodesWithAutomaticSegments(db, episodeIds);
	const others = episodeIds.filter((id) => !automatic.has(id));
	let queued = await enqueueMany(db, 'chapters', [...automatic], versionOf('chapters'), { contentChanged: true });
	for (const kind of CONTENT_KINDS) queued += await enqueueMany(db, kind, others, versionOf(kind), { contentChanged: true });
	return queued;
}

/**
 * Queues the work that was never asked for: every episode without a job of each content kind, and 'chapters' for
 * automatic segments never re-chaptered. Cheap when there is nothing to do; called when a worker process starts and
 * after the demo seed. Returns how many jobs were queued.
 */
export async function enqueueMissingWork(db: Db): Promise<number> {
	const never = (kind: string) =>
		not(exists(db.select({ one: sql`1` }).from(jobs).where(and(eq(jobs.kind, kind), eq(jobs.episodeId, episodes.id)))));
	const chapterIds = await db
		.select({ id: episodes.id })
		.from(episodes)
		.where(and(never('chapters'), automaticOnly(), hasCues()));
	let queued = await enqueueMany(db, 'chapters', chapterIds.map((r) => r.id), versionOf('chapters'));
	const waitingForChapters = new Set(chapterIds.map((r) => r.id));
	for (const kind of CONTENT_KINDS) {
		const ids = await db.select({ id: episodes.id }).from(episodes).where(never(kind));
		queued += await enqueueMany(db, kind, ids.map((r) => r.id).filter((id) => !waitingForChapters.has(id)), versionOf(kind));
	}
	return queued;
}

async function episodesWithAutomaticSegments(db: Db, episodeIds: number[]): Promise<Set<number>> {
	const rows = await db
		.select({ id: episodes.id })
		.from(episodes)
		.where(and(anyOf(episodes.id, episodeIds), automaticOnly(), hasCues()));
	return new Set(rows.map((r) => r.id));
}

/** Episodes with no segment from chapters, show notes or an editor's hand (the chapters job leaves those alone). */
function automaticOnly() {
	return not(exists(sql`(select 1 from ${segments} where ${segments.episodeId} = ${episodes.id} and (${ne(segments.origin, 'transcript')}))`));
}

function hasCues() {
	return exists(sql`(select 1 from ${transcriptCues} where ${transcriptCues.episodeId} = ${episodes.id})`);
}

function versionOf(kind: string): number {
	return findJobKind(kind)?.version ?? 1;
}
