/**
 * Search by meaning over many passages takes a fast path (sign bits of every passage, the nearest few thousand by
 * them in int8, then the best thousand compared exactly): a listener must get the very moments, in the very order and
 * with the very similarities, that comparing every vector exactly gives, including when episodes change underneath
 * and when passages of an old model remain. The passages here are clusters of near-duplicates (many topics, each said
 * many times in slightly different ways), where the scores of the best few hundred are packed close together: the
 * hard case for int8 rounding. Past the query's own topic every passage is a random direction to it (cosine about
 * 0 ± 0.05): their order says nothing, search counts them as zero (COSINE_FLOOR) and no pass but the exact one
 * orders them exactly, so a long list is compared down to that floor.
 */
import { describe, expect, it } from 'vitest';
import { COSINE_FLOOR } from '../../src/lib/server/search/hybrid';
import { VectorIndex, type StoredPassage } from '../../src/lib/server/vectors';

const DIMENSIONS = 512;
const TOPICS = 40;
const PER_EPISODE = 100;

function randomSource(seed: number): () => number {
	return () => {
		seed = (seed * 1103515245 + 12345) & 0x7fffffff;
		return seed / 0x7fffffff - 0.5;
	};
}

function unit(vector: Float32Array): Float32Array {
	const norm = Math.hypot(...vector);
	return vector.map((x) => x / norm);
}

/** A vector near a topic's: the topic plus noise (cosine about 0.9 to it). */
function near(topic: Float32Array, random: () => number, noise = 0.5): Float32Array {
	return unit(topic.map((x) => x + random() * noise * 2 * Math.sqrt(3 / DIMENSIONS)));
}

const random = randomSource(4242);
const topics = Array.from({ length: TOPICS }, () => unit(new Float32Array(DIMENSIONS).map(random)));

/** An episode's passages: each segment of it has a whole-segment vector and three sentence runs. */
function episode(episodeId: number, model = 'm@1'): StoredPassage[] {
	return Array.from({ length: PER_EPISODE }, (_, i) => {
		const segmentId = episodeId * 1000 + Math.floor(i / 4);
		return {
			episodeId,
			segmentId,
			kind: i % 4 === 0 ? 'segment' : 'sentence',
			startSeconds: i * 10,
			endSeconds: i * 10 + 10,
			text: `passage ${i} of episode ${episodeId}`,
			model,
			vector: near(topics[(episodeId * 7 + i) % TOPICS]!, random)
		};
	});
}

const questions = Array.from({ length: 20 }, (_, i) => near(topics[(i * 3) % TOPICS]!, random, 0.8));

/** What a listener sees of a search: which segments, in which order, how similar, and which passage answers. */
function seen(index: VectorIndex, query: Float32Array, exact: boolean, limit = 50) {
	return index.search(query, 'm@1', { limit, exact }).map((h) => [h.segmentId, h.score, h.passage.text]);
}

/** The same, for the hits that say something (above the cosine search counts as zero). */
function meaningful(index: VectorIndex, query: Float32Array, exact: boolean, limit: number) {
	return seen(index, query, exact, limit).filter(([, score]) => (score as number) > COSINE_FLOOR);
}

describe('search by meaning over many passages', () => {
	const passages = Array.from({ length: 60 }, (_, e) => episode(e + 1)).flat();
	const index = VectorIndex.from(passages);

	it('ranks the same moments, in the same order and with the same similarity, as comparing every passage exactly', () => {
		expect(passages.length).toBeGreaterThan(5000); // far more than the thousand the fast path compares exactly
		for (const query of questions) expect(seen(index, query, false)).toEqual(seen(index, query, true));
	});

	it('keeps agreeing after episodes are replaced, removed and encoded by a new model', () => {
		const changing = VectorIndex.from(passages);
		for (let e = 1; e <= 40; e++) changing.replaceEpisode(e, episode(e + 100)); // new passages, new segments
		changing.replaceEpisode(41, []);
		changing.replaceEpisode(42, episode(42, 'm@2')); // re-encoded by another model: not comparable to m@1
		for (const query of questions) {
			const fast = meaningful(changing, query, false, 200);
			expect(fast.length).toBeGreaterThan(20); // the query's topic: dozens of segments
			expect(fast).toEqual(meaningful(changing, query, true, 200));
			const segments = fast.map(([segmentId]) => Math.floor((segmentId as number) / 1000));
			expect(segments.some((e) => e <= 42)).toBe(false); // old passages of replaced episodes are gone
			expect(segments.some((e) => e > 100)).toBe(true); // their new passages are found
		}
	});

	it('gives the very same results with the first passes split over two threads, before and after episodes change', async () => {
		const split = VectorIndex.from(passages, DIMENSIONS, { splitFrom: 0 });
		const alone = VectorIndex.from(passages, DIMENSIONS, { splitFrom: Infinity });
		expect(await split.startSplit()).toBe(true);
		expect(await alone.startSplit()).toBe(false);
		for (const query of questions) expect(seen(split, query, false)).toEqual(seen(alone, query, false));
		const replaced = Array.from({ length: 20 }, (_, e) => episode(e + 201));
		const reencoded = episode(21, 'm@2');
		for (const index of [split, alone]) {
			replaced.forEach((passages, e) => index.replaceEpisode(e + 1, passages)); // left-out slots in the sign-bit pass
			index.replaceEpisode(21, reencoded);
		}
		for (const query of questions) expect(seen(split, query, false, 200)).toEqual(seen(alone, query, false, 200));
	});

	it('finds a moment that was just added as its first result when asked about it', () => {
		const growing = VectorIndex.from(passages);
		const added = episode(999);
		const target = added[13]!;
		growing.replaceEpisode(999, added);
		const [top] = growing.search(target.vector, 'm@1', { limit: 1 });
		expect(top!.segmentId).toBe(target.segmentId);
		expect(top!.passage.text).toBe(target.text);
		expect(top!.score).toBeCloseTo(1, 5);
	});
});
