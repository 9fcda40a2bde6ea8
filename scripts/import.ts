/**
 * `npm run import -- <feed file or http(s) URL> [more feeds ...] [--wait]`: imports podcast feeds into DATABASE_URL (or
 * the embedded database), with progress on stderr and the summary on stdout. Exits 1 when any feed failed. The
 * background work it queues (chapters, vectors) is run by the site's worker or `npm run worker`; with --wait, this
 * command runs it too and shows its progress until the imported shows' jobs are finished.
 */
import { startContentSync } from '../src/lib/server/content-sync';
import { createDb } from '../src/lib/server/db/client';
import { runMigrations } from '../src/lib/server/db/migrate';
import { importFeeds } from '../src/lib/server/import/import-feeds';
import { createProgressDisplay } from '../src/lib/server/import/progress-display';
import { formatImportReport } from '../src/lib/server/import/report';
import { getConfig } from '../src/lib/server/config';
import { followImportJobs } from '../src/lib/server/jobs/follow';

const wait = process.argv.includes('--wait');
const feeds = process.argv.slice(2).filter((arg) => arg !== '--' && arg !== '--wait');
if (!feeds.length || feeds.some((f) => f === '-h' || f === '--help')) {
	console.error('usage: npm run import -- <feed file or http(s) URL> [more feeds ...] [--wait: run the background work here and show its progress]');
	process.exit(feeds.length ? 0 : 2);
}

const handle = await createDb(getConfig().databaseUrl);
let failed = false;
try {
	await runMigrations(handle);
	// Servers running on the same PostgreSQL hear what this import wrote, and update their search indexes.
	const sync = await startContentSync(handle, { log: (m) => console.error(`[sync] ${m}`) });
	const display = createProgressDisplay();
	const report = await importFeeds(handle.db, feeds, { onProgress: (event) => display.onProgress(event) });
	display.stop();
	console.log(formatImportReport(report).join('\n'));
	failed = report.feeds.some((f) => !f.ok);
	const podcastIds = report.feeds.flatMap((f) => (f.ok && f.podcast ? [f.podcast.id] : []));
	await followImportJobs(handle, podcastIds, { wait, log: (m) => console.error(m) });
	await sync.stop();
} finally {
	await handle.close();
}
process.exitCode = failed ? 1 : 0;
