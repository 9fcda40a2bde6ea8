/**
 * How a query runs, decided per term before minisearch sees it. What makes search slow on a big index is not
 * finding terms but scoring their postings: a common word, a typo-expanded short word or a three-letter prefix
 * can each touch tens of thousands of documents. So:
 *
 * - Stop words from the index itself: a term in a large share of all documents says almost nothing (BM25 gives it
 *   next to no weight) yet costs a posting per document; it is left out unless the query has nothing else.
 * - Exact first: a term gets typo (fuzzy) expansion only when the index does not know it; one edit is tried
 *   before two, on the word as typed (not its stem), as many as its length allows (terms.ts, typoEdits).
 * - Prefix expansion only on the last term (the one still being typed), and not when that term as typed is itself
 *   broad: a finished common word ("running") is what was meant, and its completions would only add more of the
 *   index to walk.
 * - Bounded candidates: a broad term (its postings with expansions above a share of the index) is scored only on
 *   the documents the query's selective terms find; a query of broad terms only, on the documents that share two
 *   of them or have one in a headline field. On a small index nothing is broad, so results are exactly what plain
 *   minisearch gives with these expansions; on a big one a document that matches nothing but common words no
 *   longer costs anything.
 * - A bounded number returned: whatever the candidates are, at most SCORED_DOCUMENTS_CAP of each kind, the best
 *   by the very score minisearch would give them (candidate-scores.ts works it out in one pass over the postings,
 *   into typed arrays, and makes the results of those alone). A query of common words matching most of the index
 *   costs that pass, not a scored result for every document; broad terms beside selective ones cost only the
 *   documents the selective ones find.
 * - Term plans are cached until the index changes, since as-you-type queries repeat their first words.
 */
import type { SearchResult } from 'minisearch';
import {
	ALL_BROAD_MIN_CANDIDATES,
	BROAD_TERM_MIN_POSTINGS,
	BROAD_TERM_SHARE,
	COMMON_TERM_MIN_POSTINGS,
	COMMON_TERM_SHARE,
	FUZZY_WHEN_POSTINGS_BELOW,
	PREFIX_MIN_LENGTH,
	TERM_PLAN_CACHE_SIZE
} from './config';
import type MiniSearch from 'minisearch';
import { KIND_FIELDS, type DocKind, type TermStatistics } from './engine';
import { PREFIX as KIND_PREFIX } from './minisearch-engine';
import { scoreCandidates, topScored } from './candidate-scores';
import { queryTerm, queryWords, tokenize, typoEdits } from './terms';

/** What one query term expands to, and what scoring it costs. */
export interface TermPlan {
	/** What minisearch matches: the stem, or for a word the index does not know, the word as typed (to expand). */
	term: string;
	/** Edit distance for typo expansion (minisearch `fuzzy`), or false for none. */
	fuzzy: number | false;
	/** Prefix expansion (minisearch `prefix`). */
	prefix: boolean;
	/** Postings of the term and its expansions: how many document fields scoring it visits. */
	postings: number;
	/** Postings of the term as typed. */
	exactPostings: number;
}

export interface QueryPlan {
	terms: TermPlan[];
	/** Terms above this many postings are broad (scored only on the candidates the others find). */
	broadAbove: number;
	/** Terms above this many postings as typed are left out, as stop words, when the query has others. */
	commonAbove: number;
}

export interface PlannedSearchOptions {
	/** Only documents of this kind are scored and returned. */
	kind?: DocKind;
	combineWith?: 'AND' | 'OR';
	/** Typo and prefix expansion (default true); related questions and link upkeep match words as they are. */
	expand?: boolean;
}

/** The query's terms as minisearch will see them (same tokenizer, same processing, duplicates kept). */
export function searchTerms(query: string): string[] {
	return tokenize(query).flatMap((word) => queryTerm(word) ?? []);
}

/** What the planner needs of an index: its engine's term statistics (any word engine's). */
export interface PlannedIndex {
	readonly terms: TermStatistics;
}

/** What minisearch's own query path needs: the statistics to plan, and minisearch to score. */
export interface MiniSearchIndex extends PlannedIndex {
	readonly miniSearch: MiniSearch;
}

/** Term plans for one index, cached until its content changes. */
export class QueryPlanner {
	readonly #stats: TermStatistics;
	readonly #cache = new Map<string, TermPlan>();
	#generation = -1;

	constructor(stats: TermStatistics) {
		this.#stats = stats;
	}

