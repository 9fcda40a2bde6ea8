/**
 * The job queue and its workers on the real migrations (PGlite, and PostgreSQL when TEST_DATABASE_URL is set):
 * no job is run by two workers, a dead worker's job is taken over and finished, failures back off and then give up
 * with their error, a newer method redoes done work, progress is visible while a job runs, and kinds chain.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db, type DbHandle } from '../../src/lib/server/db/client';
import { episodes, jobs } from '../../src/lib/server/db/schema';
import {
	claimJob,
	completeJob,
	enqueueJob,
	enqueueMany,
	jobProgress,
	requeueKind,
	startWorker,
	type JobKind,
	type Worker
} from '../../src/lib/server/jobs';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';

const quiet = () => {};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` gives a truthy value (polling), or fails after `timeoutMs`. */
async function until<T>(check: () => Promise<T>, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value as NonNullable<T>;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(25);
	}
}

describe.each(databaseKinds)('the job queue on %s', (kind) => {
	let t: TestDb;
	let episodeIds: number[];
	/** A second connection pool to the same database (PostgreSQL), as a second worker process would have. */
	let other: DbHandle | null = null;
	let otherDb: Db;

	const jobRow = async (k: string, episodeId: number) => (await t.db.select().from(jobs).where(eq(jobs.kind, k)).then((rows) => rows.find((r) => r.episodeId === episodeId)))!;

	beforeAll(async () => {
		t = await createTestDb(kind, { seed: true });
		episodeIds = (await t.db.select({ id: episodes.id }).from(episodes)).map((e) => e.id);
		if (kind === 'postgres') other = await createDb(t.url, { maxConnections: 4 });
		otherDb = other?.db ?? t.db;
	}, 60_000);
	afterAll(async () => {
		await other?.close();
		await t.close();
	});

	it('has demo episodes to attach jobs to', () => {
		expect(episodeIds.length).toBeGreaterThanOrEqual(4);
	});

	it('never gives one job to two workers claiming at the same time', async () => {
		const kinds = ['race-a', 'race-b', 'race-c'];
		for (const k of kinds) await enqueueMany(t.db, k, episodeIds, 1);
		const total = kinds.length * episodeIds.length;
		const claimed: { id: number; by: string }[] = [];
		const claimer = (db: Db, by: string) => async () => {
			for (;;) {
				const job = await claimJob(db, by, kinds, 60);
				if (!job) return;
				claimed.push({ id: job.id, by });
				await completeJob(db, job, by, 1);
			}
		};
		// Four claimers over two connection pools (one pool on PGlite), all at once.
		await Promise.all([claimer(t.db, 'w1')(), claimer(otherDb, 'w2')(), claimer(t.db, 'w3')(), claimer(otherDb, 'w4')()]);
		const ids = claimed.map((c) => c.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.length).toBe(total);
		const progress = await jobProgress(t.db, { kinds });
		expect(progress.kinds.map((k) => [k.kind, k.done, k.queued, k.running])).toEqual(kinds.map((k) => [k, episodeIds.length, 0, 0]));
	});

	it('runs each job once with two workers side by side, and both take a share', async () => {
		const runs: { episodeId: number; worker: string }[] = [];
		const slow = (worker: string): JobKind => ({
			name: 'shared',
			version: 1,
			async run(ctx) {
				runs.push({ episodeId: ctx.episodeId, worker });
				await sleep(40);
			}
		});
		await enqueueMany(t.db, 'shared', episodeIds, 1);
		const workers = [startWorker(t.db, { kinds: [slow('one')], pollMs: 20, log: quiet }), startWorker(otherDb, { kinds: [slow('two')], pollMs: 20, log: quiet })];
		await until(async () => (await jobProgress(t.db, { kinds: ['shared'] })).kinds[0]?.done === episodeIds.length, 'all shared jobs done');
		await Promise.all(workers.map((w) => w.stop()));
		expect(runs.map((r) => r.episodeId).sort((a, b) => a - b)).toEqual([...episodeIds].sort((a, b) => a - b));
		expect(new Set(runs.map((r) => r.worker))).toEqual(new Set(['one', 'two']));
	});

	it('resumes a job whose worker died (its lease ran out) and finishes it', async () => {
		const episodeId = episodeIds[0]!;
		await enqueueJob(t.db, 'resumable', episodeId, 1);
		// A worker claims it and dies without a word: no completion, no renewal. Its lease is one second.
		const dead = await claimJob(t.db, 'dead-worker', ['resumable'], 1);
		expect(dead?.episodeId).toBe(episodeId);
		// While the lease holds, nobody else may take it.
		expect(await claimJob(otherDb, 'impatient', ['resumable'], 60)).toBeNull();
		const finished: number[] = [];
		const worker = startWorker(otherDb, {
			kinds: [{ name: 'resumable', version: 1, run: async (ctx) => void finished.push(ctx.episodeId) }],
			pollMs: 50,
			log: quiet
		});
		await until(async () => (await jobRow('resumable', episodeId)).status === 'done', 'the abandoned job done');
		await worker.stop();
		expect(finished).toEqual([episodeId]);
		const row = await jobRow('resumable', episodeId);
		expect(row.attempts).toBe(2); // the dead run and the one that finished
		expect(row.lockedBy).toBeNull();
		// The dead worker, should it come back, finds the job no longer its own.
		expect(await completeJob(t.db, dead!, 'dead-worker', 1)).toBeNull();
	});

	it('a worker stopped mid-job hands it back untouched, and the next worker finishes it', async () => {
		const episodeId = episodeIds[1]!;
		await enqueueJob(t.db, 'interruptible', episodeId, 1);
		let started = false;
		const long: JobKind = {
			name: 'interruptible',
			version: 1,
			async run(ctx) {
				started = true;
				await ctx.progress(1, 10);
				ctx.signal.throwIfAborted();
				await new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)));
			}
		};
		const first = startWorker(t.db, { kinds: [long], pollMs: 20, log: quiet });
		await until(async () => started, 'the long job to start');
		await first.stop();
		const handedBack = await jobRow('interruptible', episodeId);
		expect(handedBack).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null, lastError: null });
		const second = startWorker(otherDb, { kinds: [{ name: 'interruptible', version: 1, run: async () => {} }], pollMs: 20, log: quiet });
		await until(async () => (await jobRow('interruptible', episodeId)).status === 'done', 'the interrupted job done');
		await second.stop();
	});

	it('retries a failing job with growing waits, then marks it failed with the error', async () => {
		const episodeId = episodeIds[0]!;
		await enqueueJob(t.db, 'flaky', episodeId, 1);
		const runAt: number[] = [];
		const worker = startWorker(t.db, {
			kinds: [
				{
					name: 'flaky',
					version: 1,
					async run() {
						runAt.push(Date.now());
						throw new Error(`the transcript server said 503 (run ${runAt.length})`);
					}
				}
			],
			pollMs: 20,
			retry: { maxAttempts: 3, backoffSeconds: 0.3 },
			log: quiet
		});
		const afterFirst = await until(async () => {
			const row = await jobRow('flaky', episodeId);
			return row.attempts === 1 && row.status === 'queued' ? row : null;
		}, 'the first failure recorded');
		expect(afterFirst.lastError).toContain('the transcript server said 503 (run 1)');
		expect(afterFirst.runAfter.getTime()).toBeGreaterThan(Date.now() - 100);
		const failed = await until(async () => {
			const row = await jobRow('flaky', episodeId);
			return row.status === 'failed' ? row : null;
		}, 'the job to give up');
		await worker.stop();
		expect(runAt).toHaveLength(3);
		expect(failed.attempts).toBe(3);
		expect(failed.lastError).toBe('attempt 3: the transcript server said 503 (run 3)');
		// Backoff doubles: about 0.3 s before the second run, 0.6 s before the third.
		expect(runAt[1]! - runAt[0]!).toBeGreaterThanOrEqual(280);
		expect(runAt[2]! - runAt[1]!).toBeGreaterThanOrEqual(580);
		const progress = await jobProgress(t.db, { kinds: ['flaky'] });
		expect(progress.failed).toEqual([expect.objectContaining({ kind: 'flaky', episodeId, lastError: failed.lastError })]);
		expect(progress.failed[0]!.episodeTitle).toBeTruthy();
		// Asking again (a re-run from the admin page) queues it afresh.
		expect(await requeueKind(t.db, 'flaky')).toBe(1);
		expect(await jobRow('flaky', episodeId)).toMatchObject({ status: 'queued', attempts: 0, lastError: null });
	});

	it('leaves done work alone when asked again, but redoes it for a newer method or changed content', async () => {
		const episodeId = episodeIds[2]!;
		const runs: number[] = [];
		const kindOf = (version: number): JobKind => ({ name: 'versioned', version, run: async () => void runs.push(version) });
		expect(await enqueueJob(t.db, 'versioned', episodeId, 1)).toBe(true);
		let worker: Worker = startWorker(t.db, { kinds: [kindOf(1)], pollMs: 20, log: quiet });
		await until(async () => (await jobRow('versioned', episodeId)).status === 'done', 'version 1 done');
		expect(await enqueueJob(t.db, 'versioned', episodeId, 1)).toBe(false);
		expect((await jobRow('versioned', episodeId)).status).toBe('done');
		await worker.stop();

		// A worker that knows version 2 of the method queues the old work again when it starts, and redoes it.
		worker = startWorker(t.db, { kinds: [kindOf(2)], pollMs: 20, log: quiet });
		await until(async () => (await jobRow('versioned', episodeId)).methodVersion === 2, 'version 2 done');
		expect((await jobRow('versioned', episodeId)).status).toBe('done');
		expect(runs).toEqual([1, 2]);
		// Changed content asks for the same version again.
		expect(await enqueueJob(t.db, 'versioned', episodeId, 2, { contentChanged: true })).toBe(true);
		await until(async () => runs.length === 3, 'the re-run after a content change');
		await worker.stop();
		expect(await requeueKind(t.db, 'versioned', { all: true })).toBe(1);
	});

	it('a change while the job runs makes it run once more when it ends', async () => {
		const episodeId = episodeIds[3]!;
		let release!: () => void;
		let runs = 0;
		const gated: JobKind = {
			name: 'gated',
			version: 1,
			async run() {
				runs++;
				if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
			}
		};
		await enqueueJob(t.db, 'gated', episodeId, 1);
		const worker = startWorker(t.db, { kinds: [gated], pollMs: 20, log: quiet });
		await until(async () => runs === 1, 'the first run to start');
		expect(await enqueueJob(t.db, 'gated', episodeId, 1, { contentChanged: true })).toBe(true);
		expect((await jobRow('gated', episodeId)).status).toBe('running');
		release();
		await until(async () => runs === 2 && (await jobRow('gated', episodeId)).status === 'done', 'the second run');
		await worker.stop();
	});

	it('shows a running job with its progress, and the counts per kind', async () => {
		const episodeId = episodeIds[0]!;
		let release!: () => void;
		const reporting: JobKind = {
			name: 'reporting',
			version: 1,
			async run(ctx) {
				await ctx.progress(3, 8);
				await new Promise<void>((resolve) => (release = resolve));
				await ctx.progress(8, 8);
			}
		};
		await enqueueMany(t.db, 'reporting', episodeIds.slice(0, 2), 1);
		const worker = startWorker(t.db, { kinds: [reporting], pollMs: 20, log: quiet });
		const running = await until(async () => {
			const p = await jobProgress(t.db, { kinds: ['reporting'] });
			return p.running[0]?.progressDone === 3 ? p : null;
		}, 'progress 3 of 8');
		expect(running.kinds).toEqual([{ kind: 'reporting', queued: 1, running: 1, done: 0, failed: 0, retrying: 0 }]);
		expect(running.running[0]).toMatchObject({ kind: 'reporting', progressDone: 3, progressTotal: 8, lockedBy: worker.id });
		expect(running.pending).toBe(2);
		// The filter by show: the demo show of this episode has it, a show that does not exist has nothing.
		const [episode] = await t.db.select({ podcastId: episodes.podcastId }).from(episodes).where(eq(episodes.id, running.running[0]!.episodeId!));
		expect((await jobProgress(t.db, { kinds: ['reporting'], podcastIds: [episode!.podcastId] })).running).toHaveLength(1);
		expect((await jobProgress(t.db, { kinds: ['reporting'], podcastIds: [999_999] })).kinds).toEqual([]);
		const firstId = running.running[0]!.id;
		release();
		await until(async () => {
			const job = (await jobProgress(t.db, { kinds: ['reporting'] })).running[0];
			return job && job.id !== firstId && job.progressDone === 3;
		}, 'the second job at 3 of 8');
		release();
		const done = await until(async () => {
			const p = await jobProgress(t.db, { kinds: ['reporting'] });
			return p.pending === 0 ? p : null;
		}, 'both done');
		await worker.stop();
		expect(done.kinds).toEqual([{ kind: 'reporting', queued: 0, running: 0, done: 2, failed: 0, retrying: 0 }]);
	});

	it('queues the kinds that follow a job once it is done, for the same episode', async () => {
		const episodeId = episodeIds[1]!;
		const order: string[] = [];
		const first: JobKind = { name: 'first', version: 1, then: ['second'], run: async () => void order.push('first') };
		const second: JobKind = { name: 'second', version: 4, run: async (ctx) => void order.push(`second:${ctx.episodeId}`) };
		await enqueueJob(t.db, 'first', episodeId, 1);
		const worker = startWorker(t.db, { kinds: [first, second], pollMs: 20, log: quiet });
		await until(async () => (await jobRow('second', episodeId))?.status === 'done', 'the chained job');
		await worker.stop();
		expect(order).toEqual(['first', `second:${episodeId}`]);
		expect((await jobRow('second', episodeId)).methodVersion).toBe(4);
	});
});
