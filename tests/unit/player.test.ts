import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeIndex, PlayerState, type Span } from '../../src/lib/player.svelte';

/** The segments of a short episode: 0-180, 180-480, 480-720, then a gap, then 800-960. */
const spans: Span[] = [
	{ startSeconds: 0, endSeconds: 180 },
	{ startSeconds: 180, endSeconds: 480 },
	{ startSeconds: 480, endSeconds: 720 },
	{ startSeconds: 800, endSeconds: 960 }
];

describe('activeIndex', () => {
	it('finds the segment playing at a time', () => {
		expect(activeIndex(spans, 0)).toBe(0);
		expect(activeIndex(spans, 90)).toBe(0);
		expect(activeIndex(spans, 300)).toBe(1);
		expect(activeIndex(spans, 719.9)).toBe(2);
		expect(activeIndex(spans, 850)).toBe(3);
	});

	it('moves to the next segment exactly at its start, even when the player reports a hair early', () => {
		expect(activeIndex(spans, 180)).toBe(1);
		expect(activeIndex(spans, 179.9995)).toBe(1);
		expect(activeIndex(spans, 179.99)).toBe(0);
	});

	it('highlights nothing in a gap between segments, after the last one, or with no segments', () => {
		expect(activeIndex(spans, 750)).toBe(-1);
		expect(activeIndex(spans, 960)).toBe(-1);
		expect(activeIndex(spans, 5000)).toBe(-1);
		expect(activeIndex([], 10)).toBe(-1);
	});

	it('highlights nothing before a first segment that starts late', () => {
		expect(activeIndex([{ startSeconds: 30, endSeconds: 60 }], 10)).toBe(-1);
	});

	it('agrees with reading the list from the top, for any sorted, non-overlapping segments and any time', () => {
		const layout = fc
			.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 400 })), { maxLength: 40 })
			.map((pieces) => {
				let at = 0;
				return pieces.map(([gap, length]) => {
					const span = { startSeconds: at + gap, endSeconds: at + gap + length };
					at = span.endSeconds;
					return span;
				});
			});
		fc.assert(
			fc.property(layout, fc.integer({ min: -10, max: 20_000 }), (list, time) => {
				const expected = list.findIndex((s) => s.startSeconds <= time && time < s.endSeconds);
				expect(activeIndex(list, time)).toBe(expected);
			}),
			{ numRuns: 500 }
		);
	});
});

describe('PlayerState', () => {
	it('starts at the linked second with the clip end, before any audio is attached (the server render)', () => {
		const player = new PlayerState(754, 800);
		expect(player.currentTime).toBe(754);
		expect(player.clipEnd).toBe(800);
		expect(player.paused).toBe(true);
		expect(player.rate).toBe(1);
	});

	it('remembers where a seek went, and clears the clip end unless the seek sets one', () => {
		const player = new PlayerState(754, 800);
		player.seek(300, { play: false });
		expect(player.currentTime).toBe(300);
		expect(player.clipEnd).toBeNull();
		player.seek(60, { play: false, end: 90 });
		expect([player.currentTime, player.clipEnd]).toEqual([60, 90]);
	});
});
