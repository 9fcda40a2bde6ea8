import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChaptersFromPodlove, parseChaptersJson } from '../../src/lib/server/import/chapters';
import { fitChapters, withTranscriptText } from '../../src/lib/server/import/segments';
import { splitTranscriptIntoTopics, titlesFromKeyTerms } from '../../src/lib/server/import/transcript-topics';
import type { Chapter, Cue } from '../../src/lib/server/import/types';

const chapter = (startSeconds: number, title: string, extra: Partial<Chapter> = {}): Chapter => ({
	startSeconds,
	endSeconds: null,
	title,
	imageUrl: null,
	link: null,
	toc: true,
	...extra
});

describe('parseChaptersJson', () => {
	const { chapters } = parseChaptersJson(readFileSync(path.join(import.meta.dirname, 'fixtures/files/kc-004-chapters.json'), 'utf8'));

	it('reads every chapter, with nulls meaning "not given"', () => {
		expect(chapters).toHaveLength(5);
		expect(chapters[1]).toEqual(chapter(0, 'Cold open'));
		expect(chapters[2]!.link).toBe('https://maps.example/contours');
	});

	it('marks toc:false chapters hidden and keeps explicit ends', () => {
		expect(chapters[3]).toMatchObject({ startSeconds: 700, toc: false, title: null, imageUrl: 'https://kettle.example/ridge.jpg' });
		expect(chapters[4]).toMatchObject({ startSeconds: 1500, endSeconds: 1620 });
	});

	it('refuses files that are not chapters, saying why', () => {
		expect(() => parseChaptersJson('<html>')).toThrow(/not JSON/);
		expect(() => parseChaptersJson('{"version":"1.2.0"}')).toThrow(/no "chapters" list/);
		expect(() => parseChaptersJson('{"version":"2.0","chapters":[]}')).toThrow(/version "2.0"/);
	});

	it('counts chapters without a start as unreadable', () => {
		expect(parseChaptersJson('{"chapters":[{"title":"x"},{"startTime":"12.5","title":"y"}]}')).toEqual({
			chapters: [chapter(12.5, 'y')],
			unreadable: 1
		});
	});
});

describe('parseChaptersFromPodlove', () => {
	it('reads normal play time starts, titles and links', () => {
		const nodes = [
			{ '@_start': '00:00:00.000', '@_title': 'Hello' },
			{ '@_start': '1:02:03.5', '@_title': 'Late', '@_href': 'https://x.example/' },
			{ '@_start': 'soon', '@_title': 'Unreadable' }
		];
		expect(parseChaptersFromPodlove(nodes)).toEqual([chapter(0, 'Hello'), chapter(3723.5, 'Late', { link: 'https://x.example/' })]);
	});
});

