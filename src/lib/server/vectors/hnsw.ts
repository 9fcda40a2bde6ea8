/**
 * An HNSW graph over the passage vectors (usearch, a native N-API module with prebuilt binaries): the vector index's
 * candidate generation once there are many passages. A search walks the graph to the few hundred passages nearest the
 * query (well under a millisecond at 300k passages, against 8-13 ms for the sign-bit scan over all of them) and
 * vector-index.ts compares those exactly in float32 from the arrays it already holds, so every score returned is exact.
 *
 * The graph is built in the background on a thread of its own (about a minute per 100k passages on one core: never
 * inside a request, never holding start-up), saved beside the vector snapshot and loaded at the next start. Until it
 * is there, and whenever it is stale, the sign-bit scan answers. A file is used only when its header names the same
 * model, the same stored rows (the snapshot's fingerprint) and the same passages in the same slots (a hash of each
 * slot's segment and model): anything else means building it again.
 *
 * Keys are the vector index's slots. A removed passage is removed from the graph at once (and vector-index.ts skips
 * dead slots besides); passages added after the build are compared exactly until the next build takes them in.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

type Usearch = typeof import('usearch');
type UsearchIndex = InstanceType<Usearch['Index']>;

/** Neighbours per node: usearch's default, and what kept recall@10 against the exact scan at 0.99+ (bench:search). */
const CONNECTIVITY = 16;
/**
 * The graph's vectors as float16. Not int8: usearch scales each vector to unit length and then by 127, so the
 * components of a 512-dimension unit vector land on about ±6 levels; on 318k passages made from real encoder output
 * (many near each other) that graph kept recall@10 at 0.667 against the exact scan (bench:search, December 6).
 */
const QUANTIZATION = (u: Usearch) => u.ScalarKind.F16;
/** Candidates kept while inserting (usearch's default). */
const EXPANSION_ADD = 128;
/** The breadth of a search; a search for k candidates looks at max(k, this). */
const EXPANSION_SEARCH = 64;
/** Passages sent to the building thread at a time: bounds the copy held in memory (10k × 2 KB). */
const BUILD_CHUNK = 10_000;
/** Bumped when the file's meaning changes: a file of another version is built again (1: int8, December 6). */
const FORMAT = 2;
const FILE_NAME = 'passage-vectors.hnsw';

let loaded: Usearch | null | undefined;

/** usearch, or null when its native binary cannot be loaded here (search then keeps the scan). */
export function usearch(): Usearch | null {
	if (loaded !== undefined) return loaded;
	try {
		loaded = createRequire(import.meta.url)('usearch') as Usearch;
	} catch {
		loaded = null;
	}
	return loaded;
}

/** What a graph file holds, to tell whether it fits the passages in memory. */
export interface GraphKey {
	/** The stored rows the passages came from (vectors/snapshot.ts storedVectorsFingerprint). */
	fingerprint: string;
	model: string;
	dimensions: number;
	/** Slots [0, slots) were offered to the graph (those of `model`, live at the time). */
	slots: number;
	/** A hash of each of those slots' segment and model (vector-index.ts graphKey). */
	passages: string;
}

interface GraphHeader extends GraphKey {
	format: number;
	/** Passages in the graph and the graph file's size, to tell a file that does not go with its header. */
	size: number;
	bytes: number;
}

/** The graph file beside a vector snapshot file. */
export function graphFileBeside(vectorSnapshot: string): string {
	return path.join(path.dirname(vectorSnapshot), FILE_NAME);
}

function newIndex(u: Usearch, dimensions: number): UsearchIndex {
	return new u.Index({
		dimensions,
		metric: u.MetricKind.IP,
		quantization: QUANTIZATION(u),
		connectivity: CONNECTIVITY,
		expansion_add: EXPANSION_ADD,
		expansion_search: EXPANSION_SEARCH,
		multi: false
	});
}

