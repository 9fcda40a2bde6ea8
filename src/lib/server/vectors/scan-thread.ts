/**
 * A second thread for the vector index's first passes (quantized-vectors.ts): the sign-bit pass over every passage
 * and the int8 pass over its shortlist run the WebAssembly loops of simd-scan.ts over memories both threads share, so
 * a search can split them. While a query is scanned the other core is mostly idle (the encoder thread has just
 * handed over the query's vector), and the sign-bit pass is paced by reading memory, which two cores do faster.
 *
 * The work is cut in chunks that both threads claim from a shared counter, the calling thread included: it never
 * waits for the helper to wake up (if the helper is late or busy it takes every chunk itself), only for the chunk
 * the helper is in. Each chunk writes its own rows of the output, so the results are those of one thread's pass;
 * the histogram the sign-bit pass counts is kept per thread and added up afterwards by the caller.
 *
 * The helper sleeps in Atomics.wait between searches and is woken by Atomics.notify (tens of microseconds, where a
 * message would wait for its event loop). It holds the process open never (unref), and a helper that fails a chunk
 * makes the caller run the whole pass again alone, and is not asked again.
 */
import { Worker } from 'node:worker_threads';
import { scanInstance, type ScanExports } from './simd-scan';

/** The control words, an Int32Array over a SharedArrayBuffer. */
const GEN = 0; // the job's number (15 bits), bumped to wake the helper
const NEXT = 1; // the next chunk to claim: (job << 16) | chunk; -1 while a job's parameters are written
const DONE = 2; // chunks the helper finished in this job
const FAILED = 3; // 1 once a chunk failed on the helper
const CHUNKS = 4;
const ROWS = 5; // rows per chunk
const N = 6; // rows in all
const FN = 7; // 0: hamming, 1: scanSlots
const MEMORY = 8; // which of the shared memories
const ARGS = 9; // four numbers and the helper's histogram (see ScanJob)
const WORDS = ARGS + 5;

/**
 * A pass cut in chunks of `chunk` rows, each chunk [start, start + n) run as `hamming(a + start·b, n, c, d + 4·start,
 * histogram)` or `scanSlots(a, b + 4·start, n, c, d + 4·start)`, in the shared memory numbered `memory`.
 */
export interface ScanJob {
	fn: 'hamming' | 'scanSlots';
	memory: number;
	rows: number;
	chunk: number;
	args: [a: number, b: number, c: number, d: number];
	/** hamming: where each thread counts its histogram, the caller's and the helper's (the caller adds them up). */
	histograms?: [number, number];
}

/**
 * The helper's program (CommonJS, evaluated: no file to ship beside the bundle). It runs the chunks it claims exactly
 * as ScanThread.#runChunk runs them on the calling thread; the histogram the sign-bit pass counts is its own (`e`).
 */
const HELPER = `
const { workerData, parentPort } = require('node:worker_threads');
const { module, memories, control } = workerData;
const c = new Int32Array(control);
const code = memories.map((memory) => new WebAssembly.Instance(module, { js: { memory } }).exports);
let seen = Atomics.load(c, ${GEN});
parentPort.postMessage('ready');
for (;;) {
	Atomics.wait(c, ${GEN}, seen);
	seen = Atomics.load(c, ${GEN});
	for (;;) {
		const next = Atomics.load(c, ${NEXT});
		const chunk = next & 0xffff;
		if (next >>> 16 !== seen || chunk >= Atomics.load(c, ${CHUNKS})) break;
		if (Atomics.compareExchange(c, ${NEXT}, next, next + 1) !== next) continue;
		try {
			const rows = Atomics.load(c, ${ROWS});
			const start = chunk * rows;
			const n = Math.min(rows, Atomics.load(c, ${N}) - start);
			const [a, b, cc, d, e] = [0, 1, 2, 3, 4].map((k) => Atomics.load(c, ${ARGS} + k));
			const loops = code[Atomics.load(c, ${MEMORY})];
			if (Atomics.load(c, ${FN}) === 0) loops.hamming(a + start * b, n, cc, d + 4 * start, e);
			else loops.scanSlots(a, b + 4 * start, n, cc, d + 4 * start);
		} catch {
			Atomics.store(c, ${FAILED}, 1);
		}
		Atomics.add(c, ${DONE}, 1);
		Atomics.notify(c, ${DONE});
	}
}
`;

