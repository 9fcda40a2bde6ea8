/**
 * Scoring a query's postings ourselves, in typed arrays indexed by minisearch's short ids, with the very score
 * minisearch would give (same BM25, same field boosts, same prefix and typo weights, same bonus for matching more
 * query terms). The query planner (query-plan.ts) uses it for queries with broad terms: one pass over the postings
 * picks the documents worth returning (at most a cap of each kind), and their results (score, matched terms and
 * fields) are made here for those alone. minisearch's own search would walk every posting again, with a Map lookup
 * and a callback per posting, to score documents the cap then drops: most of a common word's cost on 100k segments.
 */
import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import { FIELD_BOOSTS, HEADLINE_FIELDS, MATCH_WEIGHTS, SEARCH_FIELDS, type SearchField } from './config';
import { miniSearchStateOf, termTreeOf, type FieldTermData, type MiniSearchState } from './minisearch-internals';

/** A planned query term, as far as scoring goes. */
export interface ScoredTerm {
	term: string;
	fuzzy: number | false;
	prefix: boolean;
}

/** minisearch 7's BM25+ parameters (its defaults; the index does not change them). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** What the passes so far found, per short id; `touched` lists the documents with any posting, in the order first seen. */
export interface CandidateScores {
	touched: Int32Array;
	/** The full score minisearch would give (sum of weighted BM25 times the number of distinct query terms matched). */
	score: Float64Array;
	/** Which of the passed term groups matched the document (bit i: group i); groups past 31 share bit 31. */
	groups: Uint32Array;
	/** 1 when a term matched in a headline field (title, summary, a question's phrasings). */
	headline: Uint8Array;
	/** The first letter of the document's id (its kind, search-index.ts), as a character code. */
	kind: Uint8Array;
	/** The document's own id (what minisearch results carry). */
	idOf: (shortId: number) => string;
}

/**
 * Per-document arrays, kept between queries: a query touches a few thousand entries of arrays sized to the whole
 * index, and allocating them afresh each time (megabytes on 100k segments) is what the garbage collector then pays
 * for. Only the entries the last query touched are cleared. Single-threaded and used synchronously, so one set is
 * enough; what a scorer returns is valid until the next `scoreCandidates`.
 */
interface Scratch {
	raw: Float64Array;
	score: Float64Array;
	groupBits: Uint32Array;
	headline: Uint8Array;
	/** Distinct query terms matched per document: minisearch multiplies the summed score by it. */
	sourceCount: Uint16Array;
	lastSource: Int32Array;
	/** 0 unknown, 1 scored, 2 rejected (deleted or of another kind), 3 scored and chosen for the results. */
	seen: Uint8Array;
	/**
	 * Documents scored, in the order first seen (the first `touchedCount`), and those whose `seen` mark was set,
	 * scored or rejected: what the next query clears. Typed arrays, not pushed-to lists: a push per document was
	 * a third of a common word's cost.
	 */
	touched: Int32Array;
	touchedCount: number;
	marked: Int32Array;
	markedCount: number;
	/** Position + 1 of a chosen document in a results() call (0: not chosen). */
	slot: Int32Array;
}
let scratch: Scratch | null = null;

function scratchFor(size: number): Scratch {
	if (!scratch || scratch.raw.length < size) {
		const capacity = Math.max(size, Math.ceil((scratch?.raw.length ?? 0) * 1.5));
		scratch = {
			raw: new Float64Array(capacity),
			score: new Float64Array(capacity),
			groupBits: new Uint32Array(capacity),
			headline: new Uint8Array(capacity),
			sourceCount: new Uint16Array(capacity),
			lastSource: new Int32Array(capacity).fill(-1),
			seen: new Uint8Array(capacity),
			touched: new Int32Array(capacity),
			touchedCount: 0,
			marked: new Int32Array(capacity),
			markedCount: 0,
			slot: new Int32Array(capacity)
		};
		return scratch;
	}
	const s = scratch;
	for (let i = 0; i < s.markedCount; i++) {
		const doc = s.marked[i]!;
		s.raw[doc] = 0;
		s.score[doc] = 0;
		s.groupBits[doc] = 0;
		s.headline[doc] = 0;
		s.sourceCount[doc] = 0;
		s.lastSource[doc] = -1;
		s.seen[doc] = 0;
	}
	s.touchedCount = 0;
	s.markedCount = 0;
	return s;
}

/**
 * What a posting needs to know about its document, in flat arrays made once per index change (any add, removal or
 * discard moves one of the counters in the key): BM25's length term, k * (1 - b + b * length / average length), per
 * document and field, and the document's kind (0: deleted). Reading these from minisearch's Maps (a lookup per
 * posting, and a string id to test) was most of a posting's cost.
 */
