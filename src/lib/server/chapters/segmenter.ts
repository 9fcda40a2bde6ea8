/**
 * Topic boundaries over timed sentences. At every sentence start the segmenter asks how much the talk on either side
 * differs (cohesion: shared content words, TextTiling-style, and, when sentence vectors are given, their mean
 * direction), how deep that dip is against the nearby peaks, and what the sentence itself signals (a cue phrase, a
 * sponsor hand-off, a question, a pause, a new speaker). Boundaries are the best-scoring sentence starts above a
 * threshold set from the episode's own score spread, kept a minimum length apart; overlong stretches are then split at
 * their best sentence start. So the number of segments follows the episode's length and content.
 */
import { continuesSponsorRead, opensSponsorRead, opensTopic, isOpeningQuestion, signsOff, soundsLikeAdCopy } from './cue-phrases';
import type { Sentence } from './sentences';
import { contentStems } from './words';

export interface SegmenterOptions {
	/** Seconds of talk compared on each side of a candidate boundary. */
	windowSeconds: number;
	/** Share of the cohesion taken from sentence vectors (the rest is shared words); 0 without vectors. */
	semanticWeight: number;
	/** How far above the mean depth (in standard deviations) a boundary's score must be. */
	threshold: number;
	/** Added to a sentence's score for a topic cue phrase, a sponsor hand-off or sign-off. */
	cueWeight: number;
	/** Added for a question, for a pause (scaled, up to 1 at 3 s) and for a new speaker. */
	signalWeight: number;
	/** The window widths (as multiples of `windowSeconds`) whose cohesion dips are averaged: topics run from a minute to half an hour. */
	windowScales: number[];
	/** A boundary found on the broad view moves to the best sentence start this close, judged on a narrow view. */
	refineSeconds: number;
	/** A cue phrase this soon after the last one that counted ("next question" twice in a minute) adds nothing more. */
	cueSpacingSeconds: number;
	minSegmentSeconds: number;
	maxSegmentSeconds: number;
}

/** Tuned on a development set of a different show's episodes, kept round and few so they carry to other shows. */
export const DEFAULT_SEGMENTER_OPTIONS: SegmenterOptions = {
	windowSeconds: 240,
	windowScales: [0.5, 1, 2],
	semanticWeight: 0.5,
	threshold: 1.75,
	cueWeight: 1.5,
	signalWeight: 0.3,
	refineSeconds: 30,
	cueSpacingSeconds: 60,
	minSegmentSeconds: 75,
	maxSegmentSeconds: 1500
};

/** Content words beyond this add no more weight to a sentence's vector (a long sentence is not more on topic). */
const WEIGHT_CAP = 3;

/**
 * How much a sentence's vector counts in the meaning of a stretch of talk: by its content words, capped, and nothing
 * for back-channel ("Yeah.", "Right, okay."), which is why those sentences need not be encoded at all.
 */
export function meaningWeight(text: string, english: boolean): number {
	const words = contentStems(text, english).length;
	return words < 2 ? 0 : Math.min(words, WEIGHT_CAP);
}

