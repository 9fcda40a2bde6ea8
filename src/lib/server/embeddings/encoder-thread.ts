/**
 * Runs a sentence encoder on a worker thread, so that encoding never holds the event loop of the process that asked.
 *
 * Why: TensorFlow.js on the CPU computes synchronously; a batch of sentences for the chapters or vectors job held the
 * web process's event loop for up to ten seconds, and requests arriving meanwhile were answered late or, on kept-alive
 * connections whose idle timer fired first, reset. On a thread, the web process stays free and the other core works.
 *
 * One thread serves every caller. Short requests (a search query, an asked question) go ahead of bulk work, which is
 * sent in small chunks, so a query waits for at most one chunk of a background job. The thread holds the process open
 * only while a request is in flight (a command that is done exits), and a thread that dies is started again on the
 * next request.
 */
import { Worker } from 'node:worker_threads';
import type { SentenceEncoder } from './encoder';
import { normalize } from './encoder';

export interface EncoderThreadOptions {
	/** Names the model and its version (see SentenceEncoder.model). */
	model: string;
	dimensions: number;
	/**
	 * The thread's program, a CommonJS script. It receives `workerData` (this object's `workerData`), must post
	 * `{ ready: true }` once the model is loaded (or `{ failed: message }`), and answers each `{ id, texts }` with
	 * `{ id, vectors: Float32Array }` (texts.length × dimensions values, in order) or `{ id, error: message }`.
	 */
	script: string;
	workerData: unknown;
}

/** At most this many texts of a large request go to the thread at once: the longest a query waits behind bulk work. */
const BULK_CHUNK = 8;
/** Requests of at most this many texts are interactive and go ahead of bulk chunks. */
const INTERACTIVE_TEXTS = 4;

interface Chunk {
	texts: readonly string[];
	resolve(vectors: Float32Array[]): void;
	reject(error: Error): void;
}

type Reply = { ready: true } | { failed: string } | { id: number; vectors: Float32Array } | { id: number; error: string };

/** Starts the thread and resolves once its model is loaded; rejects with the thread's reason if it cannot load. */
export async function startEncoderThread(options: EncoderThreadOptions): Promise<SentenceEncoder> {
	const interactive: Chunk[] = [];
	const bulk: Chunk[] = [];
	let inFlight: { id: number; chunk: Chunk } | null = null;
	let nextId = 1;
	let thread: Promise<Worker> | null = null;
	/** The thread once its model is loaded: a request is posted to it at once, not a microtask later (see pump). */
	let running: Worker | null = null;

	function spawn(): Promise<Worker> {
		return new Promise<Worker>((resolve, reject) => {
			// No inherited flags: `--input-type=module` or a loader would change how the CommonJS script is read.
			const worker = new Worker(options.script, { eval: true, execArgv: [], workerData: options.workerData });
			let loaded = false;
			worker.on('message', (reply: Reply) => {
				if ('ready' in reply) {
					loaded = true;
					running = worker;
					worker.unref();
					return resolve(worker);
				}
				if ('failed' in reply) {
					void worker.terminate();
					return reject(new Error(reply.failed));
				}
				if (!inFlight || inFlight.id !== reply.id) return;
				const { chunk } = inFlight;
				inFlight = null;
				if ('error' in reply) chunk.reject(new Error(`embeddings: encoding failed: ${reply.error}`));
				else chunk.resolve(split(reply.vectors, chunk.texts.length, options.dimensions));
				pump();
			});
			const died = (error: Error) => {
				thread = null;
				if (running === worker) running = null;
				if (!loaded) return reject(error);
				const lost = inFlight;
				inFlight = null;
				lost?.chunk.reject(error);
				pump(); // the next request starts a new thread
			};
			worker.on('error', (error) => died(error));
			worker.on('exit', (code) => died(new Error(`embeddings: the encoder thread stopped (exit code ${code})`)));
		});
	}

	function pump(): void {
		if (inFlight) return;
		const chunk = interactive.shift() ?? bulk.shift();
		if (!chunk) {
			void thread?.then((w) => w.unref(), () => {});
			return;
		}
		const id = nextId++;
		inFlight = { id, chunk };
		// Posted synchronously when the thread is up: a search asks for its query's vector and then ranks words on
		// this thread while the other one encodes; a post deferred to a microtask would wait for the ranking to end.
		if (running) {
			running.ref(); // a request in flight keeps the process alive until it is answered
			running.postMessage({ id, texts: chunk.texts });
			return;
		}
		thread ??= spawn();
		thread.then(
			(worker) => {
				worker.ref(); // a request in flight keeps the process alive until it is answered
				worker.postMessage({ id, texts: chunk.texts });
			},
			(error: Error) => {
				thread = null;
				if (inFlight?.id === id) inFlight = null;
				chunk.reject(error);
				pump();
			}
		);
	}

	function request(texts: readonly string[], queue: Chunk[]): Promise<Float32Array[]> {
		return new Promise((resolve, reject) => {
			queue.push({ texts, resolve, reject });
			pump();
		});
	}

	thread = spawn();
	await thread;

	return {
		model: options.model,
		dimensions: options.dimensions,
		async encode(texts) {
			if (texts.length === 0) return [];
			if (texts.length <= INTERACTIVE_TEXTS) return request(texts, interactive);
			const parts: Promise<Float32Array[]>[] = [];
			for (let at = 0; at < texts.length; at += BULK_CHUNK) parts.push(request(texts.slice(at, at + BULK_CHUNK), bulk));
			return (await Promise.all(parts)).flat();
		}
	};
}

/** One unit-length vector per text out of the thread's flat answer. */
function split(flat: Float32Array, count: number, dimensions: number): Float32Array[] {
	const out: Float32Array[] = [];
	for (let i = 0; i < count; i++) out.push(normalize(flat.subarray(i * dimensions, (i + 1) * dimensions)));
	return out;
}
