/** The job progress as plain text lines, for `npm run jobs` and the import command. */
import type { JobProgress } from './progress';

/** A table of counts per kind, then the running jobs with their progress and the failed ones with their error. */
export function formatJobProgress(progress: JobProgress, { registered }: { registered?: string[] } = {}): string[] {
	if (!progress.kinds.length) return ['no background jobs'];
	const lines = [`${'kind'.padEnd(12)}${'queued'.padStart(8)}${'running'.padStart(9)}${'done'.padStart(8)}${'failed'.padStart(8)}`];
	for (const k of progress.kinds) {
		const notes = [k.retrying ? `${k.retrying} waiting to retry` : '', registered && !registered.includes(k.kind) ? 'no worker runs this kind yet' : '']
			.filter(Boolean)
			.join('; ');
		lines.push(`${k.kind.padEnd(12)}${String(k.queued).padStart(8)}${String(k.running).padStart(9)}${String(k.done).padStart(8)}${String(k.failed).padStart(8)}${notes ? `  (${notes})` : ''}`);
	}
	if (progress.running.length) {
		lines.push('', 'running:');
		for (const j of progress.running) {
			const share = j.progressTotal ? `${j.progressDone}/${j.progressTotal} (${Math.round((100 * j.progressDone) / j.progressTotal)} %)` : 'starting';
			lines.push(`  ${j.kind} #${j.id}  ${episodeLabel(j)}  ${share}  on ${j.lockedBy ?? '?'}`);
		}
	}
	if (progress.failed.length) {
		lines.push('', 'failed:');
		for (const j of progress.failed) lines.push(`  ${j.kind} #${j.id}  ${episodeLabel(j)}  after ${j.attempts} attempt(s): ${j.lastError ?? 'no error recorded'}`);
	}
	return lines;
}

function episodeLabel(j: { episodeId: number | null; episodeTitle: string | null; podcastTitle: string | null }): string {
	if (j.episodeId === null) return 'site-wide';
	return j.episodeTitle ? `"${j.episodeTitle}"${j.podcastTitle ? ` (${j.podcastTitle})` : ''}` : `episode ${j.episodeId}`;
}
