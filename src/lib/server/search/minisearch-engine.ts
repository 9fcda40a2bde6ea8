/**
 * The word engine (engine.ts `SearchEngine`) as minisearch implements it. This module makes and feeds the minisearch
 * index; the files that score it the fast way are minisearch's too and take it from here: query-plan.ts (which terms
 * expand, which documents are scored), candidate-scores.ts, term-stats.ts, snapshot-codec.ts, and
 * minisearch-internals.ts, the one file that reads minisearch's private state. Nothing else imports minisearch.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { FIELD_BOOSTS, MATCH_WEIGHTS, SEARCH_FIELDS } from './config';
import type { DocKind, DocRef, EngineDocument, EngineHit, EngineQuery, ScoreExplanation, SearchEngine, TermStatistics } from './engine';
import { TermStats } from './term-stats';
import { miniSearchFromState, type MiniSearchState } from './minisearch-internals';
import { prepareScoring } from './candidate-scores';
import { plannedSearch, type SearchExplain } from './query-plan';
import { indexTerms, queryTerm, tokenize } from './terms';

/** The document minisearch sees. Its id says the kind: s12 is segment 12, q3 question 3, p7 person 7. */
export interface IndexedDoc {
	id: string;
	title?: string;
	summary?: string;
	text?: string;
	alternatives?: string;
	episode?: string;
	show?: string;
	people?: string;
}

/** The first letter of each kind's document ids. */
export const PREFIX: Record<DocKind, string> = { segment: 's', question: 'q', person: 'p' };
const KIND: Record<string, DocKind> = { s: 'segment', q: 'question', p: 'person' };

/** The document id minisearch uses for a record. */
export function docId(kind: DocKind, id: number): string {
	return `${PREFIX[kind]}${id}`;
}

/** Splits a minisearch document id back into kind and record id. */
export function parseDocId(id: string): DocRef {
	return { kind: KIND[id[0]!]!, id: Number(id.slice(1)) };
}

/** The minisearch options; an index restored from a snapshot must be given the same ones it was built with. */
function miniSearchOptions(): Options<IndexedDoc> {
	return {
		fields: [...SEARCH_FIELDS],
		tokenize,
		processTerm: (term) => indexTerms(term),
		searchOptions: {
			processTerm: (term) => queryTerm(term),
			boost: FIELD_BOOSTS,
			weights: MATCH_WEIGHTS
		}
	};
}

function toIndexedDoc({ ref, fields }: EngineDocument): IndexedDoc {
	return { id: docId(ref.kind, ref.id), ...fields };
}

function toHit(result: SearchResult): EngineHit {
	return { ref: parseDocId(result.id as string), score: result.score, terms: Object.keys(result.match), queryTermsMatched: result.queryTerms.length };
}

export class MiniSearchEngine implements SearchEngine {
	readonly name = 'minisearch';
	/** Bumped on every change to what is indexed, so caches of term statistics know to empty (query-plan.ts). */
	generation = 0;

	private constructor(
		/** The index itself, for this engine's own scoring files (query-plan.ts, candidate-scores.ts, snapshots). */
		readonly miniSearch: MiniSearch<IndexedDoc>
	) {}

	/** An empty engine. */
	static create(): MiniSearchEngine {
		return new MiniSearchEngine(new MiniSearch(miniSearchOptions()));
	}

	/** An engine restored from toJSON()'s output, without re-tokenizing anything. */
	static loadJS(json: MiniSearchJSON): MiniSearchEngine {
		return MiniSearchEngine.#ready(new MiniSearchEngine(MiniSearch.loadJS(json, miniSearchOptions())));
	}

	/** An engine from a minisearch state (a search snapshot, snapshot.ts): the fast way back. */
	static fromState(state: MiniSearchState): MiniSearchEngine {
		return MiniSearchEngine.#ready(new MiniSearchEngine(miniSearchFromState(state, miniSearchOptions())));
	}

	static #ready(engine: MiniSearchEngine): MiniSearchEngine {
		prepareScoring(engine.miniSearch);
		return engine;
	}

	/** Adds documents to a new engine, then readies it for queries (a build: faster than put, which checks each id). */
	addAll(docs: Iterable<EngineDocument>): void {
		for (const doc of docs) this.miniSearch.add(toIndexedDoc(doc));
		prepareScoring(this.miniSearch);
	}

	put(doc: EngineDocument): void {
		this.generation++;
		const indexed = toIndexedDoc(doc);
		if (this.miniSearch.has(indexed.id)) this.miniSearch.replace(indexed);
		else this.miniSearch.add(indexed);
	}

	remove(ref: DocRef): void {
		const id = docId(ref.kind, ref.id);
		if (!this.miniSearch.has(id)) return;
		this.generation++;
		this.miniSearch.discard(id);
	}

	has(ref: DocRef): boolean {
		return this.miniSearch.has(docId(ref.kind, ref.id));
	}

	query(query: EngineQuery): EngineHit[] {
		const hits = this.#run(query).map(toHit);
		return query.accept ? hits.filter((hit) => query.accept!(hit.ref)) : hits;
	}

	explain(query: EngineQuery, ref: DocRef): ScoreExplanation | null {
		const explained: SearchExplain = { matched: null, scored: null };
		const id = docId(ref.kind, ref.id);
		const result = this.#run(query, explained).find((r) => r.id === id);
		if (!result || (query.accept && !query.accept(ref))) return null;
		return {
			engine: this.name,
			ref,
			score: result.score,
			matched: Object.entries(result.match).map(([term, fields]) => ({ term, fields })),
			queryTerms: result.queryTerms,
			scored: explained.scored === null ? 'all' : 'candidates',
			documentsMatched: explained.matched
		};
	}

	#terms: TermStats | null = null;

	/** Its vocabulary's statistics, read from minisearch's term tree (term-stats.ts), made on first use. */
	get terms(): TermStatistics {
		return (this.#terms ??= new TermStats(this.miniSearch, () => this.generation));
	}

	stats(): { documents: number; terms: number } {
		return { documents: this.miniSearch.documentCount, terms: this.miniSearch.termCount };
	}

	/** The index as plain JSON (SearchIndex.toJSON). */
	toJSON(): MiniSearchJSON {
		return this.miniSearch.toJSON();
	}

	#run(query: EngineQuery, explain?: SearchExplain): SearchResult[] {
		return plannedSearch(this, query.text, { kind: query.kind, combineWith: query.combineWith, expand: query.expand }, explain);
	}
}

export type MiniSearchJSON = ReturnType<MiniSearch['toJSON']>;

/** The code of minisearch and of this engine, for the snapshot fingerprint (snapshot.ts): other code, other index. */
export function engineCode(): string[] {
	return [String(MiniSearch), String(MiniSearchEngine)];
}
