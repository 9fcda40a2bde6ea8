/**
 * The passage vectors in memory: one contiguous Float32Array (the vectors are unit length, so the dot product is the
 * cosine), and the same vectors as sign bits and as int8 for the fast first passes (quantized-vectors.ts): the sign
 * bits of every passage are compared with the query's, the nearest few thousand by that count in int8, and the best
 * thousand of those exactly (without WebAssembly SIMD every passage is compared exactly). An episode's passages are
 * replaced as a whole when it changes; vectors of a model other than the query's are skipped, so search keeps working
 * (lexically) while a model change is being re-encoded in the background.
 */
import { QuantizedVectors } from './quantized-vectors';
import type { StoredPassage } from './store';

/** A passage the index holds (without its vector). */
export interface IndexedPassage {
	episodeId: number;
	segmentId: number;
	kind: 'segment' | 'sentence';
	startSeconds: number;
	endSeconds: number;
	text: string;
}

/** A segment found by meaning: its best passage and that passage's cosine. */
export interface VectorHit {
	segmentId: number;
	score: number;
	passage: IndexedPassage;
}

/**
 * Passages stored column by column (the vector snapshot's form, snapshot.ts): restored into an empty index without
 * an object per passage or a vector worked out again. Passage i's text is the UTF-8 bytes text[textAt[i], textAt[i + 1]).
 */
export interface PassageColumns {
	count: number;
	dimensions: number;
	models: string[];
	episode: Int32Array;
	segment: Int32Array;
	/** Index into `models`. */
	model: Uint16Array;
	/** 0 segment, 1 sentence. */
	kind: Uint8Array;
	start: Float64Array;
	end: Float64Array;
	textAt: Uint32Array;
	text: Buffer;
	/** count × dimensions. */
	vectors: Float32Array;
	/** The int8 forms and their scales (quantized-vectors.ts), and the sign bits (null when not stored). */
	int8: Uint8Array | null;
	scales: Float32Array | null;
	bits: Uint8Array | null;
}

const DEAD = -1;
/** Passages kept while scanning, before they are grouped by segment: enough for any page of results. */
const SCAN_KEEP = 400;
/**
 * Passages the int8 pass hands to the exact float32 comparison: 1.25 times what is kept, as int8 rounding moves a
 * cosine by about 0.001 while the 400th and 500th best of 318k differ by more (recall printed by bench:search, beside
 * 1,000, which cost more scattered float32 reads for the same recall).
 */
const RESCORE = 500;
/**
 * Passages the sign-bit pass hands to the int8 pass: a share of the index, never fewer than a floor (below that many
 * passages the int8 pass reads them all). On real encoder vectors the true best hundred are among the nearest 1-2 %
 * by sign bits; bench:search prints recall against the exact scan for 1/32, 1/64 and 1/128: on December 6, 1/32 kept
 * recall@10 at 0.997 and 1/64 at 0.990 for 8 % less CPU, so 1/32 stays.
 */
const SHORTLIST_SHARE = 1 / 32;
const SHORTLIST_MIN = 4000;

export interface VectorIndexOptions {
	/** Passages the sign-bit pass keeps for the int8 pass: `max(min, share × live passages)` (tests shrink it). */
	shortlist?: { share: number; min: number };
	/**
	 * From how many passages the first passes are split with a second thread (quantized-vectors.ts SPLIT_FROM;
	 * Infinity: never; tests lower it to compare both ways on one index size).
	 */
	splitFrom?: number;
}

/** How many passages each first pass hands on, for one search (bench:search tries other sizes against the exact scan). */
export interface PassSizes {
	/** Passages the sign-bit pass hands to the int8 pass (default: VectorIndexOptions.shortlist). */
	shortlist?: number;
	/** Passages the int8 pass hands to the exact float32 comparison (default RESCORE; never fewer than SCAN_KEEP). */
	rescore?: number;
}

/** Which first pass a search takes: `bits` then int8 (the default), int8 over every passage, or exact float32 over every passage. */
export type ScanMode = 'bits' | 'int8' | 'exact';

export class VectorIndex {
	#vectors: Float32Array;
	#segment: Int32Array;
	#model: Uint16Array;
	/** Each slot's passage: null once dead, undefined while only its restored columns hold it (made when first asked for). */
	#passages: (IndexedPassage | null | undefined)[] = [];
	/** The columns the first slots were restored from (until the next compaction). */
	#restored: PassageColumns | null = null;
	#size = 0;
	#dead = 0;
	#models: string[] = [];
	/** Live passages of each model, by model id. */
	#live: number[] = [];
	#byEpisode = new Map<number, number[]>();
	#bySegment = new Map<number, number[]>();
	/** The same vectors as sign bits and int8, for the fast first passes (null where WebAssembly SIMD is missing: every search is exact). */
	#quantized: QuantizedVectors | null;
	#shortlist: { share: number; min: number };

