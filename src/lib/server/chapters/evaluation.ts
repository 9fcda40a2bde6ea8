/**
 * How automatic chapters are scored against human ones (the chapters bench and its tests): boundary F1 with one-to-one
 * matching inside a tolerance, Pk and WindowDiff on a one-second grid. Definitions follow the segbench README.
 */

export interface ScoredChapter {
	startSeconds: number;
	/** False for hidden markers (PC2.0 `toc: false`), which are not boundaries. */
	toc?: boolean;
}

/** The distinct chapter starts t with 1 <= t < duration: the boundaries (the chapter at 0 never is one). */
export function boundariesOf(chapters: readonly ScoredChapter[], durationSeconds: number): number[] {
	const starts = chapters.filter((c) => c.toc !== false).map((c) => c.startSeconds).filter((t) => t >= 1 && t < durationSeconds);
	return [...new Set(starts)].sort((a, b) => a - b);
}

export interface BoundaryScore {
	precision: number;
	recall: number;
	f1: number;
	matched: number;
}

/** Precision, recall and F1 of predicted against human boundaries, each human boundary matched at most once. */
export function boundaryF1(human: readonly number[], predicted: readonly number[], toleranceSeconds: number): BoundaryScore {
	const pairs: { h: number; p: number; distance: number }[] = [];
	human.forEach((h, hi) => predicted.forEach((p, pi) => Math.abs(h - p) <= toleranceSeconds && pairs.push({ h: hi, p: pi, distance: Math.abs(h - p) })));
	pairs.sort((a, b) => a.distance - b.distance || human[a.h]! - human[b.h]! || predicted[a.p]! - predicted[b.p]!);
	const usedH = new Set<number>();
	const usedP = new Set<number>();
	for (const pair of pairs) {
		if (usedH.has(pair.h) || usedP.has(pair.p)) continue;
		usedH.add(pair.h);
		usedP.add(pair.p);
	}
	const matched = usedH.size;
	const precision = predicted.length ? matched / predicted.length : human.length ? 0 : 1;
	const recall = human.length ? matched / human.length : 1;
	const f1 = matched === 0 ? 0 : (2 * precision * recall) / (precision + recall);
	return { precision, recall, f1, matched };
}

/** Rounds to the nearest integer, halves to the even neighbour (2.5 -> 2, 3.5 -> 4). */
export function roundHalfEven(x: number): number {
	const floor = Math.floor(x);
	const fraction = x - floor;
	if (fraction > 0.5) return floor + 1;
	if (fraction < 0.5) return floor;
	return floor % 2 === 0 ? floor : floor + 1;
}

/** Pk and WindowDiff (lower is better) on a grid of whole seconds, with k half the mean human segment length. */
export function windowErrors(human: readonly number[], predicted: readonly number[], durationSeconds: number): { pk: number; windowDiff: number; k: number } {
	const n = Math.ceil(durationSeconds);
	const k = Math.max(1, roundHalfEven(n / (human.length + 1) / 2));
	const countsUpTo = (boundaries: readonly number[]) => {
		const marks = new Int32Array(n);
		for (const b of boundaries) {
			const r = roundHalfEven(b);
			if (r > 0 && r < n) marks[r]!++;
		}
		const seg = new Int32Array(n);
		let running = 0;
		for (let t = 0; t < n; t++) seg[t] = running += marks[t]!;
		return seg;
	};
	const h = countsUpTo(human);
	const p = countsUpTo(predicted);
	let pkMisses = 0;
	let wdMisses = 0;
	const positions = n - k;
	for (let t = 0; t < positions; t++) {
		const dh = h[t + k]! - h[t]!;
		const dp = p[t + k]! - p[t]!;
		if (dh === 0 !== (dp === 0)) pkMisses++;
		if (dh !== dp) wdMisses++;
	}
	return positions > 0 ? { pk: pkMisses / positions, windowDiff: wdMisses / positions, k } : { pk: 0, windowDiff: 0, k };
}
