/**
 * The search wing's front door. The app's search is one SearchService, built once when the server starts
 * (hooks.server.ts `init`) and kept current through content-change events; nothing here runs per request. Routes and
 * other services call `getSearch()` and the helpers exported here, never the wing's other files. The engines behind
 * it (engine.ts: a word engine, minisearch today, and a meaning engine, the vector index) are chosen in initSearch.
 */
import { eq } from 'drizzle-orm';
import { onContentChange, type ChangeOrigin, type ContentChange } from '../content-events';
import { getDb } from '../db';
import type { Db } from '../db/client';
import { questionSegments } from '../db/schema';
import { SearchService, type MomentHit } from './service';
import { SemanticEngine } from './semantic';
import { VectorIndex } from '../vectors';
import { openSearchIndex } from './startup';
import type { SearchFilter } from './ranking';

export { SearchService, type MomentHit } from './service';
export type { Moment, Via } from './hybrid';
export type { SearchIndex } from './search-index';
export type { SearchFilter } from './ranking';
export type { DocKind, DocRef, EngineDocument, EngineHit, EngineQuery, MeaningEngine, ScoreExplanation, SearchEngine } from './engine';
export { findQuestionsRelatedToEpisode, findQuestionsRelatedToQuestion, findRelatedQuestions } from './related';
export { listFeatured, toQuestionLink } from './results';
export { parseSearchParams } from './params';
export { limitedSearchLoad, limitedSearchResponse } from './client-limit';
export { queryTerms } from './terms';

let ready: Promise<SearchService> | null = null;
let unsubscribe: (() => void) | null = null;
/** The app's meaning engine, stopped with the search (its background encoding would keep a stopping process alive). */
let meaning: SemanticEngine | null = null;

export interface InitOptions {
	log?: (message: string) => void;
	/** The search snapshot file (startup.ts); null for none. Default: from SEARCH_SNAPSHOT_DIR, or ./data/search. */
	snapshot?: string | null;
}

/**
 * Builds the app's index from the database, or restores it from a current snapshot (once: later calls get the same
 * service), and subscribes it to changes.
 */
export function initSearch(db: Db, { log = () => {}, snapshot }: InitOptions = {}): Promise<SearchService> {
	ready ??= (async () => {
		const started = performance.now();
		// Changes announced while the index is being built (another server's import, heard through content-sync.ts)
		// are kept and applied once it is built: re-applying one the build already read is harmless.
		const early: [ContentChange, ChangeOrigin][] = [];
		let apply = (change: ContentChange, origin: ChangeOrigin): void | Promise<void> => void early.push([change, origin]);
		unsubscribe = onContentChange((change, origin) => apply(change, origin));
		const opened = await openSearchIndex(db, { log, snapshot });
		// The engines: words by minisearch (inside the index, search-index.ts), meaning by the vector index.
		const semantic = new SemanticEngine(new VectorIndex());
		meaning = semantic;
		const service = new SearchService(db, opened.index, semantic);
		// What the meaning engine searches (vectors, the query encoder) loads after start-up, in the background;
		// search answers by words until then.
		setTimeout(() => {
			void semantic
				.start(db, { searchSnapshot: snapshot, questions: () => service.index.questions.values(), log })
				// Results worked out while it loaded (the encoder ready, questions still being encoded) are not reused.
				.then(() => service.forgetRecentResults())
				.catch((e: unknown) => log(`search by meaning is off: ${e instanceof Error ? e.message : String(e)}`));
		}, 0).unref?.();
		// Automatic links are written by one process per change (content-sync.ts); the others read them.
		apply = (change, origin) => service.applyChange(change, origin.derive ?? true);
		for (const [change, origin] of early) void service.applyChange(change, origin.derive ?? true).catch((e: unknown) => log(`applying a change failed: ${String(e)}`));
		const s = service.index.stats();
		log(
			`${opened.source === 'snapshot' ? 'restored' : 'indexed'} ${s.segments} segments of ${s.episodes} episodes, ` +
				`${s.questions} questions and ${s.people} people (${s.terms} terms) in ${Math.round(performance.now() - started)} ms`
		);
		// Fresh content (the demo on first start, a restored dump) has only editorial links: add the automatic ones once.
		if (s.questions > 0 && !(await hasAutoLinks(db))) {
			const linkStarted = performance.now();
			const result = await service.recomputeAutoLinks();
			log(`linked ${result.questions} questions to ${result.links} segments automatically in ${Math.round(performance.now() - linkStarted)} ms`);
		}
		return service;
	})().catch((error: unknown) => {
		ready = null;
		unsubscribe?.();
		throw error;
	});
	return ready;
}

/** The app's search service; builds it on first use if start-up has not (a script, a test importing a route). */
export async function getSearch(): Promise<SearchService> {
	return ready ?? initSearch(await getDb());
}

/**
 * The moments that answer a query, best first, ranked as /search ranks them (words and meaning fused): for the answer
 * page. Each has its segment (with episode, show and deep link starting at the answer), score, the answering
 * sentences (or null) and how it was found.
 */
export async function searchMoments(query: string, options: { limit?: number; filter?: SearchFilter } = {}): Promise<MomentHit[]> {
	return (await getSearch()).searchMoments(query, options);
}

/** Forgets the app's index and stops following changes (tests, shutdown). */
export function resetSearch(): void {
	unsubscribe?.();
	unsubscribe = null;
	meaning?.stop();
	meaning = null;
	ready = null;
}

async function hasAutoLinks(db: Db): Promise<boolean> {
	const rows = await db.select({ id: questionSegments.questionId }).from(questionSegments).where(eq(questionSegments.origin, 'auto')).limit(1);
	return rows.length > 0;
}
