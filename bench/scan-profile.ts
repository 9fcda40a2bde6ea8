/**
 * `npx tsx bench/scan-profile.ts`: where the vector scan's time goes, phase by phase, at the size 100k segments make
 * (318,476 passages of 512 dimensions; BENCH_PASSAGES to change it). The passages are mixtures of a pool of random
 * directions plus noise (clustered, as encoder vectors are; bench:search uses real encoder vectors and prints recall:
 * timing does not depend on the directions, as every pass reads a fixed amount). Prints each phase's wall p50 / p99
 * over the queries, as the sign-bit path runs them, and the whole search() beside it.
 * Figures, not pass/fail; run it under the bench lock when the machine is quiet (it prints the load average).
 */
import { VectorIndex, type StoredPassage } from '../src/lib/server/vectors';
import { quantize, signBits } from '../src/lib/server/vectors/quantized-vectors';
import { dotAt } from '../src/lib/server/vectors/vector-index';
import { scanCode, scanInstance } from '../src/lib/server/vectors/simd-scan';
import { loadLine, percentile } from './lib/measure';

const count = Number(process.env.BENCH_PASSAGES ?? 318_476);
const queries = Number(process.env.BENCH_QUERIES ?? 300);
const d = 512;

let seed = 321;
const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
const unit = (v: Float32Array) => {
	const norm = Math.hypot(...v);
	return v.map((x) => x / norm);
};
const pool = Array.from({ length: 2000 }, () => unit(Float32Array.from({ length: d }, gauss)));
const mix = () => {
	const a = pool[Math.floor(random() * pool.length)]!;
	const b = pool[Math.floor(random() * pool.length)]!;
	const w = 0.5 + 0.5 * random();
	const v = new Float32Array(d);
	for (let j = 0; j < d; j++) v[j] = w * a[j]! + (1 - w) * b[j]! + (gauss() * 0.2) / Math.sqrt(d);
	return unit(v);
};
const passages: StoredPassage[] = Array.from({ length: count }, (_, i) => ({
	episodeId: 1 + (i >> 10),
	segmentId: 1 + Math.floor(i / 3.2),
	kind: 'sentence',
	startSeconds: 0,
	endSeconds: 1,
	text: '',
	model: 'synthetic',
	vector: mix()
}));
const querySet = Array.from({ length: queries }, mix);
const index = VectorIndex.from(passages);
/** The same passages searched on one thread (the passes split with a second thread since December 6: scan-thread.ts). */
const oneThread = VectorIndex.from(passages, d, { splitFrom: Infinity });

// The same passes by hand, on one instance laid out as quantized-vectors.ts lays it out, each phase timed.
const shortlist = Math.max(4000, Math.ceil(count / 32));
const bitsWidth = d / 8;
const code = scanInstance(scanCode(d, bitsWidth)!);
// [int8 vectors][int8 query, widened to int16][bits][bits query][histogram][out][slots]
const int8QueryAt = count * d;
const bitsAt = int8QueryAt + 2 * d;
const bitsQueryAt = bitsAt + count * bitsWidth;
const histogramAt = bitsQueryAt + bitsWidth;
const outAt = histogramAt + 16 * Math.ceil(((d + 1) * 4) / 16);
const slotsAt = outAt + count * 4;
const end = slotsAt + count * 4;
code.memory.grow(Math.ceil(end / 65536) - code.memory.buffer.byteLength / 65536);
const bytes = new Uint8Array(code.memory.buffer);
const wideQuery = new Int16Array(code.memory.buffer, int8QueryAt, d);
const histogram = new Int32Array(code.memory.buffer, histogramAt, d + 1);
const out = new Int32Array(code.memory.buffer, outAt, count);
const slots = new Int32Array(code.memory.buffer, slotsAt, count);
const scale = new Float32Array(count);
const vectors = new Float32Array(count * d);
passages.forEach((p, i) => {
	scale[i] = quantize(p.vector, bytes, i * d);
	signBits(p.vector, bytes, bitsAt + i * bitsWidth);
	vectors.set(p.vector, i * d);
});
const approximate = new Float32Array(count);
/** Memory other work touches between two searches (the encoder, the words), so each search starts as cold as in a server. */
const evict = new Uint8Array(Number(process.env.BENCH_EVICT_MB ?? 64) * 1024 * 1024);

