/**
 * Pages while an import runs (issue 13: "p99 of a page request during a 20 s import stays under 100 ms"). The
 * production server on the demo content imports, through its admin form, a feed whose download dribbles in over
 * BENCH_IMPORT_SECONDS (20) and then brings BENCH_IMPORT_ITEMS (150) episodes with a transcript each; meanwhile a
 * client asks for pages one after another, every BENCH_GAP_MS (25): rendered ones (with a cookie, so the response
 * cache cannot answer them: each runs its queries) and plain ones (as visitors send them). Prints the latencies
 * before the import and during it, and the import's own time. Figures, not pass/fail.
 *
 * `npx tsx bench/import-latency.ts`; DATABASE_URL (an empty or scratch PostgreSQL: the demo is seeded when it holds no
 * shows, and the imported show is left in it) or PGlite in memory by default.
 */
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { latencyLine } from './lib/measure';
import { snapshotBuild, startProductionServer } from './lib/production-server';

const number = (name: string, fallback: number) => {
	const value = Number(process.env[name] ?? fallback);
	if (!Number.isFinite(value) || value <= 0) throw new Error(`bench: ${name} must be a positive number, not "${process.env[name]}"`);
	return value;
};
const importSeconds = number('BENCH_IMPORT_SECONDS', 20);
const items = number('BENCH_IMPORT_ITEMS', 150);
const gapMs = number('BENCH_GAP_MS', 25);
const CUES_PER_TRANSCRIPT = 200;
const TOKEN = 'bench-import-latency';
const PAGES = ['/', '/podcasts/running-explained', '/podcasts/running-explained/running-isnt-therapy', '/search?q=running+pace', '/questions'];
const log = (message: string) => console.error(`bench: ${message}`);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const run = Date.now().toString(36);

