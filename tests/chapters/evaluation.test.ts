/** The chapters bench's scoring rules on small cases worked out by hand. */
import { describe, expect, it } from 'vitest';
import { boundariesOf, boundaryF1, isKeywordListTitle, roundHalfEven, windowErrors } from '../../src/lib/server/chapters';

describe('boundariesOf', () => {
	it('keeps distinct starts inside the episode, never the chapter at 0 nor hidden markers', () => {
		const chapters = [{ startSeconds: 0 }, { startSeconds: 0.5 }, { startSeconds: 120 }, { startSeconds: 120 }, { startSeconds: 300, toc: false }, { startSeconds: 400 }, { startSeconds: 600 }];
		expect(boundariesOf(chapters, 600)).toEqual([120, 400]);
	});
});

describe('boundaryF1', () => {
	it('credits each human boundary once, nearest pair first', () => {
		const score = boundaryF1([100, 200, 300], [95, 110, 290, 500], 30);
		expect(score.matched).toBe(2);
		expect(score.precision).toBe(0.5);
		expect(score.recall).toBeCloseTo(2 / 3, 10);
		expect(score.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3), 10);
	});

	it('gives ten guesses around one boundary one match and nine misses', () => {
		const score = boundaryF1([600], [590, 592, 594, 596, 598, 600, 602, 604, 606, 608], 30);
		expect(score.matched).toBe(1);
		expect(score.precision).toBeCloseTo(0.1, 10);
		expect(score.recall).toBe(1);
	});

	it('breaks ties in favour of the earlier human boundary, which lets both be matched here', () => {
		// Every pair is 15 s apart; taking (130, 115) first would leave 100 unmatched.
		expect(boundaryF1([100, 130], [115, 145], 15).matched).toBe(2);
	});

	it('follows the edge cases: nothing predicted, nothing to find', () => {
		expect(boundaryF1([100], [], 30)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
		expect(boundaryF1([], [], 30)).toMatchObject({ precision: 1, recall: 1 });
		expect(boundaryF1([], [50], 30)).toMatchObject({ precision: 0, recall: 1, f1: 0 });
		expect(boundaryF1([100], [131], 30).f1).toBe(0);
		expect(boundaryF1([100], [130], 30).f1).toBe(1);
	});
});

describe('roundHalfEven', () => {
	it('rounds halves to the even neighbour and everything else to the nearest', () => {
		expect([0.5, 1.5, 2.5, 49.5, 50.5, 2.4, 2.6, 7].map(roundHalfEven)).toEqual([0, 2, 2, 50, 50, 2, 3, 7]);
	});
});

describe('windowErrors', () => {
	// 100 s with one human boundary at 50: k = round(100 / 2 / 2) = 25, windows t = 0 ... 74.
	it('is zero for a perfect guess, also when both round to the same second from either side', () => {
		expect(windowErrors([50], [50], 100)).toEqual({ pk: 0, windowDiff: 0, k: 25 });
		expect(windowErrors([49.5], [50.5], 100).pk).toBe(0);
	});

	it('counts the windows that straddle a missed boundary', () => {
		expect(windowErrors([50], [], 100).pk).toBeCloseTo(25 / 75, 10);
	});

	it('counts a boundary 10 s late twice over: 10 windows on each side', () => {
		const { pk, windowDiff } = windowErrors([50], [60], 100);
		expect(pk).toBeCloseTo(20 / 75, 10);
		expect(windowDiff).toBeCloseTo(20 / 75, 10);
	});

	it('lets WindowDiff see an extra boundary that Pk misses', () => {
		const { pk, windowDiff } = windowErrors([50], [50, 55], 100);
		expect(pk).toBeCloseTo(5 / 75, 10);
		expect(windowDiff).toBeCloseTo(25 / 75, 10);
	});
});

describe('isKeywordListTitle', () => {
	it('flags bare lists of words', () => {
		for (const title of ['Kettles, Trams and Compasses', 'Kettles, trams, and compasses.', 'Rust, Go, Zig', 'Lisbon and Porto', 'Lisbon Trams Hills', 'GPU Prices 2024']) {
			expect(isKeywordListTitle(title), title).toBe(true);
		}
	});

	it('lets phrases a person would write through', () => {
		for (const title of ['Moving a kettle to Lisbon', 'Sponsor: Acme', 'Why do trams climb hills?', 'Blossom end rot', 'Lisbon Trams Win Awards', 'Intro', 'Tram Fares Increased', 'Lisbon Trams, Porto']) {
			expect(isKeywordListTitle(title), title).toBe(false);
		}
	});
});
