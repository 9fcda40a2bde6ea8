/**
 * The one in-memory search index: the records search was built from (for snippets, filters and deep links), the
 * question -> segment links (for related questions and question support), and the word engine (engine.ts) that holds
 * them as documents: segments, questions and people. It is built once and then changed in place: each put and remove
 * here is a put or remove on the engine. It never touches the database itself (service.ts does that).
 */
import type { EngineDocument, SearchEngine, TermStatistics } from './engine';
import { MiniSearchEngine, type MiniSearchJSON } from './minisearch-engine';
import type { MiniSearchState } from './minisearch-internals';
import type { EpisodeRecord, IndexContent, LinkRecord, PersonRecord, QuestionRecord, SegmentRecord, ShowRecord } from './content';

export { KIND_FIELDS, type DocKind } from './engine';
export { docId, parseDocId, PREFIX } from './minisearch-engine';

/** How often (in documents) a build reports progress. */
const BUILD_PROGRESS_EVERY = 10_000;

export interface BuildOptions {
	/** Called with documents indexed so far and the total (a long build at start-up or in a benchmark shows it). */
	onProgress?: (done: number, total: number) => void;
}

/** A snapshot of the whole index, for SearchIndex.loadJSON (benchmarks, or a faster start-up later). */
export interface SearchIndexSnapshot {
	version: 1;
	miniSearch: MiniSearchJSON;
	content: IndexContent;
}

export class SearchIndex {
	/** The word engine holding the documents (minisearch; query-plan.ts and snapshots reach its index through it). */
	readonly engine: MiniSearchEngine;
	readonly shows = new Map<number, ShowRecord>();
	readonly episodes = new Map<number, EpisodeRecord>();
	readonly segments = new Map<number, SegmentRecord>();
	readonly questions = new Map<number, QuestionRecord>();
	readonly people = new Map<number, PersonRecord>();
	/** Segment ids of each episode, in order. */
	readonly segmentsByEpisode = new Map<number, number[]>();
	/** Each question's links, by rank. */
	readonly linksByQuestion = new Map<number, LinkRecord[]>();
	/** Which questions each segment answers. */
	readonly questionsBySegment = new Map<number, Set<number>>();

	private constructor(engine: MiniSearchEngine) {
		this.engine = engine;
	}

	/** The word engine, as everything but its own files sees it. */
	get words(): SearchEngine {
		return this.engine;
	}

	/** minisearch's index, for the engine's own scoring files (query-plan.ts, evidence weights, snapshots). */
	get miniSearch() {
		return this.engine.miniSearch;
	}

	/** The word engine's vocabulary statistics (query planning, evidence weights). */
	get terms(): TermStatistics {
		return this.engine.terms;
	}

	/** Bumped on every change to what is indexed, so caches of term statistics know to empty (query-plan.ts). */
	get generation(): number {
		return this.engine.generation;
	}

	/** Builds the index from scratch; `onProgress` hears how many documents are in, every BUILD_PROGRESS_EVERY. */
	static build(content: IndexContent, { onProgress }: BuildOptions = {}): SearchIndex {
		const index = new SearchIndex(MiniSearchEngine.create());
		index.storeRecords(content);
		const total = content.segments.length + content.questions.length + content.people.length;
		let done = 0;
		function* documents(): Generator<EngineDocument> {
			for (const segment of content.segments) yield index.segmentDoc(segment);
			for (const question of content.questions) yield questionDoc(question);
			for (const person of content.people) yield personDoc(person);
		}
		function* counted(): Generator<EngineDocument> {
			for (const doc of documents()) {
				yield doc;
				if (++done % BUILD_PROGRESS_EVERY === 0 || done === total) onProgress?.(done, total);
			}
		}
		index.engine.addAll(counted());
		return index;
	}

	/** Restores an index saved with toJSON (JSON text or the parsed object), without re-tokenizing anything. */
	static loadJSON(snapshot: string | SearchIndexSnapshot): SearchIndex {
		const data: SearchIndexSnapshot = typeof snapshot === 'string' ? JSON.parse(snapshot) : snapshot;
		if (data.version !== 1) throw new Error(`SearchIndex: snapshot version ${String(data.version)} is not supported; rebuild the index`);
		const index = new SearchIndex(MiniSearchEngine.loadJS(data.miniSearch));
		index.storeRecords(data.content);
		return index;
	}

