/**
 * Read-only statistics about the index's vocabulary: how many postings (document-field entries) a term has, which
 * indexed terms are within an edit distance of a query term, which start with a prefix. The query planner
 * (query-plan.ts) uses them to decide, per term, whether typo or prefix expansion is needed and what it would
 * cost, before minisearch runs the query. minisearch keeps its term tree in a protected field; this subclass is
 * the one place that reads it.
 */
import MiniSearch from 'minisearch';

/** minisearch's per-term data: field id -> (short document id -> term frequency). */
type FieldTermData = Map<number, Map<number, number>>;

/** The part of minisearch's term tree (a SearchableMap) read here. */
interface TermTree {
	get(term: string): FieldTermData | undefined;
	fuzzyGet(term: string, maxEdits: number): Map<string, [FieldTermData, number]>;
	atPrefix(prefix: string): Iterable<[string, FieldTermData]>;
}

class TermTreeAccess extends MiniSearch {
	/** The term tree of any minisearch instance (TypeScript allows protected access through the class itself). */
	static treeOf(miniSearch: MiniSearch): TermTree {
		const tree: TermTree | undefined = (miniSearch as TermTreeAccess)._index;
		if (!tree || typeof tree.fuzzyGet !== 'function' || typeof tree.atPrefix !== 'function') {
			throw new Error('search: this minisearch version keeps its terms differently; update term-stats.ts');
		}
		return tree;
	}
}

/** Postings of one term's data: documents it appears in, counted once per field. */
function postingsOf(data: FieldTermData | undefined): number {
	if (!data) return 0;
	let total = 0;
	for (const docs of data.values()) total += docs.size;
	return total;
}

/** Vocabulary statistics over one minisearch index (always current: it reads the live tree). */
export class TermStats {
	readonly #tree: TermTree;

	constructor(miniSearch: MiniSearch) {
		this.#tree = TermTreeAccess.treeOf(miniSearch);
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
