/**
 * Every passage vector held twice more, coarsely, for the vector index's first passes (vector-index.ts): as sign bits
 * (one bit per dimension: 64 bytes for 512 dimensions) and as int8 (each vector scaled so its largest component is
 * ±127: 512 bytes). A search counts, for every passage, the bits that differ from the query's (WebAssembly SIMD
 * popcount: an eighth of the int8 pass's memory traffic; with the caches cold it is paced by reading those 64 bytes
 * a passage), takes the passages nearest by that count, compares those in int8, and hands the best of those to the
 * exact float32 comparison. Sign bits keep
 * a vector's direction coarsely (the share of differing bits tracks the angle), so the count only has to put the true
 * best few hundred among a few thousand; bench:search measures how often it does (recall against the exact scan)
 * rather than assuming it.
 */
import { ScanThread } from './scan-thread';
import { HAMMING_MAX_BYTES, scanCode, scanInstance, type ScanExports } from './simd-scan';

const PAGE = 65536;

/** A count of differing bits no passage has: a slot the search leaves out (another model's, or dead) gets it. */
const LEFT_OUT = 0x7fffffff;

/**
 * Passes over at least this many passages are split with a second thread (scan-thread.ts); below, the sign-bit pass
 * takes well under a millisecond and waking a thread would not pay.
 */
export const SPLIT_FROM = 50_000;
/**
 * A split pass is cut in about this many chunks, which the two threads claim as they are free: the caller waits at
 * the end for at most the one the helper is in (a 64th of the pass), and a claim costs well under a microsecond.
 */
const CHUNKS = 64;
/** Rows per chunk for a pass over `rows` (a multiple of 16, so int8 rows go through four at a time). */
const chunkOf = (rows: number) => Math.max(16, Math.ceil(rows / CHUNKS / 16) * 16);

/**
 * Fixed-size vectors in slots, in one shared WebAssembly memory: [vectors: capacity × bytes][query: 2 × bytes (sign
 * bits as they are, int8 widened to int16)][histogram, the helper thread's histogram: (dimensions + 1) × int32
 * each][out: capacity × int32][slots: capacity × int32]. Slots are written as vectors arrive; the query, histograms,
 * scores and shortlist are scratch.
 */
class PackedVectors {
	readonly #code: ScanExports;
	#capacity = 0;
	bytes!: Uint8Array;
	/** The query widened to int16, as the int8 passes read it. */
	wideQuery!: Int16Array;
	histogram!: Int32Array;
	helperHistogram!: Int32Array;
	out!: Int32Array;
	slots!: Int32Array;

	constructor(
		module: WebAssembly.Module,
		readonly width: number,
		readonly dimensions: number,
		/** This memory's number among those a scan thread shares. */
		readonly shared: number
	) {
		this.#code = scanInstance(module);
	}

	get memory(): WebAssembly.Memory {
		return this.#code.memory;
	}

	get capacity(): number {
		return this.#capacity;
	}

	get byteLength(): number {
		return this.#code.memory.buffer.byteLength;
	}

	get queryAt(): number {
		return this.#capacity * this.width;
	}

