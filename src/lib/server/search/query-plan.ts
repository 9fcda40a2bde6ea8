/**
 * How a query runs, decided per term before minisearch sees it. What makes search slow on a big index is not
 * finding terms but scoring their postings: a common word, a typo-expanded short word or a three-letter prefix
 * can each touch tens of thousands of documents. So:
 *
 * - Exact first: a term gets typo (fuzzy) expansion only when the index does not know it as typed; one edit is
 *   tried before two.
 * - Prefix expansion only on the last term (the one still being typed).
 * - Bounded candidates: a broad term (its postings with expansions above a share of the index) is scored only on
 *   the documents the query's selective terms find. On a small index nothing is broad, so results are exactly
 *   what plain minisearch gives with these expansions; on a big one a document that matches nothing but common
 *   words no longer costs anything.
 * - Term plans are cached until the index changes, since as-you-type queries repeat their first words.
 */
import type { SearchResult } from 'minisearch';
import {
	BROAD_TERM_MIN_POSTINGS,
	BROAD_TERM_SHARE,
	FUZZY_MAX_EDITS,
	FUZZY_MIN_LENGTH,
	FUZZY_TWO_EDITS_MIN_LENGTH,
	FUZZY_WHEN_POSTINGS_BELOW,
	PREFIX_MIN_LENGTH,
	TERM_PLAN_CACHE_SIZE
} from './config';
import { PREFIX as KIND_PREFIX, type DocKind, type SearchIndex } from './search-index';
import { TermStats } from './term-stats';
import { queryTerm, tokenize } from './terms';

/** What one query term expands to, and what scoring it costs. */
export interface TermPlan {
	term: string;
	/** Edit distance for typo expansion (minisearch `fuzzy`), or false for none. */
	fuzzy: number | false;
	/** Prefix expansion (minisearch `prefix`). */
	prefix: boolean;
	/** Postings of the term and its expansions: how many document fields scoring it visits. */
	postings: number;
}

export interface QueryPlan {
	terms: TermPlan[];
	/** Terms above this many postings are broad (scored only on the candidates the others find). */
	broadAbove: number;
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

/** Term plans for one index, cached until its content changes. */
export class QueryPlanner {
	readonly #index: SearchIndex;
	readonly #stats: TermStats;
	readonly #cache = new Map<string, TermPlan>();
	#generation = -1;

	constructor(index: SearchIndex) {
		this.#index = index;
		this.#stats = new TermStats(index.miniSearch);
	}

	/** Plans a query: each term's expansions and cost. */
	plan(query: string, { expand = true }: { expand?: boolean } = {}): QueryPlan {
		if (this.#generation !== this.#index.generation || this.#cache.size > TERM_PLAN_CACHE_SIZE) {
			this.#cache.clear();
			this.#generation = this.#index.generation;
		}
		const terms = searchTerms(query);
		const plans = terms.map((term, i) => {
			const prefix = expand && i === terms.length - 1 && term.length >= PREFIX_MIN_LENGTH;
			return this.#planTerm(term, expand, prefix);
		});
		const documents = this.#index.miniSearch.documentCount;
		return { terms: plans, broadAbove: Math.max(BROAD_TERM_MIN_POSTINGS, Math.round(documents * BROAD_TERM_SHARE)) };
	}

	#planTerm(term: string, expand: boolean, prefix: boolean): TermPlan {
		const key = `${expand ? '~' : '='}${prefix ? '*' : ''}${term}`;
		let plan = this.#cache.get(key);
		if (!plan) {
			plan = { term, fuzzy: false, prefix: false, postings: this.#stats.postings(term) };
			if (expand && plan.postings < FUZZY_WHEN_POSTINGS_BELOW && term.length >= FUZZY_MIN_LENGTH) {
				for (let edits = 1; edits <= FUZZY_MAX_EDITS; edits++) {
					if (edits > 1 && term.length < FUZZY_TWO_EDITS_MIN_LENGTH) break;
					const near = this.#stats.fuzzy(term, edits);
					if (near.length === 0) continue;
					plan.fuzzy = edits;
					plan.postings += near.reduce((sum, n) => sum + n.postings, 0);
					break;
				}
			}
			if (prefix) {
				const completions = this.#stats.completions(term);
				plan.prefix = completions.terms > 0;
				plan.postings += completions.postings;
			}
			this.#cache.set(key, plan);
		}
		return plan;
	}
}

const planners = new WeakMap<SearchIndex, QueryPlanner>();

/** The planner of an index (one per index, made on first use). */
export function plannerOf(index: SearchIndex): QueryPlanner {
	let planner = planners.get(index);
	if (!planner) planners.set(index, (planner = new QueryPlanner(index)));
	return planner;
}

const identity = (term: string) => term;
const splitSpaces = (text: string) => text.split(' ');

/**
 * Runs a query the planned way and returns minisearch results (best first). Documents are scored exactly as
 * minisearch scores them with the planned expansions; what changes on a big index is which documents are
 * scored: with broad terms present, only those some selective term matches.
 */
export function plannedSearch(index: SearchIndex, query: string, options: PlannedSearchOptions = {}): SearchResult[] {
	const plan = plannerOf(index).plan(query, { expand: options.expand ?? true });
	if (plan.terms.length === 0) return [];
	const kindPrefix = options.kind ? KIND_PREFIX[options.kind] : null;
	const ofKind = (id: string) => kindPrefix === null || id.startsWith(kindPrefix);

	const selective = plan.terms.filter((t) => t.postings > 0 && t.postings <= plan.broadAbove);
	const hasBroad = plan.terms.some((t) => t.postings > plan.broadAbove);
	let candidates: Set<string> | null = null;
	if (selective.length > 0 && hasBroad) {
		// The documents the selective terms find, collected without building a single result (a boost of 0
		// makes minisearch skip the document).
		const found = new Set<string>();
		index.miniSearch.search(selective.map((t) => t.term).join(' '), {
			tokenize: splitSpaces,
			processTerm: identity,
			fuzzy: (_term, i) => selective[i]!.fuzzy,
			prefix: (_term, i) => selective[i]!.prefix,
			boostDocument: (id: string) => {
				if (ofKind(id)) found.add(id);
				return 0;
			}
		});
		if (found.size > 0) candidates = found;
	}

	const boostDocument =
		candidates !== null
			? (id: string) => (candidates.has(id) ? 1 : 0)
			: kindPrefix !== null
				? (id: string) => (ofKind(id) ? 1 : 0)
				: undefined;
	return index.miniSearch.search(query, {
		combineWith: options.combineWith ?? 'OR',
		fuzzy: (_term, i) => plan.terms[i]!.fuzzy,
		prefix: (_term, i) => plan.terms[i]!.prefix,
		boostDocument
	});
}
