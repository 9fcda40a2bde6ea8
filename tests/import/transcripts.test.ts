import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCueTime } from '../../src/lib/server/import/transcripts/cue-time';
import { splitSpeakerPrefix } from '../../src/lib/server/import/transcripts/cue-text';
import { detectTranscriptFormat, parseTranscript } from '../../src/lib/server/import/transcripts';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures/files', name), 'utf8');

describe('parseCueTime', () => {
	it('reads standard WebVTT and SRT times', () => {
		expect(parseCueTime('00:01:02.500')).toBe(62.5);
		expect(parseCueTime('01:00:00,250')).toBe(3600.25);
		expect(parseCueTime('12:34.000')).toBe(754);
	});

	it('reads the short forms published transcripts use', () => {
		expect(parseCueTime('0.860')).toBeCloseTo(0.86);
		expect(parseCueTime('1:36.360')).toBeCloseTo(96.36);
		expect(parseCueTime('75.5')).toBe(75.5);
		expect(parseCueTime('00:00:05')).toBe(5);
	});

	it('refuses what is not a time', () => {
		for (const bad of ['00:0x:00.000', '1:75.000', '1:60:00.000', '', 'abc', '-1.0']) expect(parseCueTime(bad)).toBeNull();
	});
});

describe('splitSpeakerPrefix', () => {
	it('takes a name-like prefix as the speaker', () => {
		expect(splitSpeakerPrefix('Travis: When you first get')).toEqual({ speaker: 'Travis', text: 'When you first get' });
		expect(splitSpeakerPrefix('Dr. Tim Jurgensen: Hello')).toEqual({ speaker: 'Dr. Tim Jurgensen', text: 'Hello' });
		expect(splitSpeakerPrefix('SPEAKER_1: Hi')).toEqual({ speaker: 'SPEAKER_1', text: 'Hi' });
	});

	it('leaves sentences with a colon alone', () => {
		expect(splitSpeakerPrefix('the rule is simple: go slow').speaker).toBeNull();
		expect(splitSpeakerPrefix('At 10:30 we left').speaker).toBeNull();
	});
});

describe('parseTranscript (WebVTT)', () => {
	const { cues, unreadable } = parseTranscript(fixture('kc-004.vtt'), 'vtt', 1800);

	it('reads voice tags as speakers and decodes entities', () => {
		expect(cues[0]).toEqual({ startSeconds: 0.5, endSeconds: 4, speaker: 'Ada', text: 'Welcome back to Kettle & Compass.' });
		expect(cues.map((c) => c.speaker)).toEqual(['Ada', 'Cora', 'Cora', 'Ada']);
	});

	it('reads short times, cue identifiers and cue settings', () => {
		expect(cues[1]!.endSeconds).toBeCloseTo(96.36);
		expect(cues[2]).toMatchObject({ startSeconds: 100, endSeconds: 112.25 });
	});

	it('drops zero-length and whitespace-only cues and skips NOTE blocks', () => {
		expect(cues.some((c) => c.text.includes('zero length'))).toBe(false);
		expect(cues.some((c) => c.text.includes('kitchen'))).toBe(false);
		expect(cues).toHaveLength(4);
	});

	it('lists a cue whose time cannot be read, with its line', () => {
		expect(unreadable).toEqual([{ line: 21, reason: 'cannot read the time "00:0x:00.000 --> 00:02:10.000"' }]);
	});
});

describe('parseTranscript (SRT)', () => {
	const { cues } = parseTranscript(fixture('kc-003.srt'), 'srt', null);

	it('carries a Name: speaker over until another speaker is named', () => {
		expect(cues.map((c) => c.speaker)).toEqual(['Bram', 'Bram', 'Ada', 'Ada']);
		expect(cues[0]!.text).toBe('Water boils at a lower temperature up here.');
	});

	it('reads cues that are not separated by blank lines', () => {
		expect(cues[2]).toMatchObject({ startSeconds: 190, endSeconds: 195.5, text: 'Unless you steep it longer.' });
		expect(cues[3]).toMatchObject({ startSeconds: 765, text: 'Which stove, then?' });
	});
});

describe('parseTranscript (Podcasting 2.0 JSON)', () => {
	const { cues, unreadable } = parseTranscript(fixture('kc-002.json'), 'json', null);

	it('merges word-level segments into sentences, keeping punctuation attached', () => {
		expect(cues[0]).toEqual({ startSeconds: 0.5, endSeconds: 5, speaker: 'Bram', text: 'The fog came fast. We could not see the cairns at all.' });
	});

	it('starts a new cue for a new speaker and keeps segments that share a time in one cue', () => {
		expect(cues[1]).toEqual({ startSeconds: 5.5, endSeconds: 7, speaker: 'Ada', text: 'So we sat down and made tea.' });
		expect(cues).toHaveLength(2);
	});

	it('reports segments without readable times', () => {
		expect(unreadable).toHaveLength(1);
		expect(unreadable[0]!.reason).toMatch(/segment 12/);
	});

	it('refuses JSON that is not a transcript', () => {
		expect(() => parseTranscript('{"chapters": []}', 'json', null)).toThrow(/no "segments" list/);
		expect(() => parseTranscript('{nope', 'json', null)).toThrow(/not JSON/);
	});
});

describe('parseTranscript (HTML)', () => {
	const html = `<time>0:00</time><p>Intro with no cite.</p>
		<cite>Rosa Imhoff:</cite><time>0:42</time><p>First &amp; foremost.</p>
		<time>1:10</time><p>Still Rosa.</p>
		<cite>Jonas:</cite><time>2:05</time><p>My turn now.</p>`;
	const { cues } = parseTranscript(html, 'html', 200);

	it('takes speakers from <cite>, carrying them over, and none before the first', () => {
		expect(cues.map((c) => c.speaker)).toEqual([null, 'Rosa Imhoff', 'Rosa Imhoff', 'Jonas']);
		expect(cues[1]!.text).toBe('First & foremost.');
	});

	it('ends each cue where the next starts, and the last at the episode end', () => {
		expect(cues.map((c) => [c.startSeconds, c.endSeconds])).toEqual([[0, 42], [42, 70], [70, 125], [125, 200]]);
	});
});

describe('detectTranscriptFormat', () => {
	it('trusts unmistakable content over the declared type', () => {
		expect(detectTranscriptFormat('WEBVTT\n\n', 'application/srt', 'x.srt')).toBe('vtt');
		expect(detectTranscriptFormat('{"segments":[]}', 'text/html', 'x')).toBe('json');
	});

	it('falls back to the declared type, then the file name, then a sniff', () => {
		expect(detectTranscriptFormat('1\n00:00:01,000 --> 00:00:02,000\nhi', 'application/x-subrip', 'x')).toBe('srt');
		expect(detectTranscriptFormat('<time>0:00</time>', 'unknown', 'https://x/t.html')).toBe('html');
		expect(detectTranscriptFormat('1\n00:00:01,000 --> 00:00:02,000\nhi', 'unknown', 'https://x/t')).toBe('srt');
		expect(detectTranscriptFormat('hello', 'unknown', 'https://x/t')).toBeNull();
	});
});
