/**
 * `npm run bench:weight`: the JavaScript and CSS each kind of page ships, gzipped, as a browser would fetch them on
 * a first visit. Starts the production build on the demo content, fetches each page, collects every script, module
 * preload and stylesheet it references (and the inline start-up script's imports), follows each chunk's static imports
 * and CSS through the client manifest, and gzips every file (brotli too: what adapter-node serves most browsers).
 * "inline" is the page's start-up script, most of it the page's data for hydration. "later" is the JavaScript the page
 * can fetch after it has painted: the lazy chunks its code imports dynamically (the player bar once the browser is idle or
 * a moment is handed to it, the lock-screen code on first play, the share tools when a panel opens, the `#t=` parser),
 * with what they import, minus what the page already loaded; it is not part of the target, but says what the split
 * moved rather than saved. Target: the episode page's
 * JavaScript files under 40 KiB gzip (sizes are in KiB, 1,024 bytes, as since this bench was first written; the
 * episode's exact byte count is printed beside its verdict). BENCH_FILES=1 lists each page's files, largest first. Figures, not pass/fail.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { snapshotBuild, startProductionServer } from './lib/production-server';

const PAGES: [name: string, path: string][] = [
	['home', '/'],
	['episode', '/podcasts/running-explained/running-isnt-therapy'],
	['question', '/questions/can-running-serve-as-therapy'],
	['search', '/search?q=running+therapy'],
	['embed (episode)', '/embed/podcasts/running-explained/running-isnt-therapy'],
	['embed (question)', '/embed/questions/can-running-serve-as-therapy']
];
const EPISODE_JS_TARGET_KIB = 40;

interface ManifestChunk {
	file: string;
	imports?: string[];
	dynamicImports?: string[];
	css?: string[];
}

const log = (message: string) => console.error(`bench: ${message}`);
const build = snapshotBuild(log);
const manifest = JSON.parse(readFileSync(path.join(build.dir, 'client-manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
const byFile = new Map(Object.values(manifest).map((chunk) => [chunk.file, chunk]));
const sizes = new Map<string, { gzip: number; brotli: number }>();

/** gzip and brotli sizes of a file of the client build, by its path on the site (/_app/...). */
function compressed(sitePath: string): { gzip: number; brotli: number } {
	let size = sizes.get(sitePath);
	if (size === undefined) {
		const bytes = readFileSync(path.join(build.dir, 'client', sitePath));
		// adapter-node serves the .br files it wrote at build time to browsers that accept them: what most visitors get.
		size = { gzip: gzipSync(bytes).byteLength, brotli: brotliCompressSync(bytes).byteLength };
		sizes.set(sitePath, size);
	}
	return size;
}