/** Indexes of the sentences that start a new segment (never 0), ascending. */
export function findTopicBoundaries(
	sentences: readonly Sentence[],
	durationSeconds: number,
	vectors: readonly Float32Array[] | null,
	english: boolean,
	options: Partial<SegmenterOptions> = {}
): number[] {
	const o = { ...DEFAULT_SEGMENTER_OPTIONS, ...options };
	const n = sentences.length;
	if (n < 2) return [];
	const starts = sentences.map((s) => s.startSeconds);
	const weights = sentences.map((s) => meaningWeight(s.text, english));
	const words = wordIds(sentences, english);
	const depthAt = (window: number) => {
		const lexical = zScores(lexicalSimilarity(words, starts, window));
		const semantic = vectors && o.semanticWeight > 0 ? zScores(semanticSimilarity(vectors, starts, window, weights)) : null;
		const similarity = lexical.map((l, i) => (semantic ? (1 - o.semanticWeight) * l + o.semanticWeight * semantic[i]! : l));
		return zScores(depthScores(similarity, starts, window));
	};
	// Topics run from a minute to half an hour: dips are judged at several widths and averaged.
	const perScale = o.windowScales.map((f) => depthAt(o.windowSeconds * f));
	const depthZ = perScale[0]!.map((_, i) => perScale.reduce((sum, d) => sum + d[i]!, 0) / perScale.length);
	// The narrow view (a quarter of the window) says where inside a broad dip the talk actually turns.
	const narrowDepthZ = depthAt(o.windowSeconds / 4);

	const score = new Array<number>(n).fill(-Infinity);
	const local = new Array<number>(n).fill(-Infinity);
	// Every hand-off is evidence (the third sponsor of a run, the fifth listener question): only one said again within
	// the spacing of the last that counted adds nothing, since the two would compete for one boundary.
	const lastCueAt = { topic: -Infinity, sponsor: -Infinity, signOff: -Infinity };
	for (let i = 1; i < n; i++) {
		const s = sentences[i]!;
		const kind = opensTopic(s.text) ? 'topic' : opensSponsorRead(s.text) && !continuesSponsorRead(s.text) ? 'sponsor'
			: signsOff(s.text) && durationSeconds - s.startSeconds < 600 ? 'signOff' : null;
		const cue = kind && s.startSeconds - lastCueAt[kind] > o.cueSpacingSeconds ? 1 : 0;
		if (cue) lastCueAt[kind!] = s.startSeconds;
		// Ad copy right after a boundary belongs to the read that starts there, not the one before it.
		const adStart = soundsLikeAdCopy(s.text) && !soundsLikeAdCopy(sentences[i - 1]!.text) ? 0.5 : 0;
		const signals = (isOpeningQuestion(s.text) ? 1 : 0) + Math.min(s.pauseBeforeSeconds, 3) / 3 + (s.newSpeaker ? 1 : 0);
		const evidence = o.cueWeight * (cue + adStart) + o.signalWeight * signals;
		score[i] = depthZ[i]! + evidence;
		local[i] = narrowDepthZ[i]! + evidence;
	}

	const edge = o.minSegmentSeconds;
	const allowed = (i: number) => starts[i]! >= edge && starts[i]! <= durationSeconds - edge / 2;
	const chosen: number[] = [];
	const farFromChosen = (i: number) => chosen.every((j) => Math.abs(starts[j]! - starts[i]!) >= o.minSegmentSeconds);
	const order = [...score.keys()].filter((i) => i > 0 && allowed(i)).sort((a, b) => score[b]! - score[a]!);
	for (const i of order) {
		if (score[i]! < o.threshold) break;
		if (!farFromChosen(i)) continue;
		let best = i;
		for (let j = i - 1; j > 0 && starts[j]! >= starts[i]! - o.refineSeconds; j--) if (local[j]! > local[best]!) best = j;
		for (let j = i + 1; j < n && starts[j]! <= starts[i]! + o.refineSeconds; j++) if (local[j]! > local[best]!) best = j;
		chosen.push(allowed(best) && farFromChosen(best) ? best : i);
	}
	// Split every stretch still longer than the maximum at its best start, until none is.
	for (let guard = 0; guard < n; guard++) {
		const cuts = [0, ...chosen.sort((a, b) => a - b)];
		const ends = [...cuts.slice(1).map((i) => starts[i]!), durationSeconds];
		const k = cuts.findIndex((c, j) => ends[j]! - starts[c]! > o.maxSegmentSeconds);
		if (k < 0) break;
		const from = starts[cuts[k]!]! + o.minSegmentSeconds;
		const to = ends[k]! - o.minSegmentSeconds;
		let best = -1;
		for (let i = cuts[k]! + 1; i < n && starts[i]! < to; i++) if (starts[i]! >= from && (best < 0 || score[i]! > score[best]!)) best = i;
		if (best < 0) break;
		chosen.push(best);
	}
	return chosen.sort((a, b) => a - b);
}

/** Each sentence's content words as small integers (one per distinct stem), for fast counting. */
function wordIds(sentences: readonly Sentence[], english: boolean): number[][] {
	const ids = new Map<string, number>();
	return sentences.map((s) => contentStems(s.text, english).map((w) => ids.get(w) ?? (ids.set(w, ids.size), ids.size - 1)));
}

