/**
 * Any transcript the namespace allows (WebVTT, SRT, Podcasting 2.0 JSON, HTML) becomes the same list of cues:
 * ordered by start, with blank, whitespace-only and zero-length cues dropped, and the unreadable ones listed.
 */
import { MAX_SECONDS } from '../../../time-param';
import type { Cue } from '../types';
import { parseHtmlTranscript } from './html-transcript';
import { parsePc20Json } from './pc20-json';
import { parseTimedText } from './timed-text';

export { readableTranscript, type TimedText, type TranscriptParagraph, type TranscriptSentence } from './readable';

export type TranscriptFormat = 'vtt' | 'srt' | 'json' | 'html';

export interface TranscriptParse {
	cues: Cue[];
	/** Cues that could not be read, with where (a line in VTT/SRT) and why. */
	unreadable: { line: number | null; reason: string }[];
}

/** Which format a transcript is in: the content decides when it is unmistakable, then the declared type or name. */
export function detectTranscriptFormat(text: string, declaredType: string, url: string): TranscriptFormat | null {
	const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 200);
	if (head.startsWith('WEBVTT')) return 'vtt';
	if (head.startsWith('{')) return 'json';
	const type = declaredType.toLowerCase();
	if (type.includes('vtt')) return 'vtt';
	if (type.includes('srt') || type.includes('subrip')) return 'srt';
	if (type.includes('json')) return 'json';
	if (type.includes('html')) return 'html';
	const ext = /\.(\w+)(?:[?#]|$)/.exec(url)?.[1]?.toLowerCase();
	if (ext === 'vtt' || ext === 'srt' || ext === 'json' || ext === 'html') return ext;
	if (ext === 'htm') return 'html';
	if (head.startsWith('<')) return 'html';
	if (/-->/.test(text.slice(0, 2000))) return /\d,\d{3}\s+-->/.test(text.slice(0, 2000)) ? 'srt' : 'vtt';
	return null;
}

/** Whether a transcript can carry times at all: plain text cannot, so it is not fetched. */
export function isTimedTranscriptType(declaredType: string, url: string): boolean {
	if (declaredType.startsWith('text/plain')) return false;
	return !((declaredType === '' || declaredType === 'unknown') && /\.txt(?:[?#]|$)/i.test(url));
}

/** Parses a transcript; throws an Error saying why when the file is not a transcript this importer reads. */
export function parseTranscript(text: string, format: TranscriptFormat, durationSeconds: number | null): TranscriptParse {
	const parsed =
		format === 'json' ? parsePc20Json(text)
		: format === 'html' ? parseHtmlTranscript(text, durationSeconds)
		: parseTimedText(text, format);
	return { cues: tidyCues(parsed.cues), unreadable: parsed.unreadable };
}

/**
 * Drops cues with no words or no length, and sorts the rest by start (stable, so equal starts keep file order).
 * Speaker names are shared: a transcript names a handful of people across thousands of cues.
 */
export function tidyCues(cues: Cue[]): Cue[] {
	const speakers = new Map<string, string>();
	const kept: Cue[] = [];
	for (const c of cues) {
		if (c.text.trim() === '' || !(c.endSeconds > c.startSeconds) || c.startSeconds < 0 || c.endSeconds > MAX_SECONDS) continue;
		let speaker = c.speaker;
		if (speaker !== null) {
			speaker = speakers.get(speaker) ?? speaker;
			speakers.set(speaker, speaker);
		}
		kept.push({ startSeconds: c.startSeconds, endSeconds: c.endSeconds, speaker, text: c.text });
	}
	return kept.sort((a, b) => a.startSeconds - b.startSeconds);
}
