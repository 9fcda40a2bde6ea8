/**
 * One benchmark run in a process of its own, so that its peak memory is its own: migrates a fresh database, imports
 * the feed (twice: the second import is the unchanged re-import), and prints the figures as one JSON line on stdout.
 * Progress goes to stderr. Usage: tsx bench/lib/import-once.ts <feed URL or file>
 * With BENCH_DATABASE_URL (a PostgreSQL server URL) the run uses a database of its own there, dropped afterwards;
 * without, PGlite in memory, inside this process (so its memory counts here too).
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDb, type DbHandle } from '../../src/lib/server/db/client';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { importFeeds } from '../../src/lib/server/import/import-feeds';
import { createProgressDisplay } from '../../src/lib/server/import/progress-display';

const feed = process.argv[2];
if (!feed) throw new Error('bench: give a feed URL or file');

const { handle, drop } = await openDatabase(process.env.BENCH_DATABASE_URL);
const transactions = timeTransactions(handle.db);
let peakHeapMb = 0;
const sampler = setInterval(() => {
	const { heapUsed, external, arrayBuffers } = process.memoryUsage();
	peakHeapMb = Math.max(peakHeapMb, (heapUsed + external - arrayBuffers) / 1048576);
}, 50);
try {
	await runMigrations(handle);
	const display = createProgressDisplay();
	const started = performance.now();
	const first = await importFeeds(handle.db, [feed], { onProgress: (e) => display.onProgress(e), limits: { concurrency: 16 } });
	const importMs = performance.now() - started;
	const { longestMs: longestTransactionMs, count: transactionCount } = transactions.take();
	display.stop();
	const report = first.feeds[0]!;
	if (!report.ok) throw new Error(report.error ?? 'bench: the import failed');
	const peakRssFirstMb = process.resourceUsage().maxRSS / 1024;
	const again = performance.now();
	const second = (await importFeeds(handle.db, [feed], { limits: { concurrency: 16 } })).feeds[0]!;
	const reimportMs = performance.now() - again;
	if (!second.ok) throw new Error(second.error ?? 'bench: the re-import failed');
	process.stdout.write(
		`${JSON.stringify({
			importMs,
			reimportMs,
			// maxRSS (kB): the most memory this process held, PGlite's database included when it runs here.
			peakRssMb: peakRssFirstMb,
			// The importer's own JavaScript memory (heap and native buffers, without PGlite's ArrayBuffers).
			peakHeapMb,
			episodes: report.episodes.added,
			segments: report.totals.segments,
			cues: report.totals.cues,
			people: report.totals.people,
			files: report.files.fetched,
			failedFiles: report.files.failed.length,
			unchangedOnReimport: second.episodes.unchanged,
			longestTransactionMs,
			transactionCount
		})}\n`
	);
} finally {
	clearInterval(sampler);
	await handle.close();
	await drop();
}

async function openDatabase(serverUrl: string | undefined): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
	if (!serverUrl) return { handle: await createDb('pglite://memory'), drop: async () => {} };
	const name = `pm_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE "${name}"`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return {
		handle: await createDb(url.toString()),
		drop: async () => {
			await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
			await admin.end();
		}
	};
}

/**
 * Times every transaction the import opens on `db`, by wrapping db.transaction: the longest one is how long a page
 * request can wait behind an import on PGlite (one connection) and how long row locks are held on PostgreSQL.
 */
function timeTransactions(db: DbHandle['db']): { take(): { longestMs: number; count: number } } {
	let longestMs = 0;
	let count = 0;
	const original = db.transaction.bind(db);
	db.transaction = (async (...args: Parameters<typeof original>) => {
		const started = performance.now();
		try {
			return await original(...args);
		} finally {
			longestMs = Math.max(longestMs, performance.now() - started);
			count++;
		}
	}) as typeof db.transaction;
	return { take: () => ({ longestMs, count }) };
}
