/**
 * The WebAssembly SIMD loops the vector index's first passes run (quantized-vectors.ts), hand-assembled: each is a
 * few dozen instructions, a toolchain for them would be a dependency bigger than the feature, and WebAssembly needs no
 * native build. The text form is beside the bytes. Three functions over vectors packed in the module's memory, each
 * writing one int32 per vector at `out`:
 *
 * - `scan`: int8 dot products with the query, for `n` vectors in a row;
 * - `scanSlots`: the same for the `n` vectors whose slot numbers are listed at `slots` (a shortlist);
 * - `hamming`: the number of bits that differ from the query's, for `n` bit vectors in a row (sign bits: 64 bytes for
 *   512 dimensions, an eighth of int8's memory traffic and a few instructions each).
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
	i32Load: 0x28,
	i32Store: 0x36,
	i32Const: 0x41,
	i32Eqz: 0x45,
	i32LtU: 0x49,
	i32Add: 0x6a,
	i32Mul: 0x6c,
	void: 0x40
} as const;
const I32 = 0x7f;
const V128 = 0x7b;
const simd = (op: number): number[] => [0xfd, ...leb(op)];
const V128_LOAD = [...simd(0), 0x00, 0x00];
const V128_ZERO = [...simd(12), ...new Array<number>(16).fill(0)];
const EXTEND_LOW = simd(135); // i16x8.extend_low_i8x16_s
const EXTEND_HIGH = simd(136); // i16x8.extend_high_i8x16_s
const DOT = simd(186); // i32x4.dot_i16x8_s
const ADD4 = simd(174); // i32x4.add
const XOR = simd(81); // v128.xor
const POPCNT = simd(98); // i8x16.popcnt
const ADD16 = simd(110); // i8x16.add
const PAIRS_8_TO_16 = simd(125); // i16x8.extadd_pairwise_i8x16_u
const PAIRS_16_TO_32 = simd(127); // i32x4.extadd_pairwise_i16x8_u
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
const get = (l: number) => [OP.localGet, l];
const set = (l: number) => [OP.localSet, l];
/** `local = local + constant` */
const bump = (l: number, by: number[]) => [...get(l), ...by, OP.i32Add, ...set(l)];
/** The sum of an i32x4's four lanes (the vector on the stack is read from local `l`). */
const lanes = (l: number) => [...get(l), ...lane(0), ...get(l), ...lane(1), OP.i32Add, ...get(l), ...lane(2), OP.i32Add, ...get(l), ...lane(3), OP.i32Add];

/**
 * The int8 dot product's inner loop: `acc += v[base + j] · q[j]` over the vector's `d` bytes, 16 at a time (each
 * half widened to int16, multiplied pairwise and added into four int32 lanes).
 */
function int8Dot(base: number, q: number, d: number, j: number, acc: number, a: number, b: number): number[] {
	return [
		...V128_ZERO, ...set(acc),
		OP.i32Const, 0, ...set(j),
		OP.loop, OP.void,
		...get(base), ...get(j), OP.i32Add, ...V128_LOAD, ...set(a),
		...get(q), ...get(j), OP.i32Add, ...V128_LOAD, ...set(b),
		...get(acc),
		...get(a), ...EXTEND_LOW, ...get(b), ...EXTEND_LOW, ...DOT, ...ADD4,
		...get(a), ...EXTEND_HIGH, ...get(b), ...EXTEND_HIGH, ...DOT, ...ADD4,
		...set(acc),
		...get(j), OP.i32Const, 16, OP.i32Add, OP.localTee, j, ...get(d), OP.i32LtU, OP.brIf, 0,
		OP.end
	];
}

/** `for (i = 0; i < n; i++) { body }`, skipped when n is 0. */
function forEach(n: number, i: number, body: number[]): number[] {
	return [
		OP.block, OP.void,
		...get(n), OP.i32Eqz, OP.brIf, 0,
		OP.loop, OP.void,
		...body,
		...get(i), OP.i32Const, 1, OP.i32Add, OP.localTee, i, ...get(n), OP.i32LtU, OP.brIf, 0,
		OP.end,
		OP.end
	];
}

/** Writes the int32 on the stack at `out` and moves `out` on by 4. */
const storeNext = (out: number, value: number[]) => [...get(out), ...value, OP.i32Store, 2, 0, ...bump(out, [OP.i32Const, 4])];

