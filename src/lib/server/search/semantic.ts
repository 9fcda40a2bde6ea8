/**
 * The vector engine behind the search front door: the passage vectors in memory (loaded from passage_vectors at
 * start, kept current as episodes change) and the query encoder, loaded in the background only once there are
 * vectors to compare with. Until it is ready, queryVector() answers null and search answers lexically.
 */
import type { Db } from '../db/client';
import { getEncoder, type SentenceEncoder } from '../embeddings';
import { readPassageVectors, VectorIndex } from '../vectors';
import type { QueryVector } from './hybrid';

/** Query vectors remembered (the same questions come back; an encoding costs ~15 ms). */
const QUERY_CACHE_SIZE = 2000;

export class SemanticEngine {
	#encoder: SentenceEncoder | null = null;
	#loading: Promise<SentenceEncoder | null> | null = null;
	#cache = new Map<string, Float32Array>();

	constructor(
		readonly vectors: VectorIndex,
		readonly loadEncoder: () => Promise<SentenceEncoder> = getEncoder
	) {}

	/** The engine with every stored passage vector loaded. */
	static async load(db: Db, loadEncoder?: () => Promise<SentenceEncoder>): Promise<SemanticEngine> {
		return new SemanticEngine(VectorIndex.from(await readPassageVectors(db)), loadEncoder);
	}

	/** Reloads the vectors of changed (or deleted) episodes. */
	async reloadEpisodes(db: Db, episodeIds: number[]): Promise<void> {
		if (!episodeIds.length) return;
		const rows = await readPassageVectors(db, episodeIds);
		for (const id of episodeIds) this.vectors.replaceEpisode(id, rows.filter((r) => r.episodeId === id));
		if (rows.length) this.warmUp();
	}

	/** Starts loading the query encoder when there are vectors to search (call after the server listens). */
	warmUp(): Promise<SentenceEncoder | null> {
		if (this.vectors.stats().passages === 0) return Promise.resolve(null);
		this.#loading ??= this.loadEncoder().then(
			(encoder) => (this.#encoder = encoder),
			() => {
				this.#loading = null; // logged by whoever awaits; search stays lexical
				return null;
			}
		);
		return this.#loading;
	}

	/** Whether queries are being encoded (the encoder loaded and vectors of its model exist). */
	get ready(): boolean {
		return this.#encoder !== null && this.vectors.hasModel(this.#encoder.model);
	}

	/** The query's vector, or null while the engine is not ready (search is lexical meanwhile). Cached (LRU). */
	async queryVector(query: string): Promise<QueryVector | null> {
		const encoder = this.#encoder;
		if (!encoder) {
			void this.warmUp();
			return null;
		}
		if (!this.vectors.hasModel(encoder.model)) return null;
		const key = query.trim().toLowerCase();
		let vector = this.#cache.get(key);
		if (vector) {
			this.#cache.delete(key); // most recent last
		} else {
			[vector] = (await encoder.encode([key])) as [Float32Array];
			if (this.#cache.size >= QUERY_CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value!);
		}
		this.#cache.set(key, vector);
		return { vectors: this.vectors, model: encoder.model, vector };
	}
}
