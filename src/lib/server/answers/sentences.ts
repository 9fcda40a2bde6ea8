/**
 * Quotable sentences from transcript cues. A cue is a phrase or a screenful that cuts sentences anywhere, so cues are
 * merged into sentences; each sentence is timed from the start of the first cue it touches to the end of the last,
 * so a citation that plays it (`?t=start,end`) never cuts a word off and always lies inside its cues. The text is the
 * cues' own words, whitespace folded: a quote is always a substring of the cue texts joined by spaces.
 */

export interface Cue {
	startSeconds: number;
	endSeconds: number;
	speaker: string | null;
	text: string;
}

export interface CueSentence {
	text: string;
	startSeconds: number;
	endSeconds: number;
	/** The speaker of its cues, when the transcript names one. */
	speaker: string | null;
	/** Index of its first and last cue in the list it was made from. */
	firstCue: number;
	lastCue: number;
}

const SENTENCE_END = /[.?!…]+["')\]’”]*(?=\s|$)/g;
/** A transcript without punctuation still yields sentences: one is closed at a cue's end past this many words. */
const MAX_WORDS = 45;

/** Folds a cue's whitespace, as quotes are compared with it. */
export function cueText(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** Merges cues (in order) into sentences; a change of speaker always ends a sentence. */
export function sentencesFromCues(cues: readonly Cue[]): CueSentence[] {
	const out: CueSentence[] = [];
	let parts: string[] = [];
	let words = 0;
	let first = -1;
	let speaker: string | null = null;
	const close = (last: number) => {
		const text = parts.join(' ');
		if (text) out.push({ text, startSeconds: cues[first]!.startSeconds, endSeconds: cues[last]!.endSeconds, speaker, firstCue: first, lastCue: last });
		parts = [];
		words = 0;
		first = -1;
	};
	cues.forEach((cue, i) => {
		const text = cueText(cue.text);
		if (!text) return;
		if (first >= 0 && (cue.speaker ?? null) !== speaker) close(i - 1);
		let from = 0;
		const take = (piece: string) => {
			const trimmed = piece.trim();
			if (!trimmed) return;
			if (first < 0) {
				first = i;
				speaker = cue.speaker ?? null;
			}
			parts.push(trimmed);
			words += trimmed.split(' ').length;
		};
		for (const m of text.matchAll(SENTENCE_END)) {
			const end = m.index + m[0].length;
			take(text.slice(from, end));
			from = end;
			if (first >= 0) close(i);
		}
		take(text.slice(from));
		if (first >= 0 && words >= MAX_WORDS) close(i);
	});
	if (first >= 0) close(cues.length - 1);
	return out;
}