/**
 * (func (export "scan") (param $v $n $d $q $out i32)
 *   for each of $n vectors of $d bytes at $v: $out[i] = Σ v[j]·q[j] (int32), $d a multiple of 16.
 */
function scanBody(): number[] {
	const [v, n, d, q, out, i, j, acc, a, b] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
	return [
		2, 2, I32, 3, V128,
		...forEach(n, i, [...int8Dot(v, q, d, j, acc, a, b), ...storeNext(out, lanes(acc)), ...bump(v, get(d))]),
		OP.end
	];
}

/**
 * (func (export "scanSlots") (param $v $slots $n $d $q $out i32)
 *   for i < $n: $out[i] = Σ v[slot·d + j]·q[j] with slot = $slots[i] (int32).
 */
function scanSlotsBody(): number[] {
	const [v, slots, n, d, q, out, i, j, base, acc, a, b] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
	return [
		2, 3, I32, 3, V128,
		...forEach(n, i, [
			...get(slots), OP.i32Load, 2, 0, ...get(d), OP.i32Mul, ...get(v), OP.i32Add, ...set(base),
			...int8Dot(base, q, d, j, acc, a, b),
			...storeNext(out, lanes(acc)),
			...bump(slots, [OP.i32Const, 4])
		]),
		OP.end
	];
}

/**
 * (func (export "hamming") (param $v $n $d $q $out i32)
 *   for each of $n bit vectors of $d bytes at $v: $out[i] = popcount(v ^ q) (int32), $d a multiple of 16 and at most
 *   496 (each byte lane counts at most 8 bits per 16 bytes, so 31 rounds before it could pass 255).
 */
function hammingBody(): number[] {
	const [v, n, d, q, out, i, j, acc] = [0, 1, 2, 3, 4, 5, 6, 7];
	return [
		2, 2, I32, 1, V128,
		...forEach(n, i, [
			...V128_ZERO, ...set(acc),
			OP.i32Const, 0, ...set(j),
			OP.loop, OP.void,
			...get(acc),
			...get(v), ...get(j), OP.i32Add, ...V128_LOAD,
			...get(q), ...get(j), OP.i32Add, ...V128_LOAD,
			...XOR, ...POPCNT, ...ADD16, ...set(acc),
			...get(j), OP.i32Const, 16, OP.i32Add, OP.localTee, j, ...get(d), OP.i32LtU, OP.brIf, 0,
			OP.end,
			...get(acc), ...PAIRS_8_TO_16, ...PAIRS_16_TO_32, ...set(acc),
			...storeNext(out, lanes(acc)),
			...bump(v, get(d))
		]),
		OP.end
	];
}

/** The largest bytes per bit vector `hamming` counts without overflow. */
export const HAMMING_MAX_BYTES = 496;

function scanModule(): Uint8Array<ArrayBuffer> {
	const bodies = [scanBody(), scanSlotsBody(), hammingBody()];
	const params = (count: number) => [0x60, count, ...new Array<number>(count).fill(I32), 0];
	return new Uint8Array([
		0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
		...section(1, [2, ...params(5), ...params(6)]),
		...section(3, [3, 0, 1, 0]),
		...section(5, [1, 0, 1]),
		...section(7, [4, ...name('scan'), 0, 0, ...name('scanSlots'), 0, 1, ...name('hamming'), 0, 2, ...name('memory'), 2, 0]),
		...section(10, [bodies.length, ...bodies.flatMap((body) => [...leb(body.length), ...body])])
	]);
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled loops, or null where WebAssembly SIMD is missing (the index then scans in plain JavaScript). */
export function scanCode(): WebAssembly.Module | null {
	if (compiled === undefined) {
		const bytes = scanModule();
		compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
	}
	return compiled;
}

export interface ScanExports {
	scan(v: number, n: number, d: number, q: number, out: number): void;
	scanSlots(v: number, slots: number, n: number, d: number, q: number, out: number): void;
	hamming(v: number, n: number, d: number, q: number, out: number): void;
	memory: WebAssembly.Memory;
}

/** A fresh instance (its own memory) of the compiled loops. */
export function scanInstance(module: WebAssembly.Module): ScanExports {
	return new WebAssembly.Instance(module).exports as unknown as ScanExports;
}
