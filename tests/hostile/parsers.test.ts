/**
 * The importer's entry points and the time parsers, fed what a hostile or broken feed can hold: random bytes, real
 * files cut off at random points or with garbage spliced in, and long pathological strings. Each one either returns
 * or throws one of the importer's own errors (which say what was wrong), and none takes long, whatever the input.
 * Runs are bounded and seeded, so a failure names an input that reproduces it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChaptersJson } from '../../src/lib/server/import/chapters';
import { parseFeedDate, parseFeedDuration } from '../../src/lib/server/import/dates';
import { FeedImportError } from '../../src/lib/server/import/errors';
import { parsePodcastFeed } from '../../src/lib/server/import/feed';
import { decodeFeedBytes } from '../../src/lib/server/import/feed-xml';
import { showNotesHtml } from '../../src/lib/server/import/show-notes';
import { findTimestampList } from '../../src/lib/server/import/shownote-timestamps';
import { detectTranscriptFormat, parseTranscript, type TranscriptFormat } from '../../src/lib/server/import/transcripts';
import { parseCueTime } from '../../src/lib/server/import/transcripts/cue-time';
import { parseTimeHash, parseTimeParam, parseTimestamp } from '../../src/lib/time-param';

const fixtures = path.resolve(import.meta.dirname, '../import/fixtures');
const read = (file: string) => readFileSync(path.join(fixtures, file), 'utf8');
const FEED = read('quirky-feed.xml');
const FILES: Record<TranscriptFormat | 'chapters', string> = {
	vtt: read('files/kc-004.vtt'),
	srt: read('files/kc-003.srt'),
	json: read('files/kc-002.json'),
	html: read('files/kc-002.html'),
	chapters: read('files/kc-004-chapters.json')
};

const RUNS = { numRuns: 150, seed: 20261125 };
/** Generous for one call on a busy two-core machine; a regular expression gone quadratic takes far longer. */
const CALL_MS = 1500;

/** The importer's errors for a file it cannot read: the message says what is wrong with the file. */
const OWN_FILE_ERRORS = /^(not JSON \(|not a chapters file: |chapters version "|not a transcript: )/;

/** Calls `fn`, and returns what it threw (undefined when it returned); fails if it took longer than CALL_MS. */
function timed(fn: () => unknown, input: string | Uint8Array): unknown {
	const started = performance.now();
	let thrown: unknown;
	try {
		fn();
	} catch (error) {
		thrown = error;
	}
	const ms = performance.now() - started;
	if (ms > CALL_MS) throw new Error(`took ${Math.round(ms)} ms on an input of ${input.length} (starts ${JSON.stringify(String(input).slice(0, 80))})`);
	return thrown;
}

/** A real file as a broken server or editor leaves it: cut short, or with garbage spliced in somewhere. */
function damaged(text: string): fc.Arbitrary<string> {
	return fc.oneof(
		fc.nat({ max: text.length }).map((end) => text.slice(0, end)),
		fc.tuple(fc.nat({ max: text.length }), fc.string({ unit: 'binary', maxLength: 40 })).map(([at, junk]) => text.slice(0, at) + junk + text.slice(at)),
		fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 200 })).map(([at, cut]) => text.slice(0, at) + text.slice(at + cut))
	);
}

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.json());

/** Long inputs built to make a careless regular expression or loop take quadratic time or worse. */
const PATHOLOGICAL = [
	'0:'.repeat(50_000),
	'1'.repeat(200_000),
	'<'.repeat(100_000),
	'<a '.repeat(40_000),
	'<div>'.repeat(30_000),
	'-->'.repeat(40_000),
	'00:00:00.000 --> '.repeat(20_000),
	'(00:00) '.repeat(30_000),
	'[1:00](#t=1:00) '.repeat(20_000),
	'&amp;'.repeat(50_000),
	'&#'.repeat(50_000),
	' '.repeat(200_000) + 'x',
	'WEBVTT\n\n' + '1\n00:00.000 --> 00:01.000\nword\n\n'.repeat(20_000),
	'{"chapters":[' + '{"startTime":1,"title":"x"},'.repeat(20_000) + ']}',
	'{"segments":[' + '['.repeat(5_000),
	'<rss><channel>' + '<item>'.repeat(10_000),
	'<?xml version="1.0"?>' + '<!--'.repeat(20_000)
];