	reserve(capacity: number): void {
		if (capacity <= this.#capacity) return;
		const w = this.width;
		const histogramAt = capacity * w + 2 * w;
		const histogramBytes = Math.ceil(((this.dimensions + 1) * 4) / 16) * 16;
		const outAt = histogramAt + 2 * histogramBytes;
		const needed = outAt + capacity * 8;
		const pages = Math.ceil(needed / PAGE) - this.#code.memory.buffer.byteLength / PAGE;
		if (pages > 0) this.#code.memory.grow(pages);
		this.#capacity = capacity;
		const buffer = this.#code.memory.buffer;
		this.bytes = new Uint8Array(buffer, 0, capacity * w + w);
		this.wideQuery = new Int16Array(buffer, capacity * w, w);
		this.histogram = new Int32Array(buffer, histogramAt, this.dimensions + 1);
		this.helperHistogram = new Int32Array(buffer, histogramAt + histogramBytes, this.dimensions + 1);
		this.out = new Int32Array(buffer, outAt, capacity);
		this.slots = new Int32Array(buffer, outAt + capacity * 4, capacity);
	}

	/** int8 dot products of the query with slots [0, count) into `out`. */
	scan(count: number): void {
		this.#code.scan(0, count, this.queryAt, this.out.byteOffset);
	}

	/** int8 dot products of the query with the first `count` slots listed in `slots`, into `out` (split with `thread` when given). */
	scanSlots(count: number, thread: ScanThread | null): void {
		const args = [0, this.slots.byteOffset, this.queryAt, this.out.byteOffset] as const;
		if (thread?.run({ fn: 'scanSlots', memory: this.shared, rows: count, chunk: chunkOf(count), args: [...args] })) return;
		this.#code.scanSlots(args[0], args[1], count, args[2], args[3]);
	}

	/**
	 * Differing bits between the query and slots [0, count), into `out`, and how many slots have each count, into
	 * `histogram` (zeroed first; split with `thread` when given, each thread counting its own histogram, added up after).
	 */
	hamming(count: number, thread: ScanThread | null): void {
		const { histogram, helperHistogram } = this;
		histogram.fill(0);
		if (thread) {
			helperHistogram.fill(0);
			const histograms: [number, number] = [histogram.byteOffset, helperHistogram.byteOffset];
			if (thread.run({ fn: 'hamming', memory: this.shared, rows: count, chunk: chunkOf(count), args: [0, this.width, this.queryAt, this.out.byteOffset], histograms })) {
				for (let h = 0; h < histogram.length; h++) histogram[h]! += helperHistogram[h]!;
				return;
			}
			histogram.fill(0);
		}
		this.#code.hamming(0, count, this.queryAt, this.out.byteOffset, histogram.byteOffset);
	}

	/** Into `slots`, in order: the slots whose count in `out` is below `bar`, and the first `atBar` at it; returns how many. */
	select(count: number, bar: number, atBar: number): number {
		return this.#code.select(this.out.byteOffset, count, bar, atBar, this.slots.byteOffset);
	}
}

export class QuantizedVectors {
	readonly #int8: PackedVectors;
	/** Sign bits, or null when the dimensions do not pack into whole 16-byte rows (every search then runs the int8 pass over all). */
	readonly #bits: PackedVectors | null;
	#capacity = 0;
	/** Each slot's scale: its int8 components times this are the float32 ones (approximately). */
	#scale = new Float32Array(0);
	/** The last scores, reused between searches (a fresh array per search would be garbage to collect). */
	#approximate = new Float32Array(0);
	readonly #module: WebAssembly.Module;
	/** The thread the passes are split with, started by the first search over `splitFrom` passages (null: none). */
	#thread: ScanThread | null | undefined;

	private constructor(
		module: WebAssembly.Module,
		readonly dimensions: number,
		readonly splitFrom: number
	) {
		this.#module = module;
		this.#int8 = new PackedVectors(module, dimensions, dimensions, 0);
		const bitBytes = signBitBytes(dimensions);
		this.#bits = bitBytes ? new PackedVectors(module, bitBytes, dimensions, 1) : null;
		this.reserve(1024);
	}

	/**
	 * Quantized vectors of this many dimensions, or null when they cannot be used (no WebAssembly SIMD; dimensions not
	 * a multiple of 16). Passes over `splitFrom` passages or more are split with a second thread (Infinity: never).
	 */
	static create(dimensions: number, splitFrom = SPLIT_FROM): QuantizedVectors | null {
		const module = dimensions % 16 === 0 ? scanCode(dimensions, signBitBytes(dimensions)) : null;
		return module ? new QuantizedVectors(module, dimensions, splitFrom) : null;
	}

	/** Starts the thread passes over `count` passages are split with, if they are; resolves whether it runs. */
	startSplit(count: number): Promise<boolean> {
		return this.#split(count)?.ready ?? Promise.resolve(false);
	}

	/** The thread to split a pass over `count` passages with, if it is that big (started the first time). */
	#split(count: number): ScanThread | null {
		if (count < this.splitFrom || !this.#bits) return null;
		this.#thread ??= ScanThread.start(this.#module, [this.#int8.memory, this.#bits.memory], this);
		return this.#thread;
	}

	/** Whether searches can start with the sign-bit pass. */
	get hasBits(): boolean {
		return this.#bits !== null;
	}

	/** Bytes held: both memories (vectors, query and scratch) and the scales. */
	get byteLength(): number {
		return this.#int8.byteLength + (this.#bits?.byteLength ?? 0) + this.#scale.byteLength + this.#approximate.byteLength;
	}

	/** Bytes of the sign bits alone. */
	get bitsByteLength(): number {
		return this.#bits?.byteLength ?? 0;
	}

