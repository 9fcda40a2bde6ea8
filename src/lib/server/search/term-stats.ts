/**
 * Read-only statistics about the index's vocabulary: how many postings (document-field entries) a term has, which
 * indexed terms are within an edit distance of a query term, which start with a prefix. The query planner
 * (query-plan.ts) uses them to decide, per term, whether typo or prefix expansion is needed and what it would
 * cost, before minisearch runs the query. minisearch keeps its term tree in a protected field
 * (minisearch-internals.ts reads it).
 */
import type MiniSearch from 'minisearch';
import type { TermStatistics } from './engine';
import { termTreeOf, type FieldTermData, type TermTree } from './minisearch-internals';

/** Postings of one term's data: documents it appears in, counted once per field. */
function postingsOf(data: FieldTermData | undefined): number {
	if (!data) return 0;
	let total = 0;
	for (const docs of data.values()) total += docs.size;
	return total;
}

/** Vocabulary statistics over one minisearch index (always current: it reads the live tree). */
export class TermStats implements TermStatistics {
	readonly #miniSearch: MiniSearch;
	readonly #tree: TermTree;

	constructor(
		miniSearch: MiniSearch,
		readonly generationOf: () => number
	) {
		this.#miniSearch = miniSearch;
		this.#tree = termTreeOf(miniSearch);
	}

	get documents(): number {
		return this.#miniSearch.documentCount;
	}

	get generation(): number {
		return this.generationOf();
	}

	/** Postings of an exact term (0: the index has never seen it). */
	postings(term: string): number {
		return postingsOf(this.#tree.get(term));
	}

	/** Indexed terms at edit distance 1..maxEdits from `term` (the term itself excluded), with their postings. */
	fuzzy(term: string, maxEdits: number): { term: string; distance: number; postings: number }[] {
		const found: { term: string; distance: number; postings: number }[] = [];
		for (const [match, [data, distance]] of this.#tree.fuzzyGet(term, maxEdits)) {
			if (distance > 0) found.push({ term: match, distance, postings: postingsOf(data) });
		}
		return found;
	}

	/** Indexed terms that start with `prefix` (the prefix itself excluded): how many, and their postings in total. */
	completions(prefix: string): { terms: number; postings: number } {
		let terms = 0;
		let postings = 0;
		for (const [term, data] of this.#tree.atPrefix(prefix)) {
			if (term === prefix) continue;
			terms++;
			postings += postingsOf(data);
		}
		return { terms, postings };
	}
}
