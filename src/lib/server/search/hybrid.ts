/**
 * Hybrid ranking: the lexical hits (ranking.ts) and the segments nearest the query by meaning (the vector engine),
 * fused into one list. A segment found both ways is marked 'both'; one found only by meaning must clear a calibrated
 * similarity (VECTOR_ONLY_MIN_COSINE), so a query about nothing the podcasts discuss still finds nothing. Each hit
 * also carries the run of sentences that answers it best, so its link starts where the answer is said.
 */
import type { VectorHit, VectorIndex } from '../vectors';
import type { Hit } from './ranking';

/** How lexical and vector lists are fused: a calibrated blend of scores, or reciprocal-rank fusion (bench:quality compares them). */
export type FusionMethod = 'blend' | 'rrf';
export const FUSION: FusionMethod = 'blend';
/** The blend's weight on meaning (the rest is the lexical score relative to the best one). */
export const VECTOR_WEIGHT = 0.6;
/**
 * Cosines are scaled by the query's best one, but never by less than this: when nothing is close (a typo, a name the
 * model never saw) meaning stays a small voice instead of being stretched to full weight.
 */
export const COSINE_REFERENCE = 0.6;
/** Cosines at or below this say nothing (unrelated sentences of USE Lite score about 0.1-0.3): they count as zero. */
export const COSINE_FLOOR = 0.3;
/** A segment found only by meaning is shown when its best passage is at least this similar (calibrated on bench:quality). */
export const VECTOR_ONLY_MIN_COSINE = 0.6;
/** Segments the vector engine proposes per query. */
const VECTOR_CANDIDATES = 100;
/** Reciprocal-rank fusion's constant (the usual 60). */
const RRF_K = 60;
/** Lexical-score units a blend of 1 is worth when nothing matched lexically (so thresholds on scores keep a meaning). */
const SCALE_WITHOUT_LEXICAL = 100;

/** A stored question this similar to the query lends its editorial answers that similarity (as lexical search lends support). */
export const QUESTION_SUPPORT_MIN_COSINE = 0.8;
/** ...less a little for each lower-ranked citation. */
const QUESTION_SUPPORT_RANK_STEP = 0.03;

/** A query's vector and the engine to compare it with; absent while the encoder loads or no vectors exist. */
export interface QueryVector {
	vectors: VectorIndex;
	model: string;
	vector: Float32Array;
	/** Stored questions near the query by meaning, with their cosine. */
	questions?: ReadonlyMap<number, number>;
}

/** A question's links, as the search index holds them. */
type LinksOf = (questionId: number) => readonly { segmentId: number; rank: number; origin: string }[] | undefined;

/** Where a hit came from. */
export type Via = 'lexical' | 'vector' | 'both';

export interface Moment {
	startSeconds: number;
	endSeconds: number;
	text: string;
}

export interface HybridHit extends Hit {
	via: Via;
	/** The best passage's cosine (null when the segment has no vectors of the query's model). */
	cosine: number | null;
	/** The run of sentences that answers best, when the segment has sentence vectors. */
	sentence: Moment | null;
}


/**
 * Fuses lexical hits (best first) with the vector engine's, for segments that `accept` lets through. Without a
 * query vector the lexical hits come back as they were.
 */
export function fuseHits(
	lexical: Hit[],
	query: QueryVector | null,
	accept: (segmentId: number) => boolean,
	{
		method = FUSION,
		weight = VECTOR_WEIGHT,
		links,
		excludeQuestionId
	}: { method?: FusionMethod; weight?: number; links?: LinksOf; excludeQuestionId?: number } = {}
): HybridHit[] {
	if (!query) return lexical.map((h) => ({ ...h, via: 'lexical', cosine: null, sentence: null }));
	const { vectors, model, vector } = query;
	const found = vectors.search(vector, model, { limit: VECTOR_CANDIDATES, accept });
	// Lexical hits the vector scan did not rank still get their own cosine, so a blend compares like with like.
	const byMeaning = new Map<number, VectorHit>(found.map((h) => [h.segmentId, h]));
	const missing = lexical.slice(0, VECTOR_CANDIDATES).map((h) => h.id).filter((id) => !byMeaning.has(id));
	for (const [id, hit] of vectors.scoreSegments(vector, model, missing)) byMeaning.set(id, hit);
	// Stored questions that mean what the query means vouch for the segments their editors cited.
	for (const [questionId, cosine] of query.questions ?? []) {
		if (questionId === excludeQuestionId || !links) continue;
		for (const link of links(questionId) ?? []) {
			if (link.origin !== 'editorial' || !accept(link.segmentId)) continue;
			const support = cosine - QUESTION_SUPPORT_RANK_STEP * (link.rank - 1);
			const known = byMeaning.get(link.segmentId);
			if (!known) {
				const passage = vectors.scoreSegments(vector, model, [link.segmentId]).get(link.segmentId)?.passage;
				if (passage) byMeaning.set(link.segmentId, { segmentId: link.segmentId, score: support, passage });
			} else if (support > known.score) byMeaning.set(link.segmentId, { ...known, score: support });
		}
	}

	// Both scores relative to the query's best: a cosine's scale depends on the query's wording as a BM25 score does.
	const topCosine = Math.max(COSINE_REFERENCE, ...[...byMeaning.values()].map((h) => h.score));
	const calibrated = (cosine: number) => Math.max(0, (cosine - COSINE_FLOOR) / (topCosine - COSINE_FLOOR));
	const topLexical = lexical[0]?.score ?? 0;
	const scale = topLexical > 0 ? topLexical : SCALE_WITHOUT_LEXICAL;
	const vectorRank = new Map([...byMeaning.values()].filter((h) => h.score >= COSINE_FLOOR).sort((a, b) => b.score - a.score).map((h, i) => [h.segmentId, i + 1]));
	const fused = new Map<number, HybridHit>();
	lexical.forEach((hit, i) => {
		const meaning = byMeaning.get(hit.id);
		const cosine = meaning?.score ?? null;
		const score =
			method === 'rrf'
				? scale * 30 * (1 / (RRF_K + i + 1) + (vectorRank.has(hit.id) ? 1 / (RRF_K + vectorRank.get(hit.id)!) : 0))
				: cosine === null
					? hit.score // no vectors for this segment (yet): its lexical score as it was
					: scale * ((1 - weight) * (hit.score / scale) + weight * calibrated(cosine));
		fused.set(hit.id, { ...hit, score, via: cosine !== null && cosine >= VECTOR_ONLY_MIN_COSINE ? 'both' : 'lexical', cosine, sentence: null });
	});
	for (const hit of byMeaning.values()) {
		if (fused.has(hit.segmentId) || hit.score < VECTOR_ONLY_MIN_COSINE) continue;
		const score = method === 'rrf' ? (scale * 30) / (RRF_K + vectorRank.get(hit.segmentId)!) : scale * weight * calibrated(hit.score);
		fused.set(hit.segmentId, { id: hit.segmentId, score, terms: new Set(), queryTermsMatched: 0, via: 'vector', cosine: hit.score, sentence: null });
	}
	return [...fused.values()].sort((a, b) => b.score - a.score || a.id - b.id);
}

/** The run of sentences in a segment that answers the query best (null without a query vector or sentence vectors). */
export function locateAnswer(query: QueryVector | null, segmentId: number): Moment | null {
	if (!query) return null;
	const best = query.vectors.bestSentence(query.vector, query.model, segmentId);
	return best ? { startSeconds: best.passage.startSeconds, endSeconds: best.passage.endSeconds, text: best.passage.text } : null;
}
