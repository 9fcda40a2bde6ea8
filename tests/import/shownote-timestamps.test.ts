import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { findTimestampList, linkNoteTimestamps } from '../../src/lib/server/import/shownote-timestamps';
import { showNotesHtml } from '../../src/lib/server/import/show-notes';
import { realdataDir } from '../helpers/environment';

const realNotes = (file: string) => readFileSync(path.join(realdataDir, 'shownotes', file), 'utf8');

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

describe('findTimestampList with each time alone on its line and the topic after it', () => {
	it('takes the topic from the next paragraph', () => {
		const notes = '<p>What we covered:</p><p><strong>00:00</strong></p><p>Cold open</p><p>04:30</p><p>Why otters hold hands</p><p>1:12:05</p><p>Listener mail &amp; goodbyes</p>';
		expect(findTimestampList(notes)).toEqual([
			{ startSeconds: 0, title: 'Cold open' },
			{ startSeconds: 270, title: 'Why otters hold hands' },
			{ startSeconds: 4325, title: 'Listener mail & goodbyes' }
		]);
	});

	it('takes the topic from the next list item', () => {
		const notes = '<ul><li>(00:00)</li><li>Welcome back</li><li>(07:45) -</li><li>The <a href="https://x.example/">kayak</a> that sank</li></ul>';
		expect(findTimestampList(notes)).toEqual([
			{ startSeconds: 0, title: 'Welcome back' },
			{ startSeconds: 465, title: 'The kayak that sank' }
		]);
	});

	it('takes the topic from the next line of plain-text notes and a <br> in a list item', () => {
		expect(findTimestampList('Chapters\n\n0:00\n- Hello there\n\n12:10\n- Tides, explained\n').map((e) => e.title)).toEqual(['Hello there', 'Tides, explained']);
		expect(findTimestampList('<ol><li>02:00<br>Gear talk</li><li>09:15<br>Q&amp;A</li></ol>').map((e) => e.title)).toEqual(['Gear talk', 'Q&A']);
	});

	it('never takes the next time as a topic: two lone times stay untitled', () => {
		expect(findTimestampList('<p>01:00</p><p>02:00</p><p>Only the second has a topic</p>')).toEqual([
			{ startSeconds: 60, title: '' },
			{ startSeconds: 120, title: 'Only the second has a topic' }
		]);
	});
});

describe.skipIf(!existsSync(realdataDir))('findTimestampList on the real show notes', () => {
	it('reads the Syntax notes as before: four topics, " - " kept inside the title', () => {
		expect(findTimestampList(realNotes('syntax-150-dash-separated.md'))).toEqual([
			{ startSeconds: 138, title: 'Jason Lengstorf - What do you do?' },
			{ startSeconds: 577, title: 'Gatsby refresher' },
			{ startSeconds: 834, title: 'Gatsby themes' },
			{ startSeconds: 2047, title: 'Questions about Gatsby' }
		]);
	});

	it('reads the 22 run-together German entries as before', () => {
		const list = findTimestampList(realNotes('dasding-endorphine-fuer-delfine-runon-parenthesized.txt'));
		expect(list).toHaveLength(22);
		expect(list[1]).toEqual({ startSeconds: 152, title: 'Die Tokio Hotel Super-Kreischerin - Unsere Ex-Mitarbeiterin!' });
		expect(list.every((e) => e.title !== '')).toBe(true);
	});

	it('finds no list in the Changelog notes, whose times are quoted', () => {
		expect(findTimestampList(realNotes('changelog-143-inline-quote-timestamps-false-positive.md'))).toEqual([]);
	});
});

/** The seek links in linked notes: what each says and the second it goes to. */
function seekLinks(html: string): [string, number][] {
	return parse(html)
		.querySelectorAll('a.seek')
		.map((a) => [a.text, Number(new URLSearchParams(a.getAttribute('href')!.slice(1)).get('t'))]);
}

describe('linkNoteTimestamps', () => {
	it('links "(12:34)" anywhere and a time that starts a line, to ?t= seconds', () => {
		const html = '<p>Intro (1:02) then more.</p><ul><li>12:34 - Rivers</li><li>- 1:02:03 Bye</li></ul><p><strong>45:00</strong><br>Topic</p>';
		expect(seekLinks(linkNoteTimestamps(html, 7200))).toEqual([
			['1:02', 62],
			['12:34', 754],
			['1:02:03', 3723],
			['45:00', 2700]
		]);
	});

	it('changes nothing but the times: the rest of the HTML is byte for byte the same', () => {
		const html = '<p>Intro (1:02) &amp; <a href="https://x.example/?a=1&amp;b=2" rel="nofollow">more</a></p>';
		const linked = linkNoteTimestamps(html, null);
		expect(linked).toBe('<p>Intro (<a href="?t=62" class="seek">1:02</a>) &amp; <a href="https://x.example/?a=1&amp;b=2" rel="nofollow">more</a></p>');
	});

	it('leaves times in sentences, clock times, times past the end, and times inside links or code alone', () => {
		const html = [
			'<p>We met at 10:30 and again at 11:45.</p>',
			'<p>"Ship it." - Maya Ruiz @ 12:28</p>',
			'<p>10:30 am: doors open</p>',
			'<p>(59:00) past the end</p>',
			'<p><a href="https://x.example/#t=3:00">(3:00) a link already</a></p>',
			'<pre><code>(4:00) in code</code></pre>',
			'<p>Version 1.2:30 and ratio 16:9 and 2024-01-01T10:20:30</p>'
		].join('');
		expect(linkNoteTimestamps(html, 1800)).toBe(html);
	});

	it('stays quick on a huge paragraph of times, which notes from a hostile feed may be', () => {
		const clock = (i: number) => `${Math.floor(i / 3600)}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
		const html = `<p>${Array.from({ length: 20_000 }, (_, i) => `talk (${clock(i)}) more`).join(' ')}</p>`;
		const started = performance.now();
		const linked = linkNoteTimestamps(html, null);
		expect(performance.now() - started).toBeLessThan(2000);
		expect(seekLinks(linked)).toHaveLength(20_000); // every one is a time in brackets
	});

	it.skipIf(!existsSync(realdataDir))('links the real notes\' topic times and none of the Changelog\'s quoted ones', () => {
		const link = (file: string) => seekLinks(linkNoteTimestamps(showNotesHtml(realNotes(file), 'https://notes.example/')!, 3600));
		expect(link('syntax-150-dash-separated.md').map(([, t]) => t)).toEqual([138, 577, 834, 2047]);
		const german = link('dasding-endorphine-fuer-delfine-runon-parenthesized.txt');
		expect(german).toHaveLength(22);
		expect(german[1]).toEqual(['02:32', 152]);
		const changelog = realNotes('changelog-143-inline-quote-timestamps-false-positive.md');
		expect(changelog).toContain('@ 12:28');
		expect(link('changelog-143-inline-quote-timestamps-false-positive.md')).toEqual([]);
	});
});