describe('parsePodcastFeed (with decodeFeedBytes)', () => {
	const check = (bytes: Uint8Array) => {
		const thrown = timed(() => parsePodcastFeed(decodeFeedBytes(bytes), 'hostile.xml'), bytes);
		if (thrown !== undefined) expect(thrown, String(thrown)).toBeInstanceOf(FeedImportError);
	};

	it('reads or refuses with a FeedImportError: random bytes, and a real feed cut short or spliced with garbage', () => {
		const encoder = new TextEncoder();
		fc.assert(
			fc.property(fc.oneof(fc.uint8Array({ maxLength: 2000 }), damaged(FEED).map((s) => encoder.encode(s))), check),
			RUNS
		);
	});

	it('refuses or reads long pathological input quickly', () => {
		for (const text of PATHOLOGICAL) check(new TextEncoder().encode(text));
	});
});

describe('parseChaptersJson', () => {
	const check = (text: string) => {
		const thrown = timed(() => parseChaptersJson(text), text);
		if (thrown !== undefined) expect(thrown instanceof Error && OWN_FILE_ERRORS.test(thrown.message), String(thrown)).toBe(true);
	};

	it('reads or refuses with a message that says what is wrong with the file', () => {
		const shaped = fc
			.record({ version: fc.oneof(fc.string(), fc.constant('1.2.0'), fc.integer()), chapters: fc.array(fc.anything(), { maxLength: 20 }) })
			.map((doc) => JSON.stringify(doc));
		fc.assert(fc.property(fc.oneof(anyText, shaped, damaged(FILES.chapters)), check), RUNS);
	});

	it('handles long pathological input quickly', () => PATHOLOGICAL.forEach(check));
});

describe('parseTranscript', () => {
	const formats: TranscriptFormat[] = ['vtt', 'srt', 'json', 'html'];
	const check = (text: string, format: TranscriptFormat, duration: number | null) => {
		const thrown = timed(() => {
			const parsed = parseTranscript(text, format, duration);
			for (const cue of parsed.cues) {
				if (!(Number.isFinite(cue.startSeconds) && cue.endSeconds > cue.startSeconds)) throw new Error(`a cue with bad times: ${JSON.stringify(cue)}`);
			}
		}, text);
		if (thrown !== undefined) expect(thrown instanceof Error && OWN_FILE_ERRORS.test(thrown.message), `${format}: ${String(thrown)}`).toBe(true);
	};

	it.each(formats)('reads %s files, damaged or random, into well-formed cues, or refuses them clearly', (format) => {
		const duration = fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: null });
		fc.assert(fc.property(fc.oneof(anyText, damaged(FILES[format])), duration, (text, d) => check(text, format, d)), { ...RUNS, numRuns: 100 });
	});

	it('handles long pathological input quickly, in every format', () => {
		for (const text of PATHOLOGICAL) for (const format of formats) check(text, format, 3600);
	});

	it('detects a format (or none) for anything', () => {
		fc.assert(
			fc.property(anyText, fc.string({ maxLength: 40 }), fc.string({ maxLength: 80 }), (text, type, url) => {
				expect(timed(() => detectTranscriptFormat(text, type, url), text)).toBeUndefined();
			}),
			RUNS
		);
	});
});

describe('show notes', () => {
	it('turn into sanitized HTML and a timestamp list without throwing, quickly', () => {
		const notes = fc.oneof(
			anyText,
			fc.array(fc.tuple(fc.nat({ max: 7200 }), fc.string({ maxLength: 30 })), { maxLength: 30 }).map((entries) =>
				entries.map(([s, title]) => `<li>(${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}) ${title}</li>`).join('')
			)
		);
		const check = (text: string) => {
			expect(timed(() => findTimestampList(text), text)).toBeUndefined();
			expect(timed(() => showNotesHtml(text, 'https://example.org/'), text)).toBeUndefined();
		};
		fc.assert(fc.property(notes, check), RUNS);
		PATHOLOGICAL.forEach(check);
	});
});

describe('time and date parsers', () => {
	it('never throw and never take long on long pathological input', () => {
		for (const text of PATHOLOGICAL) {
			for (const parse of [parseTimestamp, (t: string) => parseTimeParam(t, 3600), parseTimeHash, parseCueTime, parseFeedDate, parseFeedDuration]) {
				expect(timed(() => parse(text), text)).toBeUndefined();
			}
		}
	});

	it('give a finite, non-negative number or null for cue times, feed dates and durations', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const cue = parseCueTime(text);
				expect(cue === null || (Number.isFinite(cue) && cue >= 0)).toBe(true);
				const duration = parseFeedDuration(text);
				expect(duration === null || (Number.isFinite(duration) && duration >= 0)).toBe(true);
				const date = parseFeedDate(text);
				expect(date === null || Number.isFinite(date.getTime())).toBe(true);
			}),
			RUNS
		);
	});
});
