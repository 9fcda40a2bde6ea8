/**
 * The answer page measured on the real judged set (bench:quality): recall@3 and MRR of its first citations (a
 * citation hits when its time range overlaps the judged answer window in the judged episode), the share of answer
 * pages that rightly say "no good answer" to questions nothing answers (unanswerable.ts), and how many of those get
 * moments from search's ranking. The answer threshold is calibrated on one half of both sets (even positions) and
 * reported on the other (odd positions), against today's; the vector-only floor of search is swept the same way.
 */
import { answerQuestion, ANSWER_MIN_SCORE, type Answer, type AnswerSearch } from '../../src/lib/server/answers';
import type { Db } from '../../src/lib/server/db/client';
import type { SentenceEncoder } from '../../src/lib/server/embeddings';
import { VECTOR_ONLY_MIN_COSINE, type HybridHit, type QueryVector } from '../../src/lib/server/search/hybrid';

export interface JudgedAnswer {
	question: string;
	episodeId: number;
	window: [number, number];
}

export interface AnswerBench {
	db: Db;
	search: AnswerSearch;
	encoder: SentenceEncoder;
	judged: JudgedAnswer[];
	unanswerable: string[];
	/** What /search and /api/search rank for a query (words and meaning fused, vector-only above the floor). */
	searchHits(query: string): Promise<HybridHit[]>;
	queryVector(query: string): Promise<QueryVector | null>;
}

const THRESHOLDS = Array.from({ length: 26 }, (_, i) => Math.round((0.3 + i * 0.02) * 100) / 100);
const FLOORS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75];

/** The 1-based position of the first of the first three citations inside the judged answer, or null. */
function citationRank(answer: Answer, judged: JudgedAnswer, episodeOf: (segmentId: number) => number | undefined, k = 3): number | null {
	const [from, to] = judged.window;
	const at = answer.citations.slice(0, k).findIndex((c) => {
		const source = answer.sources[c.source]!;
		return episodeOf(source.segmentId) === judged.episodeId && c.startSeconds < to && c.endSeconds > from;
	});
	return at === -1 ? null : at + 1;
}

const half = <T>(list: T[], odd: boolean) => list.filter((_, i) => i % 2 === (odd ? 1 : 0));
const share = (n: number, of: number) => `${n}/${of} (${(n / (of || 1)).toFixed(3)})`;

