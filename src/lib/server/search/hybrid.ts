/**
 * Hybrid ranking: the lexical hits (ranking.ts) and the segments nearest the query by meaning (the vector engine),
 * fused into one list. A segment found both ways is marked 'both'. Each hit also carries the run of sentences that
 * answers it best, so its link starts where the answer is said.
 *
 * Honesty (issue 12 point 4, issue 14 point 5): a neighbour is not an answer. A fused hit is shown only when its
 * evidence clears a calibrated floor (FLOOR), so a query about nothing the podcasts discuss finds nothing:
 * - found by meaning alone: its best passage's cosine at least FLOOR.vectorOnly;
 * - found by words, with a cosine: cosine + 0.9 x lexical evidence (evidence.ts: the share of the query's idf weight
 *   one passage of the segment covers) at least FLOOR.combined. Neither alone separates answers from near misses
 *   (answers' cosines run 0.4-0.8 and near misses' to 0.6; a question about mortgages matches "rate", "two" and
 *   "years" in a tech show), their sum does far better;
 * - for a hit found by words, the cosine counts for less by 0.1 x the share of the query's words the index has never
 *   seen, even as a typo ("treadmill", "lavalier", "cholesterol"): what such a query is about is said nowhere here, so
 *   a passage that shares its other words ("running", "recording") is not its answer. Not for a hit found by meaning
 *   alone: it shares no word with the query anyway, and a paraphrase in a small show's index is all unknown words;
 * - a query with a word the index has never seen that is rare in English (word-rarity.ts: below
 *   FLOOR.unsaidWordLogProbability, a term of art or a name: "creatine", "cholesterol", "treadmill", "kubernetes")
 *   names something nothing here says: any hit with a cosine, found by words or by meaning, then needs a cosine of
 *   at least FLOOR.unsaidWordCosine. An everyday word the speakers happen not to use ("factories", "scared") is a
 *   listener's own wording, and is left to the rules above;
 * - a name typed as a name, two or more capitalised words ("Giant Bomb", "New York Times"), must be said in that order
 *   in the segment (its titles included), or the hit is not shown, however it was found: a show that says "giant"
 *   and "bomb" apart, or talks of "new" podcasts and "times", is not about it;
 * - a query word the index has never seen, even as a typo, must be spoken of by a hit whose cosine is under
 *   FLOOR.unseenConceptCosine: the segment says one of the word's neighbours in meaning (word-neighbours.ts:
 *   "manufacturing" for "factories", "family" for "household"), or it is not shown. A question about a baby's sleep
 *   shares "sleep" and "night" with a running show that never speaks of babies, children or infants; one about
 *   foam rolling, swimming or a garmin watch shares "run" and "before". Single-word vectors are noisy, so the
 *   neighbours are only asked of words nothing here says, and a hit as near as FLOOR.unseenConceptCosine is left to
 *   the rules above when it matched an uncommon query word (see below);
 * - and under FLOOR.unseenNearCosine, the neighbour must be a specific word (said in few documents: not "way" or
 *   "up", which the encoder puts near any word it does not know) said near where the hit's answer is: within
 *   UNSEEN_NEAR_WORDS words of the run of sentences its link starts at (evidence.ts addressesUnseenNear). A tech show
 *   that says "broker" and "fees" minutes away from where a hit answers does not answer a question about an LLC.
 *   There the hit must also have matched a query word that is uncommon here (FLOOR.unseenMatchShare): a running
 *   show that matched only "walk" and "without" does not answer how to train a dog to walk without pulling on the leash;
 * - a hit as near as FLOOR.unseenConceptCosine is waived from speaking of the unseen words only when it matched such an
 *   uncommon word; found by meaning alone or by common words, it is asked as a hit under it (a neighbour of each in
 *   the segment): a tech show's talk of a PC power supply at 0.68, matching only "gaming", does not answer whether a
 *   cooling pad stops a laptop overheating;
 * - a one-word query is a topic ("dating", "boxing", "camping"): a hit under FLOOR.typedWordCosine must say the word
 *   as typed (or in the other number, or a synonym), not only another word of its stem (evidence.ts saysTypedWord;
 *   a typo or a half-typed word is not asked): a tech show's end-of-life dates do not answer "dating", nor Bandcamp
 *   "camping";
 * - found by words, without vectors (encoder loading, segment not yet embedded): evidence at least FLOOR.lexical.
 * The floors were calibrated with bench:quality on the even half of the real judged questions, the demo's judged
 * queries and the unanswerable questions (bench/judged/unanswerable.ts), maximising answers kept in the first three
 * plus unanswerable questions left with no moment, and checked on the odd half (figures in the README). This is
 * the one ranking /search, /api/search, the answer page and automatic question links use.
 */
