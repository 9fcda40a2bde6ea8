/**
 * Every judged query the honesty benches walk, as [set, query, is-this-segment-an-answer]: the real listener questions
 * (answered by any segment of their episode overlapping the judged window), the demo judged queries, and the questions
 * the content cannot answer (no answer at all); with `fresh`, then the fresh set's answerable and unanswerable questions,
 * the fourth set's (judged/fourth.ts) and the fifth set's (judged/fifth.ts).
 */
import type { SearchIndex } from '../../src/lib/server/search/search-index';
import { judgedQueries } from '../../tests/search/judged-queries';
import { findSegmentId } from '../lib/quality';
import { realJudgedQuestions } from './real';
import { unanswerableQuestions } from './unanswerable';
import { freshJudgedQuestions, freshUnanswerableQuestions } from './fresh';
import { fourthJudgedQuestions, fourthUnanswerableQuestions } from './fourth';
import { fifthJudgedQuestions, fifthUnanswerableQuestions } from './fifth';

/**
 * 'fresh' and 'fresh-none': the fresh set (judged/fresh.ts), answerable and not; 'fourth' and 'fourth-none': the fourth
 * (judged/fourth.ts); 'fifth' and 'fifth-none': the fifth (judged/fifth.ts, the held-out test of a later honesty
 * method). None is ever part of either half: no setting is chosen by them.
 */
export type JudgedSet = 'real' | 'demo' | 'none' | 'fresh' | 'fresh-none' | 'fourth' | 'fourth-none' | 'fifth' | 'fifth-none';
/** A set never calibrated on, reported apart from the two halves. */
export type LaterSet = 'fresh' | 'fourth' | 'fifth';
/** The later set a query belongs to ('fresh', 'fourth' or 'fifth'), or null for the first three sets (the two halves). */
export const laterSet = (set: JudgedSet): LaterSet | null =>
	set.startsWith('fresh') ? 'fresh' : set.startsWith('fourth') ? 'fourth' : set.startsWith('fifth') ? 'fifth' : null;
export const isFresh = (set: JudgedSet) => laterSet(set) !== null;
export const isUnanswerable = (set: JudgedSet) => set === 'none' || set.endsWith('-none');
export type JudgedQuery = [set: JudgedSet, query: string, isAnswer: ((segmentId: number) => boolean) | null];

/** `corpus` maps each real transcript's file to its imported episode (judged/corpus.ts importTranscripts). */
export function judgedQuerySets(index: SearchIndex, corpus: ReadonlyMap<string, number>, { fresh = false } = {}): JudgedQuery[] {
	const inWindow = (set: 'real' | LaterSet) => (j: (typeof realJudgedQuestions)[number]): JudgedQuery => {
		const episodeId = corpus.get(j.file)!;
		const [from, to] = j.window;
		return [set, j.question, (id) => { const s = index.segments.get(id)!; return s.episodeId === episodeId && s.startSeconds < to && s.endSeconds > from; }];
	};
	return [
		...realJudgedQuestions.map(inWindow('real')),
		...judgedQueries.map((j): JudgedQuery => {
			const answers = new Set(j.expected.map((key) => findSegmentId(index, key)));
			return ['demo', j.query, (id) => answers.has(id)];
		}),
		...unanswerableQuestions.map((q): JudgedQuery => ['none', q, null]),
		...(fresh ? freshJudgedQuestions.map(inWindow('fresh')) : []),
		...(fresh ? freshUnanswerableQuestions.map((q): JudgedQuery => ['fresh-none', q, null]) : []),
		...(fresh ? fourthJudgedQuestions.map(inWindow('fourth')) : []),
		...(fresh ? fourthUnanswerableQuestions.map((q): JudgedQuery => ['fourth-none', q, null]) : []),
		...(fresh ? fifthJudgedQuestions.map(inWindow('fifth')) : []),
		...(fresh ? fifthUnanswerableQuestions.map((q): JudgedQuery => ['fifth-none', q, null]) : [])
	];
}

/**
 * How a rule does on one half of the judged queries: questions with an answer kept in the first three, the answers
 * kept there (a demo query can expect several segments), unanswerable questions left with none.
 */
export interface Outcome {
	answered: number;
	judged: number;
	answerHits: number;
	none: number;
	unanswerable: number;
}

/**
 * Counts what `vetoed` leaves of each query's hits: for an answerable query, whether an answer is among the first three
 * shown (and how many); for one nothing answers, whether it is left with no hit at all.
 */
export function tally<Q extends { hits: readonly { answer: boolean }[] }>(
	queries: Iterable<Q>,
	vetoed: (q: Q, hit: Q['hits'][number]) => boolean,
	unanswerable: (q: Q) => boolean
): Outcome {
	const out: Outcome = { answered: 0, judged: 0, answerHits: 0, none: 0, unanswerable: 0 };
	for (const q of queries) {
		const kept = q.hits.filter((h) => !vetoed(q, h));
		if (unanswerable(q)) {
			out.unanswerable++;
			if (kept.length === 0) out.none++;
		} else {
			out.judged++;
			const answers = kept.slice(0, 3).filter((h) => h.answer).length;
			if (answers > 0) out.answered++;
			out.answerHits += answers;
		}
	}
	return out;
}

/**
 * `vetoed` applied to each query's hits: of the first three sets, queries at even positions are the calibration half
 * (`odd` false), odd ones the held-out half (`odd` true), all of them when `odd` is null; `odd` 'fresh' is the fresh
 * set alone, 'fourth' the fourth set alone, 'fifth' the fifth set alone (never in a half).
 */
export function outcomeOf<Q extends { at: number; set: JudgedSet; hits: readonly { answer: boolean }[] }>(
	queries: readonly Q[],
	vetoed: (q: Q, hit: Q['hits'][number]) => boolean,
	odd: boolean | null | LaterSet
): Outcome {
	const chosen = queries.filter(
		(q) => laterSet(q.set) === (typeof odd === 'string' ? odd : null) && (typeof odd !== 'boolean' || q.at % 2 === (odd ? 1 : 0))
	);
	return tally(chosen, vetoed, (q) => isUnanswerable(q.set));
}
