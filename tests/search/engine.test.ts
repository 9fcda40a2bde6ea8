/**
 * Search's front door for engines (src/lib/server/search/engine.ts): the word engine answers through the interface
 * alone (index a document, remove it, query with filters, explain a score), and a meaning engine written as one new
 * module, knowing nothing of the vector index, plugs into the search service and finds what words cannot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainByPassages, type DocRef, type MeaningEngine, type PassageVectors, type QuestionPhrasings } from '../../src/lib/server/search/engine';
import type { QueryVector } from '../../src/lib/server/search/hybrid';
import type { SearchIndex } from '../../src/lib/server/search/search-index';
import { initSearch, resetSearch, SearchService } from '../../src/lib/server/search';
import { encodeEpisode, type VectorHit } from '../../src/lib/server/vectors';
import { createTestDb, type TestDb } from '../helpers/db';
import { buildDemoIndex, segmentIdByTitle } from './fixtures';
import { COFFEE_QUESTION, storeMeaningCorpus } from './meaning-corpus';

describe('the word engine, through its interface', () => {
	const index = buildDemoIndex();
	const words = index.words;
	const kettle: DocRef = { kind: 'question', id: 999_001 };

	it('finds a document once it is indexed, and no longer once it is removed', () => {
		expect(words.query({ text: 'kettle whistle underwater' })).toEqual([]);
		words.put({ ref: kettle, fields: { title: 'Does a kettle whistle underwater?' } });
		expect(words.has(kettle)).toBe(true);
		expect(words.query({ text: 'kettle whistle underwater' })[0]?.ref).toEqual(kettle);
		words.put({ ref: kettle, fields: { title: 'Does a teapot sing in the bath?' } });
		expect(words.query({ text: 'kettle whistle underwater' })).toEqual([]);
		expect(words.query({ text: 'teapot sing bath' })[0]?.ref).toEqual(kettle);
		words.remove(kettle);
		expect(words.has(kettle)).toBe(false);
		expect(words.query({ text: 'teapot sing bath' })).toEqual([]);
		words.remove(kettle); // removing what is not there changes nothing
	});

	it('returns only the kind asked for, and only what a filter accepts', () => {
		const all = words.query({ text: 'sleep' });
		expect(new Set(all.map((h) => h.ref.kind)).size).toBeGreaterThan(1);
		const questions = words.query({ text: 'sleep', kind: 'question' });
		expect(questions.length).toBeGreaterThan(0);
		expect(questions.every((h) => h.ref.kind === 'question')).toBe(true);

		const episodeId = index.segments.get(segmentIdByTitle(index, 'Hydration and Electrolytes'))!.episodeId;
		const inEpisode = (ref: DocRef) => ref.kind === 'segment' && index.segments.get(ref.id)?.episodeId === episodeId;
		const filtered = words.query({ text: 'sodium water sleep', accept: inEpisode });
		expect(filtered.length).toBeGreaterThan(0);
		expect(filtered).toEqual(words.query({ text: 'sodium water sleep' }).filter((h) => inEpisode(h.ref)));
	});

	it('explains a score: the same score the query gave, and which words matched in which fields', () => {
		const query = { text: 'hydration electrolytes' };
		const [top] = words.query(query);
		expect(index.segments.get(top!.ref.id)?.title).toBe('Hydration and Electrolytes');
		const why = words.explain(query, top!.ref)!;
		expect(why.score).toBe(top!.score);
		expect(why.queryTerms.length).toBe(top!.queryTermsMatched);
		expect(why.matched.map((m) => m.term).sort()).toEqual([...top!.terms].sort());
		expect(why.matched.some((m) => m.fields.includes('title'))).toBe(true);
		expect(words.explain(query, { kind: 'person', id: 1 })).toBeNull();
	});
});

/**
 * A meaning engine in a few lines: "vectors" over two concepts, sweating and sleeping, whatever the words used. It
 * stands for any engine someone adds (a vector database, another encoder): the search service runs it unchanged.
 */
const CONCEPTS = [
	['sweat', 'sweating', 'sweaty', 'perspire', 'perspiration', 'perspiring'],
	['sleep', 'sleeping', 'slumber', 'nap', 'napping', 'drowsy']
];

function conceptVector(text: string): Float32Array | null {
	const counts = new Float32Array(CONCEPTS.length);
	for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) CONCEPTS.forEach((words, i) => (counts[i]! += words.includes(word) ? 1 : 0));
	const norm = Math.hypot(...counts);
	return norm ? counts.map((c) => c / norm) : null;
}

class ConceptEngine implements MeaningEngine, PassageVectors {
	readonly name = 'concepts';
	readonly ready = true;
	readonly #passages: VectorHit['passage'][] = [];
	readonly #vectors = new Map<number, Float32Array>();

