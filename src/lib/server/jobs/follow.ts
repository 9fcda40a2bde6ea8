/**
 * After a command-line import: what background work it queued, and either how to follow it or (with --wait) a
 * worker in this process that runs it, with its progress, until the imported shows' jobs are finished.
 */
import type { DbHandle } from '../db/client';
import { formatJobProgress } from './format';
import { jobKinds } from './kinds';
import { jobProgress, type JobProgress } from './progress';
import { startWorker } from './worker';

/** How often the progress line is refreshed while waiting. */
const REFRESH_MS = 1000;

/** Says what the import queued; with `wait`, runs it here and reports until it is finished (or Ctrl-C). */
export async function followImportJobs(handle: DbHandle, podcastIds: number[], { wait, log }: { wait: boolean; log: (message: string) => void }): Promise<void> {
	if (!podcastIds.length) return;
	const filter = { podcastIds };
	const first = await jobProgress(handle.db, filter);
	if (first.pending === 0) return;
	log(`background work queued: ${summary(first)}`);
	if (!wait) {
		const where =
			handle.target.kind === 'postgres'
				? 'The site’s worker and any `npm run worker` run it; follow it with `npm run jobs -- watch` or on /admin/jobs.'
				: 'It runs when the site starts (npm start runs the worker on the embedded database), or now with `npm run worker`; follow it on /admin/jobs or with `npm run jobs`.';
		log(`${where} Import with --wait to run it here and see its progress.`);
		return;
	}
	const worker = startWorker(handle.db, { kinds: jobKinds, pollMs: 500, log: () => {} });
	let interrupted = false;
	const onSignal = () => (interrupted = true);
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	try {
		let last = '';
		for (;;) {
			const progress = await jobProgress(handle.db, filter);
			const line = summary(progress);
			if (line !== last) log(`background work: ${line}`);
			last = line;
			if (progress.pending === 0) {
				if (progress.failed.length) log(formatJobProgress(progress).join('\n'));
				break;
			}
			if (interrupted) {
				log('interrupted: the running job is handed back; the site’s worker or `npm run worker` finishes the rest.');
				break;
			}
			await new Promise((resolve) => setTimeout(resolve, REFRESH_MS));
		}
	} finally {
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
		await worker.stop();
	}
}

/** "chapters 3/10 done, vectors 0/10 done; running: chapters "Title" 2/3". */
function summary(progress: JobProgress): string {
	const kinds = progress.kinds.map((k) => `${k.kind} ${k.done}/${k.queued + k.running + k.done + k.failed} done${k.failed ? ` (${k.failed} failed)` : ''}`).join(', ');
	const running = progress.running.map((j) => `${j.kind} "${j.episodeTitle ?? `episode ${j.episodeId}`}" ${j.progressTotal ? `${j.progressDone}/${j.progressTotal}` : 'starting'}`);
	return running.length ? `${kinds}; running: ${running.join(', ')}` : kinds;
}
