/**
 * A worker as a process of its own (`npm run worker`): opens the database, queues work never asked for, runs jobs
 * until SIGTERM or SIGINT, then stops claiming, aborts the running job (handed back, to be resumed), and exits.
 * Its content changes reach the servers through NOTIFY on PostgreSQL (content-sync.ts). On the embedded PGlite store
 * only one process may open the directory, so there the web process's own worker is the one; this refuses.
 */
import { startContentSync } from '../content-sync';
import { createDb } from '../db/client';
import { runMigrations } from '../db/migrate';
import { DatabaseInUseError } from '../db/pglite-lock';
import { enqueueMissingWork } from './after-import';
import type { JobKind } from './types';
import { startWorker, type WorkerOptions } from './worker';

export class WorkerRefusedError extends Error {
	constructor(message: string) {
		super(`worker: ${message}`);
		this.name = 'WorkerRefusedError';
	}
}

export interface WorkerProcessOptions extends Omit<WorkerOptions, 'kinds' | 'log'> {
	/** DATABASE_URL as configured. */
	databaseUrl: string | undefined;
	kinds: JobKind[];
	log?: (message: string) => void;
	/** Resolves when the process should stop (default: the first SIGTERM or SIGINT). */
	stopSignal?: Promise<string>;
}

/** Runs a worker until the stop signal; resolves once it has stopped and the database is closed. */
export async function runWorkerProcess(options: WorkerProcessOptions): Promise<void> {
	const log = options.log ?? ((m: string) => console.log(`[worker] ${m}`));
	const handle = await openForWorker(options.databaseUrl);
	try {
		await runMigrations(handle);
		const sync = await startContentSync(handle, { log });
		const queued = await enqueueMissingWork(handle.db);
		if (queued) log(`${queued} job(s) queued for content that never had its background work`);
		const worker = startWorker(handle.db, { ...options, log });
		log(`running ${options.kinds.map((k) => `${k.name} v${k.version}`).join(', ')} as ${worker.id}; stop with Ctrl-C or SIGTERM`);
		const signal = await (options.stopSignal ?? firstSignal());
		log(`${signal}: no new jobs; stopping the running one (it is handed back and resumed later)`);
		await worker.stop();
		await sync.stop();
	} finally {
		await handle.close();
	}
	log('stopped');
}

async function openForWorker(databaseUrl: string | undefined) {
	try {
		const handle = await createDb(databaseUrl);
		if (handle.target.kind === 'pglite' && handle.target.dataDir === null) {
			await handle.close();
			throw new WorkerRefusedError('DATABASE_URL=pglite://memory is a database no other process sees: a worker on it has nothing to do.');
		}
		return handle;
	} catch (error) {
		if (error instanceof DatabaseInUseError) {
			throw new WorkerRefusedError(
				`the embedded database in ${error.dataDir} is open in another process (pid ${error.holder.pid}: ${error.holder.command}). ` +
					'On PGlite one process at a time may use it, and the site (npm start) runs the background work itself (WORKER=1, the default): ' +
					'no separate worker is needed. Run `npm run worker` with the site stopped, or use PostgreSQL (DATABASE_URL=postgres://...), ' +
					'where any number of workers share the jobs.'
			);
		}
		throw error;
	}
}

function firstSignal(): Promise<string> {
	return new Promise((resolve) => {
		const on = (signal: NodeJS.Signals) => {
			process.off('SIGTERM', on);
			process.off('SIGINT', on);
			resolve(signal);
		};
		process.on('SIGTERM', on);
		process.on('SIGINT', on);
	});
}
