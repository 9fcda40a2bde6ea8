/**
 * What a search engine is to the rest of the site: the two roles search has, each an interface, so that an engine is
 * one module implementing one of them (docs/search-engines.md says how to add one).
 *
 * - A word engine (`SearchEngine`) holds documents as text by field: index a document, remove it, query with filters,
 *   explain a score. minisearch is today's (minisearch-engine.ts); ranking, related questions, suggestions and
 *   automatic question links query it through this interface only, and SearchIndex (search-index.ts) feeds it.
 * - A meaning engine (`MeaningEngine`) holds the stored passage vectors and encodes queries: semantic.ts over the
 *   in-memory vector index (src/lib/server/vectors) is today's. Its vectors are computed by a background job and
 *   stored with the content, so it indexes and removes by episode (reloadEpisodes) rather than by text.
 * The search service (service.ts) runs both and fuses them (hybrid.ts); index.ts picks the engines.
 */
import type { Db } from '../db/client';
import type { SearchField } from './config';
import type { QueryVector } from './hybrid';
import type { VectorHit } from '../vectors';

/** The kinds of document search holds. */
export type DocKind = 'segment' | 'question' | 'person';

/** The fields each kind of document fills (search-index.ts): a search for one kind needs to read only these. */
export const KIND_FIELDS: Record<DocKind, readonly SearchField[]> = {
	segment: ['title', 'summary', 'text', 'episode', 'show', 'people'],
	question: ['title', 'alternatives'],
	person: ['title', 'summary', 'text']
};

/** Which record a document is: its kind and the record's id. */
export interface DocRef {
	kind: DocKind;
	id: number;
}

/** A document as a word engine is given it: the record's text, by field (a field left out is empty). */
export interface EngineDocument {
	ref: DocRef;
	fields: Partial<Record<SearchField, string | undefined>>;
}

/** A query to a word engine. */
export interface EngineQuery {
	text: string;
	/** Only documents of this kind are scored and returned (a question search never reads transcripts). */
	kind?: DocKind;
	/** 'OR' (default): a document matching any term; 'AND': every term. */
	combineWith?: 'AND' | 'OR';
	/** Typo and prefix expansion (default true); related questions and link upkeep match words as they are. */
	expand?: boolean;
	/** Only documents this accepts are returned (a show or person filter resolved to records). */
	accept?: (ref: DocRef) => boolean;
}

/** A document that matched, with its score and what of the query it matched. */
export interface EngineHit {
	ref: DocRef;
	score: number;
	/** The index terms that matched (for marking snippets and weighing evidence). */
	terms: string[];
	/** How many of the query's own terms it matched (through typos and prefixes too). */
	queryTermsMatched: number;
}

/** Why a document got its score, for people tuning ranking (and tests). */
export interface ScoreExplanation {
	engine: string;
	ref: DocRef;
	score: number;
	/** Each matched index term and the fields it was found in. */
	matched: { term: string; fields: string[] }[];
	/** The query's own terms it matched. */
	queryTerms: string[];
	/** How the engine chose what to score: 'all' documents matching, or a bounded set of candidates. */
	scored: 'all' | 'candidates';
	/** Documents matched and scored for the query (null when the engine does not say). */
	documentsMatched: number | null;
}

/**
 * What an engine's vocabulary says, read by query planning (query-plan.ts: typo and prefix expansion, common words)
 * and the evidence weights (evidence.ts: a term's idf): engine-neutral statistics, so a second word engine supplies
 * them and both work unchanged. Terms are index terms (terms.ts); postings count document-field entries.
 */
export interface TermStatistics {
	/** Documents indexed. */
	readonly documents: number;
	/** Bumped whenever what is indexed changes (caches of these statistics empty then). */
	readonly generation: number;
	/** Postings of an exact term (0: the index has never seen it). */
	postings(term: string): number;
	/** Indexed terms at edit distance 1..maxEdits from `term` (the term itself excluded), with their postings. */
	fuzzy(term: string, maxEdits: number): { term: string; distance: number; postings: number }[];
	/** Indexed terms that start with `prefix` (the prefix itself excluded): how many, and their postings in total. */
	completions(prefix: string): { terms: number; postings: number };
}

