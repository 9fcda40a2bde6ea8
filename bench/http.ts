/**
 * `npm run bench:http`: the production build under load, on a synthetic corpus of 100k segments. For each of the
 * episode page, a question page, /search?q= and /api/search?q= it runs autocannon on 127.0.0.1 (50 connections,
 * 20 s), then the same against a plain Node http server answering the same bytes from memory: the ceiling. The ratio
 * between the two is the figure that matters (the machine's speed cancels out). Figures, not pass/fail.
 *
 * Under load the same paths repeat, so what is measured there is mostly answers from memory (response-cache.ts,
 * fast-path.ts): how fast those are, not how fast rendering is. So the run ends by timing rendered requests, one
 * at a time, made with a cookie (never answered from memory): what a cache miss costs.
 *
 * Environment: BENCH_SEGMENTS (100000), BENCH_CONNECTIONS (50), BENCH_DURATION (seconds, 20), BENCH_WARMUP (seconds,
 * 3), BENCH_QUERIES (distinct search queries cycled through, 200), BENCH_ONLY (comma-separated target names),
 * BENCH_MIX_VISITORS (client addresses the mix comes from, 5000), BENCH_BUILD_DIR (a build to measure instead of this
 * tree's: an earlier commit's, for a before and after in one session), BENCH_NODE_ARGS (flags for the site's Node, e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where its CPU goes; NODE_OPTIONS refuses --cpu-prof),
 * BENCH_MIX_ENCODING (what the mix's clients accept: realistic, the default, 85 % `gzip, deflate, br`, 5 % `gzip,
 * deflate`, 10 % none (http-mix.ts says why); or one class for all: br, gzip, plain, the last being the mix as it was
 * before December 6, when no request carried Accept-Encoding), DATABASE_URL (a PostgreSQL to seed and use; default:
 * PGlite in data/bench/), SERVER_PROCESSES (as an operator sets it, README "Configuration": the site's processes; the
 * count is printed, and the CPU per answer is that of all of them, the process watching them included).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { prepareBenchDatabase } from './lib/bench-database';
import { ceilingKey } from './lib/ceiling-key';
import { childrenOf } from './lib/child-processes';
import type { CapturedResponses } from './lib/ceiling-server';
import { drive, type LoadFigures } from './lib/drive';
import { snapshotBuild, startListening, startProductionServer, type RunningServer } from './lib/production-server';
import { episodePath, questionSlug, SEGMENTS_PER_QUESTION } from './lib/seed-corpus';
import { generateCorpus, generateQueries } from './lib/synthetic';
import { drawZipf, driveSequence, encodingClasses, mixUrls, simulateHitRate } from './http-mix';

const env = (name: string, fallback: number) => {
	const value = Number(process.env[name] ?? fallback);
	if (!Number.isFinite(value) || value <= 0) throw new Error(`bench: ${name} must be a positive number, not "${process.env[name]}"`);
	return value;
};
const segments = env('BENCH_SEGMENTS', 100_000);
const connections = env('BENCH_CONNECTIONS', 50);
const durationSeconds = env('BENCH_DURATION', 20);
const warmupSeconds = Number(process.env.BENCH_WARMUP ?? 3);
const queryCount = env('BENCH_QUERIES', 200);
/** Distinct client addresses the realistic mix's requests come from (X-Forwarded-For). */
const MIX_VISITORS = env('BENCH_MIX_VISITORS', 5_000);
/** Rendered (uncached) requests timed per target, after the load runs. */
const RENDER_SAMPLES = 40;
/** Responses rendered per kind of URL in the mix, for the ceiling to answer with. */
const MIX_SAMPLES_PER_KIND = 20;
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const log = (message: string) => console.error(`bench: ${message}`);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

interface Target {
	name: string;
	/** The share of the ceiling to reach, and the p99 to stay under (ms), as issue 6 sets them. */
	goal: { ratio: number; p99Ms?: number };
	paths: string[];
}

