/**
 * What gets a vector: each segment as a whole (title, summary and the opening of what was said) and short runs of
 * sentences inside it, so that a hit can start where the answer is said. Transcript cues are phrases or screenfuls
 * that cut sentences anywhere; they are merged into sentences first, each with its own start and end (a sentence that
 * begins inside a cue starts at its share of the cue's time).
 */

export interface TimedText {
	startSeconds: number;
	endSeconds: number;
	text: string;
}

export interface SegmentForVectors {
	id: number;
	startSeconds: number;
	endSeconds: number;
	title: string;
	summary: string | null;
	text: string | null;
}

/** A passage to encode: a whole segment or a run of sentences in it. */
export interface Passage extends TimedText {
	kind: 'segment' | 'sentence';
	segmentId: number;
}

/** Characters of a segment encoded for its own vector: its opening carries its topic; the runs cover the rest. */
const SEGMENT_CHARACTERS = 1200;
/** A sentence with no end in sight (a transcript without punctuation) is cut at this many words... */
const MAX_SENTENCE_WORDS = 40;
/** A run gathers sentences until it has this many words (a lone "Yeah." says nothing)... */
const RUN_MIN_WORDS = 18;
/** ...but stops before passing this many. */
const RUN_MAX_WORDS = 60;

const SENTENCE_END = /[.?!…]+["')\]]*(?=\s|$)/g;

/** Merges cues (sorted by start) into sentences, each timed from where its first word is said to where its last is. */
export function mergeCuesIntoSentences(cues: readonly TimedText[]): TimedText[] {
	const sentences: TimedText[] = [];
	let words: string[] = [];
	let start = 0;
	const close = (end: number) => {
		if (words.length) sentences.push({ startSeconds: start, endSeconds: Math.max(end, start), text: words.join(' ') });
		words = [];
	};
	for (const cue of cues) {
		const text = cue.text.replace(/\s+/g, ' ').trim();
		if (!text) continue;
		const at = (offset: number) => cue.startSeconds + ((cue.endSeconds - cue.startSeconds) * offset) / text.length;
		let from = 0;
		const pieces: { text: string; end: number; closes: boolean }[] = [];
		for (const m of text.matchAll(SENTENCE_END)) {
			const end = m.index + m[0].length;
			pieces.push({ text: text.slice(from, end), end, closes: true });
			from = end;
		}
		if (from < text.length) pieces.push({ text: text.slice(from), end: text.length, closes: false });
		let pieceStart = 0;
		for (const piece of pieces) {
			const pieceWords = piece.text.trim().split(' ').filter(Boolean);
			if (pieceWords.length) {
				if (!words.length) start = at(pieceStart + (piece.text.length - piece.text.trimStart().length));
				words.push(...pieceWords);
			}
			if (piece.closes || words.length >= MAX_SENTENCE_WORDS) close(at(piece.end));
			pieceStart = piece.end;
		}
	}
	close(cues.at(-1)?.endSeconds ?? 0);
	return sentences;
}

/** The segment a moment belongs to: the one it starts in (segments sorted by start), or null before the first. */
function segmentAt(segments: readonly SegmentForVectors[], seconds: number): SegmentForVectors | null {
	let found: SegmentForVectors | null = null;
	for (const s of segments) {
		if (s.startSeconds <= seconds + 0.001) found = s;
		else break;
	}
	return found && seconds < found.endSeconds + 1 ? found : (found ?? segments[0] ?? null);
}

/** The text a segment's own vector is made from. */
export function segmentPassageText(segment: SegmentForVectors): string {
	const head = [segment.title, segment.summary].filter(Boolean).join('. ');
	const body = (segment.text ?? '').slice(0, SEGMENT_CHARACTERS);
	const cut = body.length === SEGMENT_CHARACTERS ? body.slice(0, body.lastIndexOf(' ')) : body;
	return [head, cut].filter(Boolean).join('. ');
}

/** Runs of sentences, none crossing a segment boundary, each tagged with its segment. */
export function sentenceRuns(segments: readonly SegmentForVectors[], sentences: readonly TimedText[]): Passage[] {
	const sorted = [...segments].sort((a, b) => a.startSeconds - b.startSeconds);
	const runs: Passage[] = [];
	let run: Passage | null = null;
	let runWords = 0;
	for (const sentence of sentences) {
		const segment = segmentAt(sorted, sentence.startSeconds);
		if (!segment) continue;
		const count = sentence.text.split(' ').length;
		if (run && (run.segmentId !== segment.id || runWords >= RUN_MIN_WORDS || runWords + count > RUN_MAX_WORDS)) {
			runs.push(run);
			run = null;
		}
		if (!run) {
			run = { kind: 'sentence', segmentId: segment.id, startSeconds: sentence.startSeconds, endSeconds: sentence.endSeconds, text: sentence.text };
			runWords = count;
		} else {
			run.endSeconds = sentence.endSeconds;
			run.text += ` ${sentence.text}`;
			runWords += count;
		}
	}
	if (run) runs.push(run);
	return runs;
}

/** Every passage of an episode: one per segment, then the sentence runs (none without cues). */
export function episodePassages(segments: readonly SegmentForVectors[], cues: readonly TimedText[]): Passage[] {
	const whole: Passage[] = segments.map((s) => ({
		kind: 'segment',
		segmentId: s.id,
		startSeconds: s.startSeconds,
		endSeconds: s.endSeconds,
		text: segmentPassageText(s)
	}));
	return [...whole, ...sentenceRuns(segments, mergeCuesIntoSentences(cues))];
}
