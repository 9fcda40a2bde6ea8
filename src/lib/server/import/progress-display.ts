/**
 * Shows an import's progress: bars for feeds, files and episodes on a terminal (cli-progress), and one plain line
 * per step when the output is a file or a CI log, where redrawn bars would be noise.
 */
import cliProgress from 'cli-progress';
import type { ImportProgress } from './import-feeds';

export interface ProgressDisplay {
	onProgress(event: ImportProgress): void;
	stop(): void;
}

/** A display writing to `stream` (stderr by default, so the summary on stdout stays clean). */
export function createProgressDisplay(stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
	return stream.isTTY ? barsDisplay(stream) : lineDisplay(stream);
}

function lineDisplay(stream: NodeJS.WriteStream): ProgressDisplay {
	const reported = new Map<string, number>();
	return {
		onProgress(event) {
			if (event.type === 'feed') {
				const where = `[${event.index + 1}/${event.total}] ${event.feed}`;
				stream.write(`import: ${where}: ${event.stage}${event.detail ? ` (${event.detail})` : ''}\n`);
				return;
			}
			// Files and episodes: a line at each quarter, not one per file.
			const key = `${event.type}:${event.feed}`;
			const quarter = event.total ? Math.floor((event.done / event.total) * 4) : 4;
			if (event.done === 0 || reported.get(key) === quarter) return;
			reported.set(key, quarter);
			stream.write(`import: ${event.feed}: ${event.type} ${event.done}/${event.total}\n`);
		},
		stop() {}
	};
}

function barsDisplay(stream: NodeJS.WriteStream): ProgressDisplay {
	const multi = new cliProgress.MultiBar(
		{
			stream,
			format: ' {label} |{bar}| {value}/{total} {detail}',
			barsize: 30,
			hideCursor: true,
			clearOnComplete: false,
			autopadding: true
		},
		cliProgress.Presets.shades_classic
	);
	let feeds: cliProgress.SingleBar | null = null;
	let files: cliProgress.SingleBar | null = null;
	let episodes: cliProgress.SingleBar | null = null;
	return {
		onProgress(event) {
			if (event.type === 'feed') {
				feeds ??= multi.create(event.total, 0, { label: 'feeds   ', detail: '' });
				const done = event.stage === 'done' || event.stage === 'failed' ? event.index + 1 : event.index;
				feeds.update(done, { detail: `${event.feed} · ${event.stage}` });
			} else if (event.type === 'files') {
				files ??= multi.create(event.total, 0, { label: 'files   ', detail: '' });
				files.setTotal(Math.max(event.total, 1));
				files.update(event.done, { detail: event.feed });
			} else {
				episodes ??= multi.create(event.total, 0, { label: 'episodes', detail: '' });
				episodes.setTotal(Math.max(event.total, 1));
				episodes.update(event.done, { detail: event.feed });
			}
		},
		stop() {
			multi.stop();
		}
	};
}
