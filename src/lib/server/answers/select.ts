/**
 * Choosing the quotes: each candidate sentence is scored by its meaning's closeness to the question (cosine of
 * sentence vectors), the question's words it repeats, and how well its moment ranked; then 2-4 are picked greedily,
 * each time preferring one unlike those already picked and from another moment (maximal marginal relevance), so the
 * answer covers several moments instead of repeating one.
 */
import { cosine } from '../embeddings';
import { queryTerms } from '../search/terms';

export interface Candidate {
	text: string;
	vector: Float32Array;
	/** The moment it comes from (its segment id) and that moment's score relative to the best (0-1). */
	momentId: number;
	momentScore: number;
}

export interface Scored<C extends Candidate> {
	candidate: C;
	cosine: number;
	overlap: number;
	score: number;
}

/** Weight of the share of the question's words a sentence repeats. */
export const OVERLAP_WEIGHT = 0.2;
/** Weight of the moment's own rank (search already weighed its words, title and meaning). */
export const MOMENT_WEIGHT = 0.1;
/** A quote is added while it scores at least the best one's score less this. */
export const RELATIVE_DROP = 0.15;
/** How much likeness to a quote already picked counts against a sentence. */
const DIVERSITY = 0.5;
/** Every further quote from the same moment counts this much against it. */
const SAME_MOMENT = 0.05;
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
			return { candidate, cosine: sim, overlap, score: sim + OVERLAP_WEIGHT * overlap + MOMENT_WEIGHT * candidate.momentScore };
		})
		.sort((a, b) => b.score - a.score);
}

/**
 * Picks up to MAX_QUOTES diverse quotes from scored candidates (best first): a second one if it clears `floor` (one
 * sentence rarely answers alone), and more only while they are not far below the best.
 */
export function pickQuotes<C extends Candidate>(scored: readonly Scored<C>[], floor: number): Scored<C>[] {
	const best = scored[0];
	if (!best) return [];
	const picked: Scored<C>[] = [];
	while (picked.length < MAX_QUOTES) {
		const least = picked.length < 2 ? Math.min(floor, best.score - RELATIVE_DROP) : best.score - RELATIVE_DROP;
		let choice: Scored<C> | null = null;
		let choiceValue = -Infinity;
		for (const s of scored) {
			if (s.score < least) break;
			if (picked.includes(s)) continue;
			const likeness = Math.max(0, ...picked.map((p) => cosine(p.candidate.vector, s.candidate.vector)));
			if (likeness >= DUPLICATE_COSINE) continue;
			const sameMoment = picked.filter((p) => p.candidate.momentId === s.candidate.momentId).length;
			const value = s.score - DIVERSITY * likeness - SAME_MOMENT * sameMoment;
			if (value > choiceValue) [choice, choiceValue] = [s, value];
		}
		if (!choice) break;
		picked.push(choice);
	}
	return picked;
}
