/**
 * A transcript as people read it: the stored cues (caption rows of a few words each, or the sentence-sized cues the
 * PC2.0 JSON reader makes) merged into sentences, the sentences into speaker turns, and long turns cut into
 * paragraphs of a few sentences. Done when a page is shown, not at import: the stored cues stay as the file had
 * them, because exports (transcript.vtt/srt), citations and the chapters wing quote their exact times.
 *
 * A sentence starts where its first words are said: at its cue's start, or, when it begins inside a cue, at that
 * cue's time shared out by the length of the text before it (as the PC2.0 reader shares out a caption cut into lines).
 * Nothing is dropped or reworded: the paragraphs' text is the cues' text, in order, up to whitespace.
 */

/** What this needs of a cue: times in seconds, who speaks (when known) and the words. */
export interface TimedText {
	startSeconds: number;
	endSeconds: number;
	speaker: string | null;
	text: string;
}

export interface TranscriptSentence {
	startSeconds: number;
	endSeconds: number;
	text: string;
}

export interface TranscriptParagraph {
	speaker: string | null;
	/** The first paragraph of a speaker turn: the speaker's name is shown here, and not on the turn's other paragraphs. */
	turnStart: boolean;
	sentences: TranscriptSentence[];
}

/** A paragraph ends after a sentence once it has this many sentences... */
const PARAGRAPH_SENTENCES = 4;
/** ...or this many words, whichever comes first. */
const PARAGRAPH_WORDS = 90;
/** A silence this long inside a turn starts a new paragraph. */
const PARAGRAPH_PAUSE_SECONDS = 3;
/** Captions without punctuation never end a sentence: one this long ends at the next cue boundary. */
const MAX_SENTENCE_WORDS = 45;
/** A silence this long ends a sentence even without a full stop (unpunctuated captions). */
const SENTENCE_PAUSE_SECONDS = 2;
const SENTENCE_END = /[.!?…。？！]["'”’)\]]*$/u;
/** A sentence end inside a cue: end punctuation, space, then what starts a sentence (capital, digit, opening quote). */
const SENTENCE_END_INSIDE = /(?<=[.!?…。？！]["'”’)\]]*)\s+(?=["'“‘(¿¡]?[\p{Lu}\p{N}])/u;

/** A sentence with who says it, and whether its own punctuation ended it (not a pause, a turn or its length). */
export interface SpokenSentence extends TranscriptSentence {
	speaker: string | null;
	ended: boolean;
}

interface Piece extends TimedText {
	/** This piece ends a sentence by its punctuation. */
	ends: boolean;
}

/** Paragraphs by speaker turn, each a list of sentences with their start and end, from cues sorted by start. */
export function readableTranscript(cues: readonly TimedText[]): TranscriptParagraph[] {
	return paragraphsOf(sentencesOf(cues));
}

/** Sentences from cues sorted by start: split at sentence ends inside a cue, joined across cues until one ends. */
export function sentencesOf(cues: readonly TimedText[]): SpokenSentence[] {
	const sentences: SpokenSentence[] = [];
	let open: { start: number; end: number; parts: string[]; words: number; speaker: string | null } | null = null;
	let previousEnd = -Infinity;
	const close = (ended = false) => {
		if (open) sentences.push({ startSeconds: open.start, endSeconds: open.end, text: open.parts.join(' '), speaker: open.speaker, ended });
		open = null;
	};
	for (const piece of cues.flatMap(piecesOf)) {
		const turn = open !== null && piece.speaker !== null && piece.speaker !== open.speaker;
		const pause = piece.startSeconds - previousEnd >= SENTENCE_PAUSE_SECONDS;
		if (open && (turn || pause || open.words >= MAX_SENTENCE_WORDS)) close();
		open ??= { start: piece.startSeconds, end: piece.endSeconds, parts: [], words: 0, speaker: piece.speaker };
		open.parts.push(piece.text);
		open.words += piece.text.split(' ').length;
		open.end = Math.max(open.end, piece.endSeconds);
		previousEnd = Math.max(previousEnd, piece.endSeconds);
		if (piece.ends) close(true);
	}
	close();
	return sentences;
}

/** Sentences grouped by speaker turn, long turns cut after a few sentences or at a long silence. */
function paragraphsOf(sentences: readonly SpokenSentence[]): TranscriptParagraph[] {
	const paragraphs: TranscriptParagraph[] = [];
	let words = 0;
	let previous: SpokenSentence | null = null;
	for (const sentence of sentences) {
		const last = paragraphs.at(-1);
		const turn = last !== undefined && sentence.speaker !== null && sentence.speaker !== last.speaker;
		// A paragraph is cut after a full stop, not after a run-on cut at a cue boundary (unless it runs on and on).
		const full =
			last !== undefined &&
			((previous?.ended && (last.sentences.length >= PARAGRAPH_SENTENCES || words >= PARAGRAPH_WORDS)) || words >= 2 * PARAGRAPH_WORDS);
		const pause = previous !== null && sentence.startSeconds - previous.endSeconds >= PARAGRAPH_PAUSE_SECONDS;
		if (!last || turn || full || pause) {
			// A sentence with no speaker named continues whoever was speaking (SRT names a speaker only at a change).
			paragraphs.push({ speaker: sentence.speaker ?? last?.speaker ?? null, turnStart: !last || turn, sentences: [] });
			words = 0;
		}
		paragraphs.at(-1)!.sentences.push({ startSeconds: sentence.startSeconds, endSeconds: sentence.endSeconds, text: sentence.text });
		words += sentence.text.split(' ').length;
		previous = sentence;
	}
	return paragraphs;
}

/** A cue cut at the sentence ends inside it; each piece gets a share of the cue's time by its length. */
function piecesOf(cue: TimedText): Piece[] {
	const text = cue.text.replace(/\s+/g, ' ').trim();
	if (!text) return [];
	const pieces = text.split(SENTENCE_END_INSIDE).filter(Boolean);
	const span = Math.max(0, cue.endSeconds - cue.startSeconds);
	let at = 0;
	return pieces.map((piece, i) => {
		// The first piece keeps the cue's own start and the last its own end; only the times between are estimates.
		const start = i === 0 ? cue.startSeconds : round(cue.startSeconds + (span * at) / text.length);
		at += piece.length + 1;
		const end = i === pieces.length - 1 ? cue.endSeconds : round(cue.startSeconds + (span * at) / text.length);
		return { startSeconds: start, endSeconds: end, speaker: cue.speaker, text: piece, ends: SENTENCE_END.test(piece) };
	});
}

function round(seconds: number): number {
	return Math.round(seconds * 100) / 100;
}