	/** Plans a query: each term's expansions and cost. */
	plan(query: string, { expand = true }: { expand?: boolean } = {}): QueryPlan {
		const generation = this.#stats.generation;
		if (this.#generation !== generation || this.#cache.size > TERM_PLAN_CACHE_SIZE) {
			this.#cache.clear();
			this.#generation = generation;
		}
		const words = queryWords(query);
		const documents = this.#stats.documents;
		const broadAbove = Math.max(BROAD_TERM_MIN_POSTINGS, Math.round(documents * BROAD_TERM_SHARE));
		const plans = words.map(({ term, typed }, i) => {
			const prefix = expand && i === words.length - 1 && typed.length >= PREFIX_MIN_LENGTH;
			return this.#planTerm(term, typed, expand, prefix, broadAbove);
		});
		return {
			terms: plans,
			broadAbove,
			commonAbove: Math.max(COMMON_TERM_MIN_POSTINGS, Math.round(documents * COMMON_TERM_SHARE))
		};
	}

	#planTerm(term: string, typed: string, expand: boolean, prefix: boolean, broadAbove: number): TermPlan {
		const key = `${expand ? '~' : '='}${prefix ? '*' : ''}${term}${typed === term ? '' : `|${typed}`}`;
		let plan = this.#cache.get(key);
		if (!plan) {
			const exactPostings = this.#stats.postings(term);
			plan = { term, fuzzy: false, prefix: false, postings: exactPostings, exactPostings };
			if (expand && exactPostings < FUZZY_WHEN_POSTINGS_BELOW) {
				// A word the index does not know is expanded as typed, not by its stem (terms.ts): the stem of "mining"
				// is "mine", one letter from "mind" and "mile". A word still being typed is completed, not corrected.
				plan.term = typed;
				const completions = prefix ? this.#stats.completions(typed) : { terms: 0, postings: 0 };
				plan.prefix = completions.terms > 0;
				plan.postings += completions.postings;
				for (let edits = 1; !plan.prefix && edits <= typoEdits(typed); edits++) {
					const near = this.#stats.fuzzy(typed, edits);
					if (near.length === 0) continue;
					plan.fuzzy = edits;
					plan.postings += near.reduce((sum, n) => sum + n.postings, 0);
					break;
				}
			} else if (prefix && exactPostings <= broadAbove && this.#stats.postings(typed) === 0) {
				// A known stem, typed as a word the index never saw ("walke"): perhaps still being typed. A word found
				// as typed is what was meant ("mind" is not "mindful").
				const completions = this.#stats.completions(term);
				plan.prefix = completions.terms > 0;
				plan.postings += completions.postings;
			}
			this.#cache.set(key, plan);
		}
		return plan;
	}
}

const planners = new WeakMap<TermStatistics, QueryPlanner>();

/** The planner of an index (one per engine's statistics, made on first use: SearchIndex and its engine share it). */
export function plannerOf(index: PlannedIndex): QueryPlanner {
	let planner = planners.get(index.terms);
	if (!planner) planners.set(index.terms, (planner = new QueryPlanner(index.terms)));
	return planner;
}

const identity = (term: string) => term;
const splitSpaces = (text: string) => text.split(' ');

/**
 * The plan without its common terms (stop words for this index), unless they are all it has. A word is common by
 * its own postings: a half-typed word with many completions is broad (candidatesFor), not a stop word.
 */
export function withoutCommonTerms(plan: QueryPlan): QueryPlan {
	const kept = plan.terms.filter((t) => t.exactPostings <= plan.commonAbove);
	return kept.length > 0 && kept.length < plan.terms.length ? { ...plan, terms: kept } : plan;
}

/**
 * At most this many documents of each kind are handed to minisearch for a query with broad terms: the best by the
 * score minisearch itself would give (candidate-scores.ts), so the first pages are the same, and a query of common
 * words costs one cheap pass over its postings plus scoring a bounded set, however much of the index it matches.
 */
export const SCORED_DOCUMENTS_CAP = 2000;

/** What the planner did with a query's candidates (for tests and benches; pass an object to fill). */
export interface SearchExplain {
	/** Documents of the wanted kind the query's terms match (counted when it has broad terms; else null). */
	matched: number | null;
	/** Documents handed to minisearch to score, or null for all those the terms match. */
	scored: number | null;
}

