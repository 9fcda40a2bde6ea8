/**
 * WebVTT and SRT, read line by line. The two differ only in the header, NOTE/STYLE blocks and the decimal comma, so
 * one reader handles both. It is written here rather than taken from a package because the maintained subtitle
 * parsers (subtitle, node-webvtt, srt-parser-2) follow the `mm:ss.ttt` grammar and reject `0.860` or `1:36.360`,
 * which published podcast transcripts use; and none carries `Name:` speakers over the cues that follow.
 */
import { cueText, splitSpeakerPrefix, voiceOf } from './cue-text';
import { parseCueTime } from './cue-time';
import type { TranscriptParse } from './index';

const TIMING = /^\s*(\S+)\s+-->\s+(\S+)/;

/** Cues of a WebVTT or SRT file, with the lines of the cues that could not be read. */
export function parseTimedText(text: string, format: 'vtt' | 'srt'): TranscriptParse {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	const result: TranscriptParse = { cues: [], unreadable: [] };
	let speaker: string | null = null;
	let i = format === 'vtt' && /^WEBVTT/.test(lines[0] ?? '') ? 1 : 0;
	while (i < lines.length) {
		const line = lines[i]!;
		if (format === 'vtt' && /^(NOTE|STYLE|REGION)(\s|$)/.test(line)) {
			i = skipBlock(lines, i);
			continue;
		}
		const timing = line.includes('-->') ? TIMING.exec(line) : null;
		if (!timing) {
			i++; // a cue number, a cue identifier, or a stray line
			continue;
		}
		const lineNumber = i + 1;
		const payload: string[] = [];
		for (i++; i < lines.length && lines[i]!.trim() !== '' && !lines[i]!.includes('-->'); i++) payload.push(lines[i]!);
		// SRT written without blank lines: the number of the next cue sits right above its timing line.
		if (i < lines.length && lines[i]!.includes('-->') && /^\d+$/.test(payload.at(-1)?.trim() ?? '')) payload.pop();
		const start = parseCueTime(timing[1]!);
		const end = parseCueTime(timing[2]!);
		if (start === null || end === null) {
			result.unreadable.push({ line: lineNumber, reason: `cannot read the time "${line.trim()}"` });
			continue;
		}
		const raw = payload.join('\n');
		const voice = voiceOf(raw);
		let body = cueText(raw);
		if (voice) speaker = voice;
		else {
			const prefixed = splitSpeakerPrefix(body);
			if (prefixed.speaker) {
				speaker = prefixed.speaker;
				body = prefixed.text;
			}
		}
		result.cues.push({ startSeconds: start, endSeconds: end, speaker, text: body });
	}
	return result;
}

function skipBlock(lines: string[], i: number): number {
	while (i < lines.length && lines[i]!.trim() !== '') i++;
	return i;
}
