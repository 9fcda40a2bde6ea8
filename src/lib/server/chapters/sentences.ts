/**
 * Cues (caption rows or Whisper phrases) merged into sentences: the unit the segmenter, the titles and the summaries
 * work on. A sentence keeps the start of its first cue and the end of its last, so every boundary placed on a
 * sentence is also a cue start.
 */
import type { Cue } from '../import/types';

export interface Sentence {
	startSeconds: number;
	endSeconds: number;
	text: string;
	speaker: string | null;
	/** Silence before this sentence, in seconds (0 for the first). */
	pauseBeforeSeconds: number;
	/** True when the speaker differs from the previous sentence's (both known). */
	newSpeaker: boolean;
}

/** A sentence this long ends at the next cue whatever its punctuation (a run-on in punctuated captions). */
const MAX_SENTENCE_WORDS = 60;
/**
 * Some transcripts have no sentence punctuation at all (speech-to-text without it). Their talk is cut into runs of
 * about this many words, ending at a cue end, so the segmenter has units to compare and boundaries to land on rather
 * than one sentence per minute of talk.
 */
const UNPUNCTUATED_RUN_WORDS = 20;
/** More words than this per sentence end, over the whole transcript, and it counts as unpunctuated (speech: ~8-15). */
const UNPUNCTUATED_WORDS_PER_STOP = 30;
const STOPS = /[.!?…。？！](?=["'”’)\]]*(?:\s|$))/gu;
/** A silence this long ends a sentence even without a full stop. */
const SENTENCE_PAUSE_SECONDS = 1.5;
const SENTENCE_END = /[.!?…。？！]["'”’)\]]*$/u;
/** Where a sentence ends inside a cue: end punctuation, then space and the next sentence's first letter or digit. */
const SENTENCE_END_INSIDE = /(?<=[.!?…。？！]["'”’)\]]*)\s+(?=["'“‘(]?[\p{Lu}\p{N}])/u;

/** Merges cues (any order) into sentences, by punctuation, speaker turn and pause. Blank cues are skipped. */
export function mergeCuesIntoSentences(cues: readonly Cue[]): Sentence[] {
	const sorted = cues
		.filter((c) => c.text.trim() && Number.isFinite(c.startSeconds))
		.slice()
		.sort((a, b) => a.startSeconds - b.startSeconds);
	const maxWords = isUnpunctuated(sorted) ? UNPUNCTUATED_RUN_WORDS : MAX_SENTENCE_WORDS;
	const sentences: Sentence[] = [];
	let open: { start: number; end: number; parts: string[]; words: number; speaker: string | null; pause: number; newSpeaker: boolean } | null =
		null;
	let previous: Cue | null = null;
	const close = () => {
		if (open) sentences.push({ startSeconds: open.start, endSeconds: open.end, text: open.parts.join(' '), speaker: open.speaker, pauseBeforeSeconds: open.pause, newSpeaker: open.newSpeaker });
		open = null;
	};
	for (const cue of sorted.flatMap(splitCueAtSentenceEnds)) {
		const text = cue.text;
		const pause = previous ? Math.max(0, cue.startSeconds - previous.endSeconds) : 0;
		const speakerChanged = Boolean(previous && cue.speaker && previous.speaker && cue.speaker !== previous.speaker);
		if (open && (speakerChanged || pause >= SENTENCE_PAUSE_SECONDS || open.words >= maxWords)) close();
		if (!open) {
			open = { start: cue.startSeconds, end: cue.endSeconds, parts: [], words: 0, speaker: cue.speaker, pause, newSpeaker: speakerChanged };
		}
		open.parts.push(text);
		open.words += text.split(' ').length;
		open.end = Math.max(open.end, cue.endSeconds);
		if (SENTENCE_END.test(text)) close();
		previous = cue;
	}
	close();
	return sentences;
}

/** True when the transcript's words run on with hardly a full stop, question or exclamation mark among them. */
function isUnpunctuated(cues: readonly Cue[]): boolean {
	let words = 0;
	let stops = 0;
	for (const cue of cues) {
		words += cue.text.trim().split(/\s+/).length;
		stops += cue.text.match(STOPS)?.length ?? 0;
	}
	return words > UNPUNCTUATED_WORDS_PER_STOP && words / Math.max(1, stops) > UNPUNCTUATED_WORDS_PER_STOP;
}

/**
 * A cue holding the end of one sentence and the start of the next (long caption rows do) is split there; each piece
 * gets a share of the cue's time in proportion to its length, so a sentence starting mid-cue has its own start.
 */
function splitCueAtSentenceEnds(cue: Cue): Cue[] {
	const text = cue.text.replace(/\s+/g, ' ').trim();
	const pieces = text.split(SENTENCE_END_INSIDE).filter(Boolean);
	if (pieces.length < 2) return [{ ...cue, text }];
	const span = Math.max(0, cue.endSeconds - cue.startSeconds);
	let at = 0;
	return pieces.map((piece) => {
		const start = cue.startSeconds + (span * at) / text.length;
		at += piece.length + 1;
		const end = Math.min(cue.endSeconds, cue.startSeconds + (span * at) / text.length);
		return { ...cue, startSeconds: Math.round(start * 100) / 100, endSeconds: Math.round(end * 100) / 100, text: piece };
	});
}
