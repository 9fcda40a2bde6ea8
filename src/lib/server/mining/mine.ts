/**
 * Questions asked in an episode, each with the moment that answers it: the transcript's cues merged into sentences
 * (speaker turns kept), every sentence ending in "?" tried as a question (normaliseQuestion decides whether it reads
 * on its own), and the answer found after it (findAnswerSpan). Chapter titles that are questions count too, answered
 * by their chapter. Pure: the same cues give the same questions.
 */
import { mergeCuesIntoSentences, type Sentence } from '../chapters';
import { findAnswerSpan } from './answer-span';
import { isSelfContained, normaliseQuestion } from './question-text';
import type { MinedQuestion, MiningCue, MiningOptions, MiningSegment } from './types';
import { contentStems, englishShare, wordsOf } from './words';

/** An answer needs this many words to be worth citing ("Not good." is a reply, not an answer). */
const MIN_ANSWER_WORDS = 15;
/** Without speaker labels the answer cannot be told from the asker going on, so it needs more substance. */
const MIN_UNLABELLED_ANSWER_WORDS = 30;
/** Consecutive question sentences this close are one question asked in several goes. */
const RUN_GAP_SECONDS = 20;
/** An excerpt is the answer's first sentences, up to about this many words... */
const EXCERPT_WORDS = 30;
/** ...and never longer than this. */
const EXCERPT_CHARACTERS = 300;
/** What a sponsor read says: an ad's "do you need a website?" is not a question anyone answers. */
const AD_COPY = /\b(?:(?:dot|\.)\s?(?:com|org|io|net)\b|slash \w+|promo code|offer code|\d+ ?(?:%|percent) off|brought to you by|sponsored by|free trial|check them out at|link (?:is )?(?:in|down) (?:the|below))/i;
/** A transcript whose words are at least this share English function words is taken as English. */
const ENGLISH_SHARE = 0.3;

/** The questions asked in an episode (and its question-titled chapters), each linked to its answer. */
export function mineQuestions(cues: readonly MiningCue[], segments: readonly MiningSegment[], options: MiningOptions = {}): MinedQuestion[] {
	const sentences = mergeCuesIntoSentences(cues);
	if (!isEnglishTranscript(sentences, options.language)) return [];
	const speakers = [...new Set(sentences.flatMap((s) => (s.speaker ? [s.speaker] : [])))];
	const found = [...questionsInTalk(sentences, segments, speakers), ...questionsInChapters(sentences, segments)];
	return uniqueByWording(found).sort((a, b) => a.startSeconds - b.startSeconds);
}

/** Only English is mined: the wording rules and the tagger are English. A language tag decides; without one, the words. */
export function isEnglishTranscript(sentences: readonly { text: string }[], language?: string | null): boolean {
	if (language) return /^en\b/i.test(language);
	const sample = sentences.slice(0, 400).map((s) => s.text).join(' ');
	return englishShare(sample) >= ENGLISH_SHARE;
}