/** Every file a page loads, from its references, closed over the manifest's static imports and CSS. */
function filesOf(
	html: string,
	linkHeader: string,
	pageUrl: URL
): { scripts: Set<string>; later: Set<string>; styles: Set<string>; inlineScript: number } {
	const doc = parse(html);
	const scripts = new Set<string>();
	const styles = new Set<string>();
	const resolve = (href: string) => new URL(href, pageUrl).pathname;
	for (const el of doc.querySelectorAll('script[src]')) scripts.add(resolve(el.getAttribute('src')!));
	for (const el of doc.querySelectorAll('link[rel="modulepreload"]')) scripts.add(resolve(el.getAttribute('href')!));
	for (const el of doc.querySelectorAll('link[rel="stylesheet"]')) styles.add(resolve(el.getAttribute('href')!));
	let inline = '';
	for (const el of doc.querySelectorAll('script:not([src])')) {
		if (el.getAttribute('type') === 'application/ld+json') continue; // data, not code
		inline += el.text;
		for (const [, href] of el.text.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)) scripts.add(resolve(href!));
		// The route's own components: the start-up script names them by node id, and the app imports them at once.
		for (const [, ids] of el.text.matchAll(/node_ids:\s*\[([\d,\s]+)\]/g)) {
			for (const id of ids!.split(',')) {
				const node = manifest[`.svelte-kit/generated/client-optimized/nodes/${id.trim()}.js`];
				if (node) scripts.add(`/${node.file}`);
			}
		}
	}
	// SvelteKit may announce preloads in a Link header rather than in the page.
	for (const [, href] of linkHeader.matchAll(/<([^>]+)>;[^,]*rel="?modulepreload/g)) scripts.add(resolve(href!));
	const queue = [...scripts];
	while (queue.length) {
		const chunk = byFile.get(queue.pop()!.replace(/^\//, ''));
		for (const css of chunk?.css ?? []) styles.add(`/${css}`);
		for (const key of chunk?.imports ?? []) {
			const file = `/${manifest[key]!.file}`;
			if (!scripts.has(file)) {
				scripts.add(file);
				queue.push(file);
			}
		}
	}
	return { scripts, later: lazyFiles(scripts), styles, inlineScript: inline ? gzipSync(inline).byteLength : 0 };
}

/**
 * The chunks `loaded` can import later (dynamic imports, followed through their own imports) that are not among them.
 * SvelteKit's app entry imports every route's components dynamically: those are other pages, not this one's later code.
 */
function lazyFiles(loaded: Set<string>): Set<string> {
	const later = new Set<string>();
	const queue = [...loaded];
	while (queue.length) {
		const chunk = byFile.get(queue.pop()!.replace(/^\//, ''));
		for (const key of [...(chunk?.imports ?? []), ...(chunk?.dynamicImports ?? [])]) {
			if (key.startsWith('.svelte-kit/generated/')) continue;
			const file = `/${manifest[key]!.file}`;
			if (!loaded.has(file) && !later.has(file)) {
				later.add(file);
				queue.push(file);
			}
		}
	}
	return later;
}

const server = await startProductionServer(build.dir, 'pglite://memory', { SEED_DEMO: '1', SEARCH_SNAPSHOT_DIR: '' });
const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7);
try {
	console.log(`\nbench:weight: JavaScript and CSS per page, gzip (level 6), first visit; Node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
	console.log(`${'page'.padEnd(18)}${'JS files'.padStart(9)}${'JS KiB'.padStart(8)}${'(brotli)'.padStart(9)}${'later KiB'.padStart(10)}${'inline KiB'.padStart(11)}${'CSS KiB'.padStart(8)}${'HTML KiB'.padStart(9)}`);
	console.log(`${''.padEnd(18)}${''.padStart(9)}${'gzip'.padStart(8)}${''.padStart(9)}${'gzip'.padStart(10)}${'gzip'.padStart(11)}${'gzip'.padStart(8)}${'gzip'.padStart(9)}`);
	for (const [name, pagePath] of PAGES) {
		const url = new URL(pagePath, server.url);
		const response = await fetch(url, { headers: { accept: 'text/html' } });
		const html = await response.text();
		if (response.status !== 200) throw new Error(`bench: ${pagePath} answered ${response.status}`);
		const { scripts, later, styles, inlineScript } = filesOf(html, response.headers.get('link') ?? '', url);
		const js = [...scripts].reduce((n, f) => n + compressed(f).gzip, 0);
		const jsBrotli = [...scripts].reduce((n, f) => n + compressed(f).brotli, 0);
		const lazy = [...later].reduce((n, f) => n + compressed(f).gzip, 0);
		const css = [...styles].reduce((n, f) => n + compressed(f).gzip, 0);
		const target = EPISODE_JS_TARGET_KIB * 1024;
		const note = name === 'episode' ? `  (target: JS files under ${EPISODE_JS_TARGET_KIB} KiB gzip: ${js < target ? 'met' : 'MISSED'}, ${js.toLocaleString('en')} of ${target.toLocaleString('en')} bytes)` : '';
		if (process.env.BENCH_FILES === '1') {
			for (const file of [...scripts].sort((a, b) => compressed(b).gzip - compressed(a).gzip)) console.log(`    ${String(compressed(file).gzip).padStart(6)} B  ${file}`);
			for (const file of [...later].sort((a, b) => compressed(b).gzip - compressed(a).gzip)) console.log(`    ${String(compressed(file).gzip).padStart(6)} B  ${file} (later)`);
		}
		console.log(
			`${name.padEnd(18)}${String(scripts.size).padStart(9)}${kb(js)}${kb(jsBrotli).padStart(9)}${kb(lazy).padStart(10)}${kb(inlineScript).padStart(11)}${kb(css).padStart(8)}${kb(gzipSync(html).byteLength).padStart(9)}${note}`
		);
	}
} finally {
	await server.stop();
	build.remove();
}
