/**
 * The background-work wing's front door: durable jobs in the `jobs` table (queue.ts), workers that run them
 * (worker.ts), the registry of kinds (kinds.ts), what an import queues (after-import.ts) and what the admin page and
 * `npm run jobs` show (progress.ts). A wing adds a kind by exporting a JobKind (types.ts) and listing it in kinds.ts.
 */
export type { JobContext, JobKind } from './types';
export { jobKinds, findJobKind } from './kinds';
export {
	enqueueJob,
	enqueueMany,
	claimJob,
	reportProgress,
	completeJob,
	failJob,
	releaseJob,
	requeueKind,
	requeueOutdated,
	failAbandonedJobs,
	backoffSeconds,
	onJobsEnqueued,
	DEFAULT_RETRY,
	type ClaimedJob,
	type JobStatus,
	type RetryPolicy,
	type EnqueueOptions
} from './queue';
export { startWorker, type Worker, type WorkerOptions } from './worker';
export { jobProgress, type JobProgress, type JobFilter, type KindCounts, type JobRow } from './progress';
export { enqueueAfterImport, enqueueMissingWork } from './after-import';
export { formatJobProgress } from './format';