type Phase = 'bits' | 'hamming' | 'threshold' | 'select' | 'int8' | 'scores' | 'top500' | 'rescore' | 'manual' | 'search' | 'one thread';
const times = new Map<Phase, number[]>();
const at = (phase: Phase, ms: number) => (times.get(phase) ?? times.set(phase, []).get(phase)!).push(ms);

/** The best `size` of `scores[0, n)` by a min-heap of indices, as the index's TopK keeps them. */
function top(scores: Float32Array, n: number, size: number): Int32Array {
	const heap = new Int32Array(size);
	let filled = 0;
	for (let k = 0; k < n; k++) {
		const score = scores[k]!;
		if (filled < size) {
			let i = filled++;
			while (i > 0 && scores[heap[(i - 1) >> 1]!]! > score) (heap[i] = heap[(i - 1) >> 1]!), (i = (i - 1) >> 1);
			heap[i] = k;
			continue;
		}
		if (score <= scores[heap[0]!]!) continue;
		let i = 0;
		for (;;) {
			const l = 2 * i + 1;
			if (l >= size) break;
			const c = l + 1 < size && scores[heap[l + 1]!]! < scores[heap[l]!]! ? l + 1 : l;
			if (scores[heap[c]!]! >= score) break;
			heap[i] = heap[c]!;
			i = c;
		}
		heap[i] = k;
	}
	return heap.subarray(0, filled);
}

function manual(query: Float32Array): void {
	let t = performance.now();
	const start = t;
	const lap = (phase: Phase) => {
		const now = performance.now();
		at(phase, now - t);
		t = now;
	};
	signBits(query, bytes, bitsQueryAt);
	lap('bits');
	histogram.fill(0);
	code.hamming(bitsAt, count, bitsQueryAt, outAt, histogramAt);
	lap('hamming');
	let below = 0;
	let bar = 0;
	while (bar < histogram.length && below + histogram[bar]! <= shortlist) below += histogram[bar++]!;
	lap('threshold');
	const kept = code.select(outAt, count, bar, shortlist - below, slotsAt);
	lap('select');
	quantize(query, wideQuery, 0);
	code.scanSlots(0, slotsAt, kept, int8QueryAt, outAt);
	lap('int8');
	for (let k = 0; k < kept; k++) approximate[k] = out[k]! * scale[slots[k]!]!;
	lap('scores');
	const best = top(approximate, kept, 500);
	lap('top500');
	let sum = 0;
	for (const k of best) {
		sum += dotAt(vectors, slots[k]! * d, query, d);
	}
	if (Number.isNaN(sum)) console.log('');
	lap('rescore');
	at('manual', performance.now() - start);
}

const touch = () => {
	for (let i = 0; i < evict.length; i += 64) evict[i]!++;
};
for (const q of querySet.slice(0, 50)) {
	manual(q);
	index.search(q, 'synthetic', { limit: 50 });
	oneThread.search(q, 'synthetic', { limit: 50 });
}
times.clear();
const cpu: number[] = [];
let differ = 0;
for (const q of querySet) {
	touch();
	manual(q);
	touch();
	let started = performance.now();
	const alone = oneThread.search(q, 'synthetic', { limit: 50 });
	at('one thread', performance.now() - started);
	touch();
	const before = process.cpuUsage();
	started = performance.now();
	const split = index.search(q, 'synthetic', { limit: 50 });
	at('search', performance.now() - started);
	const used = process.cpuUsage(before);
	cpu.push((used.user + used.system) / 1000);
	if (JSON.stringify(split) !== JSON.stringify(alone)) differ++;
}
console.log(`${count.toLocaleString('en')} passages x ${d}, shortlist ${shortlist.toLocaleString('en')}, ${queries} queries, ${evict.length >> 20} MB touched before each; ${loadLine()}`);
for (const [phase, ms] of times) console.log(`  ${phase.padEnd(10)} p50 ${percentile(ms, 50).toFixed(2).padStart(6)}  p99 ${percentile(ms, 99).toFixed(2).padStart(6)} ms`);
console.log(`  search CPU p50 ${percentile(cpu, 50).toFixed(2)}  p99 ${percentile(cpu, 99).toFixed(2)} ms (the process's, both threads); split and one-thread results differ for ${differ} of ${queries} queries`);