/** The graph over one model's passages: slots [0, covered) as they were when it was built, less those removed since. */
export class HnswGraph {
	#index: UsearchIndex;
	/** Reused per search: usearch reads the query from it (a fresh copy, never a view into a larger array). */
	#query: Float32Array;

	private constructor(
		index: UsearchIndex,
		readonly model: string,
		readonly covered: number,
		readonly dimensions: number
	) {
		this.#index = index;
		this.#query = new Float32Array(dimensions);
	}

	/** Passages in the graph. */
	get size(): number {
		return this.#index.size();
	}

	/** The graph in this file, when its header matches `key`; otherwise why not. Reads it into memory (about 0.3 s per 100k). */
	static async load(file: string, key: GraphKey): Promise<{ graph: HnswGraph } | { reason: string }> {
		const u = usearch();
		if (!u) return { reason: 'usearch cannot be loaded here' };
		let header: GraphHeader;
		try {
			header = JSON.parse(await readFile(`${file}.json`, 'utf8')) as GraphHeader;
		} catch {
			return { reason: `no search graph at ${file}` };
		}
		const differs: string[] = (['fingerprint', 'model', 'dimensions', 'slots', 'passages'] as const).filter((k) => header[k] !== key[k]);
		if (header.format !== FORMAT) differs.unshift('format');
		if (differs.length) return { reason: `the search graph at ${file} is of other passages (${differs.join(', ')} differ)` };
		try {
			if ((await stat(file)).size !== header.bytes) return { reason: `the search graph at ${file} is damaged (not the size its header says)` };
			const index = newIndex(u, key.dimensions);
			index.load(file);
			if (index.size() !== header.size) return { reason: `the search graph at ${file} is damaged (${index.size()} passages, its header says ${header.size})` };
			return { graph: new HnswGraph(index, key.model, key.slots, key.dimensions) };
		} catch (error) {
			return { reason: `the search graph at ${file} is damaged (${error instanceof Error ? error.message : String(error)})` };
		}
	}

	/** Wraps a graph file the building thread wrote (not yet checked against anything: the builder just made it). */
	static fromBuilt(file: string, model: string, covered: number, dimensions: number): HnswGraph {
		const index = newIndex(usearch()!, dimensions);
		index.load(file);
		return new HnswGraph(index, model, covered, dimensions);
	}

	/** The slots of about the `k` passages nearest the query (approximate: vector-index.ts compares them exactly). */
	candidates(query: Float32Array, k: number): BigUint64Array {
		this.#query.set(query);
		return this.#index.search(this.#query, k, 1).keys;
	}

	/** Takes a passage out (it is never returned again). */
	remove(slot: number): void {
		this.#index.remove(BigInt(slot));
	}

	/** Whether the graph holds this slot (tests). */
	has(slot: number): boolean {
		return this.#index.contains(BigInt(slot)) as boolean;
	}

	/** Writes the graph and its header (the header last, so a half-written pair is never trusted). */
	async save(file: string, key: GraphKey): Promise<void> {
		await mkdir(path.dirname(file), { recursive: true });
		const temporary = `${file}.${randomUUID()}.tmp`;
		try {
			this.#index.save(temporary);
			await publishGraph(temporary, file, key, this.size);
		} finally {
			await rm(temporary, { force: true });
		}
	}
}

/** Puts a written graph file in place as `file`, with its header (written last: a half-written pair is never trusted). */
export async function publishGraph(written: string, file: string, key: GraphKey, size: number): Promise<void> {
	await mkdir(path.dirname(file), { recursive: true });
	const bytes = (await stat(written)).size;
	await rm(`${file}.json`, { force: true });
	await rename(written, file);
	const header: GraphHeader = { format: FORMAT, ...key, size, bytes };
	const temporary = `${file}.json.${randomUUID()}.tmp`;
	await writeFile(temporary, JSON.stringify(header));
	await rename(temporary, `${file}.json`);
}

/** What the builder reads from the vector index: live slots of the model below `end`, and copies of their vectors. */
export interface GraphSource {
	dimensions: number;
	/** Slots [from, to) of the model that are live now. */
	liveSlots(model: string, from: number, to: number): number[];
	/** A fresh array holding these slots' vectors one after another. */
	copyVectors(slots: readonly number[]): Float32Array;
}

