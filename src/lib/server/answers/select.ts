/**
 * Choosing the quotes, moment first: the moments come in search's order (the ranking /search and /api/search show),
 * and from each the sentence that best answers the question is quoted, so citation [1] is said in search's top
 * moment, [2] in its second, and so on. Within a moment, a sentence is scored by its meaning's closeness to the
 * question (cosine of sentence vectors) and the question's words it repeats. A moment whose best sentence is far
 * below the answer's best is left out (it would pad the answer), and a sentence too like one already quoted is skipped.
 */
import { cosine } from '../embeddings';
import { queryTerms } from '../search';

export interface Candidate {
	text: string;
	vector: Float32Array;
	/** The moment it comes from: its segment id and its 0-based rank in search's order. */
	momentId: number;
	momentRank: number;
}

export interface Scored<C extends Candidate> {
	candidate: C;
	cosine: number;
	overlap: number;
	score: number;
}

/** Weight of the share of the question's words a sentence repeats. */
export const OVERLAP_WEIGHT = 0.2;
/** A moment is quoted while its best sentence scores at least the answer's best less this. */
export const RELATIVE_DROP = 0.15;
/** Sentences this alike say the same thing: only one is quoted. */
const DUPLICATE_COSINE = 0.9;
export const MAX_QUOTES = 4;

/**
 * Scores candidates against the question's vector and words, best first. A question word counts by how rare it is
 * among the candidates (in a podcast about podcasts, "podcast" says nothing about which sentence answers).
 */
export function scoreCandidates<C extends Candidate>(question: string, questionVector: Float32Array, candidates: readonly C[]): Scored<C>[] {
	const terms = queryTerms(question);
	const own = candidates.map((c) => new Set(queryTerms(c.text)));
	const weight = new Map(terms.map((t) => [t, Math.log(1 + candidates.length / (1 + own.filter((o) => o.has(t)).length))]));
	const total = terms.reduce((sum, t) => sum + weight.get(t)!, 0);
	return candidates
		.map((candidate, i) => {
			const overlap = total > 0 ? terms.filter((t) => own[i]!.has(t)).reduce((sum, t) => sum + weight.get(t)!, 0) / total : 0;
			const sim = cosine(questionVector, candidate.vector);
			return { candidate, cosine: sim, overlap, score: sim + OVERLAP_WEIGHT * overlap };
		})
		.sort((a, b) => b.score - a.score || a.candidate.momentRank - b.candidate.momentRank);
}

/**
 * Picks up to MAX_QUOTES quotes from scored candidates (best first), in the moments' order: the best sentence of
 * each moment, the first moment always, a later one while its best clears `floor` or is not far below the first's
 * best; then, if room is left, each quoted moment's second-best sentence (same rule), still in the moments' order.
 */
export function pickQuotes<C extends Candidate>(scored: readonly Scored<C>[], floor: number): Scored<C>[] {
	const byMoment = new Map<number, Scored<C>[]>();
	for (const s of scored) {
		const list = byMoment.get(s.candidate.momentRank) ?? [];
		list.push(s);
		byMoment.set(s.candidate.momentRank, list);
	}
	const ranks = [...byMoment.keys()].sort((a, b) => a - b);
	const first = byMoment.get(ranks[0]!)?.[0];
	if (!first) return [];
	const least = Math.min(floor, first.score - RELATIVE_DROP);
	const picked: Scored<C>[] = [];
	const fresh = (s: Scored<C>) => !picked.some((p) => p === s || cosine(p.candidate.vector, s.candidate.vector) >= DUPLICATE_COSINE);
	for (let round = 0; round < 2; round++) {
		for (const rank of ranks) {
			if (picked.length >= MAX_QUOTES) break;
			if (round > 0 && !picked.some((p) => p.candidate.momentRank === rank)) continue;
			const choice = byMoment.get(rank)!.find((s) => s.score >= least && fresh(s));
			if (choice) picked.push(choice);
		}
	}
	return picked;
}
