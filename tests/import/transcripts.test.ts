import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCueTime } from '../../src/lib/server/import/transcripts/cue-time';
import { splitSpeakerPrefix } from '../../src/lib/server/import/transcripts/cue-text';
import { detectTranscriptFormat, parseTranscript, readableTranscript, type TranscriptParagraph } from '../../src/lib/server/import/transcripts';
import type { Cue } from '../../src/lib/server/import/types';
import { realdataDir } from '../helpers/environment';

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

const squashAll = (text: string) => text.replace(/\s+/g, '');

/**
 * Each sentence's start, checked against the cue its first words are in: the cue's own start when the sentence
 * starts the cue, else a time inside that cue. The sentences are located by walking the cues' text in order.
 */
function expectSentencesStartInTheirCues(cues: Cue[], paragraphs: TranscriptParagraph[]): void {
	const spans: { from: number; cue: Cue }[] = [];
	let all = '';
	for (const cue of cues) {
		spans.push({ from: all.length, cue });
		all += squashAll(cue.text);
	}
	let at = 0;
	for (const sentence of paragraphs.flatMap((p) => p.sentences)) {
		const { from, cue } = spans.findLast((s) => s.from <= at)!;
		if (from === at) expect(sentence.startSeconds, sentence.text).toBe(cue.startSeconds);
		else {
			expect(sentence.startSeconds, sentence.text).toBeGreaterThan(cue.startSeconds);
			expect(sentence.startSeconds, sentence.text).toBeLessThan(cue.endSeconds);
		}
		expect(sentence.endSeconds).toBeGreaterThan(sentence.startSeconds);
		at += squashAll(sentence.text).length;
	}
}

const realTranscripts = [
	{ file: 'podcastindex-buzzsprout-example.srt', format: 'srt' as const, speakers: ['Travis', 'Sarah', 'Travis', 'Gilon', 'Travis', 'Gilon', 'Travis', 'Sarah', 'Gilon', 'Travis'] },
	{ file: 'podcastindex-buzzsprout-example-voice-tags.vtt', format: 'vtt' as const, speakers: ['Sarah', 'Gillian'] },
	{ file: 'podnews-daily-2024-01-25-short-timestamps.vtt', format: 'vtt' as const, speakers: ['SPEAKER_1'] }
];

describe.skipIf(!existsSync(realdataDir)).each(realTranscripts)('readableTranscript on the real $file', ({ file, format, speakers }) => {
	const { cues } = parseTranscript(readFileSync(path.join(realdataDir, 'transcripts', file), 'utf8'), format, null);
	const paragraphs = readableTranscript(cues);
	const sentences = paragraphs.flatMap((p) => p.sentences);

	it('keeps every word, in order: the paragraphs read as the cues do, up to whitespace', () => {
		expect(squashAll(sentences.map((s) => s.text).join(' '))).toBe(squashAll(cues.map((c) => c.text).join(' ')));
	});

	it('gives one paragraph group per speaker turn, naming the speaker once per turn', () => {
		expect(paragraphs.filter((p) => p.turnStart).map((p) => p.speaker)).toEqual(speakers);
		paragraphs.forEach((p, i) => {
			if (!p.turnStart) expect(p.speaker).toBe(paragraphs[i - 1]!.speaker);
		});
	});

	it('starts every sentence where its first words are said, in order', () => {
		expectSentencesStartInTheirCues(cues, paragraphs);
		for (let i = 1; i < sentences.length; i++) expect(sentences[i]!.startSeconds).toBeGreaterThanOrEqual(sentences[i - 1]!.startSeconds);
	});

	it('keeps paragraphs to a few sentences (one more when a sentence ran on without a full stop)', () => {
		for (const p of paragraphs) expect(p.sentences.length).toBeLessThanOrEqual(6);
		expect(paragraphs.filter((p) => p.sentences.length > 4).length).toBeLessThanOrEqual(paragraphs.length / 10);
	});
});

describe.skipIf(!existsSync(realdataDir))('readableTranscript on the real SRT (222 two-line caption rows)', () => {
	const { cues } = parseTranscript(readFileSync(path.join(realdataDir, 'transcripts/podcastindex-buzzsprout-example.srt'), 'utf8'), 'srt', null);
	const paragraphs = readableTranscript(cues);

	it('shows far fewer rows than there are cues, and sentences that end at their full stop', () => {
		expect(cues).toHaveLength(222);
		expect(paragraphs.length).toBeLessThan(50);
		const sentences = paragraphs.flatMap((p) => p.sentences);
		expect(sentences[0]!.text).toBe(
			"When you first get started in podcasting, it's almost guaranteed that you're going to make a handful of rookie mistakes, but that doesn't mean that you have to make all the mistakes."
		);
		// "mistakes. So in this special" is one caption row: the second sentence starts inside it, after its first word.
		expect(sentences[1]!.text.startsWith('So in this special bonus podcast episode')).toBe(true);
		expect(sentences[1]!.startSeconds).toBeGreaterThan(7.98);
		expect(sentences[1]!.startSeconds).toBeLessThan(13.109);
	});
});

describe('readableTranscript', () => {
	it('splits a long turn into paragraphs and starts a new one when the speaker changes', () => {
		const cues: Cue[] = Array.from({ length: 10 }, (_, i) => ({ startSeconds: i * 3, endSeconds: i * 3 + 3, speaker: i < 9 ? 'Ada' : 'Bram', text: `Sentence number ${i + 1}.` }));
		const paragraphs = readableTranscript(cues);
		expect(paragraphs.map((p) => [p.speaker, p.turnStart, p.sentences.length])).toEqual([
			['Ada', true, 4],
			['Ada', false, 4],
			['Ada', false, 1],
			['Bram', true, 1]
		]);
	});

	it('ends unpunctuated captions at a long silence or after a long run, never losing words', () => {
		const words = Array.from({ length: 30 }, (_, i) => ({ startSeconds: i * 2, endSeconds: i * 2 + 1.9, speaker: null, text: 'one two three four' }));
		const withPause = [...words, { startSeconds: 100, endSeconds: 102, speaker: null, text: 'after the pause' }];
		const sentences = readableTranscript(withPause).flatMap((p) => p.sentences);
		expect(sentences.length).toBeGreaterThan(2);
		expect(sentences.at(-1)).toEqual({ startSeconds: 100, endSeconds: 102, text: 'after the pause' });
		expect(sentences.map((s) => s.text).join(' ')).toBe(withPause.map((c) => c.text).join(' '));
	});

	it('gives nothing for no cues', () => {
		expect(readableTranscript([])).toEqual([]);
	});
});
