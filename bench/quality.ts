/**
 * `npm run bench:quality`: ranking quality, by words (lexical), by meaning (vector) and both fused (hybrid), side by
 * side in one run:
 * - on the judged questions over REAL transcripts (bench/judged/real.ts), imported into a fresh PGlite through
 *   today's import steps and encoded as the 'vectors' job does: hit@1/@3/@10 and MRR at segment level (a hit is a
 *   segment overlapping the answer window), split by whether the question shares a rare word with its answer;
 * - on the demo's judged queries (recall@3 and MRR, which must not drop);
 * - the calibration of the vector-only floor: the best cosine nonsense gets, against real questions' answers;
 * - the answer page (/ask): recall@3 and MRR of its first citations on the same questions, and the share of pages that
 *   rightly say "no good answer" to questions nothing answers (bench/judged/answer-page.ts), its threshold calibrated
 *   on half and reported on the other half.
 * Vectors are cached in /tmp (bench/judged/corpus.ts) so a second run is quick. `--verbose` lists every miss.
 */
import { stemmer } from 'stemmer';
import { createDb } from '../src/lib/server/db/client';
import { runMigrations } from '../src/lib/server/db/migrate';
import { seedDemoContent } from '../src/lib/server/demo/seed';
import { episodes } from '../src/lib/server/db/schema';
import { fuseHits, locateAnswer, VECTOR_ONLY_MIN_COSINE, VECTOR_WEIGHT, type FusionMethod, type QueryVector } from '../src/lib/server/search/hybrid';
import { rankAll } from '../src/lib/server/search/ranking';
import { SearchService } from '../src/lib/server/search/service';
import { SemanticEngine } from '../src/lib/server/search/semantic';
import { judgedQueries } from '../tests/search/judged-queries';
import { cachedEncoder, encodeCorpus, importTranscripts } from './judged/corpus';
import { benchAnswerPage } from './judged/answer-page';
import { realJudgedQuestions } from './judged/real';
import { unanswerableQuestions } from './judged/unanswerable';
import { scoreJudgedQueries } from './lib/quality';

const verbose = process.argv.includes('--verbose');
/** `--weight=0.6` tries another blend weight on meaning (the site's is VECTOR_WEIGHT). */
const WEIGHT = Number(process.argv.find((a) => a.startsWith('--weight='))?.slice(9) ?? VECTOR_WEIGHT);
const NONSENSE = ['purple monkey dishwasher', 'qwzx vbnm plorf', 'how many legs does a glass of orange juice have', 'banana telescope symphony'];
type Mode = 'lexical' | 'vector' | 'hybrid (blend)' | 'hybrid (rrf)';
const MODES: Mode[] = ['lexical', 'vector', 'hybrid (blend)', 'hybrid (rrf)'];

