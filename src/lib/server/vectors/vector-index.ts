/**
 * The passage vectors in memory, searched exactly: one contiguous Float32Array scanned with plain dot products (the
 * vectors are unit length, so the dot product is the cosine). An episode's passages are replaced as a whole when it
 * changes; vectors of a model other than the query's are skipped, so search keeps working (lexically) while a model
 * change is being re-encoded in the background.
 */
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

const DEAD = -1;
/** Passages kept while scanning, before they are grouped by segment: enough for any page of results. */
const SCAN_KEEP = 400;

export class VectorIndex {
	#vectors: Float32Array;
	#segment: Int32Array;
	#model: Uint16Array;
	#passages: (IndexedPassage | null)[] = [];
	#size = 0;
	#dead = 0;
	#models: string[] = [];
	/** Live passages of each model, by model id. */
	#live: number[] = [];
	#byEpisode = new Map<number, number[]>();
	#bySegment = new Map<number, number[]>();

	constructor(readonly dimensions = 512) {
		this.#vectors = new Float32Array(1024 * dimensions);
		this.#segment = new Int32Array(1024);
		this.#model = new Uint16Array(1024);
	}

	/** An index holding these passages. */
	static from(passages: readonly StoredPassage[], dimensions = 512): VectorIndex {
		const index = new VectorIndex(dimensions);
		index.#reserve(passages.length);
		for (const p of passages) index.#append(p);
		return index;
	}

	/** Live passages, and how many of them each model made. */
	stats(): { passages: number; byModel: Record<string, number>; bytes: number } {
		const byModel: Record<string, number> = {};
		this.#models.forEach((model, id) => this.#live[id] && (byModel[model] = this.#live[id]));
		return { passages: this.#size - this.#dead, byModel, bytes: this.#vectors.byteLength + this.#segment.byteLength + this.#model.byteLength };
	}

	/** Whether any live passage was made by this model. */
	hasModel(model: string): boolean {
		return (this.#live[this.#models.indexOf(model)] ?? 0) > 0;
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
	 * of sentences in it). `accept` filters segments (show, person); only passages of `model` are compared.
	 */
	search(query: Float32Array, model: string, { limit = 50, accept }: { limit?: number; accept?: (segmentId: number) => boolean } = {}): VectorHit[] {
		const modelId = this.#models.indexOf(model);
		if (modelId < 0) return [];
		const d = this.dimensions;
		const vectors = this.#vectors;
		const segment = this.#segment;
		const models = this.#model;
		// The best SCAN_KEEP passages, kept unsorted with the weakest one's score as the bar to beat.
		const keptSlot = new Int32Array(SCAN_KEEP);
		const keptScore = new Float32Array(SCAN_KEEP);
		let kept = 0;
		let bar = -Infinity;
		let barAt = 0;
		for (let i = 0, o = 0; i < this.#size; i++, o += d) {
			if (segment[i] === DEAD || models[i] !== modelId) continue;
			let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
			for (let j = 0; j < d; j += 4) {
				s0 += vectors[o + j]! * query[j]!;
				s1 += vectors[o + j + 1]! * query[j + 1]!;
				s2 += vectors[o + j + 2]! * query[j + 2]!;
				s3 += vectors[o + j + 3]! * query[j + 3]!;
			}
			const score = s0 + s1 + s2 + s3;
			if (kept < SCAN_KEEP) {
				keptSlot[kept] = i;
				keptScore[kept++] = score;
				if (kept === SCAN_KEEP) [bar, barAt] = weakest(keptScore);
			} else if (score > bar) {
				keptSlot[barAt] = i;
				keptScore[barAt] = score;
				[bar, barAt] = weakest(keptScore);
			}
		}
		const order = [...Array(kept).keys()].sort((a, b) => keptScore[b]! - keptScore[a]! || keptSlot[a]! - keptSlot[b]!);
		const hits: VectorHit[] = [];
		const seen = new Set<number>();
		for (const k of order) {
			const slot = keptSlot[k]!;
			const segmentId = segment[slot]!;
			if (seen.has(segmentId)) continue;
			seen.add(segmentId);
			if (accept && !accept(segmentId)) continue;
			hits.push({ segmentId, score: keptScore[k]!, passage: this.#passages[slot]! });
			if (hits.length >= limit) break;
		}
		return hits;
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
			const passage = this.#passages[slot];
			if (!passage || this.#model[slot] !== modelId || !take(passage)) continue;
			const score = this.#dot(query, slot);
			if (!best || score > best.score) best = { segmentId, score, passage };
		}
		return best;
	}

	#dot(query: Float32Array, slot: number): number {
		const d = this.dimensions;
		const v = this.#vectors;
		let sum = 0;
		for (let j = 0, o = slot * d; j < d; j++) sum += v[o + j]! * query[j]!;
		return sum;
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
			const p = this.#passages[i];
			if (!p) continue;
			live.push({ ...p, model: this.#models[this.#model[i]!]!, vector: this.#vectors.slice(i * this.dimensions, (i + 1) * this.dimensions) });
		}
		this.#size = 0;
		this.#dead = 0;
		this.#live = [];
		this.#passages = [];
		this.#byEpisode.clear();
		this.#bySegment.clear();
		for (const p of live) this.#append(p);
	}
}

function weakest(scores: Float32Array): [number, number] {
	let at = 0;
	for (let i = 1; i < scores.length; i++) if (scores[i]! < scores[at]!) at = i;
	return [scores[at]!, at];
}

function push(map: Map<number, number[]>, key: number, value: number): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}