	/**
	 * An index from a minisearch state and the records it was built from (a search snapshot, snapshot.ts): the
	 * fast way back, with no tokenizing and none of loadJSON's object round trip.
	 */
	static fromSnapshot(state: MiniSearchState, content: IndexContent): SearchIndex {
		const index = new SearchIndex(MiniSearchEngine.fromState(state));
		index.storeRecords(content);
		return index;
	}

	toJSON(): SearchIndexSnapshot {
		return { version: 1, miniSearch: this.engine.toJSON(), content: { ...this.records(), links: [...this.linksByQuestion.values()].flat() } };
	}

	/** The records the index holds, without the question links. */
	records(): Omit<IndexContent, 'links'> {
		return {
			shows: [...this.shows.values()],
			episodes: [...this.episodes.values()],
			segments: [...this.segments.values()],
			questions: [...this.questions.values()],
			people: [...this.people.values()]
		};
	}

	/** Adds or replaces a show; a new title is re-indexed into its episodes' segments, which carry it. */
	putShow(show: ShowRecord): void {
		const previous = this.shows.get(show.id);
		this.shows.set(show.id, show);
		if (!previous || previous.title === show.title) return;
		for (const episode of this.episodes.values()) if (episode.podcastId === show.id) this.reindexEpisode(episode.id);
	}

	/** Removes a show and everything under it. */
	removeShow(showId: number): void {
		for (const episode of [...this.episodes.values()]) if (episode.podcastId === showId) this.removeEpisode(episode.id);
		this.shows.delete(showId);
	}

	/** Adds or replaces an episode with its segments (the complete new list: segments not in it are discarded). */
	putEpisode(episode: EpisodeRecord, segments: SegmentRecord[]): void {
		for (const id of this.segmentsByEpisode.get(episode.id) ?? []) {
			if (!segments.some((s) => s.id === id)) this.removeSegment(id);
		}
		this.episodes.set(episode.id, episode);
		const ordered = [...segments].sort((a, b) => a.startSeconds - b.startSeconds);
		this.segmentsByEpisode.set(episode.id, ordered.map((s) => s.id));
		for (const segment of ordered) {
			this.segments.set(segment.id, segment);
			this.engine.put(this.segmentDoc(segment));
		}
	}

	/** Removes an episode and its segments. */
	removeEpisode(episodeId: number): void {
		for (const id of this.segmentsByEpisode.get(episodeId) ?? []) this.removeSegment(id);
		this.segmentsByEpisode.delete(episodeId);
		this.episodes.delete(episodeId);
	}

	putQuestion(question: QuestionRecord): void {
		this.questions.set(question.id, question);
		this.engine.put(questionDoc(question));
	}

	removeQuestion(questionId: number): void {
		if (!this.questions.delete(questionId)) return;
		this.engine.remove({ kind: 'question', id: questionId });
		this.setLinks(questionId, []);
	}

	/** Adds or replaces a person; segments of their episodes are re-indexed, since they carry people's names. */
	putPerson(person: PersonRecord): void {
		const previous = this.people.get(person.id);
		this.people.set(person.id, person);
		this.engine.put(personDoc(person));
		if (previous && previous.name !== person.name) {
			for (const episode of this.episodes.values()) {
				if (episode.people.some((p) => p.personId === person.id)) this.reindexEpisode(episode.id);
			}
		}
	}

	removePerson(personId: number): void {
		if (!this.people.delete(personId)) return;
		this.engine.remove({ kind: 'person', id: personId });
	}

	/** Replaces all of one question's links (editorial and automatic). */
	setLinks(questionId: number, links: LinkRecord[]): void {
		for (const link of this.linksByQuestion.get(questionId) ?? []) this.questionsBySegment.get(link.segmentId)?.delete(questionId);
		if (links.length === 0) {
			this.linksByQuestion.delete(questionId);
			return;
		}
		this.linksByQuestion.set(questionId, [...links].sort((a, b) => a.rank - b.rank));
		for (const link of links) {
			let set = this.questionsBySegment.get(link.segmentId);
			if (!set) this.questionsBySegment.set(link.segmentId, (set = new Set()));
			set.add(questionId);
		}
	}

