/**
 * `npx tsx bench/render-profile.ts`: what an uncached answer costs, one request at a time, on the bench corpus
 * (BENCH_SEGMENTS, 30000) in DATABASE_URL (seeded as bench:http seeds it; PGlite in data/bench/ without one). Starts
 * the production build (BENCH_BUILD_DIR, or a snapshot of build/) with its cache warming off and times requests made
 * with a cookie (never answered from memory): PROFILE_N episode pages cold (their data not kept), the same again twice
 * (data kept), then PROFILE_N new searches (page, then the same query's API answer, then new API queries).
 * PROFILE_ENCODING is the Accept-Encoding sent ("gzip, deflate", what fetch sends, by default); PROFILE_SKIP_EPISODES
 * or PROFILE_SKIP_SEARCH leave a part out; PROFILE_RAW=1 reads answers with node:http, without decoding them (fetch's
 * gunzip is most of what gzip adds to these times: ~3 ms a page on December 6); BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles the server.
 * Figures, not pass/fail.
 */
import http from 'node:http';
import os from 'node:os';
import { prepareBenchDatabase } from './lib/bench-database';
import { snapshotBuild, startProductionServer } from './lib/production-server';
import { episodePath } from './lib/seed-corpus';
import { generateCorpus, generateQueries } from './lib/synthetic';

const log = (m: string) => console.error(`profile: ${m}`);
const segments = Number(process.env.BENCH_SEGMENTS ?? 30_000);
const corpus = generateCorpus({ segments });
const database = await prepareBenchDatabase(corpus, `segments ${segments}`, process.env.DATABASE_URL, log);
const build = snapshotBuild(log);
const server = await startProductionServer(build.dir, database.url, { SEARCH_SNAPSHOT_DIR: database.snapshotDir, WORKER: '0', RESPONSE_CACHE_WARM: '0' });
const n = Number(process.env.PROFILE_N ?? 60);
const encoding = process.env.PROFILE_ENCODING ?? 'gzip, deflate';
async function time(paths: string[], label: string) {
	const times: number[] = [];
	let enc = '';
	const headers = { accept: 'text/html,application/json', cookie: 'bench=render', 'accept-encoding': encoding };
	for (const p of paths) {
		const t = performance.now();
		if (process.env.PROFILE_RAW) {
			enc = await new Promise<string>((resolve, reject) =>
				http
					.get(server.url + p, { headers }, (res) => {
						res.on('data', () => {});
						res.on('end', () => resolve(`${res.headers['content-encoding'] ?? 'identity'}, not decoded`));
					})
					.on('error', reject)
			);
		} else {
			const r = await fetch(server.url + p, { headers });
			await r.arrayBuffer();
			enc = r.headers.get('content-encoding') ?? 'identity';
		}
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	const at = (q: number) => times[Math.floor(q * (times.length - 1))]!.toFixed(1);
	console.log(`${label.padEnd(28)} n ${times.length} p50 ${at(0.5)} p90 ${at(0.9)} max ${at(1)} ms (${enc}) load ${os.loadavg()[0]!.toFixed(2)}`);
}
try {
	await new Promise((r) => setTimeout(r, 3000)); // start-up's background work (the search snapshot's checks) out of the way
	const step = Math.floor(corpus.episodes.length / n);
	const episodes = Array.from({ length: n }, (_, i) => episodePath(corpus, i * step + 1));
	const queries = generateQueries(corpus, n * 2, 101).map((q) => encodeURIComponent(q.q).replace(/%20/g, '+'));
	if (!process.env.PROFILE_SKIP_EPISODES) {
		await time(episodes, 'episode, cold');
		await time(episodes, 'episode, data kept');
		await time(episodes, 'episode, data kept, again');
	}
	if (!process.env.PROFILE_SKIP_SEARCH) {
		await time(queries.slice(0, n).map((q) => `/search?q=${q}`), 'search page, new query');
		await time(queries.slice(0, n).map((q) => `/api/search?q=${q}`), 'api, same query');
		await time(queries.slice(n).map((q) => `/api/search?q=${q}`), 'api, new query');
	}
} finally {
	await server.stop();
	build.remove();
}