interface Layout {
	key: string;
	norms: Float64Array;
	stride: number;
	kinds: Uint8Array;
}
const layouts = new WeakMap<MiniSearch, Layout>();

function layoutOf(miniSearch: MiniSearch, state: MiniSearchState): Layout {
	const key = `${state.nextId}:${state.documentCount}:${state.dirtCount}`;
	const known = layouts.get(miniSearch);
	if (known?.key === key) return known;
	const stride = Math.max(...Object.values(state.fieldIds)) + 1;
	const norms = new Float64Array((state.nextId + 1) * stride);
	const { k, b } = BM25;
	for (const [doc, lengths] of state.fieldLength) {
		for (let field = 0; field < stride; field++) {
			norms[doc * stride + field] = k * (1 - b + (b * (lengths[field] ?? 0)) / state.averageFieldLength[field]!);
		}
	}
	const kinds = new Uint8Array(state.nextId + 1);
	for (const [doc, id] of state.documentIds) kinds[doc] = String(id).charCodeAt(0) & 0xff;
	const made = { key, norms, stride, kinds };
	layouts.set(miniSearch, made);
	return made;
}

/**
 * Makes the arrays scoring reads (and the scratch arrays it writes) now rather than on the first query: called
 * when an index is built or restored, so the first search after start-up costs what any other does.
 */
export function prepareScoring(miniSearch: MiniSearch): void {
	const state = miniSearchStateOf(miniSearch);
	layoutOf(miniSearch, state);
	scratchFor(state.nextId + 1);
}

/** One index term a query term matched (itself, a completion or a near spelling), with its weight. */
interface Derived {
	term: string;
	weight: number;
	data: FieldTermData;
}

/** The index terms a query term matches, in the order minisearch visits them: exact, completions, near spellings. */
function derivedTerms(tree: ReturnType<typeof termTreeOf>, term: ScoredTerm): Derived[] {
	const found: Derived[] = [];
	const exact = tree.get(term.term);
	if (exact) found.push({ term: term.term, weight: 1, data: exact });
	const prefixed = new Set<string>();
	if (term.prefix) {
		for (const [match, data] of tree.atPrefix(term.term)) {
			const distance = match.length - term.term.length;
			if (!distance) continue;
			prefixed.add(match);
			found.push({ term: match, weight: (MATCH_WEIGHTS.prefix * match.length) / (match.length + 0.3 * distance), data });
		}
	}
	if (term.fuzzy) {
		for (const [match, [data, distance]] of tree.fuzzyGet(term.term, term.fuzzy)) {
			if (!distance || prefixed.has(match)) continue;
			found.push({ term: match, weight: (MATCH_WEIGHTS.fuzzy * match.length) / (match.length + distance), data });
		}
	}
	return found;
}

const termKey = (term: ScoredTerm) => `${term.term}|${term.fuzzy}|${term.prefix}`;

/**
 * Scores the documents groups of terms match, over `fields` (all when undefined), one group at a time (`add`), so a
 * caller can stop once it has what it needs. Only documents of `kind` (an id's first letter; null: any) are scored.
 * What a group means (selective terms, one broad term) is the caller's business; `scores()` gives the totals so far,
 * and `results()` minisearch-shaped results for the documents chosen.
 */
