/**
 * The vector engine behind the search front door: the passage vectors in memory (loaded from passage_vectors at
 * start, kept current as episodes change) and the query encoder, loaded in the background only once there are
 * vectors to compare with. Until it is ready, queryVector() answers null and search answers lexically.
 */
import type { Db } from '../db/client';
import { getEncoder, type SentenceEncoder } from '../embeddings';
import { readPassageVectors, VectorIndex, type PassageColumns, type StoredPassage } from '../vectors';
import { readVectorSnapshot, storedVectorsFingerprint, vectorSnapshotBeside, vectorSnapshotFile, writeVectorSnapshot } from '../vectors/snapshot';
import { explainByPassages, type MeaningEngine, type MeaningExplanation, type QuestionPhrasings } from './engine';
import { QUESTION_SUPPORT_MIN_COSINE, type QueryVector } from './hybrid';
import { WordNeighbours } from './word-neighbours';
import { wordLogProbability } from './word-rarity';

/** Query vectors remembered (the same questions come back; an encoding costs ~15 ms). */
const QUERY_CACHE_SIZE = 2000;

export interface LoadStoredOptions {
	/** The vector snapshot file (vectors/snapshot.ts); null for none. Default: beside the search snapshot. */
	snapshot?: string | null;
	log?: (message: string) => void;
}

/**
 * Every stored passage: from the snapshot when it holds exactly the stored rows (as columns, restored in bulk), else
 * from the database (and then the snapshot is written, in the background, for the next start, unless the rows
 * changed while being read).
 */
async function readStored(
	db: Db,
	snapshot: string | null,
	log: (message: string) => void
): Promise<{ columns: PassageColumns; saved: Promise<void> } | { rows: StoredPassage[]; saved: Promise<void> }> {
	const saved = Promise.resolve();
	if (snapshot === null) return { rows: await readPassageVectors(db), saved };
	const fingerprint = await storedVectorsFingerprint(db);
	const found = await readVectorSnapshot(snapshot, fingerprint);
	if ('columns' in found) return { columns: found.columns, saved };
	log(`${found.reason}: reading the passage vectors from the database`);
	const rows = await readPassageVectors(db);
	if (!rows.length || (await storedVectorsFingerprint(db)) !== fingerprint) return { rows, saved };
	const writing = writeVectorSnapshot(snapshot, fingerprint, rows).catch((e: unknown) =>
		log(`the vector snapshot was not written: ${e instanceof Error ? e.message : String(e)}`)
	);
	return { rows, saved: writing };
}

export class SemanticEngine implements MeaningEngine {
	readonly name = 'vectors';
	/** Each stored question's phrasings (text and alternatives) as vectors, by question id and text encoded. */
	#questions = new Map<number, { text: string; vectors: Float32Array[] }>();
	#encoder: SentenceEncoder | null = null;
	#loading: Promise<SentenceEncoder | null> | null = null;
	#cache = new Map<string, Float32Array>();
	/** The vocabulary's words as vectors, to find an unseen query word's neighbours; built after the encoder loads. */
	#neighbours: WordNeighbours | null = null;
	#neighboursBuilt: Promise<void> | null = null;
	/** Aborted by stop(): background encoding ends, so a process shutting down is not held open by it. */
	readonly #stopped = new AbortController();

	constructor(
		readonly vectors: VectorIndex,
		readonly loadEncoder: () => Promise<SentenceEncoder> = getEncoder
	) {}

	/** The engine with every stored passage vector loaded. */
	static async load(db: Db, loadEncoder?: () => Promise<SentenceEncoder>): Promise<SemanticEngine> {
		return new SemanticEngine(VectorIndex.from(await readPassageVectors(db)), loadEncoder);
	}

