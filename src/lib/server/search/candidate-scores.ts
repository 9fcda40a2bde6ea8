/**
 * One cheap pass over a query's postings that gives every matched document the score minisearch would give it
 * (same BM25, same field boosts, same prefix and typo weights, same bonus for matching more query terms), without
 * building a result object per document: scores go into typed arrays indexed by minisearch's short ids. The query
 * planner (query-plan.ts) uses it to pick which documents are worth handing to minisearch when a query of common
 * words matches most of the index, so that minisearch scores a bounded number of documents whatever is typed.
 */
import type MiniSearch from 'minisearch';
import { FIELD_BOOSTS, HEADLINE_FIELDS, MATCH_WEIGHTS, SEARCH_FIELDS, type SearchField } from './config';
import { miniSearchStateOf, termTreeOf, type FieldTermData } from './minisearch-internals';

/** A planned query term, as far as scoring goes. */
export interface ScoredTerm {
	term: string;
	fuzzy: number | false;
	prefix: boolean;
}

/** minisearch 7's BM25+ parameters (its defaults; the index does not change them). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** What one pass found, per short id; `touched` lists the documents with any posting, in the order first seen. */
export interface CandidateScores {
	touched: number[];
	/** The full score minisearch would give (sum of weighted BM25 times the number of distinct query terms matched). */
	score: Float64Array;
	/** Which of the passed term groups matched the document (bit i: group i); groups past 31 share bit 31. */
	groups: Uint32Array;
	/** 1 when a term matched in a headline field (title, summary, a question's phrasings). */
	headline: Uint8Array;
	/** The document's own id (what minisearch results carry). */
	idOf: (shortId: number) => string;
}

/**
 * Per-document arrays, kept between queries: a query touches a few thousand entries of arrays sized to the whole
 * index, and allocating them afresh each time (megabytes on 100k segments) is what the garbage collector then pays
 * for. Only the entries the last query touched are cleared. Single-threaded and used synchronously, so one set is
 * enough; what a `scores()` call returns is valid until the next `scoreCandidates`.
 */
interface Scratch {
	raw: Float64Array;
	score: Float64Array;
	groupBits: Uint32Array;
	headline: Uint8Array;
	/** Distinct query terms matched per document: minisearch multiplies the summed score by it. */
	sourceCount: Uint16Array;
	lastSource: Int32Array;
	/** 0 unknown, 1 scored, 2 rejected (deleted or of another kind). */
	seen: Uint8Array;
	/** Documents scored, in the order first seen. */
	touched: number[];
	/** Documents whose `seen` mark was set (scored or rejected): what the next query clears. */
	marked: number[];
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
			touched: [],
			marked: []
		};
		return scratch;
	}
	const s = scratch;
	for (const doc of s.marked) {
		s.raw[doc] = 0;
		s.score[doc] = 0;
		s.groupBits[doc] = 0;
		s.headline[doc] = 0;
		s.sourceCount[doc] = 0;
		s.lastSource[doc] = -1;
		s.seen[doc] = 0;
	}
	s.touched.length = 0;
	s.marked.length = 0;
	return s;
}

/**
 * BM25's length term, k * (1 - b + b * length / average length), per document and field, in one flat array: reading
 * it is most of the cost of a posting otherwise (a Map lookup per posting). Worked out again whenever the index has
 * changed (any add, removal or discard moves one of the counters in the key).
 */
const lengthNorms = new WeakMap<MiniSearch, { key: string; norms: Float64Array; stride: number }>();

function lengthNormsOf(miniSearch: MiniSearch, state: ReturnType<typeof miniSearchStateOf>): { norms: Float64Array; stride: number } {
	const key = `${state.nextId}:${state.documentCount}:${state.dirtCount}`;
	const known = lengthNorms.get(miniSearch);
	if (known?.key === key) return known;
	const stride = Math.max(...Object.values(state.fieldIds)) + 1;
	const norms = new Float64Array((state.nextId + 1) * stride);
	const { k, b } = BM25;
	for (const [doc, lengths] of state.fieldLength) {
		for (let field = 0; field < stride; field++) {
			norms[doc * stride + field] = k * (1 - b + (b * (lengths[field] ?? 0)) / state.averageFieldLength[field]!);
		}
	}
	const made = { key, norms, stride };
	lengthNorms.set(miniSearch, made);
	return made;
}

/**
 * Scores the documents groups of terms match, over `fields` (all when undefined), one group at a time (`add`), so a
 * caller can stop once it has what it needs. Documents whose id `ofKind` rejects are not scored. What a group means
 * (selective terms, one broad term) is the caller's business; `scores()` gives the totals so far.
 */
