/**
 * Turns ranked hits into search results: every hit a place with its deep link, snippet and context. This is what
 * /search renders and /api/search returns (shape in src/lib/search-results.ts).
 */
import type {
	EpisodeResult,
	PersonResult,
	QuestionLink,
	QuestionResult,
	SearchResults,
	SegmentResult
} from '../../search-results';
import { timeParamValue } from '../../timestamp';
import { DEFAULT_RESULT_LIMIT, SUGGESTION_LIMIT } from './config';
import { QueryEvidence } from './evidence';
import { FLOOR, fuseHits, locateAnswer, type HybridHit, type Moment, type QueryVector } from './hybrid';
import { normalizeQuery, questionPasses, rankAll, segmentPasses, type Hit, type RankedHits, type SearchFilter } from './ranking';
import type { SegmentRecord } from './content';
import { findRelatedQuestions } from './related';
import type { SearchIndex } from './search-index';
import { buildSnippet } from './snippet';
import { queryTerms } from './terms';

/** A segment's deep link: the episode page, started at the segment. */
export function segmentUrl(showSlug: string, episodeSlug: string, startSeconds: number): string {
	return `/podcasts/${showSlug}/${episodeSlug}?t=${timeParamValue({ start: startSeconds, end: null })}`;
}

/**
 * Snippets of segments' own text already made for one answer, by segment id: a segment shown as a result is often
 * its episode's best one too, and a snippet reads the whole transcript.
 */
export type SnippetMemo = Map<number, { terms: ReadonlySet<string>; html: string }>;

function segmentSnippet(segment: SegmentRecord, terms: ReadonlySet<string>, memo: SnippetMemo | undefined): string {
	const known = memo?.get(segment.id);
	if (known?.terms === terms) return known.html;
	const html = buildSnippet(segment.text || segment.summary || segment.title, terms);
	memo?.set(segment.id, { terms, html });
	return html;
}

/**
 * A segment as a result; `terms` are the index terms to mark in its snippet. With an `answer` (the sentences that
 * answer the query, found by meaning) the link starts where they are said and the snippet quotes them.
 */
export function toSegmentResult(
	index: SearchIndex,
	segmentId: number,
	score: number,
	terms: ReadonlySet<string>,
	answer: { sentence: Moment | null; via: HybridHit['via'] } | null = null,
	snippets?: SnippetMemo
): SegmentResult | null {
	const segment = index.segments.get(segmentId);
	const episode = segment && index.episodes.get(segment.episodeId);
	const show = episode && index.shows.get(episode.podcastId);
	if (!segment || !episode || !show) return null;
	const sentence = answer?.sentence ?? null;
	// The answer's own start, kept inside the segment (a run's start is never before it, but rounding could be).
	const start = sentence ? Math.min(Math.max(sentence.startSeconds, segment.startSeconds), segment.endSeconds) : segment.startSeconds;
	return {
		id: segment.id,
		title: segment.title,
		summary: segment.summary,
		startSeconds: segment.startSeconds,
		endSeconds: segment.endSeconds,
		url: segmentUrl(show.slug, episode.slug, start),
		at: start,
		score: round(score),
		snippetHtml: answer?.via === 'vector' && sentence ? buildSnippet(sentence.text, terms) : segmentSnippet(segment, terms, snippets),
		...(answer ? { via: answer.via, moment: sentence } : {}),
		episode: {
			slug: episode.slug,
			title: episode.title,
			url: `/podcasts/${show.slug}/${episode.slug}`,
			durationSeconds: episode.durationSeconds,
			audioUrl: episode.audioUrl
		},
		show: { slug: show.slug, title: show.title, url: `/podcasts/${show.slug}` },
		people: episode.people.flatMap((p) => {
			const person = index.people.get(p.personId);
			return person ? [{ slug: person.slug, name: person.name, role: p.role }] : [];
		}),
		episodeSegmentStarts: (index.segmentsByEpisode.get(episode.id) ?? []).map((id) => index.segments.get(id)?.startSeconds ?? 0)
	};
}

/** A stored question as a plain link. */
export function toQuestionLink(index: SearchIndex, questionId: number): QuestionLink | null {
	const question = index.questions.get(questionId);
	return question ? { slug: question.slug, text: question.text, url: `/questions/${question.slug}` } : null;
}

