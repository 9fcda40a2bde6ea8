/**
 * Automatic question links: for a stored question, the best segments above a threshold, found with the ranking any
 * typed question gets on /search and /api/search: the lexical hits fused with the segments nearest by meaning
 * (hybrid.ts's fuseHits, with the same query vectors the search service uses). Each phrasing (the question and its
 * alternatives) is ranked on its own and a segment scores the mean over phrasings: one that answers every phrasing
 * beats one that happens to share a word with a single alternative (taking the best phrasing instead linked segments
 * on words like "hours" or "long"). Each link carries the run of sentences inside the segment that answers (its
 * start and end), so the question page plays the answer, not the whole segment.
 */
import { AUTO_LINK_MIN_RELATIVE, AUTO_LINK_MIN_SCORE, AUTO_LINKS_PER_QUESTION, AUTO_LINK_TOUCHED_QUESTIONS } from './config';
import { fuseHits, locateAnswer, VECTOR_ONLY_MIN_COSINE, type QueryVector } from './hybrid';
import { rankAnsweringSegments } from './ranking';
import type { MeaningEngine } from './engine';
import type { SearchIndex } from './search-index';
import { bestSentence } from './snippet';

/**
 * At most this many phrasings are ranked per question (its text first): merged questions collect alternatives, and
 * each phrasing costs a query encoding.
 */
const MAX_PHRASINGS = 4;
/**
 * A segment is linked when its words match as strongly as AUTO_LINK_MIN_SCORE asks, or its best passage means what a
 * phrasing means at least this much: the similarity above which /search shows a segment found by meaning alone.
 */
export const AUTO_LINK_MIN_COSINE = VECTOR_ONLY_MIN_COSINE;
/** Excerpts are cut at this many characters. */
const MAX_EXCERPT = 400;

export interface AutoLink {
	segmentId: number;
	score: number;
	/** A plain-text quote from the segment: the answering sentences, or around what matched. */
	excerpt: string;
	/** The answering sentences inside the segment (null: the segment has no sentence vectors; the whole segment). */
	startSeconds: number | null;
	endSeconds: number | null;
}

/**
 * Query vectors for phrasings: what links need of the meaning engine (absent or not ready: links are lexical). warmUp
 * resolves once the encoder is loaded (or known to be unavailable), so links never depend on timing.
 */
export type LinkVectors = Pick<MeaningEngine, 'warmUp' | 'queryVector'>;

/**
 * The automatic links a question should have now. Segments in `pinned` (its editorial links) are skipped: they are
 * already cited, and editorial links are never overwritten. Deterministic for given content and vectors: ties go
 * to the lower segment id.
 */
export async function computeAutoLinks(
	index: SearchIndex,
	questionId: number,
	pinned: ReadonlySet<number> = new Set(),
	vectors: LinkVectors | null = null
): Promise<AutoLink[]> {
	const question = index.questions.get(questionId);
	if (!question) return [];
	const phrasings = [question.text, ...question.alternatives].slice(0, MAX_PHRASINGS);
	if (vectors) await vectors.warmUp();
	const links = (id: number) => index.linksByQuestion.get(id);
	const totals = new Map<number, { score: number; lexical: number; cosine: number; terms: Set<string> }>();
	let mainVector: QueryVector | null = null;
	for (const [i, phrasing] of phrasings.entries()) {
		const lexical = rankAnsweringSegments(index, phrasing, { excludeQuestionId: questionId });
		const lexicalScore = new Map(lexical.map((h) => [h.id, h.score]));
		const vector = vectors ? await vectors.queryVector(phrasing) : null;
		if (i === 0) mainVector = vector;
		for (const hit of fuseHits(lexical, vector, () => true, { links, excludeQuestionId: questionId })) {
			const total = totals.get(hit.id) ?? totals.set(hit.id, { score: 0, lexical: 0, cosine: 0, terms: new Set() }).get(hit.id)!;
			total.score += hit.score / phrasings.length;
			total.lexical += (lexicalScore.get(hit.id) ?? 0) / phrasings.length;
			total.cosine = Math.max(total.cosine, hit.cosine ?? 0);
			for (const term of hit.terms) total.terms.add(term);
		}
	}
	const ranked = [...totals.entries()].sort(([a, x], [b, y]) => y.score - x.score || a - b);
	const top = ranked[0]?.[1].score ?? 0;
	const out: AutoLink[] = [];
	for (const [segmentId, { score, lexical, cosine, terms }] of ranked) {
		if (score < top * AUTO_LINK_MIN_RELATIVE || out.length >= AUTO_LINKS_PER_QUESTION) break;
		if (pinned.has(segmentId) || (lexical < AUTO_LINK_MIN_SCORE && cosine < AUTO_LINK_MIN_COSINE)) continue;
		const segment = index.segments.get(segmentId)!;
		const moment = locateAnswer(mainVector, segmentId);
		const excerpt = moment?.text ?? bestSentence(segment.text ?? segment.summary ?? segment.title, terms);
		out.push({
			segmentId,
			score: Math.round(score * 1000) / 1000,
			excerpt: excerpt.length > MAX_EXCERPT ? `${excerpt.slice(0, MAX_EXCERPT - 1).trimEnd()}…` : excerpt,
			// To a tenth of a second, rounded inwards, so the link stays inside the sentences it plays.
			startSeconds: moment ? Math.ceil(moment.startSeconds * 10 - 1e-6) / 10 : null,
			endSeconds: moment ? Math.floor(moment.endSeconds * 10 + 1e-6) / 10 : null
		});
	}
	return out;
}

/**
 * Questions whose automatic links a change to these segments may move: those linked to them now, and those whose
 * text is nearest to each segment's title and summary (a new segment may answer them better).
 */
export function questionsTouchedBySegments(index: SearchIndex, segmentIds: Iterable<number>): Set<number> {
	const touched = new Set<number>();
	for (const segmentId of segmentIds) {
		for (const questionId of index.questionsBySegment.get(segmentId) ?? []) touched.add(questionId);
		const segment = index.segments.get(segmentId);
		if (!segment) continue;
		const near = index.words.query({ text: `${segment.title} ${segment.summary ?? ''}`, kind: 'question', expand: false });
		for (const result of near.slice(0, AUTO_LINK_TOUCHED_QUESTIONS)) touched.add(result.ref.id);
	}
	return touched;
}

/** Whether a question is still in the index (it may have been deleted since a change was announced). */
export function isIndexedQuestion(index: SearchIndex, questionId: number): boolean {
	return index.words.has({ kind: 'question', id: questionId });
}
