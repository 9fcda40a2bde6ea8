/**
 * Ranking: one minisearch query over every kind of document, split into segment, question and person hits. The
 * segment ranking here is the one everything uses: the search page, the API, any question a listener types, and
 * the automatic question links.
 */
import { MAX_QUERY_LENGTH, QUESTION_SUPPORT_MIN_RELATIVE, QUESTION_SUPPORT_WEIGHT } from './config';
import type { EngineHit } from './engine';
import type { SearchIndex } from './search-index';
import { isEpisodeStandIn } from './content';
import { QueryEvidence } from './evidence';

/** Narrows results to one show and/or one person (ids already resolved from slugs). */
export interface SearchFilter {
	podcastId?: number;
	personId?: number;
}

export interface RankOptions extends SearchFilter {
	/** A question whose own editorial links must not vote for segments (when computing that question's links). */
	excludeQuestionId?: number;
}

export interface Hit {
	id: number;
	score: number;
	/** Index terms that matched (minisearch's `match` keys), for marking snippets. */
	terms: Set<string>;
	/** How many of the query's own terms this document matched (through typos and prefixes too). */
	queryTermsMatched: number;
	/** A segment hit's lexical evidence (evidence.ts), shared by the query's hits: hybrid.ts shows a hit only with enough. */
	evidence?: QueryEvidence;
}

export interface RankedHits {
	segments: Hit[];
	questions: Hit[];
	people: Hit[];
	/** What the query names and how rare its unseen words are, also when no segment matched a word (hybrid.ts's floor). */
	evidence?: QueryEvidence;
}

/** Cleans a query for searching: trimmed, and cut at MAX_QUERY_LENGTH characters. */
export function normalizeQuery(query: string): string {
	return query.trim().slice(0, MAX_QUERY_LENGTH);
}

/** Runs the query once and sorts the hits by kind. */
function runQuery(index: SearchIndex, query: string): { segments: Map<number, Hit>; questions: Hit[]; people: Hit[] } {
	const results = index.words.query({ text: normalizeQuery(query) });
	const segments = new Map<number, Hit>();
	const questions: Hit[] = [];
	const people: Hit[] = [];
	for (const result of results) {
		const { kind, id } = result.ref;
		const hit = toHit(id, result);
		if (kind === 'segment') segments.set(id, hit);
		else if (kind === 'question') questions.push(hit);
		else people.push(hit);
	}
	return { segments, questions, people };
}

function toHit(id: number, result: EngineHit): Hit {
	return { id, score: result.score, terms: new Set(result.terms), queryTermsMatched: result.queryTermsMatched };
}

/** Whether a segment belongs to the filtered show and features the filtered person. */
export function segmentPasses(index: SearchIndex, segmentId: number, filter: SearchFilter): boolean {
	if (filter.podcastId === undefined && filter.personId === undefined) return true;
	const segment = index.segments.get(segmentId);
	const episode = segment && index.episodes.get(segment.episodeId);
	if (!episode) return false;
	if (filter.podcastId !== undefined && episode.podcastId !== filter.podcastId) return false;
	return filter.personId === undefined || episode.people.some((p) => p.personId === filter.personId);
}

/** A question passes a filter when one of its answering segments does. */
export function questionPasses(index: SearchIndex, questionId: number, filter: SearchFilter): boolean {
	if (filter.podcastId === undefined && filter.personId === undefined) return true;
	return (index.linksByQuestion.get(questionId) ?? []).some((l) => segmentPasses(index, l.segmentId, filter));
}

/** A person passes when they are the filtered person and appear on the filtered show. */
function personPasses(index: SearchIndex, personId: number, filter: SearchFilter): boolean {
	if (filter.personId !== undefined && personId !== filter.personId) return false;
	if (filter.podcastId === undefined) return true;
	for (const episode of index.episodes.values()) {
		if (episode.podcastId === filter.podcastId && episode.people.some((p) => p.personId === personId)) return true;
	}
	return false;
}

/**
 * Ranks everything for a query. Segment scores are their own match plus support from stored questions that match
 * the query: each lends its editorial segments a share of its score (less for lower-ranked citations).
 */
export function rankAll(index: SearchIndex, query: string, options: RankOptions = {}): RankedHits {
	const { segments, questions, people } = runQuery(index, query);
	const evidence = new QueryEvidence(index, normalizeQuery(query));
	for (const hit of segments.values()) hit.evidence = evidence;
	const supporters = questions.filter((q) => q.id !== options.excludeQuestionId);
	const best = supporters[0]?.score ?? 0;
	for (const question of supporters) {
		if (question.score < best * QUESTION_SUPPORT_MIN_RELATIVE) break; // sorted by score
		for (const link of index.linksByQuestion.get(question.id) ?? []) {
			if (link.origin !== 'editorial' || !index.segments.has(link.segmentId)) continue;
			const support = (QUESTION_SUPPORT_WEIGHT * question.score) / link.rank;
			const hit = segments.get(link.segmentId);
			if (hit) hit.score += support;
			else segments.set(link.segmentId, { id: link.segmentId, score: support, terms: new Set(), queryTermsMatched: 0 });
		}
	}
	const byScore = (a: Hit, b: Hit) => b.score - a.score || a.id - b.id;
	return {
		segments: [...segments.values()].filter((h) => segmentPasses(index, h.id, options)).sort(byScore),
		questions: questions.filter((h) => questionPasses(index, h.id, options)).sort(byScore),
		people: people.filter((h) => personPasses(index, h.id, options)).sort(byScore),
		evidence
	};
}

/** The segments that answer a question, best first: the ranking automatic links are made from. */
export function rankAnsweringSegments(index: SearchIndex, question: string, options: RankOptions = {}): Hit[] {
	// An episode's stand-in (content.ts) is for finding the episode, not a segment a question can link to.
	return rankAll(index, question, options).segments.filter((h) => !isEpisodeStandIn(h.id));
}