import type { VectorHit } from '../vectors';
import type { PassageVectors } from './engine';
import type { Hit } from './ranking';
import type { QueryEvidence, UnseenWords } from './evidence';

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
/** What a fused hit needs to be shown (see the top of this file); bench:quality sweeps them on its calibration half. */
export interface Floor {
	/** A hit's cosine (less the unknown-word penalty, for a hit found by words) that shows it on meaning alone. */
	vectorOnly: number;
	/** What cosine + evidenceWeight x evidence - unknownPenalty x unknown share must reach otherwise (hits found by words). */
	combined: number;
	/** Evidence needed without a cosine (words alone). */
	lexical: number;
	/** How much a share of the query's weight said in one passage counts beside a cosine. */
	evidenceWeight: number;
	/** How much is taken off a hit's cosine for the share of the query's words the index has never seen. */
	unknownPenalty: number;
	/** A word the index never saw, rarer in English than this log-probability (word-rarity.ts), names what nothing here says... */
	unsaidWordLogProbability: number;
	/** ...and then a hit needs at least this cosine, however it was found. */
	unsaidWordCosine: number;
	/**
	 * Under this cosine, a hit must say a neighbour in meaning of each query word the index never saw; from it, only a
	 * hit that matched no uncommon query word (unseenMatchShare) must (0: none of the unseen-word rules is asked).
	 */
	unseenConceptCosine: number;
	/** ...and under this one, a specific neighbour of each, near where its answer is said (evidence.ts addressesUnseenNear; 0: never asked). */
	unseenNearCosine: number;
	/**
	 * ...and there the hit must also have matched a query word whose postings are at most this share of the documents
	 * (evidence.ts saysUncommonWord; Infinity: never asked, here or above unseenConceptCosine). Calibrated with
	 * bench/honesty-rules-2.ts: the calibration half ties from 0.102 (an answer that matched such a word) to 0.153 (a
	 * near miss that matched "walk"); the middle. The same share decides whether a hit from unseenConceptCosine is
	 * waived (bench/honesty-rules-3.ts: held-out and fresh sets keep every answer from 0.01 to 0.15).
	 */
	unseenMatchShare: number;
	/**
	 * Under this cosine, a hit for a one-word query must say the word as typed, in the other number or as a synonym
	 * (evidence.ts saysTypedWord: not asked of a typo or a half-typed word; 0: never asked). FLOOR.vectorOnly: a hit whose cosine alone would show it is not
	 * asked. bench/honesty-rules-4.ts: every ceiling from 0.45 up gives the same outcome on every set.
	 */
	typedWordCosine: number;
}
export const FLOOR: Floor = {
	vectorOnly: 0.6,
	combined: 0.65,
	lexical: 0.32,
	evidenceWeight: 0.9,
	unknownPenalty: 0.1,
	unsaidWordLogProbability: -26,
	unsaidWordCosine: 0.62,
	unseenConceptCosine: 0.65,
	unseenNearCosine: 0.6,
	unseenMatchShare: 0.125,
	typedWordCosine: 0.6
};
/** A segment found only by meaning is shown when its best passage is at least this similar. */
export const VECTOR_ONLY_MIN_COSINE = FLOOR.vectorOnly;
/**
 * Hits whose evidence is weighed, best first; those after are not shown. Evidence reads a segment's transcript, and
 * no page shows more than MAX_RESULT_LIMIT (50) moments: a common word matching thousands of segments costs no more.
 */
export const FLOOR_EXAMINED = 200;
/** ...and once this many are shown, the rest are left out unweighed: enough for the largest page and its episodes. */
export const FLOOR_SHOWN_ENOUGH = 60;
/** Without a floor (bench:quality's comparison, its calibration's sweep), vector-only hits from this cosine, as before it. */
const UNFLOORED_VECTOR_ONLY = 0.6;
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
	vectors: PassageVectors;
	model: string;
	vector: Float32Array;
	/** Stored questions near the query by meaning, with their cosine. */
	questions?: ReadonlyMap<number, number>;
	/** Each query word the index never saw, with its neighbours in meaning as lower-case words (word-neighbours.ts). */
	neighbours?: ReadonlyMap<string, ReadonlySet<string>>;
	/**
	 * Instead of `neighbours`: those words with their neighbours worked out only as the evidence floor asks, for a hit
	 * under FLOOR.unseenConceptCosine (or from it, one that matched no uncommon query word) that the other rules would
	 * show; a word that must be encoded first is encoded then (fuseHitsSettled).
	 */
	unseen?: UnseenWords;
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