const encoder = await cachedEncoder();
const handle = await createDb('pglite://memory');
try {
	await runMigrations(handle);
	const db = handle.db;
	await seedDemoContent(db);
	const corpus = await importTranscripts(db, realJudgedQuestions.map((q) => q.file));
	const allEpisodes = (await db.select({ id: episodes.id }).from(episodes)).map((e) => e.id);
	const encoded = await encodeCorpus(db, allEpisodes, encoder);
	encoder.save();
	const service = await SearchService.build(db);
	const semantic = new SemanticEngine(service.semantic.vectors, async () => encoder);
	await semantic.warmUp();
	const { index } = service;
	await semantic.syncQuestions(index.questions.values());
	const links = (id: number) => index.linksByQuestion.get(id);
	console.log(`${corpus.size} real transcripts + the demo: ${index.segments.size} segments, ${encoded.passages} passages (${encoded.seconds.toFixed(1)} s to encode or read from the cache)`);

	const rank = (mode: Mode, query: string, vector: QueryVector | null): number[] => {
		const lexical = rankAll(index, query).segments;
		if (mode === 'lexical') return lexical.map((h) => h.id);
		if (mode === 'vector') return vector!.vectors.search(vector!.vector, vector!.model, { limit: 50 }).map((h) => h.segmentId);
		return fuseHits(lexical, vector, () => true, { method: mode === 'hybrid (blend)' ? 'blend' : ('rrf' satisfies FusionMethod), weight: WEIGHT, links }).map((h) => h.id);
	};

	// Which questions share a rare word (a stem in under 5 % of segments) with their answer window.
	const stems = (text: string) => new Set((text.toLowerCase().match(/[a-z0-9']+/g) ?? []).map((w) => stemmer(w.replace(/'s?$/, ''))));
	const df = new Map<string, number>();
	for (const s of index.segments.values()) for (const t of stems(`${s.title} ${s.text ?? ''}`)) df.set(t, (df.get(t) ?? 0) + 1);
	const rare = (t: string) => (df.get(t) ?? 0) / index.segments.size < 0.05;

	type Row = { question: string; shares: boolean; rank: Record<Mode, number | null>; located: boolean | null };
	const rows: Row[] = [];
	for (const judged of realJudgedQuestions) {
		const episodeId = corpus.get(judged.file)!;
		const [from, to] = judged.window;
		const overlaps = (id: number) => {
			const s = index.segments.get(id)!;
			return s.episodeId === episodeId && s.startSeconds < to && s.endSeconds > from;
		};
		const windowText = [...index.segments.values()]
			.filter((s) => s.episodeId === episodeId && s.startSeconds < to && s.endSeconds > from)
			.map((s) => s.text ?? '')
			.join(' ');
		const answerStems = stems(windowText);
		const shares = [...stems(judged.question)].some((t) => rare(t) && answerStems.has(t));
		const vector = await semantic.queryVector(judged.question);
		const row: Row = { question: judged.question, shares, rank: {} as Row['rank'], located: null };
		for (const mode of MODES) {
			const at = rank(mode, judged.question, vector).slice(0, 10).findIndex(overlaps);
			row.rank[mode] = at === -1 ? null : at + 1;
		}
		const top = rank('hybrid (blend)', judged.question, vector)[0];
		const sentence = top !== undefined && overlaps(top) ? locateAnswer(vector, top) : null;
		if (sentence) row.located = sentence.startSeconds >= from - 10 && sentence.startSeconds <= to;
		rows.push(row);
	}

	const report = (label: string, of: Row[]) => {
		console.log(`\n${label}: ${of.length} questions`);
		console.log(`  ${'mode'.padEnd(16)} hit@1  hit@3  hit@10  MRR`);
		for (const mode of MODES) {
			const hit = (k: number) => (of.filter((r) => r.rank[mode] !== null && r.rank[mode]! <= k).length / (of.length || 1)).toFixed(3);
			const mrr = (of.reduce((a, r) => a + (r.rank[mode] ? 1 / r.rank[mode]! : 0), 0) / (of.length || 1)).toFixed(3);
			console.log(`  ${mode.padEnd(16)} ${hit(1)}  ${hit(3)}  ${hit(10)}   ${mrr}`);
		}
	};
	report('Real transcripts, all questions', rows);
	report('  sharing no rare word with the answer', rows.filter((r) => !r.shares));
	report('  sharing a rare word', rows.filter((r) => r.shares));
	const located = rows.filter((r) => r.located !== null);
	console.log(`\nHybrid top hit's link starts inside the answer window (within 10 s before it): ${located.filter((r) => r.located).length} of ${located.length}`);
	for (const row of rows) {
		if (!verbose && row.rank['hybrid (blend)'] !== null && row.rank['hybrid (blend)']! <= 3) continue;
		console.log(`  ${row.rank['hybrid (blend)'] && row.rank['hybrid (blend)']! <= 3 ? 'ok  ' : 'MISS'} ${MODES.map((m) => String(row.rank[m] ?? '-').padStart(2)).join(' ')}  ${row.question}`);
	}

	console.log('\nDemo judged queries (recall@3, MRR):');
	const demoVectors = new Map<string, QueryVector | null>();
	for (const judged of judgedQueries) demoVectors.set(judged.query, await semantic.queryVector(judged.query));
	for (const mode of MODES) {
		const scored = scoreJudgedQueries(index, judgedQueries, 3, (query) => rank(mode, query, demoVectors.get(query) ?? null));
		console.log(`  ${mode.padEnd(16)} recall@3 ${scored.recallAtK.toFixed(3)}  MRR ${scored.mrr.toFixed(3)}`);
	}

	console.log(`\nVector-only floor ${VECTOR_ONLY_MIN_COSINE}: best cosine of nonsense queries vs. real questions' best answer`);
	for (const text of NONSENSE) {
		const v = (await semantic.queryVector(text))!;
		const best = v.vectors.search(v.vector, v.model, { limit: 1 })[0];
		const shown = fuseHits(rankAll(index, text).segments, v, () => true, { links }).length;
		console.log(`  ${(best?.score ?? 0).toFixed(3)}  ${shown} results shown  "${text}"`);
	}
	const bestOfReal = [];
	for (const judged of realJudgedQuestions) {
		const v = (await semantic.queryVector(judged.question))!;
		bestOfReal.push(v.vectors.search(v.vector, v.model, { limit: 1 })[0]?.score ?? 0);
	}
	bestOfReal.sort((a, b) => a - b);
	console.log(`  real questions' best cosine: min ${bestOfReal[0]!.toFixed(3)}, median ${bestOfReal[bestOfReal.length >> 1]!.toFixed(3)}`);

	// The answer page, answering with the same ranking (a service over the same index, with meaning ready).
	const answering = new SearchService(db, index, semantic);
	await benchAnswerPage({
		db,
		search: answering,
		encoder,
		judged: realJudgedQuestions.map((j) => ({ question: j.question, episodeId: corpus.get(j.file)!, window: j.window })),
		unanswerable: unanswerableQuestions,
		searchHits: async (query) => fuseHits(rankAll(index, query).segments, await semantic.queryVector(query), () => true, { links }),
		queryVector: (query) => semantic.queryVector(query)
	});
} finally {
	await handle.close();
}