/** Whether a sentence asks something (ends with "?" and is more than a tag): it ends the answer before it. */
function asksSomething(sentence: Sentence): boolean {
	const text = sentence.text.trim();
	return /\?["'”’)]*$/.test(text) && wordsOf(text).length >= 3 && !/(?:^|[,\s])(?:right|you know|yeah|no|huh|eh|okay|ok|correct|really)\s*\?["'”’)]*$/i.test(text);
}

function questionsInTalk(sentences: readonly Sentence[], segments: readonly MiningSegment[], speakers: string[]): MinedQuestion[] {
	const segmentAt = (seconds: number) => segments.findIndex((s) => s.startSeconds <= seconds && seconds < s.endSeconds);
	const segmentEnd = (seconds: number) => segments[segmentAt(seconds)]?.endSeconds ?? Infinity;
	const out: MinedQuestion[] = [];
	for (let i = 0; i < sentences.length; i++) {
		if (!asksSomething(sentences[i]!)) continue;
		// The run of questions one person asks in a row: the best-worded one stands for them all.
		let to = i;
		while (
			to + 1 < sentences.length &&
			asksSomething(sentences[to + 1]!) &&
			sentences[to + 1]!.speaker === sentences[i]!.speaker &&
			sentences[to + 1]!.startSeconds - sentences[to]!.endSeconds < RUN_GAP_SECONDS
		)
			to++;
		const run = sentences.slice(i, to + 1);
		const worded = run.flatMap((s) => {
			const text = normaliseQuestion(s.text, speakers);
			return text ? [{ sentence: s, text }] : [];
		});
		const best = worded.sort((a, b) => contentStems(b.text).length - contentStems(a.text).length)[0];
		const span = best ? findAnswerSpan(sentences, to, segmentEnd, asksSomething) : null;
		i = to;
		if (!best || !span) continue;
		const answer = sentences.slice(span.first, span.last + 1);
		const words = answer.reduce((n, s) => n + wordsOf(s.text).length, 0);
		const labelled = best.sentence.speaker !== null;
		if (words < (labelled ? MIN_ANSWER_WORDS : MIN_UNLABELLED_ANSWER_WORDS) || (!labelled && answer.length < 2)) continue;
		// A question answered with a question ("What do you mean?") has not been answered; an ad read answers nothing.
		if (asksSomething(answer[0]!) || answer.some((s) => AD_COPY.test(s.text)) || AD_COPY.test(best.sentence.text)) continue;
		// Without turns to go by, an answer must at least speak of what was asked (a word of the question in it).
		if (!answersTheSubject(best.text, answer) && (!labelled || answer.every((s) => s.speaker === best.sentence.speaker))) continue;
		const answerStart = answer[0]!.startSeconds;
		const segmentIndex = segmentAt(answerStart);
		out.push({
			text: best.text,
			spoken: best.sentence.text,
			source: 'transcript',
			asker: best.sentence.speaker,
			startSeconds: best.sentence.startSeconds,
			endSeconds: answer.at(-1)!.endSeconds,
			answerStartSeconds: answerStart,
			excerpt: excerptOf(answer),
			segmentIndex: segmentIndex < 0 ? null : segmentIndex
		});
	}
	return out;
}

/** Whether an answer uses one of the question's content words (stems): its subject comes up in it. */
function answersTheSubject(question: string, answer: readonly { text: string }[]): boolean {
	const said = new Set(answer.flatMap((s) => contentStems(s.text)));
	return contentStems(question).some((w) => said.has(w));
}

/** A chapter titled with a question is answered by the chapter itself. */
function questionsInChapters(sentences: readonly Sentence[], segments: readonly MiningSegment[]): MinedQuestion[] {
	return segments.flatMap((segment, segmentIndex) => {
		const title = segment.title.trim();
		if (!/\?$/.test(title)) return [];
		const text = title.charAt(0).toUpperCase() + title.slice(1);
		if (!isSelfContained(text)) return [];
		const inside = sentences.filter((s) => s.startSeconds >= segment.startSeconds && s.startSeconds < segment.endSeconds);
		// The chapter's own opening question is not its answer.
		const answer = inside.filter((s, k) => !(k === 0 && normaliseQuestion(s.text) === text));
		if (!answer.length) return [];
		return [{ text, spoken: title, source: 'chapter' as const, asker: null, startSeconds: segment.startSeconds, endSeconds: segment.endSeconds, answerStartSeconds: answer[0]!.startSeconds, excerpt: excerptOf(answer), segmentIndex }];
	});
}

/** The answer's first sentences (a bare "Yeah." or "Sure." before it skipped), cut at a word near the limit. */
export function excerptOf(answer: readonly { text: string }[]): string {
	const start = answer.findIndex((s) => wordsOf(s.text).length >= 4);
	const parts: string[] = [];
	let words = 0;
	for (const s of answer.slice(Math.max(0, start))) {
		parts.push(s.text.trim());
		words += wordsOf(s.text).length;
		if (words >= EXCERPT_WORDS) break;
	}
	const text = parts.join(' ');
	if (text.length <= EXCERPT_CHARACTERS) return text;
	return text.slice(0, EXCERPT_CHARACTERS).replace(/\s+\S*$/, '') + ' …';
}

/** One question per wording in an episode: the first time it is asked (a chapter title and its opening question are one). */
function uniqueByWording(found: MinedQuestion[]): MinedQuestion[] {
	const seen = new Map<string, MinedQuestion>();
	for (const q of found.sort((a, b) => (a.source === b.source ? a.startSeconds - b.startSeconds : a.source === 'transcript' ? -1 : 1))) {
		const key = wordingKey(q.text);
		if (!seen.has(key)) seen.set(key, q);
	}
	return [...seen.values()];
}

/** Two wordings that differ only in case, punctuation and spacing are the same question. */
export function wordingKey(text: string): string {
	return wordsOf(text).join(' ');
}
