/**
 * The job queue: rows of the `jobs` table, one per kind and episode. A worker claims a row with
 * FOR UPDATE SKIP LOCKED (so any number of workers, in any number of processes or machines, never take the same one)
 * and holds it by a lease (locked_until) that it renews while it works; a worker that dies stops renewing, and once
 * the lease has run out the job is claimable again. Failures are retried with exponential backoff, then marked
 * 'failed' with the error.
 *
 * `updated_at` is when the work was last asked for: a change to an episode while its job runs asks for it again,
 * and the run that was going on then ends as 'queued' rather than 'done' (completeJob), so no change is missed.
 */
import { and, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { chunksOf } from '../db/long-lists';
import type { Db } from '../db/client';
import { jobs } from '../db/schema';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** A claimed job, as the worker holds it. */
export interface ClaimedJob {
	id: number;
	kind: string;
	episodeId: number | null;
	methodVersion: number;
	attempts: number;
	/** When the work was last asked for, as it was at the claim, in the database's own text (exact to the microsecond). */
	askedAt: string;
}

export interface RetryPolicy {
	/** Runs (the first one included) before a job is marked failed. */
	maxAttempts: number;
	/** The wait after the first failure; each further failure doubles it. */
	backoffSeconds: number;
	/** The longest wait between attempts. */
	maxBackoffSeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, backoffSeconds: 15, maxBackoffSeconds: 3600 };

type EnqueueListener = () => void;
const enqueueListeners = new Set<EnqueueListener>();

/** Called after this process queues work (the in-process worker wakes up at once instead of at its next poll). */
export function onJobsEnqueued(listener: EnqueueListener): () => void {
	enqueueListeners.add(listener);
	return () => enqueueListeners.delete(listener);
}

function announceEnqueued(): void {
	for (const listener of enqueueListeners) listener();
}

export interface EnqueueOptions {
	/**
	 * The episode's content changed since the work was last done: queue it again even when it is done with the
	 * same version (and have a running job run once more when it ends). Without it, asking for done, current work
	 * is a no-op.
	 */
	contentChanged?: boolean;
}

/**
 * Asks for work of `kind` on an episode; call it after the transaction that wrote the content has committed.
 * A new row is queued; an existing one is queued again when it failed, when it is done with an older method version
 * (or the content changed); queued or running work of the same version is left as it is. Returns whether it queued.
 */
export async function enqueueJob(db: Db, kind: string, episodeId: number, version: number, options: EnqueueOptions = {}): Promise<boolean> {
	const queued = await enqueueMany(db, kind, [episodeId], version, options);
	return queued > 0;
}

/** enqueueJob for many episodes in one statement; returns how many rows were queued or asked for again. */
export async function enqueueMany(db: Db, kind: string, episodeIds: number[], version: number, { contentChanged = false }: EnqueueOptions = {}): Promise<number> {
	const ids = [...new Set(episodeIds)];
	if (!ids.length) return 0;
	const again = contentChanged ? sql`true` : sql`false`;
	let queued = 0;
	// In slices: one statement for 70,000 episodes would pass PostgreSQL's 65,535 parameters.
	for (const slice of chunksOf(ids)) queued += await enqueueSlice(db, kind, slice, version, again);
	if (queued) announceEnqueued();
	return queued;
}

async function enqueueSlice(db: Db, kind: string, ids: number[], version: number, again: SQL): Promise<number> {
	const rows = await db
		.insert(jobs)
		.values(ids.map((episodeId) => ({ kind, episodeId, methodVersion: version })))
		.onConflictDoUpdate({
			target: [jobs.kind, jobs.episodeId],
			set: {
				// A running job keeps running (its worker holds it); completeJob sees updated_at moved and queues it again.
				status: sql`case when ${jobs.status} = 'running' then ${jobs.status} else 'queued'::job_status end`,
				methodVersion: sql`greatest(${jobs.methodVersion}, excluded.method_version)`,
				attempts: sql`case when ${jobs.status} = 'running' then ${jobs.attempts} else 0 end`,
				runAfter: sql`case when ${jobs.status} = 'running' then ${jobs.runAfter} else now() end`,
				lastError: sql`case when ${jobs.status} = 'running' then ${jobs.lastError} else null end`,
				progressDone: sql`case when ${jobs.status} = 'running' then ${jobs.progressDone} else 0 end`,
				progressTotal: sql`case when ${jobs.status} = 'running' then ${jobs.progressTotal} else 0 end`,
				updatedAt: sql`now()`
			},
			setWhere: sql`${jobs.status} = 'failed'
				or (${jobs.status} = 'done' and (${jobs.methodVersion} < excluded.method_version or ${again}))
				or (${jobs.status} = 'running' and (${jobs.methodVersion} < excluded.method_version or ${again}))`
		})
		.returning({ id: jobs.id });
	return rows.length;
}

/**
 * Claims the next job of one of `kinds` for `workerId`: the oldest due queued job, or a running one whose lease ran
 * out (its worker died). One statement, so the row lock lasts no longer than the claim itself.
 */
export async function claimJob(db: Db, workerId: string, kinds: string[], leaseSeconds: number): Promise<ClaimedJob | null> {
	if (!kinds.length) return null;
	const claimable = and(
		inArray(jobs.kind, kinds),
		or(and(eq(jobs.status, 'queued'), sql`${jobs.runAfter} <= now()`), and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, sql`now()`)))
	);
	const result = await db.execute(sql`
		update ${jobs}
		set status = 'running', locked_by = ${workerId}, locked_until = now() + make_interval(secs => ${leaseSeconds}),
			attempts = ${jobs.attempts} + 1, progress_done = 0, progress_total = 0
		where ${jobs.id} = (
			select ${jobs.id} from ${jobs} where ${claimable}
			order by ${jobs.runAfter}, ${jobs.id} limit 1 for update skip locked
		)
		returning id, kind, episode_id, method_version, attempts, updated_at::text as asked_at`);
	const row = rowsOf<ClaimedRow>(result)[0];
	if (!row) return null;
	return {
		id: Number(row.id),
		kind: row.kind,
		episodeId: row.episode_id === null ? null : Number(row.episode_id),
		methodVersion: Number(row.method_version),
		attempts: Number(row.attempts),
		askedAt: row.asked_at
	};
}

