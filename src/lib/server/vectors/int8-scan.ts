/**
 * The fast first pass of a vector search: every passage's vector held a second time as int8 (each vector scaled so
 * its largest component is ±127), scored against the query by a WebAssembly SIMD loop. Integer dot products of 16
 * bytes at a time cost about a tenth of the plain JavaScript float32 scan and read a quarter of the memory; the best
 * few hundred are then rescored exactly in float32 (vector-index.ts), so the ranking stays the exact one unless the
 * int8 rounding drops a passage below a few hundred others, which bench:search measures (recall against the exact
 * scan) rather than assumes.
 *
 * Why hand-assembled bytes: the loop is twenty instructions, a toolchain for it would be a dependency bigger than the
 * feature, and WebAssembly needs no native build. The text form is beside the bytes.
 */

/** Opcodes used below (WebAssembly core + fixed-width SIMD; SIMD opcodes are LEB128 after the 0xfd prefix). */
const OP = {
	block: 0x02,
	loop: 0x03,
	end: 0x0b,
	brIf: 0x0d,
	localGet: 0x20,
	localSet: 0x21,
	localTee: 0x22,
	i32Store: 0x36,
	i32Const: 0x41,
	i32Eqz: 0x45,
	i32LtU: 0x49,
	i32Add: 0x6a,
	void: 0x40
} as const;
const simd = (op: number): number[] => [0xfd, ...leb(op)];
const V128_LOAD = [...simd(0), 0x00, 0x00];
const V128_ZERO = [...simd(12), ...new Array<number>(16).fill(0)];
const EXTEND_LOW = simd(135); // i16x8.extend_low_i8x16_s
const EXTEND_HIGH = simd(136); // i16x8.extend_high_i8x16_s
const DOT = simd(186); // i32x4.dot_i16x8_s
const ADD4 = simd(174); // i32x4.add
const lane = (n: number) => [...simd(27), n]; // i32x4.extract_lane

function leb(value: number): number[] {
	const out: number[] = [];
	do {
		let byte = value & 0x7f;
		value >>>= 7;
		if (value) byte |= 0x80;
		out.push(byte);
	} while (value);
	return out;
}

const section = (id: number, content: number[]) => [id, ...leb(content.length), ...content];
const name = (s: string) => [s.length, ...[...s].map((c) => c.charCodeAt(0))];

/**
 * (func (export "scan") (param $v i32) (param $n i32) (param $d i32) (param $q i32) (param $out i32)
 *   for each of $n vectors of $d bytes at $v: $out[i] = Σ v[j]·q[j] (int32), $d a multiple of 16.
 */
function scanModule(): Uint8Array<ArrayBuffer> {
	const [v, n, d, q, out, i, j, acc, a, b] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
	const get = (l: number) => [OP.localGet, l];
	const set = (l: number) => [OP.localSet, l];
	const body = [
		// locals: $i $j i32, $acc $a $b v128
		2, 2, 0x7f, 3, 0x7b,
		OP.block, OP.void,
		...get(n), OP.i32Eqz, OP.brIf, 0,
		OP.loop, OP.void,
		...V128_ZERO, ...set(acc),
		OP.i32Const, 0, ...set(j),
		OP.loop, OP.void,
		...get(v), ...get(j), OP.i32Add, ...V128_LOAD, ...set(a),
		...get(q), ...get(j), OP.i32Add, ...V128_LOAD, ...set(b),
		...get(acc),
		...get(a), ...EXTEND_LOW, ...get(b), ...EXTEND_LOW, ...DOT, ...ADD4,
		...get(a), ...EXTEND_HIGH, ...get(b), ...EXTEND_HIGH, ...DOT, ...ADD4,
		...set(acc),
		...get(j), OP.i32Const, 16, OP.i32Add, OP.localTee, j, ...get(d), OP.i32LtU, OP.brIf, 0,
		OP.end,
		...get(out),
		...get(acc), ...lane(0), ...get(acc), ...lane(1), OP.i32Add, ...get(acc), ...lane(2), OP.i32Add, ...get(acc), ...lane(3), OP.i32Add,
		OP.i32Store, 2, 0,
		...get(out), OP.i32Const, 4, OP.i32Add, ...set(out),
		...get(v), ...get(d), OP.i32Add, ...set(v),
		...get(i), OP.i32Const, 1, OP.i32Add, OP.localTee, i, ...get(n), OP.i32LtU, OP.brIf, 0,
		OP.end,
		OP.end,
		OP.end
	];
	return new Uint8Array([
		0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
		...section(1, [1, 0x60, 5, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0]),
		...section(3, [1, 0]),
		...section(5, [1, 0, 1]),
		...section(7, [2, ...name('scan'), 0, 0, ...name('memory'), 2, 0]),
		...section(10, [1, ...leb(body.length), ...body])
	]);
}

