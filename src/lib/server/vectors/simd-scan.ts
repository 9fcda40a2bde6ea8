/**
 * The WebAssembly SIMD loops the vector index's first passes run (quantized-vectors.ts), hand-assembled: each is a
 * few dozen instructions, a toolchain for them would be a dependency bigger than the feature, and WebAssembly needs no
 * native build. The text form is beside the bytes. The module is made for one vector width (512 dimensions: int8
 * rows of 512 bytes, sign-bit rows of 64), so the loops over a row are unrolled with constant offsets: no loop
 * counter per 16 bytes (the sign-bit pass's time was mostly loop overhead; fewer instructions a row halved it). Four
 * functions over vectors packed in the module's memory:
 *
 * - `scan`: int8 dot products with the query, for `n` vectors in a row, one int32 each at `out`;
 * - `scanSlots`: the same for the `n` vectors whose slot numbers are listed at `slots` (a shortlist);
 * - `hamming`: the number of bits that differ from the query's, for `n` bit vectors in a row (sign bits: an eighth
 *   of int8's memory traffic), one int32 each at `out`, each also counted in a histogram (int32 per count);
 * - `select`: the slots whose count is below a bar, and the first so many at the bar (the shortlist, in slot order).
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
	i32Eq: 0x46,
	i32Ne: 0x47,
	i32LtS: 0x48,
	i32LtU: 0x49,
	i32Add: 0x6a,
	i32Sub: 0x6b,
	i32Mul: 0x6c,
	i32And: 0x71,
	i32Or: 0x72,
	i32Shl: 0x74,
	i32ShrU: 0x76,
	void: 0x40
} as const;
const I32 = 0x7f;
const V128 = 0x7b;
const simd = (op: number): number[] => [0xfd, ...leb(op)];
/** v128.load at the address on the stack plus a constant offset. */
const loadAt = (offset: number) => [...simd(0), 0x00, ...leb(offset)];
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
/** i8x16.shuffle of the vector with itself, lanes [8..15, 0..7] (its two halves swapped). */
const SWAP_HALVES = [...simd(13), 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7];
/** i8x16.shuffle of the vector with itself, int32 lanes [1, 0, 3, 2]. */
const SWAP_LANES = [...simd(13), 4, 5, 6, 7, 0, 1, 2, 3, 12, 13, 14, 15, 8, 9, 10, 11];

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
const i32 = (value: number) => [OP.i32Const, ...sleb(value)];
/** `local = local + constant` */
const bump = (l: number, by: number[]) => [...get(l), ...by, OP.i32Add, ...set(l)];
/** The sum of an i32x4's four lanes (the vector is read from local `l`, which is overwritten). */
const lanes = (l: number) => [...get(l), ...get(l), ...get(l), ...SWAP_HALVES, ...ADD4, ...set(l), ...get(l), ...get(l), ...get(l), ...SWAP_LANES, ...ADD4, ...lane(0)];

function sleb(value: number): number[] {
	const out: number[] = [];
	for (;;) {
		const byte = value & 0x7f;
		value >>= 7;
		if ((value === 0 && !(byte & 0x40)) || (value === -1 && byte & 0x40)) return [...out, byte];
		out.push(byte | 0x80);
	}
}

/**
 * The int8 dot products of the rows at locals `rows` with the query at local `q`, `bytes` of each, into the v128
 * locals `accs` (four int32 lanes each, to be summed). The query is held widened to int16 (2 × `bytes` at `q`), so a
 * row's 16 bytes cost a load, two widenings, two multiply-adds and two adds; several rows go through together, so
 * each query load serves them all and their memory is fetched side by side (a shortlist's rows are scattered: one
 * row at a time waits on memory for each). Unrolled whole up to 512 bytes; wider rows loop over unrolled blocks of
 * 512, moving `rows` and `q` on (`q` is put back, `rows` are left at their ends).
 */
