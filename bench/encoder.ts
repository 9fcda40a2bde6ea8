/**
 * `npm run bench:encoder`: how long the sentence encoder takes for one query on its thread, as a search asks for it
 * (encode([q]), wall time including the thread hop), computed directly (use-lite.ts, what the site runs) and through
 * the model's graph as the package runs it (GraphModel.executeAsync: the reference, and what the site ran before
 * December 6 2026), taking turns query by query so both see the same machine. Queries: bench:search's short kinds
 * (keywords, typos, prefixes) and long questions (made-up words cut into ~30 word pieces, the slowest new queries),
 * and the real listener questions. Then 200 real passages through each (the background rate). Figures, not pass/fail;
 * run it under the bench lock and read the load average it prints.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { loadUseLite } from '../src/lib/server/embeddings/use-lite';
import type { SentenceEncoder } from '../src/lib/server/embeddings';
import { latencyLine, loadLine } from './lib/measure';
import { generateCorpus, generateQueries } from './lib/synthetic';
import { realJudgedQuestions } from './judged/real';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function timeEach(encoder: SentenceEncoder, q: string): Promise<number> {
	const started = performance.now();
	await encoder.encode([q]);
	return performance.now() - started;
}

console.log(loadLine());
const [direct, graph] = await Promise.all([loadUseLite(), loadUseLite({ graph: true })]);
const queries = generateQueries(generateCorpus({ segments: 20_000 }));
const sets: [string, string[]][] = [
	['short (keywords, typos, prefixes)', queries.filter((q) => q.kind !== 'question').slice(0, 150).map((q) => q.q)],
	['long questions (bench:search)', queries.filter((q) => q.kind === 'question').slice(0, 150).map((q) => q.q)],
	['real listener questions', realJudgedQuestions.map((q) => q.question)]
];
for (const q of sets[1]![1].slice(0, 30)) await Promise.all([direct.encode([q]), graph.encode([q])]); // warm-up
for (const [name, texts] of sets) {
	const times = { direct: [] as number[], graph: [] as number[] };
	for (let round = 0; round < ROUNDS; round++)
		for (const q of texts) {
			times.direct.push(await timeEach(direct, q));
			times.graph.push(await timeEach(graph, q));
		}
	console.log(`${name} (${texts.length} x ${ROUNDS})`);
	console.log(`  direct  ${latencyLine(times.direct)}`);
	console.log(`  graph   ${latencyLine(times.graph)}`);
}

const DEV = '../shared/segbench-dev';
const episodes = (() => {
	try {
		return readdirSync(DEV).filter((d) => !d.includes('.')).sort();
	} catch {
		return [];
	}
})();
if (episodes.length) {
	const segments = (JSON.parse(readFileSync(`${DEV}/${episodes[0]}/transcript.json`, 'utf8')) as { segments: { body: string }[] }).segments;
	const passages = Array.from({ length: 200 }, (_, i) => segments.slice(i * 3, i * 3 + 3).map((s) => s.body).join(' '));
	for (const [name, encoder] of [['direct', direct], ['graph', graph]] as const) {
		const started = performance.now();
		await encoder.encode(passages);
		const seconds = (performance.now() - started) / 1000;
		console.log(`passages ${name.padEnd(6)} ${(passages.length / seconds).toFixed(1)}/s (${passages.length} real passages of three transcript segments, in chunks of 8)`);
	}
}
console.log(loadLine());