/** `segmentScores`: each segment's score for the same query, so a question's best segment shows its own score. */
function toQuestionResult(
	index: SearchIndex,
	hit: Hit,
	filter: SearchFilter,
	segmentScores: Map<number, Hit>,
	snippets: SnippetMemo
): QuestionResult | null {
	const link = toQuestionLink(index, hit.id);
	if (!link) return null;
	// Its first citation that passes the filters: with ?show=..., the answer from that show.
	const best = (index.linksByQuestion.get(hit.id) ?? []).find((l) => segmentPasses(index, l.segmentId, filter));
	const segmentHit = best && segmentScores.get(best.segmentId);
	return {
		...link,
		score: round(hit.score),
		textHtml: buildSnippet(link.text, hit.terms, Number.MAX_SAFE_INTEGER),
		bestSegment: best ? toSegmentResult(index, best.segmentId, segmentHit?.score ?? 0, segmentHit?.terms ?? hit.terms, null, snippets) : null
	};
}

/**
 * Episodes ranked by their segments: the best segment's score plus a little for each other matching one. Only the
 * episodes shown get a result built (with a snippet): a common word can match tens of thousands of segments.
 */
function toEpisodeResults(index: SearchIndex, hits: Hit[], limit: number, snippets: SnippetMemo): EpisodeResult[] {
	const byEpisode = new Map<number, { best: Hit; score: number; matchingSegments: number; url: string }>();
	for (const hit of hits) {
		const episode = index.episodes.get(index.segments.get(hit.id)?.episodeId ?? -1);
		const show = episode && index.shows.get(episode.podcastId);
		if (!episode || !show) continue;
		const known = byEpisode.get(episode.id);
		// Hits arrive best first: the first is the episode's best, the rest add a little.
		if (known) {
			known.matchingSegments++;
			known.score = round(known.score + round(hit.score) * 0.1);
		} else {
			byEpisode.set(episode.id, { best: hit, score: round(hit.score), matchingSegments: 1, url: `/podcasts/${show.slug}/${episode.slug}` });
		}
	}
	return [...byEpisode.values()]
		.sort((a, b) => b.score - a.score || a.url.localeCompare(b.url))
		.slice(0, limit)
		.flatMap(({ best, score, matchingSegments }) => {
			const segment = toSegmentResult(index, best.id, best.score, best.terms, null, snippets);
			if (!segment) return [];
			const { slug, title, url } = segment.episode;
			return [{ slug, title, url, score, show: segment.show, matchingSegments, bestSegment: segment }];
		});
}

function toPersonResult(index: SearchIndex, hit: Hit): PersonResult | null {
	const person = index.people.get(hit.id);
	if (!person) return null;
	return { slug: person.slug, name: person.name, credentials: person.credentials, url: `/people/${person.slug}`, score: round(hit.score) };
}

export interface SearchRequest {
	query: string;
	filter?: SearchFilter;
	/** Filters as slugs, echoed back in the results. */
	filterSlugs?: { show: string | null; person: string | null };
	limit?: number;
}

/** Featured questions first, then the rest, by id: for a blank query or a query nothing matched. */
export function listFeatured(index: SearchIndex, limit = SUGGESTION_LIMIT): QuestionLink[] {
	return [...index.questions.values()]
		.sort((a, b) => Number(b.featured) - Number(a.featured) || a.id - b.id)
		.slice(0, limit)
		.flatMap((q) => toQuestionLink(index, q.id) ?? []);
}

/**
 * Stored questions a half-typed query may be heading for. These are minisearch's autoSuggest options (every term
 * must match, the last one as a prefix, typos allowed) run over question documents: autoSuggest itself returns
 * strings of matched index terms, which here are stems ("sleep runner need"), not something to show a listener.
 */
export function suggestQuestions(index: SearchIndex, query: string, filter: SearchFilter = {}, limit = SUGGESTION_LIMIT): QuestionLink[] {
	const ids = rankQuestionsForSuggestion(index, normalizeQuery(query)).filter((id) => questionPasses(index, id, filter));
	return ids.slice(0, limit).flatMap((id) => toQuestionLink(index, id) ?? []);
}