/** Runs the answer page over both sets and prints the figures. Returns the calibrated threshold. */
export async function benchAnswerPage(b: AnswerBench): Promise<number> {
	const episodeOf = (segmentId: number) => b.search.index.segments.get(segmentId)?.episodeId;
	const ask = (question: string, minScore: number) => answerQuestion(b.db, question, { search: b.search, encoder: b.encoder, minScore });

	const figures = async (judged: JudgedAnswer[], unanswerable: string[], minScore: number) => {
		let hits = 0;
		let rr = 0;
		let answered = 0;
		let inSegment = 0;
		for (const j of judged) {
			const answer = await ask(j.question, minScore);
			if (answer.status === 'answered') answered++;
			// Looser: the first citation's segment overlaps the window (search's own measure), wherever in it the quote is.
			const first = answer.sources[answer.citations[0]?.source ?? -1];
			const segment = first && b.search.index.segments.get(first.segmentId);
			if (segment && segment.episodeId === j.episodeId && segment.startSeconds < j.window[1] && segment.endSeconds > j.window[0]) inSegment++;
			const rank = citationRank(answer, j, episodeOf, Infinity);
			if (rank !== null && rank <= 3) hits++;
			if (rank !== null) rr += 1 / rank;
		}
		let rightlyNone = 0;
		for (const q of unanswerable) if ((await ask(q, minScore)).status !== 'answered') rightlyNone++;
		return { hits, mrr: rr / (judged.length || 1), answered, inSegment, rightlyNone, judged: judged.length, unanswerable: unanswerable.length };
	};
	const print = (label: string, f: Awaited<ReturnType<typeof figures>>) =>
		console.log(
			`  ${label.padEnd(34)} recall@3 ${(f.hits / (f.judged || 1)).toFixed(3)}  MRR ${f.mrr.toFixed(3)}  answered ${share(f.answered, f.judged)}  ` +
				`rightly "no good answer" ${share(f.rightlyNone, f.unanswerable)}  (first citation in an answering segment: ${(f.inSegment / (f.judged || 1)).toFixed(3)})`
		);

	console.log(`\nAnswer page (/ask) on the real judged set: ${b.judged.length} answerable questions, ${b.unanswerable.length} unanswerable`);
	const all = await figures(b.judged, b.unanswerable, ANSWER_MIN_SCORE);
	print(`all, threshold ${ANSWER_MIN_SCORE}`, all);

	// Every answerable question answered whatever its score: how often the quotes land in the answer window at all.
	let first = 0;
	let inThree = 0;
	for (const j of b.judged) {
		const rank = citationRank(await ask(j.question, 0), j, episodeOf);
		if (rank === 1) first++;
		if (rank !== null) inThree++;
	}
	console.log(`  every question answered (threshold 0): recall@1 ${(first / (b.judged.length || 1)).toFixed(3)}  recall@3 ${(inThree / (b.judged.length || 1)).toFixed(3)}`);

	// Search's side of the same questions: moments /api/search shows for what nothing answers.
	let withMoments = 0;
	let withVectorOnly = 0;
	let shown = 0;
	for (const q of b.unanswerable) {
		const hits = await b.searchHits(q);
		if (hits.length) withMoments++;
		if (hits.some((h) => h.via === 'vector')) withVectorOnly++;
		shown += hits.length;
	}
	console.log(
		`  unanswerable questions /api/search returns moments for: ${share(withMoments, b.unanswerable.length)} ` +
			`(${(shown / (b.unanswerable.length || 1)).toFixed(1)} segments each on average; by meaning alone: ${share(withVectorOnly, b.unanswerable.length)})`
	);

	// Calibration half: every question answered whatever its score, so thresholds can be tried on the scores.
	const calibJudged = half(b.judged, false);
	const calibNone = half(b.unanswerable, false);
	const judgedScores: { score: number; hit: boolean }[] = [];
	for (const j of calibJudged) {
		const answer = await ask(j.question, 0);
		const rank = citationRank(answer, j, episodeOf);
		judgedScores.push({ score: answer.score, hit: rank !== null });
	}
	const noneScores: number[] = [];
	for (const q of calibNone) noneScores.push((await ask(q, 0)).score);
	const right = (t: number) => judgedScores.filter((s) => s.hit && s.score >= t).length + noneScores.filter((s) => s < t).length;
	const best = Math.max(...THRESHOLDS.map(right));
	// Among equally good thresholds, the one nearest today's (no change without a gain).
	const chosen = THRESHOLDS.filter((t) => right(t) === best).sort((x, y) => Math.abs(x - ANSWER_MIN_SCORE) - Math.abs(y - ANSWER_MIN_SCORE))[0]!;
	console.log(`  calibration half (${calibJudged.length} + ${calibNone.length}): right decisions (answered with a hit in the first 3, or rightly none) by threshold`);
	console.log(`    ${THRESHOLDS.filter((_, i) => i % 2 === 0).map((t) => `${t.toFixed(2)}:${right(t)}`).join('  ')}`);
	const sorted = (xs: number[]) => xs.map((x) => x.toFixed(2)).sort().join(' ');
	console.log(`    scores of answerable questions answered with a hit: ${sorted(judgedScores.filter((s) => s.hit).map((s) => s.score))}`);
	console.log(`    scores of answerable questions without a hit:       ${sorted(judgedScores.filter((s) => !s.hit).map((s) => s.score))}`);
	console.log(`    scores of unanswerable questions:                   ${sorted(noneScores)}`);
	console.log(`    best: ${chosen} (${best} right, today's ${ANSWER_MIN_SCORE}: ${right(ANSWER_MIN_SCORE)})`);

	const reportJudged = half(b.judged, true);
	const reportNone = half(b.unanswerable, true);
	print(`held-out half, threshold ${ANSWER_MIN_SCORE} (today)`, await figures(reportJudged, reportNone, ANSWER_MIN_SCORE));
	if (chosen !== ANSWER_MIN_SCORE) print(`held-out half, threshold ${chosen} (calibrated)`, await figures(reportJudged, reportNone, chosen));

	// Search's vector-only floor: the best cosine an unanswerable question reaches, against the cosine of the
	// judged answer's best passage (a floor above it loses that answer when words do not find it).
	const bestCosine = async (q: string) => {
		const v = await b.queryVector(q);
		return v ? (v.vectors.search(v.vector, v.model, { limit: 1 })[0]?.score ?? 0) : 0;
	};
	const answerCosine = async (j: JudgedAnswer) => {
		const v = await b.queryVector(j.question);
		if (!v) return 0;
		const ids = [...b.search.index.segments.values()].filter((s) => s.episodeId === j.episodeId && s.startSeconds < j.window[1] && s.endSeconds > j.window[0]).map((s) => s.id);
		return Math.max(0, ...[...v.vectors.scoreSegments(v.vector, v.model, ids).values()].map((h) => h.score));
	};
	const floorsOf = async (judged: JudgedAnswer[], none: string[]) => {
		const a = await Promise.all(judged.map(answerCosine));
		const n = await Promise.all(none.map(bestCosine));
		return (f: number) => `${f.toFixed(2)}: answers reachable ${a.filter((c) => c >= f).length}/${a.length}, unanswerable shown ${n.filter((c) => c >= f).length}/${n.length}`;
	};
	console.log(`  search's vector-only floor (today ${VECTOR_ONLY_MIN_COSINE}), by meaning alone:`);
	const calib = await floorsOf(calibJudged, calibNone);
	const held = await floorsOf(reportJudged, reportNone);
	for (const f of FLOORS) console.log(`    calibration ${calib(f)}  |  held-out ${held(f)}`);
	return chosen;
}
