/**
 * What a kind of background work looks like to the queue (queue.ts runs it). Each wing that does heavy work
 * (chapters, vectors, mined questions) exports a JobKind; the registry (kinds.ts) lists them.
 */
import type { Db } from '../db/client';

export interface JobContext {
	db: Db;
	/** The episode the work is about (every kind today is per episode). */
	episodeId: number;
	/** Reports progress (shown on /admin/jobs and by `npm run jobs`); also renews the worker's lease on the job. */
	progress(done: number, total: number): Promise<void>;
	/** Aborted when the worker is stopping: long work checks it between steps and throws, to be resumed later. */
	signal: AbortSignal;
	log(message: string): void;
}

export interface JobKind {
	/** 'chapters', 'vectors', 'questions' ... : the jobs.kind column. */
	name: string;
	/** Bumped when the method improves: done work of an older version is queued again. */
	version: number;
	/** Does the work for one episode; idempotent (a killed run is simply run again). */
	run(context: JobContext): Promise<void>;
	/** Kinds queued for the same episode once this one is done (vectors and questions follow chapters). */
	then?: string[];
}
