import { describe, expect, it } from 'vitest';
import { findTimestampList } from '../../src/lib/server/import/shownote-timestamps';

describe('findTimestampList', () => {
	it('reads "(12:34) Topic" items in an HTML list', () => {
		expect(findTimestampList('<ul><li>(00:00) Hello</li><li>(12:34) Rivers &amp; lakes</li><li>(1:02:03) Bye</li></ul>')).toEqual([
			{ startSeconds: 0, title: 'Hello' },
			{ startSeconds: 754, title: 'Rivers & lakes' },
			{ startSeconds: 3723, title: 'Bye' }
		]);
	});

	it('reads "12:34 - Topic" lines whose titles contain " - " themselves, ignoring lines between', () => {
		const notes = 'Intro text.\n\n2:18 - Maya Ruiz - What do you do?\n\n* a bullet\n\n9:37 - Maps refresher\n';
		expect(findTimestampList(notes)).toEqual([
			{ startSeconds: 138, title: 'Maya Ruiz - What do you do?' },
			{ startSeconds: 577, title: 'Maps refresher' }
		]);
	});

	it('reads Markdown links "[00:00](#t=00:00) Topic" and bracketed times', () => {
		expect(findTimestampList('- [00:00](#t=00:00) Start\n- [05:10](#t=05:10) **Middle**\n- [10:00] End')).toEqual([
			{ startSeconds: 0, title: 'Start' },
			{ startSeconds: 310, title: 'Middle' },
			{ startSeconds: 600, title: 'End' }
		]);
	});

	it('splits entries run together on one line', () => {
		const list = findTimestampList('Chapters:(00:00) Intro - hi(02:32) Second part(05:05) Third?');
		expect(list.map((e) => e.title)).toEqual(['Intro - hi', 'Second part', 'Third?']);
	});

	it('ignores times quoted inside sentences', () => {
		expect(findTimestampList('"Keep it simple." - Maya Ruiz @ 12:28\n\n"Ship it." - Maya Ruiz @ 22:56')).toEqual([]);
		expect(findTimestampList('We met at 10:30 and again at 11:45 for lunch.')).toEqual([]);
	});

	it('needs two or more entries in increasing order', () => {
		expect(findTimestampList('12:34 - The one time we mention')).toEqual([]);
		expect(findTimestampList('10:00 Later\n05:00 Earlier')).toEqual([]);
	});
});