function int8Dots(rows: number[], q: number, bytes: number, accs: number[], [qLow, qHigh, a]: [number, number, number], end: number): number[] {
	const block = Math.min(bytes, 512);
	const chunk = (offset: number) => [
		...get(q), ...loadAt(2 * offset), ...set(qLow),
		...get(q), ...loadAt(2 * offset + 16), ...set(qHigh),
		...rows.flatMap((row, r) => [
			...get(row), ...loadAt(offset), ...set(a),
			...get(accs[r]!),
			...get(a), ...EXTEND_LOW, ...get(qLow), ...DOT, ...ADD4,
			...get(a), ...EXTEND_HIGH, ...get(qHigh), ...DOT, ...ADD4,
			...set(accs[r]!)
		])
	];
	const zero = accs.flatMap((acc) => [...V128_ZERO, ...set(acc)]);
	const body = Array.from({ length: block / 16 }, (_, k) => chunk(k * 16)).flat();
	if (block === bytes) return [...zero, ...body];
	return [
		...zero,
		...get(q), ...i32(2 * bytes), OP.i32Add, ...set(end),
		OP.loop, OP.void,
		...body,
		...rows.flatMap((row) => bump(row, i32(block))), ...bump(q, i32(2 * block)),
		...get(q), ...get(end), OP.i32LtU, OP.brIf, 0,
		OP.end,
		...get(q), ...i32(2 * bytes), OP.i32Sub, ...set(q)
	];
}

/** i8x16.shuffle of two vectors, taking these int32 lanes (0-3 of the first, 4-7 of the second). */
const pick = (lanes: number[]) => [...simd(13), ...lanes.flatMap((l) => [4 * l, 4 * l + 1, 4 * l + 2, 4 * l + 3])];
/** The four accumulators' lane sums as one i32x4 (a transpose by shuffles, then adds), left on the stack. */
function sums4(accs: number[], wx: number): number[] {
	const [w, x, y, z] = accs as [number, number, number, number];
	const half = (l: number, m: number) => [...get(l), ...get(m), ...pick([0, 1, 4, 5]), ...get(l), ...get(m), ...pick([2, 3, 6, 7]), ...ADD4];
	return [
		...half(w, x), ...set(wx),
		...half(y, z), ...set(y),
		...get(wx), ...get(y), ...pick([0, 2, 4, 6]), ...get(wx), ...get(y), ...pick([1, 3, 5, 7]), ...ADD4
	];
}
const V128_STORE = [...simd(11), 0x00, 0x00];
/** Rows the int8 passes take together (see int8Dots). */
const ROWS = 4;

/** `for (i = 0; i < n; i++) { body }`, skipped when n is 0. */
function forEach(n: number, i: number, body: number[]): number[] {
	return [
		OP.block, OP.void,
		...get(n), OP.i32Eqz, OP.brIf, 0,
		...i32(0), ...set(i),
		OP.loop, OP.void,
		...body,
		...get(i), OP.i32Const, 1, OP.i32Add, OP.localTee, i, ...get(n), OP.i32LtU, OP.brIf, 0,
		OP.end,
		OP.end
	];
}

/** Writes the int32 on the stack at `out` and moves `out` on by 4. */
const storeNext = (out: number, value: number[]) => [...get(out), ...value, OP.i32Store, 2, 0, ...bump(out, i32(4))];

/**
 * (func (export "scan") (param $v $n $q $out i32)
 *   for each of $n vectors of `bytes` bytes at $v: $out[i] = Σ v[j]·q[j] (int32; the query widened to int16 at $q).
 */
function scanBody(bytes: number): number[] {
	const [v, n, q, out, i, end, acc, qLow, qHigh, a] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
	return [
		2, 2, I32, 4, V128,
		...forEach(n, i, [...int8Dots([v], q, bytes, [acc], [qLow, qHigh, a], end), ...storeNext(out, lanes(acc)), ...(bytes > 512 ? [] : bump(v, i32(bytes)))]),
		OP.end
	];
}