	/** Counts of what is indexed, for the start-up log. */
	stats(): { segments: number; questions: number; people: number; episodes: number; terms: number } {
		return {
			segments: this.segments.size,
			questions: this.questions.size,
			people: this.people.size,
			episodes: this.episodes.size,
			terms: this.engine.stats().terms
		};
	}

	private storeRecords(content: IndexContent): void {
		for (const show of content.shows) this.shows.set(show.id, show);
		for (const episode of content.episodes) this.episodes.set(episode.id, episode);
		for (const person of content.people) this.people.set(person.id, person);
		for (const question of content.questions) this.questions.set(question.id, question);
		const sorted = [...content.segments].sort((a, b) => a.episodeId - b.episodeId || a.startSeconds - b.startSeconds);
		for (const segment of sorted) {
			this.segments.set(segment.id, segment);
			let list = this.segmentsByEpisode.get(segment.episodeId);
			if (!list) this.segmentsByEpisode.set(segment.episodeId, (list = []));
			list.push(segment.id);
		}
		const byQuestion = new Map<number, LinkRecord[]>();
		for (const link of content.links) {
			let list = byQuestion.get(link.questionId);
			if (!list) byQuestion.set(link.questionId, (list = []));
			list.push(link);
		}
		for (const [questionId, links] of byQuestion) this.setLinks(questionId, links);
	}

	private reindexEpisode(episodeId: number): void {
		for (const id of this.segmentsByEpisode.get(episodeId) ?? []) {
			const segment = this.segments.get(id);
			if (segment) this.engine.put(this.segmentDoc(segment));
		}
	}

	private removeSegment(segmentId: number): void {
		if (!this.segments.delete(segmentId)) return;
		this.engine.remove({ kind: 'segment', id: segmentId });
		// Links to a deleted segment are deleted with it (ON DELETE CASCADE); mirror that here.
		for (const questionId of this.questionsBySegment.get(segmentId) ?? []) {
			const links = this.linksByQuestion.get(questionId) ?? [];
			this.setLinks(questionId, links.filter((l) => l.segmentId !== segmentId));
		}
		this.questionsBySegment.delete(segmentId);
	}

	/** The texts a segment is found by: its own, its episode's and show's titles and its people's names (as indexed). */
	segmentTexts(segmentId: number): string[] {
		const segment = this.segments.get(segmentId);
		if (segment === undefined) return [];
		return Object.values(this.segmentDoc(segment).fields).filter((text): text is string => typeof text === 'string');
	}

	private segmentDoc(segment: SegmentRecord): EngineDocument {
		const episode = this.episodes.get(segment.episodeId);
		const show = episode ? this.shows.get(episode.podcastId) : undefined;
		const names = episode?.people.map((p) => this.people.get(p.personId)?.name).filter(Boolean) ?? [];
		return {
			ref: { kind: 'segment', id: segment.id },
			fields: {
				title: segment.title,
				summary: segment.summary ?? undefined,
				text: segment.text ?? undefined,
				episode: episode?.title,
				show: show?.title,
				people: names.join(', ')
			}
		};
	}
}

/** The code that turns records into documents, for the snapshot fingerprint (snapshot.ts): other code, other index. */
export function documentCode(): string {
	return [String(SearchIndex), String(questionDoc), String(personDoc)].join('\n');
}

function questionDoc(question: QuestionRecord): EngineDocument {
	return { ref: { kind: 'question', id: question.id }, fields: { title: question.text, alternatives: question.alternatives.join('\n') } };
}

function personDoc(person: PersonRecord): EngineDocument {
	return {
		ref: { kind: 'person', id: person.id },
		fields: {
			title: person.name,
			summary: [person.credentials, person.handle].filter(Boolean).join(' '),
			text: person.bio ?? undefined
		}
	};
}