log(`load average ${load()} on ${os.cpus().length} cores at the start`);
const build = snapshotBuild(log);
const started = performance.now();
const corpus = generateCorpus({ segments });
const queries = generateQueries(corpus, queryCount).map((q) => encodeURIComponent(q.q).replace(/%20/g, '+'));
log(`generated ${segments.toLocaleString('en')} segments and ${queries.length} queries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const database = await prepareBenchDatabase(corpus, `segments ${segments}`, process.env.DATABASE_URL, log);

const middle = Math.floor(corpus.episodes.length / 2);
const questions = Math.ceil(segments / SEGMENTS_PER_QUESTION);
const targets: Target[] = [
	{ name: 'episode page', goal: { ratio: 0.25 }, paths: [episodePath(corpus, middle)] },
	{ name: 'question page', goal: { ratio: 0.25 }, paths: [`/questions/${questionSlug(Math.ceil(questions / 2))}`] },
	{ name: '/search?q=', goal: { ratio: 0.25 }, paths: queries.map((q) => `/search?q=${q}`) },
	{ name: '/api/search?q=', goal: { ratio: 0.4, p99Ms: 50 }, paths: queries.map((q) => `/api/search?q=${q}`) }
].filter((t) => !only || only.includes(t.name) || only.some((o) => t.name.includes(o)));

const startedServer = performance.now();
// No background worker in the measured process unless WORKER=1: on a fresh corpus it works through thousands of jobs
// (vectors, questions), and each one's write is a content change that drops its episode's pages and every search
// answer (when every write dropped the whole cache: 2-3 drops a second, the cache never warm). Run it as its own
// process (npm run worker) and measure it apart.
const worker = process.env.WORKER ?? '0';
// Behind a proxy that names each client (X-Forwarded-For), as a production site is: the mix's requests come from
// MIX_VISITORS addresses, so per-client limits see visitors, not one benchmark (the other targets, without the header,
// are counted by their socket).
// SERVER_PROCESSES as an operator sets it (README, "Configuration"): the site's default (1) unless given.
const server = await startProductionServer(build.dir, database.url, { SEARCH_SNAPSHOT_DIR: database.snapshotDir, WORKER: worker, ADDRESS_HEADER: 'x-forwarded-for' });
/** The site's serving processes: the server itself, or the processes it started (SERVER_PROCESSES). */
const siteProcesses = () => {
	const children = childrenOf(server.pid);
	return children.length ? children : [server.pid];
};
const processesLabel = `${siteProcesses().length} process(es), SERVER_PROCESSES=${process.env.SERVER_PROCESSES ?? '(unset: 1)'}`;
log(`the site answers on ${server.url} (${database.description}; ${processesLabel}), ${((performance.now() - startedServer) / 1000).toFixed(1)} s after starting`);
let ceiling: RunningServer | null = null;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'podcast-moments-bench-http-'));
try {
	// Capture every response once: the ceiling answers these very bytes, and a page that fails is caught here.
	const captured: CapturedResponses = { responses: [], keys: {} };
	for (const target of targets) {
		for (const p of target.paths) {
			const response = await fetch(server.url + p, { headers: { accept: 'text/html,application/json' } });
			const body = Buffer.from(await response.arrayBuffer());
			if (response.status !== 200) throw new Error(`bench: ${p} answered ${response.status}: ${body.toString().slice(0, 300)}`);
			const headers: Record<string, string> = {};
			response.headers.forEach((value, name) => {
				if (!['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(name)) headers[name] = value;
			});
			captured.keys[ceilingKey(undefined, p)] = captured.responses.push({ status: response.status, headers, body: body.toString('base64') }) - 1;
		}
		const sizes = target.paths.map((p) => Buffer.byteLength(captured.responses[captured.keys[ceilingKey(undefined, p)]!]!.body, 'base64'));
		log(`${target.name}: ${target.paths.length} path(s), ${Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024)} kB on average`);
	}
	const responsesFile = path.join(scratch, 'responses.json');
	writeFileSync(responsesFile, JSON.stringify(captured));
	ceiling = await startListening(['--import', 'tsx', path.join(import.meta.dirname, 'lib/ceiling-server.ts'), responsesFile], {});

	const rows: { target: Target; site: LoadFigures; plain: LoadFigures; loadAverage: string }[] = [];
	for (const target of targets) {
		for (const [label, origin] of [['site', server.url], ['ceiling', ceiling.url]] as const) {
			if (warmupSeconds > 0) await drive(origin, target.paths, { connections, durationSeconds: warmupSeconds });
			log(`${target.name}: driving the ${label} for ${durationSeconds} s with ${connections} connections ...`);
			const figures = await drive(origin, target.paths, { connections, durationSeconds });
			if (label === 'site') rows.push({ target, site: figures, plain: figures, loadAverage: '' });
			else Object.assign(rows.at(-1)!, { plain: figures, loadAverage: load() });
		}
	}

	const pad = (s: string | number, n: number) => String(s).padStart(n);
	console.log(`\nbench:http: ${segments.toLocaleString('en')} segments, ${database.description}, ${connections} connections, ${durationSeconds} s each, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`);
	console.log(`${'target'.padEnd(16)}${pad('req/s', 9)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('errors', 8)}  | ceiling${pad('req/s', 9)}${pad('p50', 6)}${pad('p99', 6)} | ${'ratio'.padEnd(6)} goal          load avg after`);
	for (const { target, site, plain, loadAverage } of rows) {
		const ratio = site.requestsPerSecond / plain.requestsPerSecond;
		const met = ratio >= target.goal.ratio && (target.goal.p99Ms === undefined || site.p99Ms < target.goal.p99Ms) && site.errors === 0;
		const goal = `≥ ${Math.round(target.goal.ratio * 100)} %${target.goal.p99Ms ? `, p99 < ${target.goal.p99Ms}` : ''}`;
		console.log(
			`${target.name.padEnd(16)}${pad(Math.round(site.requestsPerSecond), 9)}${pad(site.p50Ms, 8)}${pad(site.p99Ms, 8)}${pad(site.errors, 8)}  |        ${pad(Math.round(plain.requestsPerSecond), 9)}${pad(plain.p50Ms, 6)}${pad(plain.p99Ms, 6)} | ` +
				`${`${(ratio * 100).toFixed(0)} %`.padEnd(6)} ${goal.padEnd(17)} ${met ? 'met ' : 'MISSED'} ${loadAverage}`
		);
	}
	// What a cache miss costs: requests with a cookie are never answered from memory, so these are rendered.
	const renderMs = new Map<Target, number[]>();
	for (const target of targets) {
		const times: number[] = [];
		for (let i = 0; i < RENDER_SAMPLES; i++) {
			const started = performance.now();
			const response = await fetch(server.url + target.paths[i % target.paths.length], { headers: { accept: 'text/html,application/json', cookie: 'bench=render' } });
			await response.arrayBuffer();
			times.push(performance.now() - started);
		}
		renderMs.set(target, times);
	}
	console.log(`load average ${load()} (1, 5, 15 min) at the end`);
	console.log(`\nrendered, not from memory (${RENDER_SAMPLES} requests one at a time, with a cookie so that nothing is answered from memory):`);
	for (const target of targets) {
		const times = renderMs.get(target)!.sort((a, b) => a - b);
		const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
		console.log(`${target.name.padEnd(16)} median ${at(0.5).padStart(6)} ms   p90 ${at(0.9).padStart(6)} ms   max ${times.at(-1)!.toFixed(1).padStart(6)} ms`);
	}
	if (!only || only.includes('mix')) await runMix();
} finally {
	await ceiling?.stop();
	await server.stop();
	build.remove();
	rmSync(scratch, { recursive: true, force: true });
}

/** Waits for the site's first cache warming to end (in each of its processes); returns its log line, or null when it does not warm. */
async function waitForWarming(site: RunningServer): Promise<string | null> {
	const deadline = Date.now() + 600_000;
	const processes = siteProcesses().length;
	while (Date.now() < deadline) {
		const lines = [...site.output().matchAll(/\[cache\] (warmed [^\n]*)/g)].map((m) => m[1]!);
		if (lines.length >= processes) return lines.join('; ');
		if (process.env.RESPONSE_CACHE_WARM && /^(0|false|no|off)$/i.test(process.env.RESPONSE_CACHE_WARM)) return null;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`bench: the site did not finish warming its cache within 10 minutes; its log:\n${site.output().split('\n').filter((l) => l.startsWith('[cache]')).join('\n')}`);
}

/**
 * The realistic mix (http-mix.ts): a Zipf-drawn sequence over thousands of distinct URLs, walked in order by all
 * connections together, against the site and against the ceiling answering the same bytes. Prints the response
 * cache's hit rate (an LRU of RESPONSE_CACHE_MB over the sequence as sent), the overall rate against the ceiling,
 * what a rendered episode page costs, and errors.
 */
async function runMix(): Promise<void> {
	const mixQueries = generateQueries(corpus, Number(process.env.BENCH_MIX_QUERIES ?? 1000), 29).map((q) => encodeURIComponent(q.q).replace(/%20/g, '+'));
	const urls = mixUrls(corpus, { questions, queries: mixQueries, length: 0 });
	const sequence = drawZipf(urls, { length: Number(process.env.BENCH_MIX_LENGTH ?? 40_000) });
	const distinct = [...new Set(sequence)];
	log(`mix: ${urls.length} URLs, ${distinct.length} distinct among the ${sequence.length} drawn; capturing samples of each kind ...`);
	// Rendering thousands of URLs one by one takes longer than the run: a sample of each kind is rendered (with a
	// cookie, so that the site's cache stays cold), and the ceiling answers every URL of that kind with a sample's bytes.
	const kindOf = (p: string) => (p.startsWith('/api/search') ? 'api' : p.startsWith('/search') ? 'search' : p.startsWith('/questions/') ? 'question' : p.includes('?t=') ? 'moment' : 'episode');
	// Each sample is captured as each encoding class gets it (the bytes on the wire, compressed or not), so the ceiling
	// answers a brotli client with brotli bytes and a plain one with plain bytes, as the site does.
	const encodings = encodingClasses(process.env.BENCH_MIX_ENCODING);
	const captured: CapturedResponses = { responses: [], keys: {} };
	const samples = new Map<string, { responses: Map<string, number>; bytes: number }[]>();
	for (const p of distinct) {
		const list = samples.get(kindOf(p)) ?? [];
		samples.set(kindOf(p), list);
		if (list.length >= MIX_SAMPLES_PER_KIND) continue;
		const responses = new Map<string, number>();
		let bytes = 0;
		for (const encoding of encodings) {
			const response = await getRaw(server.url + p, { accept: 'text/html,application/json', cookie: 'bench=capture', ...(encoding.acceptEncoding ? { 'accept-encoding': encoding.acceptEncoding } : {}) });
			if (response.status !== 200) throw new Error(`bench: ${p} answered ${response.status}: ${response.body.toString().slice(0, 300)}`);
			const headers: Record<string, string> = {};
			for (const [name, value] of Object.entries(response.headers)) {
				if (value === undefined || ['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'set-cookie'].includes(name)) continue;
				headers[name] = Array.isArray(value) ? value.join(', ') : value;
			}
			responses.set(encoding.name, captured.responses.push({ status: 200, headers, body: response.body.toString('base64') }) - 1);
			if (!headers['content-encoding']) bytes = response.body.byteLength;
		}
		list.push({ responses, bytes });
	}
	const sizes = new Map<string, number>();
	distinct.forEach((p, i) => {
		const list = samples.get(kindOf(p))!;
		const sample = list[i % list.length]!;
		for (const encoding of encodings) captured.keys[ceilingKey(encoding.acceptEncoding, p)] = sample.responses.get(encoding.name)!;
		sizes.set(p, sample.bytes);
	});
	const wire = (kind: string, encoding: string) => {
		const list = samples.get(kind)!;
		return (list.reduce((n, s) => n + Buffer.byteLength(captured.responses[s.responses.get(encoding)!]!.body, 'base64'), 0) / list.length / 1024).toFixed(1);
	};
	log(`mix: on the wire, kB on average: ${[...samples.keys()].map((k) => `${k} ${encodings.map((e) => `${e.name} ${wire(k, e.name)}`).join(' / ')}`).join(', ')}`);
	const file = path.join(scratch, 'mix-responses.json');
	writeFileSync(file, JSON.stringify(captured));
	const mixCeiling = await startListening(['--import', 'tsx', path.join(import.meta.dirname, 'lib/ceiling-server.ts'), file], {});
	try {
		// The site warms its cache ahead of traffic (cache-warmer.ts) from its first request on: wait for that, as
		// traffic after a start or a change would find it (RESPONSE_CACHE_WARM=0 measures without).
		const warmed = await waitForWarming(server);
		log(`mix: ${warmed ?? 'the site does not warm its cache (RESPONSE_CACHE_WARM=0)'}`);
		log(`mix: driving the site for ${durationSeconds} s with ${connections} connections ...`);
		const serving = siteProcesses();
		// (with several processes, the one that watches them too: it hands connections out)
		const siteCpu = cpuMeter([[...new Set([server.pid, ...serving])], [process.pid]]);
		const site = await driveSequence(server.url, sequence, { connections, durationSeconds, visitors: MIX_VISITORS, encodings, kindOf });
		const siteUsed = siteCpu();
		log(`mix: driving the ceiling ...`);
		const memory = serving.map(residentMegabytes);
		const plainCpu = cpuMeter([[mixCeiling.pid], [process.pid]]);
		const plain = await driveSequence(mixCeiling.url, sequence, { connections, durationSeconds, visitors: MIX_VISITORS, encodings });
		const plainUsed = plainCpu();
		const sent = sequence.slice(0, Math.min(site.sent, sequence.length));
		const cacheMb = Number(process.env.RESPONSE_CACHE_MB ?? 64);
		const hitRate = simulateHitRate(sent, sizes, cacheMb * 1024 * 1024);
		// Rendered episode pages (a cookie keeps the response cache out), one at a time, after the drive: those the
		// warming had rendered (their data kept per content version, content-memo.ts) and those it had not (cold).
		const episodes = distinct.filter((p) => /^\/podcasts\/[^/]+\/[^/?]+$/.test(p));
		const warmTimes: number[] = [];
		const coldTimes: number[] = [];
		for (const p of episodes) {
			if (warmTimes.length >= RENDER_SAMPLES && coldTimes.length >= RENDER_SAMPLES) break;
			const started = performance.now();
			await (await fetch(server.url + p, { headers: { accept: 'text/html', cookie: 'bench=render' } })).arrayBuffer();
			const ms = performance.now() - started;
			// Then asked as a visitor would (the cookie above left the response cache alone): was it kept?
			const plain = await fetch(server.url + p, { headers: { accept: 'text/html' } });
			await plain.arrayBuffer();
			const times = plain.headers.get('x-cache') === 'hit' ? warmTimes : coldTimes;
			if (times.length < RENDER_SAMPLES) times.push(ms);
		}
		const median = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN;
		const encodingLabel = encodings.map((e) => `${Math.round(e.share * 100)} % ${e.acceptEncoding ? `"${e.acceptEncoding}"` : 'no Accept-Encoding'}`).join(', ');
		console.log(`\nrealistic mix (${database.description}, WORKER=${worker}, the site in ${processesLabel}): ${new Set(sent).size} distinct URLs in ${sent.length} requests, Zipf s = 1; clients: ${encodingLabel}`);
		console.log(`  cache hit rate     ${(site.hitRate * 100).toFixed(1)} % answered from memory (x-cache: hit); ${(hitRate * 100).toFixed(1)} % for an LRU of ${cacheMb} MB without warming`);
		console.log(`  by kind            ${site.byKind}`);
		console.log(`  site               ${Math.round(site.requestsPerSecond)} req/s, p50 ${site.p50Ms} ms, p99 ${site.p99Ms} ms, errors ${site.errors} (answers: ${site.statuses}; from ${MIX_VISITORS.toLocaleString('en')} visitors' addresses)`);
		console.log(`  by encoding        ${site.byEncoding}`);
		console.log(`  static ceiling     ${Math.round(plain.requestsPerSecond)} req/s, p50 ${plain.p50Ms} ms, p99 ${plain.p99Ms} ms`);
		console.log(`  ceiling by enc.    ${plain.byEncoding}`);
		console.log(`  overall            ${((site.requestsPerSecond / plain.requestsPerSecond) * 100).toFixed(0)} % of the ceiling (goal >= 50 % on PostgreSQL)`);
		const answers = (figures: { requestsPerSecond: number }) => figures.requestsPerSecond * durationSeconds;
		if (siteUsed && plainUsed) {
			const share = (used: CpuUsed, i: number) => `${Math.round((used.seconds[i]! / used.wallSeconds) * 100)} %`;
			console.log(
				`  CPU per answer     site ${((siteUsed.seconds[0]! * 1000) / answers(site)).toFixed(3)} ms (its process(es) ${share(siteUsed, 0)} of a core, the client ${share(siteUsed, 1)}, the machine ${Math.round(siteUsed.machineBusy * 100)} % busy); ` +
					`ceiling ${((plainUsed.seconds[0]! * 1000) / answers(plain)).toFixed(3)} ms (${share(plainUsed, 0)}, the client ${share(plainUsed, 1)}, the machine ${Math.round(plainUsed.machineBusy * 100)} % busy)`
			);
		}
		console.log(`  site memory        ${memory.map((mb) => `${mb} MB`).join(' + ')} resident after the drive (per serving process)`);
		console.log(`  uncached episode   p50 ${median(warmTimes).toFixed(1)} ms over ${warmTimes.length} pages the warming rendered (data kept), p50 ${median(coldTimes).toFixed(1)} ms over ${coldTimes.length} it had not (cold); one at a time (goal <= 10 ms)`);
		console.log(`  load average       ${load()}`);
	} finally {
		await mixCeiling.stop();
	}
}