/** For each sentence start, the cosine of the content-word counts in the windows before and after it. */
function lexicalSimilarity(coded: number[][], starts: number[], window: number): number[] {
	const left = new Map<number, number>();
	const right = new Map<number, number>();
	const add = (m: Map<number, number>, words: number[], d: number) => {
		for (const w of words) {
			const v = (m.get(w) ?? 0) + d;
			if (v) m.set(w, v);
			else m.delete(w);
		}
	};
	const out = new Array<number>(coded.length).fill(0);
	// Two sliding windows: left covers [t - window, t), right covers [t, t + window).
	let leftFrom = 0;
	let rightTo = 0;
	for (let i = 0; i < coded.length; i++) {
		const t = starts[i]!;
		if (i > 0) {
			add(right, coded[i - 1]!, -1);
			add(left, coded[i - 1]!, 1);
		}
		while (leftFrom < i && starts[leftFrom]! < t - window) add(left, coded[leftFrom++]!, -1);
		if (rightTo < i) rightTo = i;
		while (rightTo < coded.length && starts[rightTo]! < t + window) add(right, coded[rightTo++]!, 1);
		if (i === 0) continue;
		let dot = 0;
		let nl = 0;
		let nr = 0;
		for (const [w, c] of left) {
			nl += c * c;
			dot += c * (right.get(w) ?? 0);
		}
		for (const c of right.values()) nr += c * c;
		out[i] = nl && nr ? dot / Math.sqrt(nl * nr) : 0;
	}
	out[0] = out[1] ?? 0;
	return out;
}

/** For each sentence start, the cosine of the mean sentence vectors in the windows before and after it. */
function semanticSimilarity(vectors: readonly Float32Array[], starts: number[], window: number, weights: number[]): number[] {
	const n = vectors.length;
	const d = vectors[0]?.length ?? 0;
	const prefix = new Float64Array((n + 1) * d);
	for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) prefix[(i + 1) * d + k] = prefix[i * d + k]! + weights[i]! * vectors[i]![k]!;
	const out = new Array<number>(n).fill(0);
	let lo = 0;
	let hi = 0;
	for (let i = 1; i < n; i++) {
		const t = starts[i]!;
		while (starts[lo]! < t - window) lo++;
		if (hi < i) hi = i;
		while (hi < n && starts[hi]! < t + window) hi++;
		let dot = 0;
		let nl = 0;
		let nr = 0;
		for (let k = 0; k < d; k++) {
			const l = prefix[i * d + k]! - prefix[lo * d + k]!;
			const r = prefix[hi * d + k]! - prefix[i * d + k]!;
			dot += l * r;
			nl += l * l;
			nr += r * r;
		}
		out[i] = nl && nr ? dot / Math.sqrt(nl * nr) : 0;
	}
	out[0] = out[1] ?? 0;
	return out;
}

/** How far the similarity at each start dips below the highest point within a window on each side. */
function depthScores(similarity: number[], starts: number[], window: number): number[] {
	const n = similarity.length;
	const out = new Array<number>(n).fill(0);
	let lo = 0;
	let hi = 0;
	for (let i = 0; i < n; i++) {
		while (starts[lo]! < starts[i]! - window) lo++;
		if (hi < i) hi = i;
		while (hi + 1 < n && starts[hi + 1]! <= starts[i]! + window) hi++;
		let leftPeak = similarity[i]!;
		let rightPeak = similarity[i]!;
		for (let j = lo; j < i; j++) leftPeak = Math.max(leftPeak, similarity[j]!);
		for (let j = i + 1; j <= hi; j++) rightPeak = Math.max(rightPeak, similarity[j]!);
		out[i] = leftPeak - similarity[i]! + (rightPeak - similarity[i]!);
	}
	return out;
}

function zScores(values: number[]): number[] {
	const mean = values.reduce((a, b) => a + b, 0) / (values.length || 1);
	const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length || 1)) || 1;
	return values.map((v) => (v - mean) / sd);
}