	constructor(
		readonly dimensions = 512,
		{ shortlist = { share: SHORTLIST_SHARE, min: SHORTLIST_MIN }, splitFrom }: VectorIndexOptions = {}
	) {
		this.#quantized = QuantizedVectors.create(dimensions, splitFrom);
		this.#shortlist = shortlist;
		this.#vectors = new Float32Array(1024 * dimensions);
		this.#segment = new Int32Array(1024);
		this.#model = new Uint16Array(1024);
	}

	/** An index holding these passages. */
	static from(passages: readonly StoredPassage[], dimensions = 512, options: VectorIndexOptions = {}): VectorIndex {
		const index = new VectorIndex(dimensions, options);
		index.#reserve(passages.length);
		for (const p of passages) index.#append(p);
		return index;
	}

	/** Live passages, and how many of them each model made. */
	stats(): { passages: number; byModel: Record<string, number>; bytes: number; quantizedBytes: number; bitsBytes: number } {
		const byModel: Record<string, number> = {};
		this.#models.forEach((model, id) => this.#live[id] && (byModel[model] = this.#live[id]));
		const quantizedBytes = this.#quantized?.byteLength ?? 0;
		return {
			passages: this.#size - this.#dead,
			byModel,
			bytes: this.#vectors.byteLength + this.#segment.byteLength + this.#model.byteLength + quantizedBytes,
			quantizedBytes,
			bitsBytes: this.#quantized?.bitsByteLength ?? 0
		};
	}

	/**
	 * Starts the second thread the first passes are split with when the index is big enough (VectorIndexOptions.splitFrom),
	 * so the first search need not start it; resolves whether it runs.
	 */
	startSplit(): Promise<boolean> {
		return this.#quantized?.startSplit(this.#size) ?? Promise.resolve(false);
	}