describe('fitChapters', () => {
	it('sorts chapters and ends each where the next starts, the last at the episode end', () => {
		const fitted = fitChapters([chapter(100, 'B'), chapter(0, 'A'), chapter(250, 'C')], 400, [], 'chapters');
		expect(fitted.segments.map((s) => [s.title, s.startSeconds, s.endSeconds])).toEqual([['A', 0, 100], ['B', 100, 250], ['C', 250, 400]]);
		expect(fitted.adjustments).toContain('chapters were out of order; sorted by start time');
	});

	it('keeps toc:false chapters out of the segments, as markers, without ending the chapter they sit in', () => {
		const fitted = fitChapters([chapter(0, 'A'), chapter(50, 'pin', { toc: false }), chapter(100, 'B')], 200, [], 'chapters');
		expect(fitted.segments.map((s) => [s.title, s.endSeconds])).toEqual([['A', 100], ['B', 200]]);
		expect(fitted.markers).toEqual([{ startSeconds: 50, title: 'pin', imageUrl: null, link: null }]);
	});

	it('uses an explicit end, leaving a gap after it', () => {
		const fitted = fitChapters([chapter(0, 'A', { endSeconds: 40 }), chapter(100, 'B')], 200, [], 'chapters');
		expect(fitted.segments.map((s) => [s.startSeconds, s.endSeconds])).toEqual([[0, 40], [100, 200]]);
	});

	it('extends a feed duration that ends before the last chapter starts, and says so', () => {
		const fitted = fitChapters([chapter(0, 'A'), chapter(120, 'B'), chapter(300, 'C', { endSeconds: 360 })], 200, [], 'chapters');
		expect(fitted.durationSeconds).toBe(360);
		expect(fitted.segments.at(-1)).toMatchObject({ startSeconds: 300, endSeconds: 360 });
		expect(fitted.adjustments.join('\n')).toMatch(/duration \(3:20\) ends before chapter "C".*extended to 6:00/);
	});

	it('clamps an explicit end past the episode end', () => {
		const fitted = fitChapters([chapter(0, 'A', { endSeconds: 500 })], 300, [], 'chapters');
		expect(fitted.segments[0]!.endSeconds).toBe(300);
		expect(fitted.adjustments.join()).toMatch(/clamped/);
	});

	it('without a duration, ends the last chapter at the transcript end, or estimates and says so', () => {
		const cues: Cue[] = [{ startSeconds: 10, endSeconds: 330, speaker: null, text: 'words' }];
		expect(fitChapters([chapter(0, 'A'), chapter(300, 'B')], null, cues, 'chapters').segments[1]!.endSeconds).toBe(330);
		const estimated = fitChapters([chapter(0, 'A'), chapter(300, 'B')], null, [], 'chapters');
		expect(estimated.segments[1]!.endSeconds).toBe(600);
		expect(estimated.durationSeconds).toBeNull();
		expect(estimated.adjustments.join()).toMatch(/estimated end/);
	});

	it('drops a second chapter at the same time, and names untitled chapters', () => {
		const fitted = fitChapters([chapter(0, 'A'), chapter(0, 'A again'), { ...chapter(60, ''), title: null }], 120, [], 'chapters');
		expect(fitted.segments.map((s) => s.title)).toEqual(['A', 'Chapter 2']);
	});

	it('gives each segment the transcript text it covers (when written)', () => {
		const cues: Cue[] = [
			{ startSeconds: 1, endSeconds: 5, speaker: 'A', text: 'one' },
			{ startSeconds: 99, endSeconds: 101, speaker: 'A', text: 'two' },
			{ startSeconds: 150, endSeconds: 160, speaker: 'B', text: 'three' }
		];
		const fitted = fitChapters([chapter(0, 'A'), chapter(100, 'B'), chapter(180, 'C')], 200, cues, 'chapters');
		expect(withTranscriptText(fitted.segments, cues).map((s) => s.text)).toEqual(['one two', 'three', null]);
	});
});

describe('splitTranscriptIntoTopics', () => {
	/** Ten minutes of two speakers, with a long pause and a change of subject at 5:00. */
	const cues: Cue[] = [];
	for (let t = 0; t < 600; t += 10) {
		const second = t >= 300;
		cues.push({
			startSeconds: t + (t === 300 ? 3 : 0),
			endSeconds: t + 9,
			speaker: (t / 10) % 6 < 3 ? 'Ada' : 'Bram',
			text: second ? 'The compass needle points north, and the compass bezel turns.' : 'Our kettle whistles; kettle tea beats bagged tea.'
		});
	}
	const topics = splitTranscriptIntoTopics(cues, 600);

	it('covers the episode with contiguous automatic segments of a few minutes', () => {
		expect(topics[0]!.startSeconds).toBe(0);
		expect(topics.at(-1)!.endSeconds).toBe(600);
		for (const [i, t] of topics.entries()) {
			expect(t.origin).toBe('transcript');
			if (i > 0) expect(t.startSeconds).toBe(topics[i - 1]!.endSeconds);
			expect(t.endSeconds - t.startSeconds).toBeGreaterThanOrEqual(120);
			expect(t.endSeconds - t.startSeconds).toBeLessThanOrEqual(420);
		}
	});

	it('titles segments from their key terms and gives them their text', () => {
		expect(topics[0]!.title).toMatch(/kettle/i);
		expect(topics.at(-1)!.title).toMatch(/compass/i);
		expect(topics[0]!.text).toContain('kettle whistles');
	});

	it('returns nothing without cues', () => {
		expect(splitTranscriptIntoTopics([], 100)).toEqual([]);
	});
});

describe('titlesFromKeyTerms', () => {
	it('prefers words frequent here and rare elsewhere, keeping names capitalised', () => {
		const [first] = titlesFromKeyTerms([
			'Lisbon trams are slow. Lisbon trams climb hills. We really like the trams of Lisbon.',
			'We really like coffee. Coffee is good.'
		]);
		expect(first).toMatch(/^(Lisbon|Trams)/);
		expect(first).toContain('Lisbon');
		expect(first).not.toMatch(/really/);
	});
});
