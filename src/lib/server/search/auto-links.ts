/**
 * Automatic question links: for a stored question, the best segments above a score threshold, found with the same
 * ranking any typed question gets. Each phrasing (the question and its alternatives) is ranked on its own and a
 * segment scores the mean over phrasings: one that answers every phrasing beats one that happens to share a word
 * with a single alternative (taking the best phrasing instead linked segments on words like "hours" or "long").
 */
import { AUTO_LINK_MIN_RELATIVE, AUTO_LINK_MIN_SCORE, AUTO_LINKS_PER_QUESTION, AUTO_LINK_TOUCHED_QUESTIONS } from './config';
import { plannedSearch } from './query-plan';
import { rankAnsweringSegments } from './ranking';
import { docId, parseDocId, type SearchIndex } from './search-index';
import { bestSentence } from './snippet';

export interface AutoLink {
	segmentId: number;
	score: number;
	/** A plain-text quote from the segment around what matched. */
	excerpt: string;
}

/**
 * The automatic links a question should have now. Segments in `pinned` (its editorial links) are skipped: they are
 * already cited, and editorial links are never overwritten.
 */
export function computeAutoLinks(index: SearchIndex, questionId: number, pinned: ReadonlySet<number> = new Set()): AutoLink[] {
	const question = index.questions.get(questionId);
	if (!question) return [];
	const phrasings = [question.text, ...question.alternatives];
	const totals = new Map<number, { score: number; terms: Set<string> }>();
	for (const phrasing of phrasings) {
		for (const hit of rankAnsweringSegments(index, phrasing, { excludeQuestionId: questionId })) {
			const total = totals.get(hit.id);
			if (!total) totals.set(hit.id, { score: hit.score / phrasings.length, terms: hit.terms });
			else {
				total.score += hit.score / phrasings.length;
				for (const term of hit.terms) total.terms.add(term);
			}
		}
	}
	const ranked = [...totals.entries()].sort(([a, x], [b, y]) => y.score - x.score || a - b);
	const top = ranked[0]?.[1].score ?? 0;
	const floor = Math.max(AUTO_LINK_MIN_SCORE, top * AUTO_LINK_MIN_RELATIVE);
	const links: AutoLink[] = [];
	for (const [segmentId, { score, terms }] of ranked) {
		if (score < floor || links.length >= AUTO_LINKS_PER_QUESTION) break;
		if (pinned.has(segmentId)) continue;
		const segment = index.segments.get(segmentId)!;
		const excerpt = bestSentence(segment.text ?? segment.summary ?? segment.title, terms);
		links.push({ segmentId, score: Math.round(score * 1000) / 1000, excerpt });
	}
	return links;
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
		const near = plannedSearch(index, `${segment.title} ${segment.summary ?? ''}`, { kind: 'question', expand: false });
		for (const result of near.slice(0, AUTO_LINK_TOUCHED_QUESTIONS)) touched.add(parseDocId(result.id as string).id);
	}
	return touched;
}

/** Whether a question is still in the index (it may have been deleted since a change was announced). */
export function isIndexedQuestion(index: SearchIndex, questionId: number): boolean {
	return index.miniSearch.has(docId('question', questionId));
}