	/** Whether any live passage was made by this model. */
	hasModel(model: string): boolean {
		return (this.#live[this.#models.indexOf(model)] ?? 0) > 0;
	}

	/**
	 * Every passage of these columns, but those of the episodes in `skip` (reloaded meanwhile: the index already holds
	 * their newer passages). Into an empty index the columns are taken as they are: the float32 vectors become the
	 * index's, the int8 and sign bits are copied, and a passage's object and text are made only when a search returns it.
	 */
	restore(columns: PassageColumns, skip: ReadonlySet<number> = new Set()): void {
		if (columns.dimensions !== this.dimensions) throw new Error(`vectors: restored vectors have ${columns.dimensions} dimensions, the index ${this.dimensions}`);
		if (this.#size > 0 || skip.size > 0) return this.#restoreByEpisode(columns, skip);
		const { count } = columns;
		this.#vectors = columns.vectors;
		this.#segment = columns.segment;
		this.#model = columns.model;
		this.#models = [...columns.models];
		this.#live = this.#models.map(() => 0);
		for (let i = 0; i < count; i++) this.#live[columns.model[i]!]!++;
		this.#passages = new Array<IndexedPassage | undefined>(count);
		this.#restored = columns;
		this.#size = count;
		this.#dead = 0;
		for (let i = 0; i < count; i++) {
			push(this.#byEpisode, columns.episode[i]!, i);
			push(this.#bySegment, columns.segment[i]!, i);
		}
		const quantized = this.#quantized;
		if (!quantized) return;
		if (columns.int8 && columns.scales) quantized.restore(count, columns.int8, columns.scales, columns.bits, columns.vectors);
		else {
			quantized.reserve(count);
			for (let i = 0; i < count; i++) quantized.set(i, columns.vectors.subarray(i * this.dimensions, (i + 1) * this.dimensions));
		}
	}

	/** The columns' passages episode by episode, as replaceEpisode takes them (an index that already holds some). */
	#restoreByEpisode(columns: PassageColumns, skip: ReadonlySet<number>): void {
		const byEpisode = new Map<number, StoredPassage[]>();
		for (let i = 0; i < columns.count; i++) {
			const episodeId = columns.episode[i]!;
			if (skip.has(episodeId)) continue;
			const passage = { ...columnPassage(columns, i), model: columns.models[columns.model[i]!]!, vector: columns.vectors.subarray(i * this.dimensions, (i + 1) * this.dimensions) };
			(byEpisode.get(episodeId) ?? byEpisode.set(episodeId, []).get(episodeId)!).push(passage);
		}
		for (const [episodeId, passages] of byEpisode) this.replaceEpisode(episodeId, passages);
	}

	/** The slot's passage (null when dead), made from the restored columns the first time it is asked for. */
	#passage(slot: number): IndexedPassage | null {
		const known = this.#passages[slot];
		if (known !== undefined) return known;
		const restored = this.#restored;
		if (!restored || slot >= restored.count) return null;
		return (this.#passages[slot] = columnPassage(restored, slot));
	}

	/** Replaces an episode's passages (an empty list removes them). */
	replaceEpisode(episodeId: number, passages: readonly StoredPassage[]): void {
		for (const slot of this.#byEpisode.get(episodeId) ?? []) this.#kill(slot);
		this.#byEpisode.delete(episodeId);
		this.#reserve(this.#size + passages.length);
		for (const p of passages) this.#append(p);
		if (this.#dead > 4096 && this.#dead > this.#size / 2) this.#compact();
	}

	/**
	 * The segments nearest the query, best first: each scored by its best passage (the segment as a whole or a run
	 * of sentences in it). `accept` filters segments (show, person); only passages of `model` are compared. `exact`
	 * compares every passage in float32, `scan: 'int8'` starts with the int8 pass over every passage (bench:search
	 * measures the default path's recall against the exact scan, and its time against both).
	 */
	search(
		query: Float32Array,
		model: string,
		{ limit = 50, accept, exact = false, scan = exact ? 'exact' : 'bits', ...passes }: { limit?: number; accept?: (segmentId: number) => boolean; exact?: boolean; scan?: ScanMode } & PassSizes = {}
	): VectorHit[] {
		const modelId = this.#models.indexOf(model);
		if (modelId < 0) return [];
		const { keptSlot, keptScore, kept } = this.#firstPass(query, modelId, scan, passes);
		const order = [...Array(kept).keys()].sort((a, b) => keptScore[b]! - keptScore[a]! || keptSlot[a]! - keptSlot[b]!);
		const segment = this.#segment;
		const hits: VectorHit[] = [];
		const seen = new Set<number>();
		for (const k of order) {
			const slot = keptSlot[k]!;
			const segmentId = segment[slot]!;
			if (seen.has(segmentId)) continue;
			seen.add(segmentId);
			if (accept && !accept(segmentId)) continue;
			hits.push({ segmentId, score: keptScore[k]!, passage: this.#passage(slot)! });
			if (hits.length >= limit) break;
		}
		return hits;
	}

	/**
	 * Every passage compared in float32: the best SCAN_KEEP, unsorted. Plain JavaScript, about 0.55 ns per dimension
	 * and passage on this machine (about 55 ms of CPU for 100k passages of 512 dimensions).
	 */
	#exactScan(query: Float32Array, modelId: number): Kept {
		const d = this.dimensions;
		const vectors = this.#vectors;
		const segment = this.#segment;
		const models = this.#model;
		const best = new TopK(SCAN_KEEP);
		for (let i = 0, o = 0; i < this.#size; i++, o += d) {
			if (segment[i] === DEAD || models[i] !== modelId) continue;
			best.offer(i, dotAt(vectors, o, query, d));
		}
		return best.kept();
	}

	/** The best SCAN_KEEP passages of the model, by the path `scan` asks for where it can be taken. */
	#firstPass(query: Float32Array, modelId: number, scan: ScanMode, passes: PassSizes): Kept {
		const quantized = this.#quantized;
		const rescore = Math.max(SCAN_KEEP, passes.rescore ?? RESCORE);
		if (!quantized || scan === 'exact' || this.#size <= rescore) return this.#exactScan(query, modelId);
		const live = this.#live[modelId]!;
		const shortlist = passes.shortlist ?? Math.max(this.#shortlist.min, Math.ceil(this.#shortlist.share * live));
		if (scan === 'int8' || !quantized.hasBits || live <= shortlist) return this.#int8Scan(quantized, query, modelId, rescore);
		return this.#bitsScan(quantized, query, modelId, shortlist, rescore);
	}

	/**
	 * The int8 pass over every passage (about a tenth of the exact scan's time), then the best RESCORE of it compared
	 * exactly in float32: the scores returned are exact, and so is the order unless int8 rounding pushed one of the
	 * true best SCAN_KEEP below RESCORE others (bench:search prints how often it does).
	 */
	#int8Scan(quantized: QuantizedVectors, query: Float32Array, modelId: number, rescore: number): Kept {
		const approximate = quantized.scores(query, this.#size);
		const segment = this.#segment;
		const models = this.#model;
		const shortlist = new TopK(rescore);
		for (let i = 0; i < this.#size; i++) if (segment[i] !== DEAD && models[i] === modelId) shortlist.offer(i, approximate[i]!);
		return this.#rescore(query, shortlist.kept());
	}

	/**
	 * The sign-bit pass over every passage (a fraction of the int8 pass's time: an eighth of its memory), the `keep` nearest by it
	 * through the int8 pass, and the best RESCORE of those compared exactly in float32. The scores returned are exact;
	 * a true best passage is missed only when its sign bits put it behind `keep` others (bench:search prints how often).
	 */
	#bitsScan(quantized: QuantizedVectors, query: Float32Array, modelId: number, keep: number, rescore: number): Kept {
		const segment = this.#segment;
		const models = this.#model;
		// Every slot holds a live passage of this model (no episode replaced since the last compaction, one model): no test per slot.
		const live = this.#live[modelId] === this.#size ? null : (slot: number) => segment[slot] !== DEAD && models[slot] === modelId;
		const { slots, scores, kept } = quantized.shortlist(query, this.#size, keep, live);
		const shortlist = new TopK(rescore);
		for (let k = 0; k < kept; k++) shortlist.offer(slots[k]!, scores[k]!);
		return this.#rescore(query, shortlist.kept());
	}

	/** The best SCAN_KEEP of these passages compared exactly in float32. */
	#rescore(query: Float32Array, { keptSlot, kept }: Kept): Kept {
		const best = new TopK(SCAN_KEEP);
		const d = this.dimensions;
		const vectors = this.#vectors;
		for (let k = 0; k < kept; k++) {
			const slot = keptSlot[k]!;
			best.offer(slot, dotAt(vectors, slot * d, query, d));
		}
		return best.kept();
	}

	/** Every segment's best passage cosine for these segments (segments with no vectors are left out). */
	scoreSegments(query: Float32Array, model: string, segmentIds: Iterable<number>): Map<number, VectorHit> {
		const out = new Map<number, VectorHit>();
		for (const segmentId of segmentIds) {
			const best = this.#bestOf(query, model, segmentId, () => true);
			if (best) out.set(segmentId, best);
		}
		return out;
	}

	/** The run of sentences in a segment nearest the query (null when the segment has no sentence vectors). */
	bestSentence(query: Float32Array, model: string, segmentId: number): VectorHit | null {
		return this.#bestOf(query, model, segmentId, (p) => p.kind === 'sentence');
	}

	#bestOf(query: Float32Array, model: string, segmentId: number, take: (p: IndexedPassage) => boolean): VectorHit | null {
		const modelId = this.#models.indexOf(model);
		let best: VectorHit | null = null;
		for (const slot of this.#bySegment.get(segmentId) ?? []) {
			const passage = this.#passage(slot);
			if (!passage || this.#model[slot] !== modelId || !take(passage)) continue;
			const score = this.#dot(query, slot);
			if (!best || score > best.score) best = { segmentId, score, passage };
		}
		return best;
	}

	#dot(query: Float32Array, slot: number): number {
		return dotAt(this.#vectors, slot * this.dimensions, query, this.dimensions);
	}

	#reserve(count: number): void {
		if (count <= this.#segment.length) return;
		const capacity = Math.max(count, this.#segment.length * 2);
		const vectors = new Float32Array(capacity * this.dimensions);
		vectors.set(this.#vectors.subarray(0, this.#size * this.dimensions));
		const segment = new Int32Array(capacity);
		segment.set(this.#segment.subarray(0, this.#size));
		const model = new Uint16Array(capacity);
		model.set(this.#model.subarray(0, this.#size));
		this.#vectors = vectors;
		this.#segment = segment;
		this.#model = model;
		this.#quantized?.reserve(capacity);
	}

	#append(p: StoredPassage): void {
		if (p.vector.length !== this.dimensions) {
			throw new Error(`vectors: a passage of segment ${p.segmentId} has ${p.vector.length} dimensions, the index ${this.dimensions}`);
		}
		const slot = this.#size++;
		let modelId = this.#models.indexOf(p.model);
		if (modelId < 0) modelId = this.#models.push(p.model) - 1;
		this.#live[modelId] = (this.#live[modelId] ?? 0) + 1;
		this.#vectors.set(p.vector, slot * this.dimensions);
		this.#quantized?.set(slot, p.vector);
		this.#segment[slot] = p.segmentId;
		this.#model[slot] = modelId;
		this.#passages[slot] = { episodeId: p.episodeId, segmentId: p.segmentId, kind: p.kind, startSeconds: p.startSeconds, endSeconds: p.endSeconds, text: p.text };
		push(this.#byEpisode, p.episodeId, slot);
		push(this.#bySegment, p.segmentId, slot);
	}

	#kill(slot: number): void {
		const segmentId = this.#segment[slot]!;
		if (segmentId === DEAD) return;
		const list = this.#bySegment.get(segmentId);
		if (list) {
			const rest = list.filter((s) => s !== slot);
			if (rest.length) this.#bySegment.set(segmentId, rest);
			else this.#bySegment.delete(segmentId);
		}
		this.#segment[slot] = DEAD;
		this.#live[this.#model[slot]!]!--;
		this.#passages[slot] = null;
		this.#dead++;
	}

	/** Moves the live passages together, dropping the dead ones. */
	#compact(): void {
		const live: StoredPassage[] = [];
		for (let i = 0; i < this.#size; i++) {
			const p = this.#passage(i);
			if (!p) continue;
			live.push({ ...p, model: this.#models[this.#model[i]!]!, vector: this.#vectors.slice(i * this.dimensions, (i + 1) * this.dimensions) });
		}
		this.#size = 0;
		this.#dead = 0;
		this.#live = [];
		this.#passages = [];
		this.#restored = null;
		this.#byEpisode.clear();
		this.#bySegment.clear();
		for (const p of live) this.#append(p);
	}
}

interface Kept {
	keptSlot: Int32Array;
	keptScore: Float32Array;
	kept: number;
}

/** The `size` best (slot, score) pairs offered, in a min-heap: its root is the bar a newcomer must beat. */
class TopK {
	#slot: Int32Array;
	#score: Float32Array;
	#count = 0;

	constructor(readonly size: number) {
		this.#slot = new Int32Array(size);
		this.#score = new Float32Array(size);
	}

	offer(slot: number, score: number): void {
		if (this.#count < this.size) {
			let at = this.#count++;
			// Sift up.
			while (at > 0) {
				const parent = (at - 1) >> 1;
				if (this.#score[parent]! <= score) break;
				this.#slot[at] = this.#slot[parent]!;
				this.#score[at] = this.#score[parent]!;
				at = parent;
			}
			this.#slot[at] = slot;
			this.#score[at] = score;
			return;
		}
		if (score <= this.#score[0]!) return;
		// Replace the root and sift down.
		let at = 0;
		for (;;) {
			const left = 2 * at + 1;
			if (left >= this.size) break;
			const right = left + 1;
			const child = right < this.size && this.#score[right]! < this.#score[left]! ? right : left;
			if (this.#score[child]! >= score) break;
			this.#slot[at] = this.#slot[child]!;
			this.#score[at] = this.#score[child]!;
			at = child;
		}
		this.#slot[at] = slot;
		this.#score[at] = score;
	}

	/** What was kept, in no particular order. */
	kept(): Kept {
		return { keptSlot: this.#slot, keptScore: this.#score, kept: this.#count };
	}
}

function columnPassage(c: PassageColumns, i: number): IndexedPassage {
	return {
		episodeId: c.episode[i]!,
		segmentId: c.segment[i]!,
		kind: c.kind[i] ? 'sentence' : 'segment',
		startSeconds: c.start[i]!,
		endSeconds: c.end[i]!,
		text: c.text.toString('utf8', c.textAt[i]!, c.textAt[i + 1]!)
	};
}

function push(map: Map<number, number[]>, key: number, value: number): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/**
 * The dot product of the `d` floats at `offset` in `vectors` with `query`. Every exact score is summed this way, in
 * this order (four running sums when `d` is a multiple of four), so a passage rescored after the first passes gets the
 * very score the exact scan gives it.
 */
export function dotAt(vectors: Float32Array, offset: number, query: Float32Array, d: number): number {
	if (d % 4) {
		let sum = 0;
		for (let j = 0; j < d; j++) sum += vectors[offset + j]! * query[j]!;
		return sum;
	}
	let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
	for (let j = 0; j < d; j += 4) {
		s0 += vectors[offset + j]! * query[j]!;
		s1 += vectors[offset + j + 1]! * query[j + 1]!;
		s2 += vectors[offset + j + 2]! * query[j + 2]!;
		s3 += vectors[offset + j + 3]! * query[j + 3]!;
	}
	return s0 + s1 + s2 + s3;
}