	/**
	 * Loads every stored passage vector into an engine built empty (start-up does this in the background, so the
	 * server answers by words at once). Episodes reloaded meanwhile by a change keep their newer vectors.
	 */
	async loadStored(db: Db, { snapshot = vectorSnapshotFile(), log = () => {} }: LoadStoredOptions = {}): Promise<void> {
		this.#reloadedDuringLoad = new Set();
		try {
			const stored = await readStored(db, snapshot, log);
			this.snapshotSaved = stored.saved;
			if ('columns' in stored) return this.vectors.restore(stored.columns, this.#reloadedDuringLoad);
			const { rows } = stored;
			const byEpisode = new Map<number, typeof rows>();
			for (const row of rows) (byEpisode.get(row.episodeId) ?? byEpisode.set(row.episodeId, []).get(row.episodeId)!).push(row);
			for (const [episodeId, passages] of byEpisode) if (!this.#reloadedDuringLoad.has(episodeId)) this.vectors.replaceEpisode(episodeId, passages);
		} finally {
			this.#reloadedDuringLoad = null;
		}
	}

	#reloadedDuringLoad: Set<number> | null = null;

	/** Start-up in the background: the stored vectors (from their snapshot when current), then the encoder and questions. */
	async start(
		db: Db,
		{ searchSnapshot, questions, log }: { searchSnapshot?: string | null; questions: () => Iterable<QuestionPhrasings>; log: (message: string) => void }
	): Promise<void> {
		const loading = Date.now();
		await this.loadStored(db, { snapshot: vectorSnapshotBeside(searchSnapshot), log });
		const v = this.vectors.stats();
		if (!v.passages) return;
		log(`loaded ${v.passages} passage vectors (${(v.bytes / 1024 / 1024).toFixed(1)} MB) in ${Date.now() - loading} ms`);
		const encoder = await this.warmUp();
		if (!encoder) return;
		await this.syncQuestions(questions());
		log(`search by meaning ready (${encoder.model}, ${Date.now() - loading} ms after start-up)`);
	}

	/** Resolves when a vector snapshot written after loadStored read the database is on disk (tests wait for it). */
	snapshotSaved: Promise<void> = Promise.resolve();

	/** Reloads the vectors of changed (or deleted) episodes. */
	async reloadEpisodes(db: Db, episodeIds: number[]): Promise<void> {
		if (!episodeIds.length) return;
		for (const id of episodeIds) this.#reloadedDuringLoad?.add(id);
		const rows = await readPassageVectors(db, episodeIds);
		for (const id of episodeIds) this.vectors.replaceEpisode(id, rows.filter((r) => r.episodeId === id));
		if (rows.length) this.warmUp();
	}

	/** Starts loading the query encoder when there are vectors to search (call after the server listens). */
	warmUp(): Promise<SentenceEncoder | null> {
		if (this.vectors.stats().passages === 0) return Promise.resolve(null);
		void this.vectors.startSplit(); // the first passes' second thread, up before the first query (a big index)
		this.#loading ??= this.loadEncoder().then(
			(encoder) => {
				this.#encoder = encoder;
				// In the background: until it is built, a query's unseen words go unchecked (hybrid.ts).
				this.#neighboursBuilt ??= WordNeighbours.build(encoder, this.#stopped.signal).then(
					(table) => void (this.#neighbours = table),
					() => void (this.#neighboursBuilt = null)
				);
				return encoder;
			},
			() => {
				this.#loading = null; // logged by whoever awaits; search stays lexical
				return null;
			}
		);
		return this.#loading;
	}

	/**
	 * Encodes the phrasings of questions not yet encoded or changed since (in memory: a few thousand questions encode
	 * in seconds, in the background). Questions no longer stored are forgotten. Does nothing until the encoder is ready.
	 */
	async syncQuestions(questions: Iterable<{ id: number; text: string; alternatives: string[] }>): Promise<void> {
		const encoder = this.#encoder;
		if (!encoder) return;
		const seen = new Set<number>();
		for (const question of questions) {
			seen.add(question.id);
			const phrasings = [question.text, ...question.alternatives];
			const text = phrasings.join('\n');
			if (this.#questions.get(question.id)?.text === text) continue;
			this.#questions.set(question.id, { text, vectors: await encoder.encode(phrasings) });
		}
		for (const id of this.#questions.keys()) if (!seen.has(id)) this.#questions.delete(id);
	}

	/** Stored questions whose best phrasing is at least `min` similar to the query vector, with that cosine. */
	nearQuestions(vector: Float32Array, min: number): Map<number, number> {
		const near = new Map<number, number>();
		for (const [id, { vectors }] of this.#questions) {
			let best = -1;
			for (const v of vectors) {
				let sum = 0;
				for (let i = 0; i < v.length; i++) sum += v[i]! * vector[i]!;
				if (sum > best) best = sum;
			}
			if (best >= min) near.set(id, best);
		}
		return near;
	}

	/** Stops the engine's background work (the word table's encoding); searches it answers meanwhile still work. */
	stop(): void {
		this.#stopped.abort();
	}

	/** Resolves when unseen query words' neighbours can be found (after warmUp's encoder; benches and tests wait for it). */
	async neighboursReady(): Promise<boolean> {
		await this.warmUp();
		await this.#neighboursBuilt;
		return this.#neighbours !== null;
	}

	/** Whether queries are being encoded (the encoder loaded and vectors of its model exist). */
	get ready(): boolean {
		return this.#encoder !== null && this.vectors.hasModel(this.#encoder.model);
	}

	/**
	 * The query's vector, or null while the engine is not ready (search is lexical meanwhile). Cached (LRU).
	 *
	 * `unseen`, the query's words the index has never seen, come back as `QueryVector.unseen`, for the evidence floor's
	 * unseen-concept rule: only the query is encoded before this answers. A word's neighbours (word-neighbours.ts) are
	 * worked out only when the floor asks for them, from its vector in the cache or the word table's (an everyday
	 * word), and a word that needs its own encoding (a typo, a name, a term of art) is encoded then, one at a time,
	 * the rarest first (the likeliest to rule a hit out, so the rest are often never asked for), each once (cached).
	 * Sent with the query, a listener's question's unseen words made its encoding about twice as long (bench:search).
	 */
	async queryVector(query: string, unseen: readonly string[] = []): Promise<QueryVector | null> {
		const encoder = this.#encoder;
		if (!encoder) {
			void this.warmUp();
			return null;
		}
		if (!this.vectors.hasModel(encoder.model)) return null;
		const key = query.trim().toLowerCase();
		if (!this.#cache.has(key)) this.#remember(key, (await encoder.encode([key]))[0]!);
		const vector = this.#recall(key)!;
		const found: QueryVector = { vectors: this.vectors, model: encoder.model, vector, questions: this.nearQuestions(vector, QUESTION_SUPPORT_MIN_COSINE) };
		const table = this.#neighbours;
		const words = table ? unseen.filter((w) => w !== key) : [];
		if (!table || !words.length) return found;
		// This query's word vectors, held here so the cache letting one go meanwhile changes nothing.
		const held = new Map<string, Float32Array>();
		const vectorOf = (word: string) => {
			const v = held.get(word) ?? this.#recall(word) ?? table.vectorOf(word);
			if (v) held.set(word, v);
			return v;
		};
		return {
			...found,
			unseen: {
				words: [...words].sort((a, b) => wordLogProbability(a) - wordLogProbability(b)),
				neighboursOf: (word) => {
					const v = vectorOf(word);
					return v && table.near(word, v);
				},
				encode: async (word) => {
					if (vectorOf(word)) return;
					const [v] = await encoder.encode([word]);
					this.#remember(word, v!);
					held.set(word, v!);
				}
			}
		};
	}

	/** A cached vector, made the most recently used. */
	#recall(text: string): Float32Array | undefined {
		const vector = this.#cache.get(text);
		if (vector) {
			this.#cache.delete(text);
			this.#cache.set(text, vector);
		}
		return vector;
	}

	#remember(text: string, vector: Float32Array): void {
		if (this.#cache.size >= QUERY_CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value!);
		this.#cache.set(text, vector);
	}

	/** The segment's passage nearest the query and its cosine (null while not ready, or when it has no vectors). */
	explain(query: string, segmentId: number): Promise<MeaningExplanation | null> {
		return explainByPassages(this, query, segmentId);
	}
}