interface ClaimedRow {
	id: number;
	kind: string;
	episode_id: number | null;
	method_version: number;
	attempts: number;
	asked_at: string;
}

/** postgres.js returns the rows as the result; PGlite as result.rows. */
function rowsOf<T>(result: unknown): T[] {
	return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

function heldBy(job: ClaimedJob, workerId: string): SQL {
	return and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.lockedBy, workerId))!;
}

/**
 * Records progress and renews the lease. Returns false when the job is no longer this worker's (its lease ran out
 * and another worker took it over, or it was deleted with its episode): the worker should stop working on it.
 */
export async function reportProgress(db: Db, job: ClaimedJob, workerId: string, leaseSeconds: number, progress?: { done: number; total: number }): Promise<boolean> {
	const rows = await db
		.update(jobs)
		.set({
			lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
			...(progress ? { progressDone: Math.max(0, Math.round(progress.done)), progressTotal: Math.max(0, Math.round(progress.total)) } : {})
		})
		.where(heldBy(job, workerId))
		.returning({ id: jobs.id });
	return rows.length > 0;
}

/**
 * Marks a job done with the method version that did it, unless the work was asked for again while it ran
 * (updated_at moved past the claim): then it is queued once more. Returns the status it was left in, or null when
 * the job was no longer this worker's.
 */
export async function completeJob(db: Db, job: ClaimedJob, workerId: string, version: number): Promise<JobStatus | null> {
	const rows = await db
		.update(jobs)
		.set({
			status: sql`case when ${jobs.updatedAt} > ${job.askedAt}::timestamptz then 'queued'::job_status else 'done'::job_status end`,
			methodVersion: sql`greatest(${jobs.methodVersion}, ${version})`,
			attempts: sql`case when ${jobs.updatedAt} > ${job.askedAt}::timestamptz then 0 else ${jobs.attempts} end`,
			runAfter: sql`now()`,
			lockedBy: null,
			lockedUntil: null,
			lastError: null,
			progressDone: sql`greatest(${jobs.progressDone}, ${jobs.progressTotal})`
		})
		.where(heldBy(job, workerId))
		.returning({ status: jobs.status });
	return rows[0]?.status ?? null;
}

