/**
 * Where the answer to a question ends. With speaker labels: the answering turn(s), until the one who asked takes the
 * floor back (a short "yeah" or "right" from them does not count) or someone else moves on; when nobody else speaks
 * up soon, the asker answers their own question (a presenter's "Is there an ideal length? Nope. ..."). Without labels: the
 * sentences after the question until the next question, a long silence, or a length limit. Never past the end of
 * the segment the answer starts in: a new chapter is a new subject.
 */
import type { Sentence } from '../chapters';

/** An answer longer than this is cut at the last sentence end before it (a monologue has moved on by then). */
export const MAX_ANSWER_SECONDS = 240;
/** Without speakers nothing says where an answer ends, so the limit is shorter. */
export const MAX_UNLABELLED_ANSWER_SECONDS = 90;
/** Without speakers, a silence this long ends the answer. */
const UNLABELLED_PAUSE_SECONDS = 3;
/** Another speaker starting this soon after a question answers it; later, the asker has answered it themselves. */
export const OTHER_ANSWERS_WITHIN_SECONDS = 15;
/** A turn this short (and not a question) is a back-channel ("yeah", "right, right"), not taking the floor. */
const BACKCHANNEL_SECONDS = 6;
const BACKCHANNEL_WORDS = 12;

export interface AnswerSpan {
	/** Index of the answer's first sentence. */
	first: number;
	/** Index of its last sentence. */
	last: number;
}

/**
 * The answer to the question asked in sentences[from..to] (inclusive: a question may take a few sentences), or null
 * when nobody answers it (the asker goes on talking, or there is nothing after it). `segmentEnd` says where the
 * segment an answer starts in ends (Infinity without segments).
 */
export function findAnswerSpan(
	sentences: readonly Sentence[],
	to: number,
	segmentEnd: (answerStartSeconds: number) => number,
	isQuestion: (s: Sentence) => boolean
): AnswerSpan | null {
	const asker = sentences[to]?.speaker ?? null;
	return asker === null ? unlabelledSpan(sentences, to, segmentEnd, isQuestion) : labelledSpan(sentences, to, asker, segmentEnd, isQuestion);
}

function labelledSpan(sentences: readonly Sentence[], to: number, asker: string, segmentEnd: (at: number) => number, isQuestion: (s: Sentence) => boolean): AnswerSpan | null {
	const asked = sentences[to]!.endSeconds;
	let next = to + 1;
	while (next < sentences.length && (sentences[next]!.speaker === asker || sentences[next]!.speaker === null)) next++;
	const goesOn = sentences.slice(to + 1, next);
	// Someone else takes the floor soon after the question: theirs is the answer (a short "I mean, for you" in between is fine).
	if (next < sentences.length && sentences[next]!.startSeconds - asked <= OTHER_ANSWERS_WITHIN_SECONDS && !goesOn.some(isQuestion)) {
		return answeringTurns(sentences, next, segmentEnd, isQuestion);
	}
	// The asker goes on talking: a presenter answering their own question ("Is there an ideal length? Nope. ...").
	if (goesOn.length && !isQuestion(goesOn[0]!)) return unlabelledSpan(sentences, to, segmentEnd, isQuestion, next);
	return null;
}

/** The answering speaker's turn from `first`, through back-channels, until someone else takes the floor. */
function answeringTurns(sentences: readonly Sentence[], first: number, segmentEnd: (at: number) => number, isQuestion: (s: Sentence) => boolean): AnswerSpan | null {
	const limitSeconds = segmentEnd(sentences[first]!.startSeconds);
	const answerer = sentences[first]!.speaker!;
	const cap = Math.min(limitSeconds, sentences[first]!.startSeconds + MAX_ANSWER_SECONDS);
	let last = first;
	for (let i = first + 1; i < sentences.length; i++) {
		const s = sentences[i]!;
		if (s.endSeconds > cap) break;
		if (s.speaker === answerer || s.speaker === null) {
			if (movesOn(s)) break;
			last = i;
			continue;
		}
		// Someone else speaks: a back-channel lets the answer go on; a turn of their own ends it.
		const turn = turnFrom(sentences, i);
		const words = turn.reduce((n, t) => n + t.text.split(/\s+/).length, 0);
		const seconds = turn.at(-1)!.endSeconds - turn[0]!.startSeconds;
		const answererResumes = sentences[i + turn.length]?.speaker === answerer;
		if (!answererResumes || turn.some(isQuestion) || seconds > BACKCHANNEL_SECONDS || words > BACKCHANNEL_WORDS) break;
		i += turn.length - 1;
	}
	return { first, last };
}

/** The sentences after the question (before index `end`) until the next question, a long silence or the limit. */
function unlabelledSpan(sentences: readonly Sentence[], to: number, segmentEnd: (at: number) => number, isQuestion: (s: Sentence) => boolean, end = sentences.length): AnswerSpan | null {
	const first = to + 1;
	if (first >= end) return null;
	const limitSeconds = segmentEnd(sentences[first]!.startSeconds);
	const cap = Math.min(limitSeconds, sentences[first]!.startSeconds + MAX_UNLABELLED_ANSWER_SECONDS);
	let last = first;
	for (let i = first + 1; i < end; i++) {
		const s = sentences[i]!;
		if (s.endSeconds > cap || s.pauseBeforeSeconds >= UNLABELLED_PAUSE_SECONDS || isQuestion(s) || movesOn(s)) break;
		last = i;
	}
	return { first, last };
}

/** A sentence that moves on to the next thing: the answer ended before it. */
const MOVES_ON = /\b(?:next (?:question|one|topic|up|story)|another one from|moving on|let's move on|let's talk about|speaking of|anyway,? (?:so|let's))\b|^(?:\w+ )?\w+ (?:says|asks|writes|wants to know)[,:]?\s/i;

/** Whether a sentence moves on (the next question read out, a new topic). */
export function movesOn(sentence: Sentence): boolean {
	return MOVES_ON.test(sentence.text);
}

/** The sentences of the turn starting at `i` (same speaker). */
function turnFrom(sentences: readonly Sentence[], i: number): Sentence[] {
	const out: Sentence[] = [];
	for (let j = i; j < sentences.length && sentences[j]!.speaker === sentences[i]!.speaker; j++) out.push(sentences[j]!);
	return out;
}
