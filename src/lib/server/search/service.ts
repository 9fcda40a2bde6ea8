/**
 * Search kept in step with the database: builds the index once, then applies each content change to it in place
 * (add / replace / discard) and recomputes the automatic question links the change touched. Changes are applied
 * one at a time, in the order they were announced.
 */
import { and, eq } from 'drizzle-orm';
import type { ContentChange } from '../content-events';
import type { Db } from '../db/client';
import { questions, questionSegments } from '../db/schema';
import { computeAutoLinks, questionsTouchedBySegments } from './auto-links';
import type { LinkRecord, SegmentRecord } from './content';
import { loadIndexContent, loadLinks } from './load';
import { fuseHitsSettled, locateAnswer, type HybridHit, type Moment, type QueryVector, type Via } from './hybrid';
import { unseenWords } from './evidence';
import { normalizeQuery, rankAll, segmentPasses, type RankedHits, type SearchFilter } from './ranking';
import { searchContent, toSegmentResult, type SearchRequest } from './results';
import { SearchIndex } from './search-index';
import type { DocRef, MeaningEngine, MeaningExplanation, ScoreExplanation } from './engine';
import { SemanticEngine } from './semantic';
import { RecentResults, recentResultsKey } from './recent-results';
import { contentMemosInUse } from '../content-memo';
import { VectorIndex } from '../vectors';
import type { SearchResults, SegmentResult } from '../../search-results';

export interface LinkRecomputation {
	questions: number;
	/** Automatic links written. */
	links: number;
}

/** A moment that answers a query: the segment (with its episode and show), and the sentences where it is said. */
export interface MomentHit {
	segment: SegmentResult;
	score: number;
	/** The sentences inside the segment that answer best (null when the segment has no sentence vectors). */
	sentence: Moment | null;
	via: Via;
}

export interface WordsAndMeaning {
	words: RankedHits;
	meaning: QueryVector | null;
	/** The segments words and meaning find, fused and through the evidence floor (hybrid.ts), best first. */
	segments: HybridHit[];
}

/**
 * A query ranked by its words and encoded for its meaning at the same time: the encoder thread is handed the query
 * first, and this thread ranks the words while the other encodes, so a query costs the longer of the two, not both.
 * Then both are fused, with the query's unseen words encoded only if the floor asks for their neighbours.
 */
export async function wordsAndMeaning(index: SearchIndex, semantic: MeaningEngine, query: string, filter: SearchFilter = {}): Promise<WordsAndMeaning> {
	const meaning = semantic.queryVector(query, unseenWords(index, normalizeQuery(query)));
	const words = rankAll(index, query, filter);
	const vector = await meaning;
	const segments = await fuseHitsSettled(words.segments, vector, (id) => segmentPasses(index, id, filter), {
		links: (id) => index.linksByQuestion.get(id),
		evidence: words.evidence
	});
	return { words, meaning: vector, segments };
}

/**
 * Search over words and meaning: the word engine inside `index` (SearchIndex, engine.ts `SearchEngine`) and a meaning
 * engine (engine.ts `MeaningEngine`; today semantic.ts over the vector index), fused by hybrid.ts.
 */
export class SearchService<Meaning extends MeaningEngine = MeaningEngine> {
	#queue: Promise<unknown> = Promise.resolve();
	/** Results of recent requests (recent-results.ts), dropped whenever the index or its links change. */
	readonly #recent = new RecentResults();
	/** The meaning engine (empty until vectors are stored: then search is lexical). */
	readonly semantic: Meaning;

	constructor(
		readonly db: Db,
		readonly index: SearchIndex,
		semantic?: Meaning
	) {
		// Without one given, an engine with no vectors: search by words alone.
		this.semantic = semantic ?? (new SemanticEngine(new VectorIndex()) as MeaningEngine as Meaning);
	}

	/** Reads all content and vectors and builds the index. */
	static async build(db: Db): Promise<SearchService<SemanticEngine>> {
		return new SearchService(db, SearchIndex.build(await loadIndexContent(db)), await SemanticEngine.load(db));
	}

	/**
	 * Why a document scores what it does for a query, from each engine: the word engine's explanation (the query as
	 * ranking runs it; matched
	 * terms, fields, score) and, for a segment, the meaning engine's (its nearest passage and cosine). Either is null
	 * when that engine does not find it.
	 */
	async explain(query: string, ref: DocRef): Promise<{ words: ScoreExplanation | null; meaning: MeaningExplanation | null }> {
		const words = this.index.words.explain({ text: normalizeQuery(query) }, ref);
		const meaning = ref.kind === 'segment' ? await this.semantic.explain(query, ref.id) : null;
		return { words, meaning };
	}

