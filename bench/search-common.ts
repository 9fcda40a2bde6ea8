/**
 * `npx tsx bench/search-common.ts`: the common-word mixes of issue 15 (point 1) on the synthetic corpus
 * (bench/lib/synthetic.ts): the 1,000 most frequent terms of the corpus alone, in twos and in fives, each a whole
 * /api/search answer (`searchContent`, limit=50, lexical path). Prints p50/p99/max per mix against the targets
 * (p99 <= 50 ms, max <= 200 ms) and the slowest queries. bench:search runs the same section (`commonWordMixes`) on
 * each of its sizes. Environment: BENCH_SIZES (100000), BENCH_COMMON_TERMS (1000), BENCH_CPU=1 (CPU time, not wall time).
 * Figures, not pass/fail; run it when the machine is quiet (it prints the load average).
 */
import { pathToFileURL } from 'node:url';
import { corpusToIndexContent } from './lib/synthetic-content';
import { generateCorpus } from './lib/synthetic';
import { latencyLine, loadLine, percentile } from './lib/measure';
import { searchContent } from '../src/lib/server/search/results';
import type { IndexContent } from '../src/lib/server/search/content';
import { SearchIndex } from '../src/lib/server/search/search-index';
import { tokenize } from '../src/lib/server/search/terms';

const sizes = (process.env.BENCH_SIZES ?? '100000').split(',').map(Number);
const termCount = Number(process.env.BENCH_COMMON_TERMS ?? 1000);
const LIMIT = 50;
/**
 * BENCH_CPU=1 times each query by the CPU this process spent (user + system) instead of the wall clock: on a shared
 * machine with more runnable processes than cores, wall time mostly measures waiting for a core.
 */
const cpuClock = process.env.BENCH_CPU === '1';
function clock(): number {
	if (!cpuClock) return performance.now();
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
}

/** The corpus's most frequent words (by documents containing them), as a listener could type them. */
function topTerms(texts: string[], n: number): string[] {
	const df = new Map<string, number>();
	for (const text of texts) for (const word of new Set(tokenize(text.toLowerCase()))) if (/^\p{L}{2,}$/u.test(word)) df.set(word, (df.get(word) ?? 0) + 1);
	return [...df].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([w]) => w);
}

function groups(terms: string[], size: number): string[] {
	// Deterministic, mixed ranks: term i with terms i+97, i+2*97, ... so a query is not just neighbours in rank.
	return terms.map((_, i) => Array.from({ length: size }, (_, k) => terms[(i + k * 97) % terms.length]).join(' '));
}

function run(index: SearchIndex, queries: string[]): { q: string; ms: number }[] {
	for (const q of queries.slice(0, 20)) searchContent(index, { query: q, limit: LIMIT }); // warm-up
	return queries.map((q) => {
		const start = clock();
		const results = searchContent(index, { query: q, limit: LIMIT });
		const ms = clock() - start;
		if (results.segments.length > LIMIT) throw new Error(`"${q}" returned ${results.segments.length} segments, above limit ${LIMIT}`);
		return { q, ms };
	});
}

/** The three common-word mixes on one index, each against the targets, with its slowest queries named. */
export function commonWordMixes(index: SearchIndex, content: IndexContent): void {
	const terms = topTerms(content.segments.map((s) => `${s.title} ${s.text}`), termCount);
	console.log(`common words: ${terms.length} most frequent terms (e.g. ${terms.slice(0, 6).join(', ')}), searchContent limit=${LIMIT}`);
	for (const [name, queries] of [
		['alone', terms],
		['in twos', groups(terms, 2)],
		['in fives', groups(terms, 5)]
	] as const) {
		const timed = run(index, [...queries]).sort((a, b) => a.ms - b.ms);
		const ms = timed.map((t) => t.ms);
		const p99 = percentile(ms, 99);
		const max = ms[ms.length - 1]!;
		console.log(`  ${name.padEnd(9)} ${latencyLine(ms)}  target p99<=50 ${p99 <= 50 ? 'met' : 'MISSED'}, max<=200 ${max <= 200 ? 'met' : 'MISSED'}`);
		console.log(`            slowest: ${timed.slice(-3).reverse().map((t) => `"${t.q}" ${t.ms.toFixed(0)} ms`).join(', ')}`);
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	console.log(`${loadLine()}; timing by ${cpuClock ? 'CPU time (BENCH_CPU=1)' : 'wall clock'}`);
	for (const size of sizes) {
		const content = corpusToIndexContent(generateCorpus({ segments: size }));
		console.log(`\n${size.toLocaleString('en')} segments`);
		commonWordMixes(SearchIndex.build(content), content);
	}
}