/** Terminates a helper once the vectors it scans are collected (an index dropped, e.g. in tests). */
const helpers = new FinalizationRegistry<Worker>((worker) => void worker.terminate());

export class ScanThread {
	readonly #control = new Int32Array(new SharedArrayBuffer(WORDS * 4));
	readonly #worker: Worker;
	#job = 0;
	#failed = false;
	/** Resolves true once the helper waits for work (until then the caller takes every chunk), false if it failed to start. */
	readonly ready: Promise<boolean>;

	/** A helper running `module`'s loops over `memories` (the caller's instances over them do its share); `owner` is what it serves. */
	constructor(
		module: WebAssembly.Module,
		memories: WebAssembly.Memory[],
		readonly code: ScanExports[],
		owner: object
	) {
		this.#worker = new Worker(HELPER, { eval: true, execArgv: [], workerData: { module, memories, control: this.#control.buffer } });
		this.#worker.unref();
		this.ready = new Promise((resolve) => {
			this.#worker.once('message', () => resolve(true));
			this.#worker.once('error', () => resolve(false));
		});
		this.#worker.on('error', () => (this.#failed = true));
		helpers.register(owner, this.#worker);
	}

	/** A helper for these memories (the loops instantiated over each), or null where threads cannot be started. */
	static start(module: WebAssembly.Module, memories: WebAssembly.Memory[], owner: object): ScanThread | null {
		try {
			return new ScanThread(module, memories, memories.map((memory) => scanInstance(module, memory)), owner);
		} catch {
			return null;
		}
	}

	/**
	 * Runs the job's chunks on this thread and the helper, whichever is free takes the next, and returns once all are
	 * done: true, or false when the helper failed (then the job's output is not to be trusted: run it alone).
	 */
	run(job: ScanJob): boolean {
		const c = this.#control;
		const chunks = Math.ceil(job.rows / job.chunk);
		if (this.#failed || chunks > 0xffff) return false;
		this.#job = (this.#job + 1) & 0x7fff;
		Atomics.store(c, NEXT, -1);
		for (const [at, value] of [[CHUNKS, chunks], [ROWS, job.chunk], [N, job.rows], [FN, job.fn === 'hamming' ? 0 : 1], [MEMORY, job.memory]] as const) Atomics.store(c, at, value);
		[...job.args, job.histograms?.[1] ?? 0].forEach((value, k) => Atomics.store(c, ARGS + k, value));
		Atomics.store(c, DONE, 0);
		Atomics.store(c, NEXT, this.#job << 16);
		Atomics.store(c, GEN, this.#job);
		Atomics.notify(c, GEN);
		let mine = 0;
		for (;;) {
			const next = Atomics.load(c, NEXT);
			const chunk = next & 0xffff;
			if (next >>> 16 !== this.#job || chunk >= chunks) break;
			if (Atomics.compareExchange(c, NEXT, next, next + 1) !== next) continue;
			this.#runChunk(job, chunk);
			mine++;
		}
		for (let done; (done = Atomics.load(c, DONE)) < chunks - mine; ) Atomics.wait(c, DONE, done);
		if (Atomics.load(c, FAILED)) this.#failed = true;
		return !this.#failed;
	}

	#runChunk({ fn, memory, rows, chunk, args: [a, b, c, d], histograms }: ScanJob, at: number): void {
		const start = at * chunk;
		const n = Math.min(chunk, rows - start);
		const loops = this.code[memory]!;
		if (fn === 'hamming') loops.hamming(a + start * b, n, c, d + 4 * start, histograms![0]);
		else loops.scanSlots(a, b + 4 * start, n, c, d + 4 * start);
	}
}