/** How fuseHits fuses (bench:quality compares methods and floors). */
export interface FuseOptions {
	method?: FusionMethod;
	weight?: number;
	links?: LinksOf;
	excludeQuestionId?: number;
	floor?: Floor | null;
	evidence?: QueryEvidence;
}

/**
 * Fuses lexical hits (best first) with the vector engine's, for segments that `accept` lets through. Without a
 * query vector the lexical hits come back as they were. A query vector's `unseen` words are not weighed here (every
 * hit speaks of them, as before their neighbours are known): fuseHitsSettled weighs them, or withNeighbours first.
 */
export function fuseHits(lexical: Hit[], query: QueryVector | null, accept: (segmentId: number) => boolean, options: FuseOptions = {}): HybridHit[] {
	const floor = options.floor === undefined ? FLOOR : options.floor;
	if (!query) return lexicalOnly(lexical, floor);
	return shown(fuseAll(lexical, query, accept, options), floor);
}

/**
 * fuseHits, with the query's unseen words (QueryVector.unseen) encoded only when the floor asks for their neighbours:
 * the hits are fused once, the floor is run until it asks for a word it must wait for, that word is encoded, and the
 * floor is run again, until it asks for none. The same hits as fuseHits given every neighbour at once.
 */
export async function fuseHitsSettled(lexical: Hit[], query: QueryVector | null, accept: (segmentId: number) => boolean, options: FuseOptions = {}): Promise<HybridHit[]> {
	const floor = options.floor === undefined ? FLOOR : options.floor;
	const evidence = options.evidence ?? lexical[0]?.evidence;
	if (!query) return lexicalOnly(lexical, floor);
	const fused = fuseAll(lexical, query, accept, options);
	const unseen = query.unseen;
	if (!unseen || !floor || !evidence) return shown(fused, floor);
	evidence.useUnseen(unseen);
	const encoded = new Set<string>();
	for (;;) {
		evidence.neighboursWanted = null;
		const hits = shown(fused, floor, () => evidence.neighboursWanted !== null);
		const word = evidence.neighboursWanted;
		if (word === null) return hits;
		if (encoded.has(word)) throw new Error(`search: the neighbours of "${word}" are still wanted after encoding it`);
		encoded.add(word);
		await unseen.encode(word);
	}
}

/** The query vector with every unseen word's neighbours known (encoded now where needed): for callers that fuse with fuseHits. */
export async function withNeighbours(query: QueryVector | null): Promise<QueryVector | null> {
	if (!query?.unseen) return query;
	const { unseen, ...known } = query;
	const neighbours = new Map<string, ReadonlySet<string>>();
	for (const word of unseen.words) {
		if (unseen.neighboursOf(word) === undefined) await unseen.encode(word);
		neighbours.set(word, unseen.neighboursOf(word)!);
	}
	return { ...known, neighbours };
}

/** Lexical hits alone (no query vector) through the floor. Only the hits shown are made hybrid hits: a common word has thousands of lexical hits. */
function lexicalOnly(lexical: Hit[], floor: Floor | null): HybridHit[] {
	return shown(lexical, floor).map((h) => ({ ...h, via: 'lexical', cosine: null, sentence: null }));
}