interface CpuUsed {
	/** CPU seconds (user and system, all threads) of each process asked about. */
	seconds: number[];
	wallSeconds: number;
	/** The share of the machine's CPU time that was not idle. */
	machineBusy: number;
}

/** A process's resident memory in MB (VmRSS), or NaN where /proc cannot be read. */
function residentMegabytes(pid: number): number {
	try {
		const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
		return kb ? Math.round(Number(kb) / 1024) : NaN;
	} catch {
		return NaN;
	}
}

/**
 * Starts measuring the CPU time of groups of processes (Linux /proc; each group's figures summed); the function
 * returned gives what they used since, or null where /proc cannot be read. The figure that does not move with the
 * machine's load as req/s does: CPU per answer.
 */
function cpuMeter(groups: number[][]): () => CpuUsed | null {
	const ticks = 100; // USER_HZ on Linux
	const processSeconds = (group: number[]) => group.reduce((sum, pid) => sum + oneProcess(pid), 0);
	const oneProcess = (pid: number) => {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
		return (Number(fields[11]) + Number(fields[12])) / ticks; // utime, stime (fields 14 and 15 of stat)
	};
	const machine = () => {
		const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
		return { total: cpu.reduce((a, b) => a + b, 0), idle: cpu[3]! + (cpu[4] ?? 0) };
	};
	try {
		const before = groups.map(processSeconds);
		const machineBefore = machine();
		const started = performance.now();
		return () => {
			try {
				const machineAfter = machine();
				const total = machineAfter.total - machineBefore.total;
				return {
					seconds: groups.map((group, i) => processSeconds(group) - before[i]!),
					wallSeconds: (performance.now() - started) / 1000,
					machineBusy: total > 0 ? 1 - (machineAfter.idle - machineBefore.idle) / total : 0
				};
			} catch {
				return null;
			}
		};
	} catch {
		return () => null;
	}
}

/** A GET as the wire carries it (node:http does not decode a compressed body, as fetch would). */
function getRaw(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
	return new Promise((resolve, reject) => {
		http
			.get(url, { headers }, (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
				response.on('error', reject);
			})
			.on('error', reject);
	});
}