/**
 * (func (export "scanSlots") (param $v $slots $n $q $out i32)
 *   for i < $n: $out[i] = Σ v[slot·bytes + j]·q[j] with slot = $slots[i] (int32; the query widened to int16 at $q),
 *   ROWS slots at a time, then the rest one by one.
 */
function scanSlotsBody(bytes: number): number[] {
	const [v, slots, n, q, out, i, groups, end] = [0, 1, 2, 3, 4, 5, 6, 7];
	const rows = Array.from({ length: ROWS }, (_, r) => 8 + r);
	const [qLow, qHigh, a, wx] = [8 + ROWS, 9 + ROWS, 10 + ROWS, 11 + ROWS];
	const accs = Array.from({ length: ROWS }, (_, r) => 12 + ROWS + r);
	const rowOf = (row: number, at: number) => [...get(slots), OP.i32Load, 2, ...leb(at), ...i32(bytes), OP.i32Mul, ...get(v), OP.i32Add, ...set(row)];
	return [
		2, 3 + ROWS, I32, 4 + ROWS, V128,
		...get(n), ...i32(Math.log2(ROWS)), OP.i32ShrU, ...set(groups),
		...forEach(groups, i, [
			...rows.flatMap((row, r) => rowOf(row, 4 * r)),
			...int8Dots(rows, q, bytes, accs, [qLow, qHigh, a], end),
			...get(out), ...sums4(accs, wx), ...V128_STORE,
			...bump(out, i32(4 * ROWS)),
			...bump(slots, i32(4 * ROWS))
		]),
		...get(n), ...i32(ROWS - 1), OP.i32And, ...set(n),
		...forEach(n, i, [
			...rowOf(rows[0]!, 0),
			...int8Dots([rows[0]!], q, bytes, [accs[0]!], [qLow, qHigh, a], end),
			...storeNext(out, lanes(accs[0]!)),
			...bump(slots, i32(4))
		]),
		OP.end
	];
}

/**
 * (func (export "hamming") (param $v $n $q $out $histogram i32)
 *   for each of $n bit vectors of `bytes` bytes at $v: h = popcount(v ^ q); $out[i] = h; $histogram[h]++ (int32s).
 *   `bytes` a multiple of 16 and at most HAMMING_MAX_BYTES (each byte lane counts at most 8 bits per 16 bytes, so
 *   31 rounds before it could pass 255). The query's 16-byte rows are held in locals, the row unrolled whole.
 */
function hammingBody(bytes: number): number[] {
	const rows = bytes / 16;
	const [v, n, q, out, histogram, i, h, acc] = [0, 1, 2, 3, 4, 5, 6, 7];
	const query = (k: number) => 8 + k;
	const count = (k: number) => [...get(v), ...loadAt(k * 16), ...get(query(k)), ...XOR, ...POPCNT];
	const slot = [...get(h), ...i32(2), OP.i32Shl, ...get(histogram), OP.i32Add];
	return [
		2, 2, I32, 1 + rows, V128,
		...Array.from({ length: rows }, (_, k) => [...get(q), ...loadAt(k * 16), ...set(query(k))]).flat(),
		...forEach(n, i, [
			...count(0),
			...Array.from({ length: rows - 1 }, (_, k) => [...count(k + 1), ...ADD16]).flat(),
			...PAIRS_8_TO_16, ...PAIRS_16_TO_32, ...set(acc),
			...lanes(acc), ...set(h),
			...storeNext(out, get(h)),
			...slot, ...slot, OP.i32Load, 2, 0, ...i32(1), OP.i32Add, OP.i32Store, 2, 0,
			...bump(v, i32(bytes))
		]),
		OP.end
	];
}

/**
 * (func (export "select") (param $counts $n $bar $atBar $slots i32) (result i32)
 *   writes at $slots, in order, every i < $n whose count ($counts[i], int32) is below $bar, and the first $atBar of
 *   those at $bar; returns how many it wrote. Without branches: each i is written where the next would go, and the
 *   place moves on only when it is taken.
 */