	/** Room for `count` slots (the slots already written keep their place). */
	reserve(count: number): void {
		if (count <= this.#capacity) return;
		const capacity = Math.max(count, this.#capacity * 2);
		this.#int8.reserve(capacity);
		this.#bits?.reserve(capacity);
		const scale = new Float32Array(capacity);
		scale.set(this.#scale);
		this.#scale = scale;
		this.#approximate = new Float32Array(capacity);
		this.#capacity = capacity;
	}

	/**
	 * Slots [0, count) written at once from their stored forms (the vector snapshot keeps them, so start-up copies
	 * them instead of working them out again); `bits` null works the sign bits out from the float32 vectors.
	 */
	restore(count: number, int8: Uint8Array, scales: Float32Array, bits: Uint8Array | null, vectors: Float32Array): void {
		this.reserve(count);
		this.#int8.bytes.set(int8.subarray(0, count * this.dimensions));
		this.#scale.set(scales.subarray(0, count));
		const packed = this.#bits;
		if (!packed) return;
		if (bits) packed.bytes.set(bits.subarray(0, count * packed.width));
		else for (let slot = 0; slot < count; slot++) signBits(vectors.subarray(slot * this.dimensions, (slot + 1) * this.dimensions), packed.bytes, slot * packed.width);
	}

	/** Writes a slot's vector. */
	set(slot: number, vector: Float32Array): void {
		this.#scale[slot] = quantize(vector, this.#int8.bytes, slot * this.dimensions);
		if (this.#bits) signBits(vector, this.#bits.bytes, slot * this.#bits.width);
	}

	/**
	 * Approximate dot products of the query with the first `count` slots, in slot order (reused: valid until the
	 * next call). Only the order among them means anything: they lack the query's own scale.
	 */
	scores(query: Float32Array, count: number): Float32Array {
		quantize(query, this.#int8.wideQuery, 0);
		this.#int8.scan(count);
		const out = this.#approximate;
		const ints = this.#int8.out;
		const scale = this.#scale;
		for (let i = 0; i < count; i++) out[i] = ints[i]! * scale[i]!;
		return out;
	}

	/**
	 * The `keep` slots among [0, count) whose sign bits differ least from the query's (those `live` accepts; all when
	 * it is null), then their approximate int8 dot products: `slots[k]` has `scores[k]`, for k < the count returned
	 * (both reused: valid until the next call). Ties at the last count taken go to the lower slots.
	 */
	shortlist(query: Float32Array, count: number, keep: number, live: ((slot: number) => boolean) | null): { slots: Int32Array; scores: Float32Array; kept: number } {
		const bits = this.#bits!;
		const thread = this.#split(count);
		signBits(query, bits.bytes, bits.queryAt);
		bits.hamming(count, thread);
		const histogram = bits.histogram;
		if (live) {
			// Slots the search leaves out are taken back out of the histogram and given a count no bar reaches.
			const distance = bits.out;
			for (let i = 0; i < count; i++) {
				if (live(i)) continue;
				histogram[distance[i]!]!--;
				distance[i] = LEFT_OUT;
			}
		}
		// The largest count of differing bits taken whole, and how many of the next one fill the shortlist.
		let below = 0;
		let bar = 0;
		while (bar < histogram.length && below + histogram[bar]! <= keep) below += histogram[bar++]!;
		const kept = bits.select(count, bar, keep - below);
		const slots = this.#int8.slots;
		slots.set(bits.slots.subarray(0, kept));
		quantize(query, this.#int8.wideQuery, 0);
		this.#int8.scanSlots(kept, thread);
		const ints = this.#int8.out;
		const scale = this.#scale;
		const scores = this.#approximate;
		for (let k = 0; k < kept; k++) scores[k] = ints[k]! * scale[slots[k]!]!;
		return { slots, scores, kept };
	}
}

/** Bytes of a vector's sign bits as the sign-bit pass reads them, or 0 when it cannot (rows of whole 16 bytes, at most HAMMING_MAX_BYTES). */
export function signBitBytes(dimensions: number): number {
	const bytes = dimensions / 8;
	return Number.isInteger(bytes) && bytes % 16 === 0 && bytes <= HAMMING_MAX_BYTES ? bytes : 0;
}

/**
 * Writes the vector as int8 at `at`, scaled so its largest component is ±127 (into bytes: two's complement; into
 * int16: the same values widened); returns the scale back to float.
 */
export function quantize(vector: Float32Array, into: Uint8Array | Int16Array, at: number): number {
	let max = 0;
	for (let i = 0; i < vector.length; i++) max = Math.max(max, Math.abs(vector[i]!));
	const toInt = max > 0 ? 127 / max : 0;
	// A negative value stored into a Uint8Array wraps modulo 256: its two's complement byte.
	for (let i = 0; i < vector.length; i++) into[at + i] = Math.round(vector[i]! * toInt);
	return max > 0 ? max / 127 : 0;
}

/** Writes the vector's sign bits at `at`: bit j of the vector (byte j >> 3, bit j & 7) set when component j is positive. */
export function signBits(vector: Float32Array, into: Uint8Array, at: number): void {
	for (let byte = 0, j = 0; j < vector.length; byte++, j += 8) {
		into[at + byte] =
			+(vector[j]! > 0) | (+(vector[j + 1]! > 0) << 1) | (+(vector[j + 2]! > 0) << 2) | (+(vector[j + 3]! > 0) << 3) |
			(+(vector[j + 4]! > 0) << 4) | (+(vector[j + 5]! > 0) << 5) | (+(vector[j + 6]! > 0) << 6) | (+(vector[j + 7]! > 0) << 7);
	}
}
