/**
 * Podcasting 2.0 JSON transcripts (`{"version": "1.0.0", "segments": [{speaker, startTime, endTime, body}]}`).
 * Generators write a word, or a few words, per segment, and often give several consecutive segments the same
 * start and end: one caption cut into lines. Such a run first shares its time span out by the length of each line,
 * then consecutive segments of one speaker are merged into sentence-sized cues. A cue only ends where the next
 * segment starts at or after its end, so what is left overlapping never lands in two overlapping cues.
 */
import { cleanSpeaker, cueText } from './cue-text';
import type { TranscriptParse } from './index';

/** A cue ends at a sentence end once it is this long... */
const MIN_CUE_SECONDS = 3;
/** ...and anywhere a segment allows once it is this long, so a speaker who never stops still gets several cues. */
const MAX_CUE_SECONDS = 30;
/** A silence this long between two segments ends the cue. */
const PAUSE_SECONDS = 2;

interface Fragment {
	start: number;
	end: number;
	speaker: string | null;
	body: string;
}

/** Cues of a PC2.0 JSON transcript. Throws when the document is not one. */
export function parsePc20Json(text: string): TranscriptParse {
	let doc: unknown;
	try {
		doc = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		throw new Error(`not JSON (${(error as Error).message})`);
	}
	const segments = (doc as { segments?: unknown } | null)?.segments;
	if (!Array.isArray(segments)) throw new Error('not a transcript: the JSON has no "segments" list');
	const result: TranscriptParse = { cues: [], unreadable: [] };
	const fragments: Fragment[] = [];
	segments.forEach((s, i) => {
		const f = fragmentOf(s);
		if (f) fragments.push(f);
		else result.unreadable.push({ line: null, reason: `segment ${i + 1} has no readable startTime/endTime` });
	});
	fragments.sort((a, b) => a.start - b.start);
	shareOutRepeatedSpans(fragments);

	let current: Fragment | null = null;
	const flush = () => {
		if (current) result.cues.push({ startSeconds: current.start, endSeconds: current.end, speaker: current.speaker, text: cueText(current.body) });
		current = null;
	};
	for (const f of fragments) {
		if (current) {
			const c: Fragment = current;
			const sharesTime = f.start < c.end;
			const length = c.end - c.start;
			const sentenceDone = /[.!?…]["'”’)]*$/.test(c.body) && length >= MIN_CUE_SECONDS;
			const ends = f.start - c.end >= PAUSE_SECONDS || sentenceDone || length >= MAX_CUE_SECONDS;
			// A new speaker always starts a new cue; otherwise never split segments that share a time.
			if (f.speaker !== c.speaker || (ends && !sharesTime)) flush();
			else {
				c.end = Math.max(c.end, f.end);
				c.body = joinWords(c.body, f.body);
				continue;
			}
		}
		current = { ...f };
	}
	flush();
	return result;
}

/** Consecutive segments of one speaker with the same start and end get consecutive parts of that span instead. */
function shareOutRepeatedSpans(fragments: Fragment[]): void {
	for (let i = 0; i < fragments.length; ) {
		let j = i + 1;
		const first = fragments[i]!;
		while (j < fragments.length && fragments[j]!.start === first.start && fragments[j]!.end === first.end && fragments[j]!.speaker === first.speaker) j++;
		const { start, end } = first;
		if (j - i > 1 && end > start) {
			const run = fragments.slice(i, j);
			const total = run.reduce((n, f) => n + Math.max(f.body.trim().length, 1), 0);
			let at = start;
			for (const f of run) {
				f.start = round(at);
				at += ((end - start) * Math.max(f.body.trim().length, 1)) / total;
				f.end = round(at);
			}
			run.at(-1)!.end = end;
		}
		i = j;
	}
}

function round(seconds: number): number {
	return Math.round(seconds * 1000) / 1000;
}

function fragmentOf(value: unknown): Fragment | null {
	if (!value || typeof value !== 'object') return null;
	const s = value as Record<string, unknown>;
	const start = Number(s.startTime);
	const end = Number(s.endTime);
	if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0) return null;
	return {
		start,
		end,
		speaker: typeof s.speaker === 'string' ? cleanSpeaker(s.speaker) : null,
		body: typeof s.body === 'string' ? s.body : ''
	};
}

/** Word-level files put punctuation in its own segment: no space before it. */
function joinWords(a: string, b: string): string {
	const left = a.trimEnd();
	const right = b.trim();
	if (!right) return left;
	if (!left) return right;
	return /^[.,!?;:…)\]}'’”]/.test(right) ? left + right : `${left} ${right}`;
}