export function scoreCandidates(miniSearch: MiniSearch, ofKind: (id: string) => boolean, fields?: readonly string[]) {
	const state = miniSearchStateOf(miniSearch);
	const tree = termTreeOf(miniSearch);
	const { raw, score, groupBits, headline, sourceCount, lastSource, seen, touched, marked } = scratchFor(state.nextId + 1);
	const fieldList = (fields ?? SEARCH_FIELDS).map((name) => ({
		id: state.fieldIds[name]!,
		boost: FIELD_BOOSTS[name as SearchField] || 1,
		headline: HEADLINE_FIELDS.includes(name as SearchField)
	}));
	const sources = new Map<string, number>();
	let groupCount = 0;

	const { documentIds, documentCount } = state;
	const { k, d } = BM25;
	const { norms, stride } = lengthNormsOf(miniSearch, state);
	const addTerm = (data: FieldTermData | undefined, weight: number, source: number, bit: number) => {
		if (!data) return;
		for (const field of fieldList) {
			const docs = data.get(field.id);
			if (!docs) continue;
			const fieldId = field.id;
			const isHeadline = field.headline;
			const idf = Math.log(1 + (documentCount - docs.size + 0.5) / (docs.size + 0.5));
			const factor = weight * field.boost * idf;
			docs.forEach((tf, doc) => {
				let mark = seen[doc]!;
				if (mark === 0) {
					const id = documentIds.get(doc) as string | undefined;
					mark = seen[doc] = id !== undefined && ofKind(id) ? 1 : 2;
					marked.push(doc);
					if (mark === 1) touched.push(doc);
				}
				if (mark !== 1) return;
				raw[doc]! += factor * (d + (tf * (k + 1)) / (tf + norms[doc * stride + fieldId]!));
				groupBits[doc]! |= bit;
				if (isHeadline) headline[doc] = 1;
				if (lastSource[doc] !== source) {
					lastSource[doc] = source;
					sourceCount[doc]!++;
				}
			});
		}
	};

	return {
		/** Scores one group of terms (bit `2 ** n` for the n-th group added; groups past 31 share bit 31). */
		add(terms: ScoredTerm[]): void {
			const bit = 2 ** Math.min(groupCount++, 31);
			for (const term of terms) {
				let source = sources.get(term.term);
				if (source === undefined) sources.set(term.term, (source = sources.size));
				addTerm(tree.get(term.term), 1, source, bit);
				const prefixed = new Set<string>();
				if (term.prefix) {
					for (const [match, data] of tree.atPrefix(term.term)) {
						const distance = match.length - term.term.length;
						if (!distance) continue;
						prefixed.add(match);
						addTerm(data, (MATCH_WEIGHTS.prefix * match.length) / (match.length + 0.3 * distance), source, bit);
					}
				}
				if (term.fuzzy) {
					for (const [match, [data, distance]] of tree.fuzzyGet(term.term, term.fuzzy)) {
						if (!distance || prefixed.has(match)) continue;
						addTerm(data, (MATCH_WEIGHTS.fuzzy * match.length) / (match.length + distance), source, bit);
					}
				}
			}
		},
		/** The totals so far. */
		scores(): CandidateScores {
			for (const doc of touched) score[doc] = raw[doc]! * sourceCount[doc]!;
			return { touched, score, groups: groupBits, headline, idOf: (doc) => state.documentIds.get(doc) as string };
		}
	};
}

/**
 * The ids of the documents among `docs` with the highest scores, at most `cap` per kind (the id's first letter),
 * so a page of segments never pushes out the questions that lend them support.
 */
export function topScored(scores: CandidateScores, docs: number[], cap: number): Set<string> {
	const byKind = new Map<string, number[]>();
	for (const doc of docs) {
		const kind = scores.idOf(doc)[0]!;
		let list = byKind.get(kind);
		if (!list) byKind.set(kind, (list = []));
		list.push(doc);
	}
	const kept = new Set<string>();
	for (const list of byKind.values()) {
		let chosen = list;
		if (list.length > cap) {
			const sorted = Float64Array.from(list, (doc) => scores.score[doc]!).sort();
			const threshold = sorted[sorted.length - cap]!;
			const above = list.filter((doc) => scores.score[doc]! > threshold);
			const at = list.filter((doc) => scores.score[doc] === threshold);
			chosen = above.concat(at.slice(0, cap - above.length));
		}
		for (const doc of chosen) kept.add(scores.idOf(doc));
	}
	return kept;
}