export function scoreCandidates(miniSearch: MiniSearch, kind: string | null, fields?: readonly string[]) {
	const state = miniSearchStateOf(miniSearch);
	const tree = termTreeOf(miniSearch);
	const { norms, stride, kinds } = layoutOf(miniSearch, state);
	const work = scratchFor(state.nextId + 1);
	const { raw, score, groupBits, headline, sourceCount, lastSource, seen, touched, marked, slot: slotOf } = work;
	const wanted = kind === null ? 0 : kind.charCodeAt(0);
	const fieldList = (fields ?? SEARCH_FIELDS).map((name) => ({
		name,
		id: state.fieldIds[name]!,
		boost: FIELD_BOOSTS[name as SearchField] || 1,
		headline: HEADLINE_FIELDS.includes(name as SearchField)
	}));
	const sources = new Map<string, number>();
	const derived = new Map<string, Derived[]>();
	let groupCount = 0;

	const { documentCount } = state;
	const { k, d } = BM25;
	const addTerm = (data: FieldTermData | undefined, weight: number, source: number, bit: number, onlyTouched: boolean) => {
		if (!data) return;
		for (const field of fieldList) {
			const docs = data.get(field.id);
			if (!docs) continue;
			const fieldId = field.id;
			const isHeadline = field.headline;
			const idf = Math.log(1 + (documentCount - docs.size + 0.5) / (docs.size + 0.5));
			const factor = weight * field.boost * idf;
			const credit = (doc: number, tf: number) => {
				raw[doc]! += factor * (d + (tf * (k + 1)) / (tf + norms[doc * stride + fieldId]!));
				groupBits[doc]! |= bit;
				if (isHeadline) headline[doc] = 1;
				if (lastSource[doc] !== source) {
					lastSource[doc] = source;
					sourceCount[doc]!++;
				}
			};
			if (!onlyTouched) {
				docs.forEach((tf, doc) => {
					let mark = seen[doc]!;
					if (mark === 0) {
						const docKind = kinds[doc]!;
						mark = seen[doc] = docKind !== 0 && (wanted === 0 || docKind === wanted) ? 1 : 2;
						marked[work.markedCount++] = doc;
						if (mark === 1) touched[work.touchedCount++] = doc;
					}
					if (mark === 1) credit(doc, tf);
				});
			} else if (docs.size <= work.touchedCount) {
				docs.forEach((tf, doc) => {
					if (seen[doc] === 1) credit(doc, tf);
				});
			} else {
				// Fewer documents so far than postings: look each one up rather than walk the postings.
				for (let i = 0, n = work.touchedCount; i < n; i++) {
					const doc = touched[i]!;
					const tf = docs.get(doc);
					if (tf !== undefined) credit(doc, tf);
				}
			}
		}
	};

	return {
		/**
		 * Scores one group of terms (bit `2 ** n` for the n-th group added; groups past 31 share bit 31). With
		 * `onlyTouched`, only the documents earlier groups found are scored: the group adds to their scores but finds
		 * none of its own, and costs the smaller of its postings and those documents.
		 */
		add(terms: ScoredTerm[], { onlyTouched = false }: { onlyTouched?: boolean } = {}): void {
			const bit = 2 ** Math.min(groupCount++, 31);
			for (const term of terms) {
				let source = sources.get(term.term);
				if (source === undefined) sources.set(term.term, (source = sources.size));
				const key = termKey(term);
				let matches = derived.get(key);
				if (!matches) derived.set(key, (matches = derivedTerms(tree, term)));
				for (const match of matches) addTerm(match.data, match.weight, source, bit, onlyTouched);
			}
		},
		/** The totals so far. */
		scores(): CandidateScores {
			const found = touched.subarray(0, work.touchedCount);
			for (const doc of found) score[doc] = raw[doc]! * sourceCount[doc]!;
			return { touched: found, score, groups: groupBits, headline, kind: kinds, idOf: (doc) => state.documentIds.get(doc) as string };
		},
		/**
		 * minisearch's results for the `chosen` documents (scored ones), best first, for a query of `terms` (in query
		 * order, repeats kept): the query terms each matched, which index terms matched in which fields, and the score,
		 * added up in minisearch's own order (term by term, field by field) so that it is the very same number, and
		 * ties in its order too (the order it first met them in). With `requireTerms`, only documents that matched that
		 * many distinct query terms (minisearch's AND).
		 */
		results(chosen: ArrayLike<number>, terms: readonly ScoredTerm[], requireTerms: number | null = null): SearchResult[] {
			const found: Found[] = [];
			for (let i = 0; i < chosen.length; i++) {
				const doc = chosen[i]!;
				if (seen[doc] !== 1 || slotOf[doc] !== 0) continue;
				found.push({ doc, match: {}, queryTerms: [], total: 0, part: 0, first: -1 });
				slotOf[doc] = found.length;
			}
			const { k, d } = BM25;
			let slot = 0;
			const termsMet = new Set<string>();
			for (const term of terms) {
				const matches = derived.get(termKey(term)) ?? derivedTerms(tree, term);
				for (const match of matches) {
					// A word an earlier query term matched too (a repeated word): minisearch's later term results
					// replace its fields rather than add to them (Object.assign of the match objects).
					const replaced = termsMet.has(match.term) ? new Set<number>() : null;
					termsMet.add(match.term);
					for (const field of fieldList) {
						const docs = match.data.get(field.id);
						slot++;
						if (!docs) continue;
						const idf = Math.log(1 + (documentCount - docs.size + 0.5) / (docs.size + 0.5));
						const fieldId = field.id;
						const note = (entry: Found, tf: number) => {
							// minisearch's arithmetic, operation for operation (calcBM25Score and termResults); the length
							// term is worked out by the same expression (layoutOf), so it is the same number.
							const bm25 = idf * (d + (tf * (k + 1)) / (tf + norms[entry.doc * stride + fieldId]!));
							entry.part += match.weight * 1 * field.boost * 1 * bm25;
							if (entry.first < 0) entry.first = slot;
							if (replaced && !replaced.has(entry.doc)) {
								replaced.add(entry.doc);
								entry.match[match.term] = [field.name];
							} else if (Object.hasOwn(entry.match, match.term)) entry.match[match.term]!.push(field.name);
							else entry.match[match.term] = [field.name];
							if (!entry.queryTerms.includes(term.term)) entry.queryTerms.push(term.term);
						};
						if (docs.size <= found.length) {
							docs.forEach((tf, doc) => {
								const at = slotOf[doc]!;
								if (at !== 0) note(found[at - 1]!, tf);
							});
						} else {
							for (const entry of found) {
								const tf = docs.get(entry.doc);
								if (tf !== undefined) note(entry, tf);
							}
						}
					}
				}
				// minisearch adds up each query term's results (0 + x is x: a term not matched changes nothing).
				for (const entry of found) {
					entry.total += entry.part;
					entry.part = 0;
				}
			}
			const kept: Found[] = [];
			for (const entry of found) {
				slotOf[entry.doc] = 0;
				const matched = entry.queryTerms.length;
				if (matched === 0 || (requireTerms !== null && matched < requireTerms)) continue;
				entry.total *= matched;
				kept.push(entry);
			}
			// minisearch sorts by score, keeping ties in the order it met them (a field's postings are in id order).
			kept.sort((x, y) => y.total - x.total || x.first - y.first || x.doc - y.doc);
			return kept.map(({ doc, total, match, queryTerms }) => ({ id: state.documentIds.get(doc), score: total, terms: Object.keys(match), queryTerms, match }));
		}
	};
}

