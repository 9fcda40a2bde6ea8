/**
 * HTML transcripts as the namespace describes them: blocks of `<cite>Speaker:</cite> <time>0:00</time> <p>text</p>`.
 * A block's cite names its speaker and carries over to blocks without one; a block without any cite before it has
 * no known speaker. HTML gives only start times: a cue ends where the next begins, and the last at the episode's end
 * (or, with no known length, after the time it takes to say its words).
 */
import { Parser } from 'htmlparser2';
import { cleanSpeaker } from './cue-text';
import { parseCueTime } from './cue-time';
import type { TranscriptParse } from './index';

/** Speech runs at about 2.5 words a second; used only to end a last cue when the episode length is unknown. */
const WORDS_PER_SECOND = 2.5;

interface Block {
	start: number | null;
	timeText: string;
	speaker: string | null;
	text: string;
}

/** Cues of an HTML transcript. */
export function parseHtmlTranscript(html: string, durationSeconds: number | null): TranscriptParse {
	const blocks: Block[] = [];
	let speaker: string | null = null;
	let pendingTime: { start: number | null; text: string } | null = null;
	let inside: 'cite' | 'time' | 'p' | null = null;
	let buffer = '';
	const parser = new Parser(
		{
			onopentag(name) {
				if (name === 'cite' || name === 'time' || name === 'p') {
					inside = name;
					buffer = '';
				} else if (name === 'br' && inside === 'p') buffer += ' ';
			},
			ontext(text) {
				if (inside) buffer += text;
			},
			onclosetag(name) {
				if (name !== inside) return;
				const text = buffer.replace(/\s+/g, ' ').trim();
				if (name === 'cite') speaker = cleanSpeaker(text);
				else if (name === 'time') pendingTime = { start: parseCueTime(text), text };
				else if (pendingTime && text) {
					blocks.push({ start: pendingTime.start, timeText: pendingTime.text, speaker, text });
					pendingTime = null;
				}
				inside = null;
			}
		},
		{ decodeEntities: true }
	);
	parser.write(html);
	parser.end();

	const result: TranscriptParse = { cues: [], unreadable: [] };
	const timed = blocks.filter((b) => {
		if (b.start !== null) return true;
		result.unreadable.push({ line: null, reason: `cannot read the time "${b.timeText}"` });
		return false;
	});
	timed.forEach((b, i) => {
		const start = b.start!;
		const next = timed[i + 1]?.start;
		const spoken = start + b.text.split(' ').length / WORDS_PER_SECOND;
		const end = next ?? (durationSeconds && durationSeconds > start ? durationSeconds : spoken);
		result.cues.push({ startSeconds: start, endSeconds: end, speaker: b.speaker, text: b.text });
	});
	return result;
}