/** A word engine: documents in, ranked documents out. In memory, so every call is synchronous. */
export interface SearchEngine {
	readonly name: string;
	/** Indexes a document, replacing the one with the same ref. */
	put(doc: EngineDocument): void;
	/** Removes a document (nothing happens when it is not there). */
	remove(ref: DocRef): void;
	has(ref: DocRef): boolean;
	/** The documents matching a query, best first. */
	query(query: EngineQuery): EngineHit[];
	/** Why a document scores what it does for a query; null when it does not match. */
	explain(query: EngineQuery, ref: DocRef): ScoreExplanation | null;
	stats(): { documents: number; terms: number };
	/** Its vocabulary's statistics (live: always of what is indexed now). */
	readonly terms: TermStatistics;
}

/** A question's phrasings, as a meaning engine compares queries with them. */
export interface QuestionPhrasings {
	id: number;
	text: string;
	alternatives: string[];
}

/**
 * What hybrid ranking compares a query vector with (a QueryVector's `vectors`): passages grouped by segment, of one
 * model. The in-memory VectorIndex (src/lib/server/vectors) is today's; a vector database would be another.
 */
export interface PassageVectors {
	/** The segments nearest the query, best first (each with its best passage), among those `accept` lets through. */
	search(query: Float32Array, model: string, options?: { limit?: number; accept?: (segmentId: number) => boolean }): VectorHit[];
	/** Each given segment's best passage (segments with no vectors of the model are left out). */
	scoreSegments(query: Float32Array, model: string, segmentIds: Iterable<number>): Map<number, VectorHit>;
	/** The run of sentences in a segment nearest the query (null when it has no sentence vectors). */
	bestSentence(query: Float32Array, model: string, segmentId: number): VectorHit | null;
}

/** A meaning engine: stored passage vectors and the query encoder. Until it is ready, queries are answered by words. */
export interface MeaningEngine {
	readonly name: string;
	/** Whether queries are being encoded (an encoder is loaded and vectors of its model are stored). */
	readonly ready: boolean;
	/**
	 * Loads what it searches (stored vectors, the encoder) and encodes the questions, logging what it did; the server
	 * calls it in the background after start-up and answers by words until it is done. `searchSnapshot` is where the
	 * word index's snapshot is (undefined: the default place; null: none), for an engine that keeps one beside it.
	 */
	start(db: Db, options: { searchSnapshot?: string | null; questions: () => Iterable<QuestionPhrasings>; log: (message: string) => void }): Promise<void>;
	/** Starts loading what queries need, when there is anything to compare them with; resolves when loaded (or not). */
	warmUp(): Promise<unknown>;
	/** Re-reads the stored vectors of changed or deleted episodes: its index and remove. */
	reloadEpisodes(db: Db, episodeIds: number[]): Promise<void>;
	/** Encodes the phrasings of new or changed questions and forgets deleted ones. */
	syncQuestions(questions: Iterable<QuestionPhrasings>): Promise<void>;
	/**
	 * The query's vector and what to compare it with, or null while not ready; with the neighbours in meaning of
	 * `unseen`, the query's words the index never saw (evidence.ts unseenWords), when the engine knows them.
	 */
	queryVector(query: string, unseen?: readonly string[]): Promise<QueryVector | null>;
	/** Why a segment is as near the query as it is: its best passage and that cosine; null when not ready or no vectors. */
	explain(query: string, segmentId: number): Promise<MeaningExplanation | null>;
}

/** Why a segment is near a query by meaning, for people tuning ranking (and tests). */
export interface MeaningExplanation {
	engine: string;
	model: string;
	segmentId: number;
	/** The cosine hybrid ranking uses for the segment: that of its passage nearest the query. */
	cosine: number;
	/** That passage. */
	passage: { kind: 'segment' | 'sentence'; startSeconds: number; endSeconds: number; text: string };
}

/**
 * A meaning engine's explain from its own queryVector: the segment's best passage, scored as hybrid ranking scores it
 * (PassageVectors.scoreSegments). An engine whose QueryVector compares through PassageVectors needs nothing more.
 */
export async function explainByPassages(engine: MeaningEngine, query: string, segmentId: number): Promise<MeaningExplanation | null> {
	const q = await engine.queryVector(query);
	const hit = q?.vectors.scoreSegments(q.vector, q.model, [segmentId]).get(segmentId);
	if (!q || !hit) return null;
	const { kind, startSeconds, endSeconds, text } = hit.passage;
	return { engine: engine.name, model: q.model, segmentId, cosine: hit.score, passage: { kind, startSeconds, endSeconds, text } };
}
