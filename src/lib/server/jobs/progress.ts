/** What the background work is doing, for /admin/jobs, /admin/import and `npm run jobs`. */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { anyOf } from '../db/long-lists';
import type { Db } from '../db/client';
import { episodes, jobs, podcasts } from '../db/schema';
import type { JobStatus } from './queue';

export interface JobFilter {
	kinds?: string[];
	episodeIds?: number[];
	/** Only jobs about this show's episodes. */
	podcastIds?: number[];
}

export interface KindCounts {
	kind: string;
	queued: number;
	running: number;
	done: number;
	failed: number;
	/** Of the queued ones, those waiting out a retry backoff. */
	retrying: number;
}

export interface JobRow {
	id: number;
	kind: string;
	episodeId: number | null;
	episodeTitle: string | null;
	podcastTitle: string | null;
	status: JobStatus;
	attempts: number;
	methodVersion: number;
	progressDone: number;
	progressTotal: number;
	lockedBy: string | null;
	lastError: string | null;
}

export interface JobProgress {
	kinds: KindCounts[];
	/** Jobs being worked on now, with their progress. */
	running: JobRow[];
	/** Jobs that gave up, newest first, with their error. */
	failed: JobRow[];
	/** Queued plus running: 0 when everything asked for is finished (done or failed). */
	pending: number;
}

/** How many jobs of the running and failed lists are shown. */
const LIST_LIMIT = 50;

/** Counts per kind and status, the running jobs with their progress, and the failed ones with their error. */
export async function jobProgress(db: Db, filter: JobFilter = {}): Promise<JobProgress> {
	const where = filterCondition(filter);
	const counted = await db
		.select({ kind: jobs.kind, status: jobs.status, n: count(), retrying: sql<number>`count(*) filter (where ${jobs.status} = 'queued' and ${jobs.runAfter} > now() and ${jobs.attempts} > 0)` })
		.from(jobs)
		.where(where)
		.groupBy(jobs.kind, jobs.status)
		.orderBy(asc(jobs.kind));
	const byKind = new Map<string, KindCounts>();
	for (const row of counted) {
		const counts = byKind.get(row.kind) ?? { kind: row.kind, queued: 0, running: 0, done: 0, failed: 0, retrying: 0 };
		counts[row.status] += Number(row.n);
		counts.retrying += Number(row.retrying);
		byKind.set(row.kind, counts);
	}
	const kinds = [...byKind.values()];
	const [running, failed] = await Promise.all([listJobs(db, and(where, eq(jobs.status, 'running'))), listJobs(db, and(where, eq(jobs.status, 'failed')), true)]);
	return { kinds, running, failed, pending: kinds.reduce((n, k) => n + k.queued + k.running, 0) };
}

function filterCondition(filter: JobFilter): SQL | undefined {
	const parts: (SQL | undefined)[] = [];
	if (filter.kinds) parts.push(filter.kinds.length ? inArray(jobs.kind, filter.kinds) : sql`false`);
	if (filter.episodeIds) parts.push(filter.episodeIds.length ? anyOf(jobs.episodeId, filter.episodeIds) : sql`false`);
	if (filter.podcastIds) {
		parts.push(
			filter.podcastIds.length
				? inArray(jobs.episodeId, sql`(select ${episodes.id} from ${episodes} where ${anyOf(episodes.podcastId, filter.podcastIds)})`)
				: sql`false`
		);
	}
	return and(...parts);
}

async function listJobs(db: Db, where: SQL | undefined, newestFirst = false): Promise<JobRow[]> {
	return db
		.select({
			id: jobs.id,
			kind: jobs.kind,
			episodeId: jobs.episodeId,
			episodeTitle: episodes.title,
			podcastTitle: podcasts.title,
			status: jobs.status,
			attempts: jobs.attempts,
			methodVersion: jobs.methodVersion,
			progressDone: jobs.progressDone,
			progressTotal: jobs.progressTotal,
			lockedBy: jobs.lockedBy,
			lastError: jobs.lastError
		})
		.from(jobs)
		.leftJoin(episodes, eq(episodes.id, jobs.episodeId))
		.leftJoin(podcasts, eq(podcasts.id, episodes.podcastId))
		.where(where)
		.orderBy(newestFirst ? desc(jobs.updatedAt) : asc(jobs.id))
		.limit(LIST_LIMIT);
}
