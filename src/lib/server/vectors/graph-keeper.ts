/**
 * Keeps the vector index's HNSW graph (hnsw.ts) current, in the background: after the stored vectors are loaded, the
 * graph saved beside their snapshot when it fits them, else one built on its own thread (and saved, when nothing
 * changed meanwhile, for the next start); after changes, a new build once the graph is stale (slots renumbered, or
 * more passages added than a search compares exactly beside it). Searches never wait for any of it: the scan answers
 * until a graph is attached.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { buildGraph, graphFileBeside, HnswGraph, publishGraph, type GraphKey } from './hnsw';
import type { VectorIndex } from './vector-index';

export interface GraphKeeperOptions {
	/** Threads a build uses (default 1: the other core keeps answering). */
	threads?: number;
	log?: (message: string) => void;
}

/** Sampled queries the graph is checked with, and the recall@10 against the sign-bit scan it must reach to be used. */
const CHECK_QUERIES = 64;
export const GRAPH_MIN_RECALL = 0.98;

export class GraphKeeper {
	/** The last check's recall@10 of the graph against the sign-bit scan (null before any). */
	lastRecall: number | null = null;

	/** Where the graph is saved, and which stored rows the index was loaded from (null: not saved). */
	#saveAs: { file: string; fingerprint: string } | null = null;
	#work: Promise<void> | null = null;
	#again = false;
	/** The index's changes count when it was loaded from the rows `#saveAs` names: a graph of anything else is not saved as theirs. */
	#loadedChanges = -1;
	readonly #stopped = new AbortController();

	constructor(
		readonly vectors: VectorIndex,
		readonly options: GraphKeeperOptions = {}
	) {}

	/**
	 * After the stored vectors were loaded (from rows with this fingerprint; the vector snapshot is `snapshot`): the
	 * saved graph when it fits, else a build. Resolves when the graph is attached (or none is wanted or possible).
	 */
	afterLoad(snapshot: string | null, fingerprint: string | null): Promise<void> {
		this.#saveAs = snapshot && fingerprint ? { file: graphFileBeside(snapshot), fingerprint } : null;
		this.#loadedChanges = this.vectors.version.changes;
		return this.#schedule(true);
	}

	/** After passages changed: a build when the graph is missing or stale. Resolves when that is done. */
	maintain(): Promise<void> {
		return this.#schedule(false);
	}

	/** Resolves when the work under way (if any) is done (tests and benches wait for it). */
	get settled(): Promise<void> {
		return this.#work ?? Promise.resolve();
	}

	/** Stops a build under way (a process shutting down). */
	stop(): void {
		this.#stopped.abort();
	}

	#schedule(tryFile: boolean): Promise<void> {
		if (this.#work) {
			this.#again = true;
			return this.#work;
		}
		const run = async () => {
			try {
				await this.#keep(tryFile);
				while (this.#again && !this.#stopped.signal.aborted) {
					this.#again = false;
					await this.#keep(false);
				}
			} catch (error) {
				if (!this.#stopped.signal.aborted) this.options.log?.(`the search graph was not built: ${error instanceof Error ? error.message : String(error)}; search keeps the scan`);
			} finally {
				this.#work = null;
			}
		};
		this.#work = run();
		return this.#work;
	}

	/**
	 * Compares the attached graph's top 10 segments with the sign-bit scan's (recall@10 0.997 against the exact scan)
	 * for queries made from the passages themselves (two passages' vectors averaged, spread over the index), one query
	 * per turn of the event loop; the graph answers default searches only when they agree (GRAPH_MIN_RECALL).
	 */
	async #check(graph: HnswGraph, model: string): Promise<void> {
		const vectors = this.vectors;
		const live = vectors.liveSlots(model, 0, vectors.slotCount);
		if (!live.length) return;
		let sum = 0;
		for (let i = 0; i < CHECK_QUERIES; i++) {
			const a = live[Math.floor(((i + 0.5) / CHECK_QUERIES) * live.length)]!;
			const b = live[Math.floor((((i * 37) % CHECK_QUERIES) + 0.25) / CHECK_QUERIES * live.length)]!;
			const pair = vectors.copyVectors([a, b]);
			const d = vectors.dimensions;
			const query = new Float32Array(d);
			for (let j = 0; j < d; j++) query[j] = pair[j]! + pair[d + j]!;
			const norm = Math.hypot(...query) || 1;
			for (let j = 0; j < d; j++) query[j]! /= norm;
			const want = new Set(vectors.search(query, model, { limit: 10, scan: 'bits' }).map((h) => h.segmentId));
			const got = vectors.search(query, model, { limit: 10, scan: 'graph' }).filter((h) => want.has(h.segmentId)).length;
			sum += got / Math.max(1, want.size);
			await new Promise((resolve) => setImmediate(resolve));
		}
		const recall = sum / CHECK_QUERIES;
		this.lastRecall = recall;
		const log = this.options.log ?? (() => {});
		if (recall >= GRAPH_MIN_RECALL) {
			vectors.trustGraph(graph);
			log(`search graph in use (recall@10 ${recall.toFixed(3)} against the scan on ${CHECK_QUERIES} sampled queries)`);
		} else {
			log(`search graph not used: recall@10 ${recall.toFixed(3)} against the scan on ${CHECK_QUERIES} sampled queries (needs ${GRAPH_MIN_RECALL}); search keeps the scan`);
		}
	}

	async #keep(tryFile: boolean): Promise<void> {
		const vectors = this.vectors;
		const model = vectors.wantsGraph();
		if (!model) return;
		const log = this.options.log ?? (() => {});
		const { changes, layout } = vectors.version;
		const saveAs = changes === this.#loadedChanges ? this.#saveAs : null;
		const slots = vectors.slotCount;
		const key = (fingerprint: string): GraphKey => ({ fingerprint, model, dimensions: vectors.dimensions, slots, passages: vectors.passagesHash(model, slots) });
		if (tryFile && saveAs) {
			const started = performance.now();
			const found = await HnswGraph.load(saveAs.file, key(saveAs.fingerprint));
			if ('graph' in found && vectors.attachGraph(found.graph, layout)) {
				log(`search graph loaded (${found.graph.size} passages) in ${Math.round(performance.now() - started)} ms`);
				await this.#check(found.graph, model);
				return;
			}
			if ('reason' in found) log(`${found.reason}: building it in the background`);
		}
		const started = performance.now();
		const built = await buildGraph(vectors, model, slots, {
			threads: this.options.threads,
			signal: this.#stopped.signal,
			dir: saveAs ? path.dirname(saveAs.file) : undefined
		});
		try {
			if (!vectors.attachGraph(built.graph, layout)) {
				this.#again = true; // renumbered meanwhile: build again over the new slots
				return;
			}
			log(`search graph built (${built.graph.size} passages) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
			await this.#check(built.graph, model);
			// Saved only when it holds exactly the passages loaded from those rows (nothing changed during the build).
			if (saveAs && vectors.version.changes === this.#loadedChanges) {
				await publishGraph(built.file, saveAs.file, key(saveAs.fingerprint), built.graph.size);
			}
		} finally {
			await rm(built.file, { force: true });
		}
	}
}