function rankQuestionsForSuggestion(index: SearchIndex, query: string): number[] {
	const run = (combineWith: 'AND' | 'OR') =>
		index.words.query({ text: query, combineWith, kind: 'question' }).map((r) => r.ref.id);
	// All words first; if a stray word rules everything out, the best partial matches are still worth offering.
	const all = run('AND');
	return all.length ? all : run('OR');
}

/**
 * Searches everything and groups the results. A blank query gives empty groups and the featured questions. With the
 * query's vector, segments are ranked by meaning and words together (hybrid.ts); without it, by words alone.
 */
/**
 * `words`: the query already ranked by its words with the request's filter (SearchService ranks while it encodes);
 * `fused`: those words' segments already fused with `queryVector` (SearchService: fuseHitsSettled).
 */
export function searchContent(index: SearchIndex, request: SearchRequest, queryVector: QueryVector | null = null, words?: RankedHits, fused?: HybridHit[]): SearchResults {
	const query = normalizeQuery(request.query);
	const filter = request.filter ?? {};
	const limit = request.limit ?? DEFAULT_RESULT_LIMIT;
	const results: SearchResults = {
		query,
		filters: request.filterSlugs ?? { show: null, person: null },
		questions: [],
		segments: [],
		episodes: [],
		people: [],
		suggestions: [],
		related: [],
		featured: [],
		nothingFound: false
	};
	if (queryTerms(query).length === 0) {
		results.featured = listFeatured(index);
		return results;
	}

	const lexical = words ?? rankAll(index, query, filter);
	const segments = fused ?? fuseHits(lexical.segments, queryVector, (id) => segmentPasses(index, id, filter), { links: (id) => index.linksByQuestion.get(id), evidence: lexical.evidence });
	const ranked = { ...lexical, segments };
	// Results (with snippets) only for the segments shown.
	const snippets: SnippetMemo = new Map();
	for (const hit of ranked.segments) {
		if (results.segments.length >= limit) break;
		const answer = queryVector ? { sentence: locateAnswer(queryVector, hit.id), via: hit.via } : null;
		const segment = toSegmentResult(index, hit.id, hit.score, hit.terms, answer, snippets);
		if (segment) results.segments.push(segment);
	}
	results.episodes = toEpisodeResults(index, ranked.segments, limit, snippets);
	// A stored question is shown when its phrasing says what the query asks, as a moment must (evidence.ts): one
	// shared word ("sleep" in a question about a baby's sleep) makes it a suggestion, not an answer.
	// The ranking's own (the same query's), with what it has already worked out about the query's words.
	const evidence = lexical.evidence ?? new QueryEvidence(index, query);
	const questionHits = ranked.questions.filter((h) => questionEvidence(index, evidence, h) >= FLOOR.lexical).slice(0, limit);
	const segmentScores = new Map(ranked.segments.map((h) => [h.id, h]));
	results.questions = questionHits.flatMap((h) => toQuestionResult(index, h, filter, segmentScores, snippets) ?? []);
	// A person is shown for their name or credentials, not for a common word in their biography.
	const named = (h: Hit) => {
		const person = index.people.get(h.id);
		return !!person && evidence.ofText(`${person.name} ${person.credentials ?? ''}`, h.terms) >= FLOOR.lexical;
	};
	results.people = ranked.people.filter(named).slice(0, limit).flatMap((h) => toPersonResult(index, h) ?? []);
	results.suggestions = suggestQuestions(index, query, filter);
	const relatedIds = findRelatedQuestions(index, {
		segmentIds: ranked.segments.slice(0, 3).map((h) => h.id),
		text: query,
		exclude: questionHits.map((h) => h.id)
	});
	results.related = relatedIds.flatMap((id) => toQuestionLink(index, id) ?? []);
	if (!results.segments.length && !results.questions.length && !results.people.length) {
		results.featured = listFeatured(index);
		results.nothingFound = true;
	}
	return results;
}

/** How much of the query a question's best phrasing says. */
function questionEvidence(index: SearchIndex, evidence: QueryEvidence, hit: Hit): number {
	const question = index.questions.get(hit.id);
	return question ? Math.max(...[question.text, ...question.alternatives].map((text) => evidence.ofText(text, hit.terms))) : 0;
}

function round(score: number): number {
	return Math.round(score * 1000) / 1000;
}