/**
 * The documents worth returning for a query with broad terms (null when it has none), scored. With selective
 * terms: what they find (the broad terms add to those documents' scores, never find any). With only broad ones: the
 * documents two or more of them share (scores multiply by the number of query terms matched, so those rank first
 * anyway), else those where one is in a headline field (a title, a summary, a question's phrasing: about it rather
 * than mentioning it), when either gives enough to fill a page, else all they match. Whichever it is, at most
 * SCORED_DOCUMENTS_CAP per kind, the best scored.
 */
function candidatesFor(
	index: MiniSearchIndex,
	plan: QueryPlan,
	kind: string | null,
	fields: string[] | undefined,
	explain: SearchExplain
): { scorer: ReturnType<typeof scoreCandidates>; docs: Int32Array } | null {
	const broad = plan.terms.filter((t) => t.postings > plan.broadAbove);
	if (broad.length === 0) return null;
	const selective = plan.terms.filter((t) => t.postings > 0 && t.postings <= plan.broadAbove);
	const scorer = scoreCandidates(index.miniSearch, kind, fields);
	// Group 0: the selective terms; then one group per distinct broad term (its repeats too: each adds score).
	scorer.add(selective);
	const repeats = new Map<string, TermPlan[]>();
	for (const t of broad) {
		const key = `${t.term}|${t.fuzzy}|${t.prefix}`;
		repeats.set(key, [...(repeats.get(key) ?? []), t]);
	}
	const found = scorer.scores().touched.length;
	// With selective terms, the broad ones only add to the scores of what those found.
	for (const terms of repeats.values()) scorer.add(terms, { onlyTouched: found > 0 });
	const scores = scorer.scores();
	explain.matched = scores.touched.length;
	if (found > 0) return { scorer, docs: topScored(scores, scores.touched, SCORED_DOCUMENTS_CAP) };
	const broadTermsOf = (doc: number) => {
		let bits = scores.groups[doc]! >>> 1;
		let n = 0;
		for (; bits; bits &= bits - 1) n++;
		return n;
	};
	const shared = repeats.size > 1 ? scores.touched.filter((doc) => broadTermsOf(doc) > 1) : [];
	const headlined = shared.length >= ALL_BROAD_MIN_CANDIDATES ? [] : scores.touched.filter((doc) => scores.headline[doc] === 1);
	const candidates =
		shared.length >= ALL_BROAD_MIN_CANDIDATES ? shared : headlined.length >= ALL_BROAD_MIN_CANDIDATES ? headlined : scores.touched;
	return { scorer, docs: topScored(scores, candidates, SCORED_DOCUMENTS_CAP) };
}

/**
 * Runs a query the planned way and returns minisearch results (best first). Documents are scored exactly as
 * minisearch scores them with the planned expansions; what changes on a big index is which documents are
 * scored: with broad terms present, only the candidates (candidatesFor), whose results are made from the same pass
 * (candidate-scores.ts) rather than by minisearch walking every posting again.
 */
export function plannedSearch(index: MiniSearchIndex, query: string, options: PlannedSearchOptions = {}, explain?: SearchExplain): SearchResult[] {
	const plan = withoutCommonTerms(plannerOf(index).plan(query, { expand: options.expand ?? true }));
	if (plan.terms.length === 0) return [];
	const kindPrefix = options.kind ? KIND_PREFIX[options.kind] : null;
	// Only the fields that kind of document has are read: a question search skips every segment's transcript.
	const fields = options.kind ? [...KIND_FIELDS[options.kind]] : undefined;
	const explained: SearchExplain = explain ?? { matched: null, scored: null };
	explained.matched = explained.scored = null;
	const combineWith = options.combineWith ?? 'OR';
	const candidates = candidatesFor(index, plan, kindPrefix, fields, explained);
	if (candidates) {
		explained.scored = candidates.docs.length;
		return candidates.scorer.results(candidates.docs, plan.terms, combineWith === 'AND' ? new Set(plan.terms.map((t) => t.term)).size : null);
	}
	return index.miniSearch.search(plan.terms.map((t) => t.term).join(' '), {
		tokenize: splitSpaces,
		processTerm: identity,
		combineWith,
		fields,
		fuzzy: (_term, i) => plan.terms[i]!.fuzzy,
		prefix: (_term, i) => plan.terms[i]!.prefix,
		boostDocument: kindPrefix !== null ? (id: string) => (id.startsWith(kindPrefix) ? 1 : 0) : undefined
	});
}