function selectBody(): number[] {
	const [counts, n, bar, atBar, slots, i, at, h, tie] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
	return [
		1, 4, I32,
		...get(slots), ...set(at),
		...forEach(n, i, [
			...get(counts), OP.i32Load, 2, 0, ...set(h),
			...bump(counts, i32(4)),
			...get(at), ...get(i), OP.i32Store, 2, 0,
			...get(h), ...get(bar), OP.i32Eq, ...get(atBar), ...i32(0), OP.i32Ne, OP.i32And, ...set(tie),
			...get(atBar), ...get(tie), OP.i32Sub, ...set(atBar),
			...get(at), ...get(h), ...get(bar), OP.i32LtS, ...get(tie), OP.i32Or, ...i32(2), OP.i32Shl, OP.i32Add, ...set(at)
		]),
		...get(at), ...get(slots), OP.i32Sub, ...i32(2), OP.i32ShrU,
		OP.end
	];
}

/** The largest bytes per bit vector `hamming` counts without overflow. */
export const HAMMING_MAX_BYTES = 496;

/** The module for int8 rows of `bytes` bytes and sign-bit rows of `bitBytes` (0: no sign-bit pass; `hamming` then counts one 16-byte row and is not to be called). */
function scanModule(bytes: number, bitBytes: number): Uint8Array<ArrayBuffer> {
	const bodies = [scanBody(bytes), scanSlotsBody(bytes), hammingBody(bitBytes || 16), selectBody()];
	const type = (count: number, results: number) => [0x60, count, ...new Array<number>(count).fill(I32), results, ...new Array<number>(results).fill(I32)];
	return new Uint8Array([
		0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
		...section(1, [3, ...type(4, 0), ...type(5, 0), ...type(5, 1)]),
		// (import "js" "memory" (memory 0 MAX_PAGES shared)): a memory another thread can run the same loops over (scan-thread.ts).
		...section(2, [1, ...name('js'), ...name('memory'), 2, 3, 0, ...leb(MAX_PAGES)]),
		...section(3, [4, 0, 1, 1, 2]),
		...section(7, [4, ...name('scan'), 0, 0, ...name('scanSlots'), 0, 1, ...name('hamming'), 0, 2, ...name('select'), 0, 3]),
		...section(10, [bodies.length, ...bodies.flatMap((body) => [...leb(body.length), ...body])])
	]);
}

const compiled = new Map<string, WebAssembly.Module | null>();

/**
 * The compiled loops for int8 rows of `bytes` bytes (a multiple of 16) and sign-bit rows of `bitBytes` (a multiple
 * of 16 up to HAMMING_MAX_BYTES, or 0), or null where WebAssembly SIMD is missing (the index then scans in plain JavaScript).
 */
export function scanCode(bytes: number, bitBytes: number): WebAssembly.Module | null {
	const key = `${bytes}/${bitBytes}`;
	if (!compiled.has(key)) {
		const code = scanModule(bytes, bitBytes);
		compiled.set(key, WebAssembly.validate(code) ? new WebAssembly.Module(code) : null);
	}
	return compiled.get(key)!;
}

export interface ScanExports {
	scan(v: number, n: number, q: number, out: number): void;
	scanSlots(v: number, slots: number, n: number, q: number, out: number): void;
	hamming(v: number, n: number, q: number, out: number, histogram: number): void;
	select(counts: number, n: number, bar: number, atBar: number, slots: number): number;
	memory: WebAssembly.Memory;
}

/** The most 64 KiB pages a memory of the loops can grow to (WebAssembly's 4 GiB; a shared memory must name a maximum, reserved as address space only). */
const MAX_PAGES = 65536;

/** The compiled loops over `memory` (a fresh shared memory when none is given: the threads that share it each make an instance over it). */
export function scanInstance(module: WebAssembly.Module, memory = new WebAssembly.Memory({ initial: 0, maximum: MAX_PAGES, shared: true })): ScanExports {
	return { ...(new WebAssembly.Instance(module, { js: { memory } }).exports as unknown as Omit<ScanExports, 'memory'>), memory };
}
