/**
 * Every number that shapes search, in one place, so ranking can be tuned (and benchmarked) without reading the code
 * that uses it. Scores are minisearch BM25 scores: relative values matter, not units.
 */

/** The indexed fields. Each kind of document fills the ones that mean something for it (see documents.ts). */
export const SEARCH_FIELDS = ['title', 'summary', 'text', 'alternatives', 'episode', 'show', 'people'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/**
 * How much a match in each field counts. A segment's title and summary say what it is about; its transcript text
 * is long and chatty, so a word there is weaker evidence. A question's phrasings are the strongest signal for
 * question hits; episode, show and people names place a segment but rarely answer anything on their own.
 */
export const FIELD_BOOSTS: Record<SearchField, number> = {
	title: 3,
	summary: 2,
	text: 1,
	alternatives: 2,
	episode: 1,
	show: 0.4,
	people: 1
};

/** Query terms this long or longer may match with typos; shorter ones must be exact (a 3-letter typo is another word). */
export const FUZZY_MIN_LENGTH = 4;
/** Never more typos than this per term, however long. */
export const FUZZY_MAX_EDITS = 2;
/** Prefix expansion (as-you-type) starts at this many letters. */
export const PREFIX_MIN_LENGTH = 3;
/** How much a fuzzy or prefix match counts next to an exact one (minisearch's own defaults are 0.45 / 0.375). */
export const MATCH_WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
/**
 * Typos are looked for only when the index finds fewer than this many postings for the term as typed (exact
 * first): a word the index knows is taken as meant, and expanding it would only add its neighbours' documents
 * (on 100k segments a 4-letter word has dozens of neighbours, most of them common words).
 */
export const FUZZY_WHEN_POSTINGS_BELOW = 1;
/**
 * One edit is tried first; two only when one finds nothing and the word is at least this long (a swapped pair of
 * letters, "hydratoin", is two edits). Two edits on shorter words match other words: "mining" is two from
 * "moving", "timing" and "morning".
 */
export const FUZZY_TWO_EDITS_MIN_LENGTH = 7;
/**
 * A query term whose postings (its own plus its typo and prefix expansions') exceed this share of the documents,
 * and at least BROAD_TERM_MIN_POSTINGS, is broad: it is scored only on the documents the query's other, selective
 * terms find, never used to find documents by itself (as Lucene's common-terms query does). On a small index no
 * term is broad and every query runs as plain minisearch would run it.
 */
export const BROAD_TERM_SHARE = 0.01;
export const BROAD_TERM_MIN_POSTINGS = 1000;
/**
 * A query term whose postings exceed this share of the documents, and COMMON_TERM_MIN_POSTINGS, is a stop word for
 * this index: it is left out of a query that has other terms ("running" in a running podcast, "like" in speech).
 * Only big indexes have such words; on a small one every word counts.
 */
export const COMMON_TERM_SHARE = 0.25;
export const COMMON_TERM_MIN_POSTINGS = 10_000;
/**
 * A query of broad terms only is scored on the documents that share two of its terms, or else on those with one
 * in a headline field, when that makes at least this many candidates (a page of results and then some).
 */
export const ALL_BROAD_MIN_CANDIDATES = 50;
/** Fields that say what a document is about, rather than mention things in passing. */
export const HEADLINE_FIELDS: readonly SearchField[] = ['title', 'summary', 'alternatives'];
/** Term plans (postings, expansions) kept between queries; the cache empties whenever the index changes. */
export const TERM_PLAN_CACHE_SIZE = 20_000;
/** Queries are cut to this many characters: a pasted essay is not a search. */
export const MAX_QUERY_LENGTH = 200;

/**
 * A stored question that matches a query lends its editorial segments a share of its score: the editors already
 * said those segments answer it, and listeners phrase things the way other listeners do.
 */
export const QUESTION_SUPPORT_WEIGHT = 0.5;
/** Only questions scoring at least this share of the best question hit lend support (weak matches are noise). */
export const QUESTION_SUPPORT_MIN_RELATIVE = 0.5;

/** Automatic links: at most this many per question, besides the pinned editorial ones. */
export const AUTO_LINKS_PER_QUESTION = 2;
/**
 * Automatic links: a segment must score at least this (mean over the question's phrasings), so a question the
 * content does not cover gets no links rather than its least bad match. BM25 scores grow with the corpus (rarer
 * terms weigh more), so this is tuned on the demo content: real answers there score 70 and up, stray matches on one
 * shared word ("shoes", "run") 25 to 55.
 */
export const AUTO_LINK_MIN_SCORE = 60;
/**
 * ...and at least this share of the question's best segment (editorial ones included), so one strong answer is
 * not padded with weak ones. On the demo content 0.6 keeps "Active Recovery or Full Rest?" for "Why are rest days
 * important?" and drops "Meet Dr. Owen Hartley" for "How much sleep do runners need?".
 */
export const AUTO_LINK_MIN_RELATIVE = 0.6;
/** When a segment changes, this many questions nearest to its title and summary have their automatic links redone. */
export const AUTO_LINK_TOUCHED_QUESTIONS = 25;

/** Excerpts and snippets: about this many words around the densest cluster of matches. */
export const SNIPPET_WORDS = 28;

/** Related questions shown beside a question, an episode or search results. */
export const RELATED_LIMIT = 5;
/** Sharing an answering segment is strong evidence two questions are related; sharing an episode is weaker. */
export const RELATED_SHARED_SEGMENT_WEIGHT = 100;
export const RELATED_SHARED_EPISODE_WEIGHT = 10;

/** Question suggestions while typing. */
export const SUGGESTION_LIMIT = 6;
/** Results per group, unless the caller asks for fewer or more (the API allows 1 to MAX_RESULT_LIMIT). */
export const DEFAULT_RESULT_LIMIT = 10;
export const MAX_RESULT_LIMIT = 50;