function transcript(n: number): string {
	const cues = Array.from({ length: CUES_PER_TRANSCRIPT }, (_, i) => {
		const at = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
		return `${at(i * 5)} --> ${at(i * 5 + 5)}\n<v Host>In episode ${n} we talk about stride ${i}, cadence and breathing while the road climbs.`;
	});
	return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

function feed(base: string): string {
	const entries = Array.from({ length: items }, (_, i) => `<item>
      <title>Dribbled episode ${i + 1}</title>
      <guid isPermaLink="false">dribble-${run}-${i + 1}</guid>
      <pubDate>${new Date(Date.UTC(2024, 0, 1 + i)).toUTCString()}</pubDate>
      <itunes:duration>${CUES_PER_TRANSCRIPT * 5}</itunes:duration>
      <enclosure url="${base}/audio/${i + 1}.mp3" length="1000" type="audio/mpeg"/>
      <podcast:transcript url="${base}/transcripts/${i + 1}.vtt" type="text/vtt"/>
    </item>`);
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
  <channel>
    <title>The Dribbling Feed ${run}</title>
    <link>${base}/</link>
    <description>Its feed takes its time.</description>
    ${entries.join('\n')}
  </channel>
</rss>`;
}

/** Serves the feed in pieces over `importSeconds`, and the transcripts at once. */
function startFeedServer(): Promise<{ url: string; server: Server }> {
	const server = createServer(async (req, res) => {
		const base = `http://${req.headers.host}`;
		const transcriptMatch = /^\/transcripts\/(\d+)\.vtt$/.exec(req.url ?? '');
		if (transcriptMatch) return void res.writeHead(200, { 'content-type': 'text/vtt' }).end(transcript(Number(transcriptMatch[1])));
		if (req.url !== '/feed.xml') return void res.writeHead(404).end();
		const body = feed(base);
		const pieces = importSeconds * 4;
		const size = Math.ceil(body.length / pieces);
		res.writeHead(200, { 'content-type': 'application/rss+xml' });
		for (let i = 0; i < pieces && !res.destroyed; i++) {
			res.write(body.slice(i * size, (i + 1) * size));
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		res.end();
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

/** Asks for pages one after another until `until` settles; returns the latencies (ms) of rendered and plain ones. */
async function askPages(origin: string, until: Promise<unknown>) {
	let done = false;
	void until.finally(() => (done = true));
	const rendered: number[] = [];
	const plain: number[] = [];
	let errors = 0;
	for (let i = 0; !done; i++) {
		const withCookie = i % 2 === 0;
		const started = performance.now();
		const response = await fetch(origin + PAGES[Math.floor(i / 2) % PAGES.length], {
			headers: { accept: 'text/html', ...(withCookie ? { cookie: 'bench=render' } : {}) }
		});
		await response.arrayBuffer();
		if (response.status !== 200) errors++;
		(withCookie ? rendered : plain).push(performance.now() - started);
		await new Promise((resolve) => setTimeout(resolve, gapMs));
	}
	return { rendered, plain, errors };
}

log(`load average ${load()} on ${os.cpus().length} cores at the start`);
const build = snapshotBuild(log);
const databaseUrl = process.env.DATABASE_URL ?? 'pglite://memory';
const feeds = await startFeedServer();
const snapshotDir = `${os.tmpdir()}/podcast-moments-bench-import-latency-${process.pid}`;
const site = await startProductionServer(build.dir, databaseUrl, {
	SEED_DEMO: '1',
	ADMIN_TOKEN: TOKEN,
	IMPORT_ALLOW_PRIVATE: '127.0.0.1/32',
	WORKER: '0',
	SEARCH_SNAPSHOT_DIR: snapshotDir
});
try {
	for (const p of PAGES) {
		const response = await fetch(site.url + p, { headers: { accept: 'text/html' } });
		if (response.status !== 200) throw new Error(`bench: ${p} answered ${response.status}`);
		await response.arrayBuffer();
	}
	log('pages before the import (5 s) ...');
	const before = await askPages(site.url, new Promise((resolve) => setTimeout(resolve, 5000)));
	log(`importing ${items} episodes from a feed that takes ${importSeconds} s to arrive, while asking for pages ...`);
	const started = performance.now();
	const importing = fetch(`${site.url}/admin/import`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: site.url.replace(/^http:/, 'https:') },
		body: new URLSearchParams({ token: TOKEN, feeds: `${feeds.url}/feed.xml` })
	}).then(async (response) => {
		const html = await response.text();
		if (response.status !== 200) throw new Error(`bench: the import answered ${response.status}: ${html.slice(0, 500)}`);
		return performance.now() - started;
	});
	const during = await askPages(site.url, importing);
	const importMs = await importing;
	console.log(`\nbench:import-latency: ${databaseUrl.startsWith('pglite') ? 'PGlite in memory' : 'PostgreSQL (DATABASE_URL)'}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`);
	console.log(`import of ${items} episodes (${CUES_PER_TRANSCRIPT} cues each), feed arriving over ${importSeconds} s: ${(importMs / 1000).toFixed(1)} s in all`);
	console.log(`before   rendered (${String(before.rendered.length).padStart(4)}) ${latencyLine(before.rendered)}`);
	console.log(`         plain    (${String(before.plain.length).padStart(4)}) ${latencyLine(before.plain)}`);
	console.log(`during   rendered (${String(during.rendered.length).padStart(4)}) ${latencyLine(during.rendered)}`);
	console.log(`         plain    (${String(during.plain.length).padStart(4)}) ${latencyLine(during.plain)}`);
	const all = [...during.rendered, ...during.plain].sort((a, b) => a - b);
	const p99 = all[Math.min(all.length - 1, Math.ceil(0.99 * all.length) - 1)]!;
	console.log(`p99 of every page request during the import: ${p99.toFixed(1)} ms (goal < 100 ms): ${p99 < 100 ? 'met' : 'NOT met'}; errors ${before.errors + during.errors}`);
	console.log(`load average ${load()} (1, 5, 15 min) at the end`);
} finally {
	await site.stop();
	feeds.server.close();
	feeds.server.closeAllConnections();
	build.remove();
	rmSync(snapshotDir, { recursive: true, force: true });
}