const BUILD_SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const u = require(workerData.usearch);
const index = new u.Index({ dimensions: workerData.dimensions, metric: u.MetricKind.IP, quantization: workerData.quantization,
	connectivity: workerData.connectivity, expansion_add: workerData.expansionAdd, expansion_search: workerData.expansionSearch });
parentPort.on('message', (message) => {
	try {
		if (message.keys) {
			if (message.keys.length) index.add(message.keys, message.vectors, workerData.threads);
			parentPort.postMessage({ added: index.size() });
		} else {
			index.save(message.save);
			parentPort.postMessage({ saved: index.size() });
		}
	} catch (error) {
		parentPort.postMessage({ error: String(error && error.message || error) });
	}
});
`;

export interface BuildOptions {
	/** Threads the build uses (default 1: the other core keeps answering requests). */
	threads?: number;
	/** Stops the build (the promise rejects). */
	signal?: AbortSignal;
	/** Where the built file is written (beside where it will be published, so it can be renamed into place); default the system's temporary folder. */
	dir?: string;
}

/**
 * Builds the graph over slots [0, end) of the model on a thread of its own, BUILD_CHUNK passages at a time (each
 * chunk's live slots read when it is sent), and loads it. Passages removed meanwhile may still be in it: the caller
 * removes them (vector-index.ts attachGraph). The built file is left at `file` for the caller to publish (publishGraph)
 * or delete. Rejects when usearch cannot be loaded or the thread fails.
 */
export async function buildGraph(source: GraphSource, model: string, end: number, { threads = 1, signal, dir = tmpdir() }: BuildOptions = {}): Promise<{ graph: HnswGraph; file: string }> {
	const u = usearch();
	if (!u) throw new Error('vectors: usearch cannot be loaded here; search keeps the scan');
	const require = createRequire(import.meta.url);
	const worker = new Worker(BUILD_SCRIPT, {
		eval: true,
		execArgv: [],
		workerData: {
			usearch: require.resolve('usearch'),
			dimensions: source.dimensions,
			quantization: QUANTIZATION(u),
			connectivity: CONNECTIVITY,
			expansionAdd: EXPANSION_ADD,
			expansionSearch: EXPANSION_SEARCH,
			threads
		}
	});
	worker.unref();
	await mkdir(dir, { recursive: true });
	const file = path.join(dir, `${FILE_NAME}.${randomUUID()}.building`);
	const ask = (message: unknown, transfer: ArrayBuffer[] = []) =>
		new Promise<void>((resolve, reject) => {
			const stop = () => reject(new Error('vectors: the search graph build was stopped'));
			if (signal?.aborted) return stop();
			signal?.addEventListener('abort', stop, { once: true });
			const done = (error?: Error) => {
				signal?.removeEventListener('abort', stop);
				worker.off('message', onMessage);
				worker.off('error', done);
				if (error) reject(error);
				else resolve();
			};
			const onMessage = (reply: { error?: string }) => done(reply.error ? new Error(`vectors: the search graph build failed: ${reply.error}`) : undefined);
			worker.on('message', onMessage);
			worker.on('error', done);
			worker.postMessage(message, transfer);
		});
	try {
		for (let from = 0; from < end; from += BUILD_CHUNK) {
			const slots = source.liveSlots(model, from, Math.min(end, from + BUILD_CHUNK));
			const keys = BigUint64Array.from(slots, (s) => BigInt(s));
			const vectors = source.copyVectors(slots);
			await ask({ keys, vectors }, [keys.buffer as ArrayBuffer, vectors.buffer as ArrayBuffer]);
		}
		await ask({ save: file });
		return { graph: HnswGraph.fromBuilt(file, model, end, source.dimensions), file };
	} catch (error) {
		await rm(file, { force: true });
		throw error;
	} finally {
		void worker.terminate();
	}
}