/** Every fused hit, best first, before the floor. */
function fuseAll(
	lexical: Hit[],
	query: QueryVector,
	accept: (segmentId: number) => boolean,
	{ method = FUSION, weight = VECTOR_WEIGHT, links, excludeQuestionId, floor = FLOOR, evidence = lexical[0]?.evidence }: FuseOptions
): HybridHit[] {
	const { vectors, model, vector } = query;
	evidence?.useNeighbours(query.neighbours, (id) => vectors.bestSentence(vector, model, id)?.passage.text ?? null);
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
	// A hit without a cosine keeps its lexical place (its score falls with its rank, either method), so past the first
	// FLOOR_EXAMINED of those none can be examined: a common word's thousands of lexical hits are not all fused.
	let withoutCosine = 0;
	lexical.forEach((hit, i) => {
		const meaning = byMeaning.get(hit.id);
		if (!meaning && floor && ++withoutCosine > FLOOR_EXAMINED) return;
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
		if (fused.has(hit.segmentId) || hit.score < (floor?.vectorOnly ?? UNFLOORED_VECTOR_ONLY)) continue;
		const score = method === 'rrf' ? (scale * 30) / (RRF_K + vectorRank.get(hit.segmentId)!) : scale * weight * calibrated(hit.score);
		// The query's evidence goes along, also when no segment matched a word: the floor reads what the query names from it.
		fused.set(hit.segmentId, { id: hit.segmentId, score, terms: new Set(), queryTermsMatched: 0, evidence, via: 'vector', cosine: hit.score, sentence: null });
	}
	return [...fused.values()].sort((a, b) => b.score - a.score || a.id - b.id);
}

/** A hit as the floor sees it: a lexical hit not fused with meaning has no `via` or `cosine` yet. */
type FloorHit = Hit & Partial<Pick<HybridHit, 'via' | 'cosine'>>;

/** Whether a fused hit has the evidence to be shown (see the top of this file). */
export function clearsFloor(hit: FloorHit, floor: Floor = FLOOR): boolean {
	if (!clearsBeforeTypedWord(hit, floor)) return false;
	// Last, as it reads the segment's text: only for a hit the other rules would show.
	return !hit.evidence || (hit.cosine ?? 0) >= floor.typedWordCosine || hit.evidence.saysTypedWord(hit.id);
}

/** Every rule of the floor but the one-word rule (FLOOR.typedWordCosine). */
function clearsBeforeTypedWord(hit: FloorHit, floor: Floor): boolean {
	if (hit.evidence && !hit.evidence.saysNames(hit.id)) return false;
	const cosine = hit.cosine ?? null;
	if (cosine === null) return hit.evidence ? hit.evidence.reaches(hit.id, hit.terms, floor.lexical) : floor.lexical <= 0;
	if ((hit.evidence?.rarestUnsaid ?? 0) < floor.unsaidWordLogProbability && cosine < floor.unsaidWordCosine) return false;
	// Last, as it reads the segment's words: only for a hit the other rules would show. From
	// FLOOR.unseenConceptCosine a hit need not speak of the unseen words if it matched an uncommon query word; one
	// that matched none (found by meaning alone, or by words everything here says) is asked as under it.
	const speaksOfUnseen = () => {
		if (!hit.evidence || floor.unseenConceptCosine <= 0) return true;
		const uncommon = () => hit.evidence!.saysUncommonWord(hit.terms, floor.unseenMatchShare);
		if (cosine >= floor.unseenConceptCosine && uncommon()) return true;
		return hit.evidence.addressesUnseen(hit.id) && (cosine >= floor.unseenNearCosine || (uncommon() && hit.evidence.addressesUnseenNear(hit.id)));
	};
	// A hit found by meaning alone shares no word with the query, so words the index never saw say nothing against it
	// (a paraphrase in the listener's own words, in a show whose vocabulary is small, is all such words).
	if (hit.via === 'vector') return cosine >= floor.vectorOnly && speaksOfUnseen();
	const meaning = cosine - floor.unknownPenalty * (hit.evidence?.unknownShare ?? 0);
	if (meaning >= floor.vectorOnly) return speaksOfUnseen();
	// Evidence reads the segment's transcript: only worked out when the cosine alone does not decide.
	const needed = (floor.combined - meaning) / floor.evidenceWeight;
	return (hit.evidence ? hit.evidence.reaches(hit.id, hit.terms, needed) : needed <= 0) && speaksOfUnseen();
}

/**
 * The hits that clear the floor, best first, from the first FLOOR_EXAMINED, at most FLOOR_SHOWN_ENOUGH (all with
 * `floor` null); `stop`, asked after each hit weighed, ends it early (fuseHitsSettled's first run).
 */
function shown<T extends FloorHit>(hits: T[], floor: Floor | null, stop?: () => boolean): T[] {
	if (!floor) return hits;
	const out: T[] = [];
	for (let i = 0; i < hits.length && i < FLOOR_EXAMINED && out.length < FLOOR_SHOWN_ENOUGH; i++) {
		if (clearsFloor(hits[i]!, floor)) out.push(hits[i]!);
		if (stop?.()) break;
	}
	return out;
}

/** The run of sentences in a segment that answers the query best (null without a query vector or sentence vectors). */
export function locateAnswer(query: QueryVector | null, segmentId: number): Moment | null {
	if (!query) return null;
	const best = query.vectors.bestSentence(query.vector, query.model, segmentId);
	return best ? { startSeconds: best.passage.startSeconds, endSeconds: best.passage.endSeconds, text: best.passage.text } : null;
}