/** The wait before the next attempt after `attempts` runs: backoff, doubled per failure, capped. */
export function backoffSeconds(attempts: number, policy: RetryPolicy = DEFAULT_RETRY): number {
	return Math.min(policy.maxBackoffSeconds, policy.backoffSeconds * 2 ** Math.max(0, attempts - 1));
}

/**
 * Records a failed run: queued again after the backoff, or 'failed' for good once it has had `maxAttempts` runs.
 * The error is kept either way (shown on /admin/jobs). Returns the status it was left in (null: not this worker's).
 */
export async function failJob(db: Db, job: ClaimedJob, workerId: string, error: unknown, policy: RetryPolicy = DEFAULT_RETRY): Promise<JobStatus | null> {
	const final = job.attempts >= policy.maxAttempts;
	const rows = await db
		.update(jobs)
		.set({
			status: final ? 'failed' : 'queued',
			runAfter: sql`now() + make_interval(secs => ${final ? 0 : backoffSeconds(job.attempts, policy)})`,
			lockedBy: null,
			lockedUntil: null,
			lastError: describeError(error, job.attempts)
		})
		.where(heldBy(job, workerId))
		.returning({ status: jobs.status });
	return rows[0]?.status ?? null;
}

/** Hands a job back untouched (its worker is stopping): queued at once, the interrupted run not counted. */
export async function releaseJob(db: Db, job: ClaimedJob, workerId: string): Promise<boolean> {
	const rows = await db
		.update(jobs)
		.set({ status: 'queued', runAfter: sql`now()`, lockedBy: null, lockedUntil: null, attempts: sql`greatest(0, ${jobs.attempts} - 1)` })
		.where(heldBy(job, workerId))
		.returning({ id: jobs.id });
	return rows.length > 0;
}

/**
 * Jobs whose workers died `maxAttempts` times in a row (a job that kills its worker, say by running out of memory)
 * are marked failed instead of being claimed for ever. Returns how many.
 */
export async function failAbandonedJobs(db: Db, kinds: string[], policy: RetryPolicy = DEFAULT_RETRY): Promise<number> {
	if (!kinds.length) return 0;
	const rows = await db
		.update(jobs)
		.set({
			status: 'failed',
			lockedBy: null,
			lockedUntil: null,
			lastError: sql`'its worker stopped answering (lease ran out) on each of ' || ${jobs.attempts} || ' attempts; last worker: ' || coalesce(${jobs.lockedBy}, '?')`
		})
		.where(and(inArray(jobs.kind, kinds), eq(jobs.status, 'running'), lt(jobs.lockedUntil, sql`now()`), sql`${jobs.attempts} >= ${policy.maxAttempts}`))
		.returning({ id: jobs.id });
	return rows.length;
}

function describeError(error: unknown, attempts: number): string {
	const message = error instanceof Error ? error.message : String(error);
	return `attempt ${attempts}: ${message}`.slice(0, 2000);
}

/**
 * Queues a kind again: its failed jobs and its done jobs of a version older than `version`; with `all`, every done
 * one too (re-run after a change the version does not show). Returns how many were queued.
 */
export async function requeueKind(db: Db, kind: string, { version, all = false }: { version?: number; all?: boolean } = {}): Promise<number> {
	const outdated = version === undefined ? sql`false` : sql`${jobs.methodVersion} < ${version}`;
	const rows = await db
		.update(jobs)
		.set({ status: 'queued', attempts: 0, runAfter: sql`now()`, lastError: null, progressDone: 0, progressTotal: 0, updatedAt: sql`now()` })
		.where(and(eq(jobs.kind, kind), or(eq(jobs.status, 'failed'), and(eq(jobs.status, 'done'), all ? sql`true` : outdated))))
		.returning({ id: jobs.id });
	return rows.length;
}

/** Done work of an older method version, for every kind given, queued again (a worker does this when it starts). */
export async function requeueOutdated(db: Db, kinds: { name: string; version: number }[]): Promise<number> {
	let queued = 0;
	for (const kind of kinds) {
		const rows = await db
			.update(jobs)
			.set({ status: 'queued', attempts: 0, runAfter: sql`now()`, progressDone: 0, progressTotal: 0, updatedAt: sql`now()` })
			.where(and(eq(jobs.kind, kind.name), eq(jobs.status, 'done'), lt(jobs.methodVersion, kind.version)))
			.returning({ id: jobs.id });
		queued += rows.length;
	}
	if (queued) announceEnqueued();
	return queued;
}