const PAGE = 65536;
let compiled: WebAssembly.Module | null | undefined;

/** The compiled scan, or null where WebAssembly SIMD is missing (the index then scans in plain JavaScript). */
function scanCode(): WebAssembly.Module | null {
	if (compiled === undefined) {
		const bytes = scanModule();
		compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
	}
	return compiled;
}

/**
 * Int8 copies of vectors in slots, in one WebAssembly memory: [vectors: capacity × d][query: d][scores: capacity × 4].
 * Slots are written as vectors arrive; `scores` runs the SIMD pass over the first `count`.
 */
export class Int8Vectors {
	readonly #scan: (v: number, n: number, d: number, q: number, out: number) => void;
	readonly #memory: WebAssembly.Memory;
	#capacity = 0;
	#bytes!: Int8Array;
	#scores!: Int32Array;
	/** Each slot's scale: its int8 components times this are the float32 ones (approximately). */
	#scale = new Float32Array(0);
	/** The last scores, reused between searches (a fresh array per search would be garbage to collect). */
	#out = new Float32Array(0);

	private constructor(
		module: WebAssembly.Module,
		readonly dimensions: number
	) {
		const instance = new WebAssembly.Instance(module);
		this.#scan = instance.exports.scan as (v: number, n: number, d: number, q: number, out: number) => void;
		this.#memory = instance.exports.memory as WebAssembly.Memory;
		this.reserve(1024);
	}

	/** Int8 vectors of this many dimensions, or null when they cannot be used (no WebAssembly SIMD; dimensions not a multiple of 16). */
	static create(dimensions: number): Int8Vectors | null {
		const module = dimensions % 16 === 0 ? scanCode() : null;
		return module ? new Int8Vectors(module, dimensions) : null;
	}

	/** Bytes held: the int8 vectors, the query and score space, and the scales. */
	get byteLength(): number {
		return this.#memory.buffer.byteLength + this.#scale.byteLength;
	}

	/** Room for `count` slots (the slots already written keep their place). */
	reserve(count: number): void {
		if (count <= this.#capacity) return;
		const capacity = Math.max(count, this.#capacity * 2);
		const d = this.dimensions;
		const needed = capacity * d + d + capacity * 4;
		const pages = Math.ceil(needed / PAGE) - this.#memory.buffer.byteLength / PAGE;
		if (pages > 0) this.#memory.grow(pages);
		const scale = new Float32Array(capacity);
		scale.set(this.#scale);
		this.#scale = scale;
		this.#out = new Float32Array(capacity);
		this.#capacity = capacity;
		this.#views();
	}

	#views(): void {
		const buffer = this.#memory.buffer;
		const d = this.dimensions;
		this.#bytes = new Int8Array(buffer, 0, this.#capacity * d + d);
		this.#scores = new Int32Array(buffer, this.#capacity * d + d, this.#capacity);
	}

	/** Writes a slot's vector. */
	set(slot: number, vector: Float32Array): void {
		this.#scale[slot] = quantize(vector, this.#bytes, slot * this.dimensions);
	}

	/** Moves a slot's vector to another slot (compaction). */
	move(from: number, to: number): void {
		const d = this.dimensions;
		this.#bytes.copyWithin(to * d, from * d, from * d + d);
		this.#scale[to] = this.#scale[from]!;
	}

	/**
	 * Approximate dot products of the query with the first `count` slots, in slot order (reused: valid until the
	 * next call). Only the order among them means anything: they lack the query's own scale.
	 */
	scores(query: Float32Array, count: number): Float32Array {
		const d = this.dimensions;
		const queryAt = this.#capacity * d;
		quantize(query, this.#bytes, queryAt);
		this.#scan(0, count, d, queryAt, queryAt + d);
		const out = this.#out;
		const ints = this.#scores;
		const scale = this.#scale;
		for (let i = 0; i < count; i++) out[i] = ints[i]! * scale[i]!;
		return out;
	}
}

/** Writes the vector as int8 at `at`, scaled so its largest component is ±127; returns the scale back to float. */
function quantize(vector: Float32Array, into: Int8Array, at: number): number {
	let max = 0;
	for (let i = 0; i < vector.length; i++) max = Math.max(max, Math.abs(vector[i]!));
	const toInt = max > 0 ? 127 / max : 0;
	for (let i = 0; i < vector.length; i++) into[at + i] = Math.round(vector[i]! * toInt);
	return max > 0 ? max / 127 : 0;
}
