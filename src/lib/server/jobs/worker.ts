/**
 * A worker: claims jobs of the kinds it knows, runs them one at a time (or `concurrency` at a time), keeps their
 * leases alive while they run, and records how each ended. Any number of workers may run against one PostgreSQL
 * (the web process has one, `npm run worker` starts more); the queue's row locks keep them off each other's jobs.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db/client';
import {
	claimJob,
	completeJob,
	DEFAULT_RETRY,
	enqueueJob,
	failAbandonedJobs,
	failJob,
	onJobsEnqueued,
	releaseJob,
	reportProgress,
	requeueOutdated,
	type ClaimedJob,
	type RetryPolicy
} from './queue';
import type { JobContext, JobKind } from './types';

export interface WorkerOptions {
	kinds: JobKind[];
	/** Jobs run at the same time by this worker (default 1: the heavy kinds use both cores by themselves). */
	concurrency?: number;
	/** How long an idle worker sleeps before looking again (default 2 s); work queued in this process wakes it at once. */
	pollMs?: number;
	/** How long a claimed job stays this worker's without a renewal (default 60 s); renewed every third of it. */
	leaseSeconds?: number;
	retry?: Partial<RetryPolicy>;
	/** How long stop() waits for a job that does not heed its abort signal (default 30 s). */
	stopTimeoutMs?: number;
	/** Names this worker in jobs.locked_by (default host:pid:random). */
	workerId?: string;
	log?: (message: string) => void;
}

export interface Worker {
	readonly id: string;
	/** Stops claiming, aborts the running jobs (they are handed back, to be resumed), and waits for them. */
	stop(): Promise<void>;
}

/** Starts a worker on `db`; it runs until stop(). Done work of an older method version is queued again first. */
export function startWorker(db: Db, options: WorkerOptions): Worker {
	const id = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
	const log = options.log ?? ((m: string) => console.log(`[jobs] ${m}`));
	const pollMs = options.pollMs ?? 2000;
	const leaseSeconds = options.leaseSeconds ?? 60;
	const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
	const kinds = new Map(options.kinds.map((k) => [k.name, k]));
	const names = [...kinds.keys()];

	let stopping = false;
	const running = new Set<AbortController>();
	const sleepers = new Set<() => void>();
	const wakeAll = () => {
		for (const wake of [...sleepers]) wake();
	};
	const unsubscribe = onJobsEnqueued(wakeAll);

	const idle = () =>
		new Promise<void>((resolve) => {
			const done = () => {
				clearTimeout(timer);
				sleepers.delete(done);
				resolve();
			};
			const timer = setTimeout(done, pollMs);
			sleepers.add(done);
		});

	async function runOne(job: ClaimedJob): Promise<void> {
		const kind = kinds.get(job.kind)!;
		const controller = new AbortController();
		running.add(controller);
		let lost = false;
		const renew = async (progress?: { done: number; total: number }) => {
			if (lost) return;
			if (!(await reportProgress(db, job, id, leaseSeconds, progress))) {
				lost = true;
				controller.abort(new Error(`jobs: ${describe(job)} is no longer this worker's (its lease ran out and another worker took it over)`));
			}
		};
		const heartbeat = setInterval(() => renew().catch((e) => log(`renewing the lease of ${describe(job)} failed: ${messageOf(e)}`)), (leaseSeconds * 1000) / 3);
		const started = performance.now();
		try {
			if (job.episodeId === null) throw new Error(`jobs: kind "${job.kind}" needs an episode and this job has none`);
			const context: JobContext = {
				db,
				episodeId: job.episodeId,
				progress: async (done, total) => {
					await yieldToEventLoop();
					await renew({ done, total });
				},
				signal: controller.signal,
				log: (m) => log(`${describe(job)}: ${m}`)
			};
			await kind.run(context);
			controller.signal.throwIfAborted(); // a run that ignored its abort has not finished its work
			const status = await completeJob(db, job, id, kind.version);
			if (status === null) return log(`${describe(job)} finished, but another worker had taken it over; its result stands`);
			log(`${describe(job)} done in ${Math.round(performance.now() - started)} ms${status === 'queued' ? ' (asked for again while it ran: queued once more)' : ''}`);
			for (const next of kind.then ?? []) await enqueueJob(db, next, job.episodeId, kinds.get(next)?.version ?? 1, { contentChanged: true });
		} catch (error) {
			if (lost) return log(`${describe(job)} stopped: ${messageOf(controller.signal.reason)}`);
			if (stopping && controller.signal.aborted) {
				await releaseJob(db, job, id).catch(() => {});
				return log(`${describe(job)} interrupted by shutdown; handed back to be resumed`);
			}
			const status = await failJob(db, job, id, error, retry);
			log(`${describe(job)} failed (attempt ${job.attempts} of ${retry.maxAttempts}): ${messageOf(error)}${status === 'failed' ? '; giving up' : '; will retry'}`);
		} finally {
			clearInterval(heartbeat);
			running.delete(controller);
		}
	}

	async function loop(): Promise<void> {
		while (!stopping) {
			await yieldToEventLoop();
			let job: ClaimedJob | null = null;
			try {
				job = await claimJob(db, id, names, leaseSeconds);
				if (!job) await failAbandonedJobs(db, names, retry).then((n) => n && log(`${n} job(s) whose worker kept dying marked failed`));
			} catch (error) {
				if (stopping) break;
				log(`claiming a job failed: ${messageOf(error)}; trying again in ${pollMs} ms`);
			}
			if (stopping) {
				if (job) await releaseJob(db, job, id).catch(() => {});
				break;
			}
			if (job) await runOne(job);
			else await idle();
		}
	}

	const loops = (async () => {
		if (names.length) {
			const requeued = await requeueOutdated(db, options.kinds).catch((e) => (log(`re-queueing outdated work failed: ${messageOf(e)}`), 0));
			if (requeued) log(`${requeued} job(s) done by an older method version queued again`);
		}
		await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, loop));
	})();

	return {
		id,
		async stop() {
			stopping = true;
			unsubscribe();
			for (const controller of running) controller.abort(new Error('jobs: the worker is stopping'));
			wakeAll();
			const timeoutMs = options.stopTimeoutMs ?? 30_000;
			let timer: NodeJS.Timeout | undefined;
			const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
			const outcome = await Promise.race([loops.then(() => 'stopped' as const), timedOut]);
			clearTimeout(timer);
			if (outcome === 'timeout') log(`a job did not stop within ${timeoutMs} ms; it is resumed by a worker once its lease runs out`);
		}
	};
}

/**
 * Lets timers, signals and requests in. On PGlite a query resolves without any I/O, and a sentence encoder can
 * compute for a second at a time, so a worker that only awaited them would hold the event loop for as long as it
 * had work: the web process's requests and a SIGTERM would wait for the queue to empty.
 */
function yieldToEventLoop(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

function describe(job: ClaimedJob): string {
	return `${job.kind} #${job.id}${job.episodeId !== null ? ` (episode ${job.episodeId})` : ''}`;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
