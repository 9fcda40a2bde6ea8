/**
 * `npm run bench:import`: time and peak memory to import (1) the largest real feed in ../shared/realdata
 * (giantbomb, 730 items) and (2) a synthetic 5,000-item feed with a chapters file and a transcript per item, both
 * served from 127.0.0.1 so the real fetch path runs. Each run is its own process (bench/lib/import-once.ts), so
 * its peak memory is its own. Target for the 5,000: under 30 s and 500 MB. Figures, not pass/fail.
 * Options (environment): BENCH_ITEMS (5000), BENCH_CUES (cues per episode, 120), BENCH_DATABASE_URL.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { writeSyntheticFeed } from './lib/synthetic-feed';

const root = path.resolve(import.meta.dirname, '..');
const realdataDir = path.resolve(process.env.REALDATA_DIR ?? path.join(root, '../shared/realdata'));
const items = Number(process.env.BENCH_ITEMS ?? 5000);
const cuesPerEpisode = Number(process.env.BENCH_CUES ?? 120);

interface Figures {
	importMs: number;
	reimportMs: number;
	peakRssMb: number;
	peakHeapMb: number;
	episodes: number;
	segments: number;
	cues: number;
	people: number;
	files: number;
	failedFiles: number;
	unchangedOnReimport: number;
	/** The longest single transaction of the first import, and how many it opened. */
	longestTransactionMs: number;
	transactionCount: number;
}

console.error(`bench: writing a synthetic feed of ${items} items (${cuesPerEpisode} cues each) ...`);
const syntheticDir = path.join(os.tmpdir(), `podcast-moments-bench-${items}-${cuesPerEpisode}`);
const synthetic = await writeSyntheticFeed(syntheticDir, { items, cuesPerEpisode });

// One server for both: /realdata/... and /synthetic/...
const server = createServer(async (req, res) => {
	const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
	const [, area, ...rest] = pathname.split('/');
	const base = area === 'realdata' ? realdataDir : area === 'synthetic' ? syntheticDir : null;
	const file = base ? path.join(base, ...rest) : null;
	if (!file || !file.startsWith(base!)) return void res.writeHead(404).end();
	try {
		const body = await readFile(file);
		res.writeHead(200, { 'content-length': body.length }).end(body);
	} catch {
		res.writeHead(404).end();
	}
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const runs: { name: string; feed: string }[] = [];
if (existsSync(path.join(realdataDir, 'feeds/giantbomb-huge-730-items.rss'))) {
	runs.push({ name: 'giantbomb (730 items, real)', feed: `${origin}/realdata/feeds/giantbomb-huge-730-items.rss` });
} else {
	console.error(`bench: ${realdataDir} is missing; skipping the real feed`);
}
runs.push({ name: `synthetic (${items} items + ${items * 2} files)`, feed: `${origin}/synthetic/feed.xml` });

const results: { name: string; figures: Figures }[] = [];
try {
	for (const run of runs) {
		console.error(`\nbench: ${run.name}`);
		results.push({ name: run.name, figures: await runOnce(run.feed) });
	}
} finally {
	server.close();
}

const where = process.env.BENCH_DATABASE_URL ? 'PostgreSQL (a fresh database per run)' : 'PGlite in memory, inside the measured process';
console.log(`\nimport benchmark on ${where}; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at the end`);
for (const { name, figures: f } of results) {
	console.log(`\n${name}`);
	console.log(`  import           ${(f.importMs / 1000).toFixed(2)} s   (${Math.round(f.episodes / (f.importMs / 1000))} episodes/s)`);
	console.log(`  re-import        ${(f.reimportMs / 1000).toFixed(2)} s   (${f.unchangedOnReimport} unchanged)`);
	console.log(`  longest transaction ${(f.longestTransactionMs / 1000).toFixed(2)} s of ${f.transactionCount} (the longest any page waits behind the import on PGlite)`);
	console.log(`  peak memory      ${Math.round(f.peakRssMb)} MB for the process, ${Math.round(f.peakHeapMb)} MB of it the importer's JavaScript`);
	console.log(`  written          ${f.episodes} episodes, ${f.segments} segments, ${f.cues} cues, ${f.people} people, ${f.files} files read (${f.failedFiles} failed)`);
}
const big = results.find((r) => r.name.startsWith('synthetic'));
if (big && items === 5000) {
	const time = big.figures.importMs < 30_000 ? 'met' : 'NOT met';
	const memory = big.figures.peakRssMb < 500 ? 'met' : big.figures.peakHeapMb < 500 ? "met by the importer's own memory, not by the process (PGlite holds the database in it)" : 'NOT met';
	console.log(`\ntarget for 5,000 items: time (< 30 s) ${time}; memory (< 500 MB) ${memory}`);
}
if (big && big.figures.cues !== synthetic.expected.cues) console.log(`note: expected ${synthetic.expected.cues} cues, got ${big.figures.cues}`);

function runOnce(feed: string): Promise<Figures> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/lib/import-once.ts'), feed], {
			cwd: root,
			// The feed is served from 127.0.0.1, which the importer refuses unless the operator allows it.
			env: { ...process.env, IMPORT_ALLOW_PRIVATE: process.env.IMPORT_ALLOW_PRIVATE ?? '127.0.0.1/32' },
			stdio: ['ignore', 'pipe', 'inherit']
		});
		let out = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
		child.once('error', reject);
		child.once('exit', (code) => {
			const line = out.trim().split('\n').at(-1) ?? '';
			if (code !== 0 || !line.startsWith('{')) return reject(new Error(`bench: the run for ${feed} failed (exit ${code})\n${out}`));
			resolve(JSON.parse(line) as Figures);
		});
	});
}