	/**
	 * The search page's and API's results: words and meaning together once the encoder is ready, words alone before.
	 * While the response cache may answer (content-memo.ts), one request's results are worked out once and shared by
	 * the page, its data request and the API answer (recent-results.ts): the caller must not change them.
	 */
	async search(request: SearchRequest): Promise<SearchResults> {
		const query = normalizeQuery(request.query);
		if (!query) return searchContent(this.index, request, null);
		if (!(await contentMemosInUse())) return this.#searchNow(query, request);
		return this.#recent.get(recentResultsKey(query, request, this.semantic.ready), () => this.#searchNow(query, request));
	}

	/** Forgets the results of recent requests (the meaning engine has finished loading: the same request may rank otherwise). */
	forgetRecentResults(): void {
		this.#recent.invalidate();
	}

	async #searchNow(query: string, request: SearchRequest): Promise<SearchResults> {
		const { words, meaning, segments } = await this.wordsAndMeaning(query, request.filter);
		return searchContent(this.index, request, meaning, words, segments);
	}

	wordsAndMeaning(query: string, filter: SearchFilter = {}): Promise<WordsAndMeaning> {
		return wordsAndMeaning(this.index, this.semantic, query, filter);
	}

	/**
	 * The moments that answer a query, best first, with the same ranking as /search: for the answer page. A moment
	 * found only by meaning is there only above a calibrated similarity, so nonsense finds nothing.
	 */
	async searchMoments(query: string, { limit = 10, filter = {} }: { limit?: number; filter?: SearchFilter } = {}): Promise<MomentHit[]> {
		const text = normalizeQuery(query);
		if (!text) return [];
		const { meaning: vector, segments: hits } = await this.wordsAndMeaning(text, filter);
		const out: MomentHit[] = [];
		for (const hit of hits) {
			if (out.length >= limit) break;
			const sentence = locateAnswer(vector, hit.id);
			const segment = toSegmentResult(this.index, hit.id, hit.score, hit.terms, { sentence, via: hit.via });
			if (segment) out.push({ segment, score: segment.score, sentence, via: hit.via });
		}
		return out;
	}

	/**
	 * Applies a content change (after the queue of earlier ones); resolves when index and links are current. With
	 * `derive` false the automatic links are only re-read: another server writes them (content-sync.ts).
	 */
	applyChange(change: ContentChange, derive = true): Promise<void> {
		return this.#enqueue(() => this.#apply(change, derive));
	}

	/** Recomputes the automatic links of some questions (all when omitted), keeping editorial links as they are. */
	recomputeAutoLinks(questionIds?: Iterable<number>): Promise<LinkRecomputation> {
		return this.#enqueue(() => this.#recompute(questionIds ? [...questionIds] : null));
	}

	#enqueue<T>(task: () => Promise<T>): Promise<T> {
		// The index and its links change in place: results worked out before or during the change are not reused.
		const run = this.#queue.then(async () => {
			this.#recent.invalidate();
			try {
				return await task();
			} finally {
				this.#recent.invalidate();
			}
		});
		this.#queue = run.catch(() => {}); // one failed change must not block the ones after it
		return run;
	}

	async #apply(change: ContentChange, derive: boolean): Promise<void> {
		const index = this.index;
		const episodeIds = new Set(change.episodeIds ?? []);
		const showEpisodes = [...index.episodes.values()].filter((e) => change.podcastIds?.includes(e.podcastId)).map((e) => e.id);
		await this.semantic.reloadEpisodes(this.db, [...new Set([...episodeIds, ...showEpisodes])]);
		const content = await loadIndexContent(this.db, {
			podcastIds: change.podcastIds ?? [],
			episodeIds: [...episodeIds],
			questionIds: change.questionIds ?? [],
			personIds: [],
			linkQuestionIds: []
		});
		const foundShows = new Set(content.shows.map((s) => s.id));
		const deletedShows = new Set((change.podcastIds ?? []).filter((id) => !foundShows.has(id)));

		// Questions linked to segments about to be replaced or removed (with their episode, or with a deleted show)
		// must be looked at again.
		const touchedQuestions = new Set<number>(change.questionIds ?? []);
		for (const episode of index.episodes.values()) {
			if (!episodeIds.has(episode.id) && !deletedShows.has(episode.podcastId)) continue;
			for (const segmentId of index.segmentsByEpisode.get(episode.id) ?? []) {
				for (const q of index.questionsBySegment.get(segmentId) ?? []) touchedQuestions.add(q);
			}
		}

		for (const showId of deletedShows) index.removeShow(showId);
		for (const show of content.shows) index.putShow(show);
		await this.#loadMissingShowsAndPeople(content.episodes);

		const foundEpisodes = new Set(content.episodes.map((e) => e.id));
		for (const episodeId of episodeIds) if (!foundEpisodes.has(episodeId)) index.removeEpisode(episodeId);
		const segmentsByEpisode = new Map<number, SegmentRecord[]>(content.episodes.map((e) => [e.id, []]));
		for (const segment of content.segments) segmentsByEpisode.get(segment.episodeId)?.push(segment);
		for (const episode of content.episodes) index.putEpisode(episode, segmentsByEpisode.get(episode.id)!);
		const changedSegments = content.segments.map((s) => s.id);

		const foundQuestions = new Set(content.questions.map((q) => q.id));
		for (const questionId of change.questionIds ?? []) if (!foundQuestions.has(questionId)) index.removeQuestion(questionId);
		for (const question of content.questions) index.putQuestion(question);

		for (const q of questionsTouchedBySegments(index, changedSegments)) touchedQuestions.add(q);
		const relink = [...touchedQuestions].filter((id) => index.questions.has(id));
		if (relink.length) await (derive ? this.#recompute(relink) : this.#reloadLinks(relink, false));
		if (change.questionIds?.length) await this.semantic.syncQuestions(index.questions.values());
	}

	/** Shows and people an episode refers to that the index has not seen (a new show or guest from an import). */
	async #loadMissingShowsAndPeople(episodes: { podcastId: number; people: { personId: number }[] }[]): Promise<void> {
		const podcastIds = [...new Set(episodes.map((e) => e.podcastId))].filter((id) => !this.index.shows.has(id));
		// People are re-read for every changed episode: a re-import may have changed a guest's name or bio.
		const personIds = [...new Set(episodes.flatMap((e) => e.people.map((p) => p.personId)))];
		if (!podcastIds.length && !personIds.length) return;
		const extra = await loadIndexContent(this.db, { podcastIds, personIds, episodeIds: [], questionIds: [], linkQuestionIds: [] });
		for (const show of extra.shows) this.index.shows.set(show.id, show);
		for (const person of extra.people) this.index.putPerson(person);
	}

	/** Recomputes the given questions' automatic links (null: every question's). */
	async #recompute(only: number[] | null): Promise<LinkRecomputation> {
		const questionIds = only ?? [...this.index.questions.keys()];
		// Links as they stand in the database (cascades may have removed some), so support and pinning are current.
		await this.#reloadLinks(questionIds, only === null);

		let written = 0;
		for (const questionId of questionIds) {
			const editorial = (this.index.linksByQuestion.get(questionId) ?? []).filter((l) => l.origin === 'editorial');
			const links = await computeAutoLinks(this.index, questionId, new Set(editorial.map((l) => l.segmentId)), this.semantic);
			written += await this.db.transaction(async (tx) => {
				// Every server on the database recomputes the same links after a change: taking the question's row
				// makes them do it one after another (each replacing the last's identical links), not collide on the key.
				const [exists] = await tx.select({ id: questions.id }).from(questions).where(eq(questions.id, questionId)).for('update');
				if (!exists) return 0; // deleted meanwhile (by another server or a script): its removal is on its way here
				await tx.delete(questionSegments).where(and(eq(questionSegments.questionId, questionId), eq(questionSegments.origin, 'auto')));
				// What is left are the editorial links, as they stand now: one pinned after this server read its links
				// (editors take the same row lock) is not cited again as automatic, and automatic links come after all.
				const pinned = await tx
					.select({ segmentId: questionSegments.segmentId, rank: questionSegments.rank })
					.from(questionSegments)
					.where(eq(questionSegments.questionId, questionId));
				const after = Math.max(0, ...pinned.map((p) => p.rank));
				const fresh = links.filter((link) => !pinned.some((p) => p.segmentId === link.segmentId));
				if (fresh.length) {
					await tx.insert(questionSegments).values(
						fresh.map((link, i) => ({
							questionId,
							segmentId: link.segmentId,
							rank: after + i + 1,
							excerpt: link.excerpt,
							origin: 'auto' as const,
							score: link.score,
							startSeconds: link.startSeconds,
							endSeconds: link.endSeconds
						}))
					);
				}
				return fresh.length;
			});
		}
		await this.#reloadLinks(questionIds, only === null);
		return { questions: questionIds.length, links: written };
	}

	async #reloadLinks(questionIds: number[], all: boolean): Promise<void> {
		const byQuestion = new Map<number, LinkRecord[]>(questionIds.map((id) => [id, []]));
		for (const link of await loadLinks(this.db, all ? undefined : questionIds)) byQuestion.get(link.questionId)?.push(link);
		for (const [questionId, links] of byQuestion) this.index.setLinks(questionId, links);
	}
}