/** A document being made into a result (candidate-scores' results()). */
interface Found {
	doc: number;
	match: Record<string, string[]>;
	queryTerms: string[];
	/** The score so far, and the current query term's part of it (minisearch adds term results up). */
	total: number;
	part: number;
	/** Where it was first met: how many (term, index term, field) were visited before, in minisearch's order. */
	first: number;
}

/** The `rank`-th largest of `values` (0: the largest), rearranging them (quickselect: linear on average). */
function nthLargest(values: Float64Array, rank: number): number {
	let lo = 0;
	let hi = values.length - 1;
	const target = rank;
	while (lo < hi) {
		const pivot = values[(lo + hi) >>> 1]!;
		let i = lo;
		let j = hi;
		while (i <= j) {
			while (values[i]! > pivot) i++;
			while (values[j]! < pivot) j--;
			if (i <= j) {
				const t = values[i]!;
				values[i] = values[j]!;
				values[j] = t;
				i++;
				j--;
			}
		}
		if (target <= j) hi = j;
		else if (target >= i) lo = i;
		else break;
	}
	return values[target]!;
}

/**
 * The documents among `docs` with the highest scores, at most `cap` per kind (the id's first letter), so a page of
 * segments never pushes out the questions that lend them support. In the order of `docs`.
 */
export function topScored(scores: CandidateScores, docs: ArrayLike<number>, cap: number): Int32Array {
	const { kind, score } = scores;
	const perKind = new Uint32Array(256);
	for (let i = 0; i < docs.length; i++) perKind[kind[docs[i]!]!]!++;
	// Per kind: the score a document needs (-Infinity: all are in), and how many with exactly that score still fit.
	const threshold = new Float64Array(256).fill(-Infinity);
	const room = new Int32Array(256).fill(cap);
	for (let code = 0; code < 256; code++) {
		const count = perKind[code]!;
		if (count <= cap) continue;
		const values = new Float64Array(count);
		let n = 0;
		for (let i = 0; i < docs.length; i++) if (kind[docs[i]!] === code) values[n++] = score[docs[i]!]!;
		threshold[code] = nthLargest(values, cap - 1);
		for (let i = 0; i < count; i++) if (values[i]! > threshold[code]!) room[code]!--;
	}
	const kept = new Int32Array(Math.min(docs.length, cap * 256));
	let n = 0;
	for (let i = 0; i < docs.length; i++) {
		const doc = docs[i]!;
		const code = kind[doc]!;
		const value = score[doc]!;
		if (value > threshold[code]! || perKind[code]! <= cap) kept[n++] = doc;
		else if (value === threshold[code] && room[code]! > 0) {
			room[code]!--;
			kept[n++] = doc;
		}
	}
	return kept.subarray(0, n);
}