	constructor(index: SearchIndex) {
		for (const segment of index.segments.values()) {
			const vector = conceptVector(`${segment.title} ${segment.summary ?? ''} ${segment.text ?? ''}`);
			if (!vector) continue;
			this.#vectors.set(segment.id, vector);
			const { id: segmentId, episodeId, startSeconds, endSeconds, title: text } = segment;
			this.#passages.push({ episodeId, segmentId, kind: 'segment', startSeconds, endSeconds: endSeconds ?? startSeconds, text });
		}
	}

	async start() {}
	async warmUp() {}
	async reloadEpisodes() {}
	async syncQuestions(_questions: Iterable<QuestionPhrasings>) {}
	async queryVector(query: string): Promise<QueryVector | null> {
		const vector = conceptVector(query);
		return vector && { vectors: this, model: this.name, vector, questions: new Map() };
	}
	explain(query: string, segmentId: number) {
		return explainByPassages(this, query, segmentId);
	}

	#hit(query: Float32Array, segmentId: number): VectorHit | null {
		const vector = this.#vectors.get(segmentId);
		const passage = this.#passages.find((p) => p.segmentId === segmentId);
		return vector && passage ? { segmentId, score: vector.reduce((sum, v, i) => sum + v * query[i]!, 0), passage } : null;
	}

	search(query: Float32Array, _model: string, { limit = 50, accept = () => true }: { limit?: number; accept?: (segmentId: number) => boolean } = {}) {
		const hits = [...this.#vectors.keys()].filter(accept).flatMap((id) => this.#hit(query, id) ?? []);
		return hits.sort((a, b) => b.score - a.score).slice(0, limit);
	}

	scoreSegments(query: Float32Array, _model: string, segmentIds: Iterable<number>) {
		return new Map([...segmentIds].flatMap((id) => {
			const hit = this.#hit(query, id);
			return hit ? [[id, hit] as const] : [];
		}));
	}

	bestSentence(): VectorHit | null {
		return null;
	}
}

describe('a meaning engine added as one module', () => {
	let t: TestDb;
	let index: SearchIndex;

	beforeAll(async () => {
		t = await createTestDb('pglite');
		index = buildDemoIndex();
	}, 120_000);
	afterAll(() => t?.close());

	it('shows, found by meaning, the moment that answers a question whose words alone do not reach it', async () => {
		const question = 'how much do I perspire on a long run';
		const hydration = segmentIdByTitle(index, 'Hydration and Electrolytes');
		const byWords = await new SearchService(t.db, index).searchMoments(question);
		expect(byWords.map((m) => m.segment.id)).not.toContain(hydration);

		const service = new SearchService(t.db, index, new ConceptEngine(index));
		const moments = await service.searchMoments(question);
		const found = moments.find((m) => m.segment.id === hydration);
		expect(found?.via).not.toBe('lexical'); // 'both': the words "long run" are there too, too weak on their own
		const page = await service.search({ query: question });
		expect(page.segments.map((s) => s.id)).toContain(hydration);

		// Asked why, the service says what each engine saw: the words that matched and the passage near in meaning.
		const why = await service.explain(question, { kind: 'segment', id: hydration });
		expect(why.words?.engine).toBe('minisearch');
		expect(why.words!.queryTerms.length).toBeGreaterThan(0);
		expect(why.meaning).toMatchObject({ engine: 'concepts', segmentId: hydration, passage: { text: 'Hydration and Electrolytes' } });
		expect(why.meaning!.cosine).toBeGreaterThan(0.5);
		expect((await new SearchService(t.db, index).explain(question, { kind: 'segment', id: hydration })).meaning).toBeNull();
	});
});

describe("the app's search start-up", () => {
	let t: TestDb;

	beforeAll(async () => {
		t = await createTestDb('pglite');
		await encodeEpisode(t.db, await storeMeaningCorpus(t.db));
	}, 120_000);
	afterAll(async () => {
		resetSearch();
		await t?.close();
	});

	it('answers by words at once, then starts the meaning engine in the background and finds paraphrases', async () => {
		const said: string[] = [];
		const service = await initSearch(t.db, { snapshot: null, log: (m) => said.push(m) });
		expect(said.some((m) => /^indexed \d+ segments/.test(m))).toBe(true);
		for (let waited = 0; !said.some((m) => m.startsWith('search by meaning ready')); waited += 100) {
			if (waited > 110_000) throw new Error(`tests: search by meaning never started; the log:\n${said.join('\n')}`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		expect(said.some((m) => /^loaded \d+ passage vectors/.test(m))).toBe(true);
		expect(service.semantic.ready).toBe(true);
		const [top] = await service.searchMoments(COFFEE_QUESTION, { limit: 1 });
		expect(top?.via).toBe('vector');
		// Found by meaning alone: explained by its passage nearest the question, not by words.
		const why = await service.explain(COFFEE_QUESTION, { kind: 'segment', id: top!.segment.id });
		expect(why.words).toBeNull();
		expect(why.meaning).toMatchObject({ engine: 'vectors', segmentId: top!.segment.id });
		expect(why.meaning!.cosine).toBeGreaterThan(0.3);
		expect(why.meaning!.passage.text.length).toBeGreaterThan(0);
	}, 120_000);
});
