/**
 * An answer to any question, made of the speakers' own words: the best moments in the order /search ranks them
 * (retrieve.ts), their transcript cues merged into sentences (sentences.ts), and from each moment in turn the
 * sentence most like the question quoted (select.ts), so citation [1] is said in search's top moment (the first with
 * a transcript); each citation plays exactly its sentence. When even the best sentence is not close enough, the
 * answer says so and offers the nearest stored questions instead.
 */
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { anyOf } from '../db/long-lists';
import type { Db } from '../db/client';
import { episodes, transcriptCues } from '../db/schema';
import { cosine, getEncoder, type SentenceEncoder } from '../embeddings';
import { findRelatedQuestions, listFeatured, queryTerms, toQuestionLink, type MomentHit } from '../search';
import { episodePath } from '../../paths';
import { findMoments, type AnswerSearch } from './retrieve';
import { pickQuotes, scoreCandidates, type Candidate } from './select';
import { sentencesFromCues, type CueSentence } from './sentences';
import type { Answer, AnswerCitation, AnswerSource } from './types';

/** Fewer quotable sentences than this in a moment: its transcript is unpunctuated, the looser rule applies. */
const MIN_QUOTABLE = 3;
/** An unpunctuated transcript's sentences are its cues, long ones included. */
const MAX_WORDS_UNPUNCTUATED = 100;
/** Moments quoted, in search's order (recall@3 of /api/search is the answer page's to keep). */
const MOMENTS = 3;
/** Sentences per moment that are encoded (the ones near where search located the answer, and those sharing words). */
const CANDIDATES_PER_MOMENT = 40;
/** A quotable sentence has at least this many words (a lone "Yeah, exactly." answers nothing)... */
const MIN_WORDS = 6;
/** ...and at most this many. */
const MAX_WORDS = 60;
/**
 * The best quote's score (cosine + word overlap, select.ts) below which nothing answers well. Calibrated by
 * bench:quality on half of the real judged questions (27 answerable, 27 that nothing in the content answers,
 * bench/judged/unanswerable.ts): 0.48 made 40 right decisions (answered with a hit in the first three citations, or
 * rightly "no good answer") against 38 for 0.54, and on the held-out half answered 27/27 instead of 26/27 with the same
 * refusals (26/27). At 0.54 the demo's "Does sleeping in on the weekend pay back sleep debt?" (0.49 on words alone,
 * before segments have vectors) was refused. Scores of right and wrong answers still overlap (0.40-0.81 against
 * 0.34-0.62 for unanswerable questions): search's floor, not this threshold, refuses most of those.
 */
export const ANSWER_MIN_SCORE = 0.48;
/** A stored question this close to the asked one (cosine of their vectors) asks the same thing. */
const SAME_QUESTION_COSINE = 0.85;
/** A sentence that opens as a question does ("What is ...", "How do ..."), with or without its question mark. */
const ASKING = /^(?:so,? |and |but )?(?:what|how|why|when|where|who|which)(?:'s| is| are| do| does| did| was| were| can| could| should| would| will)\b/i;
/** Sentence vectors remembered between questions (the same moments answer many questions). */
const VECTOR_CACHE_SIZE = 5000;
const NEAREST = 5;

export interface AnswerOptions {
	search: AnswerSearch;
	/** The sentence encoder (default: the app's). */
	encoder?: SentenceEncoder;
	/** The score below which nothing answers well (default ANSWER_MIN_SCORE; bench:quality calibrates it). */
	minScore?: number;
}

interface SentenceCandidate extends Candidate {
	sentence: CueSentence;
	moment: MomentHit;
}

/** Answers a question with quotes from the best moments, or says plainly that nothing answers it well. */
export async function answerQuestion(db: Db, question: string, { search, encoder, minScore = ANSWER_MIN_SCORE }: AnswerOptions): Promise<Answer> {
	const text = question.trim();
	const empty: Answer = { question: text, status: 'empty', citations: [], sources: [], related: [], stored: null, score: 0 };
	if (!text || !queryTerms(text).length && text.length < 3) return empty;
	encoder ??= await getEncoder();
	const [moments, [questionVector]] = await Promise.all([findMoments(search, text, MOMENTS), encoder.encode([text])]);
	const candidates = await candidatesOf(db, search, text, moments, encoder);
	const scored = scoreCandidates(text, questionVector!, candidates);
	const score = Math.max(0, Math.min(1, scored[0]?.score ?? 0));
	const nearby = findRelatedQuestions(search.index, { segmentIds: moments.map((m) => m.segment.id), text }, NEAREST * 2).flatMap((id) => toQuestionLink(search.index, id) ?? []);
	// No moment passes search's floor and no stored question shares a word: offer the featured ones, as search does.
	const near = nearby.length ? nearby : listFeatured(search.index, NEAREST * 2);
	const stored = await sameStoredQuestion(text, questionVector!, near, encoder);
	const related = near.filter((q) => q.slug !== stored?.slug).slice(0, NEAREST);
	if (!scored.length || scored[0]!.score < minScore) {
		return { question: text, status: 'unanswered', citations: [], sources: [], related, stored, score };
	}
	const quotes = pickQuotes(scored, minScore);
	const audio = await audioUrls(db, search, quotes.map((q) => q.candidate.moment.segment.id));
	const sources: AnswerSource[] = [];
	const citations: AnswerCitation[] = quotes.map(({ candidate }, i) => {
		const { moment, sentence } = candidate;
		const seg = moment.segment;
		let source = sources.findIndex((s) => s.segmentId === seg.id);
		const range = playableRange(sentence);
		const base = episodePath(seg.show.slug, seg.episode.slug);
		if (source < 0) {
			source = sources.length;
			sources.push({
				segmentId: seg.id,
				title: seg.title,
				startSeconds: seg.startSeconds,
				endSeconds: seg.endSeconds,
				url: `${base}?t=${range.start}`,
				episode: { title: seg.episode.title, url: seg.episode.url, audioUrl: audio.get(seg.id) ?? null },
				show: { title: seg.show.title, url: seg.show.url },
				speakers: seg.people.map((p) => ({ name: p.name, role: p.role })),
				citations: []
			});
		}
		const s = sources[source]!;
		s.citations.push(i + 1);
		if (sentence.speaker && !s.speakers.some((p) => p.name.toLowerCase() === sentence.speaker!.toLowerCase())) {
			s.speakers.push({ name: sentence.speaker, role: 'speaker' });
		}
		return {
			n: i + 1,
			text: sentence.text,
			startSeconds: range.start,
			endSeconds: range.end,
			speaker: sentence.speaker,
			url: `${base}?t=${range.start},${range.end}`,
			source
		};
	});
	// A source's player starts at the first sentence quoted from it.
	for (const s of sources) s.url = citations.find((c) => c.n === s.citations[0])!.url.replace(/,[^,]*$/, '');
	return { question: text, status: 'answered', citations, sources, related, stored, score };
}

/**
 * A sentence's range in tenths of a second, rounded inwards (start up, end down), so the link stays inside its cues;
 * a sentence too short for that keeps its exact times.
 */
export function playableRange(sentence: { startSeconds: number; endSeconds: number }): { start: number; end: number } {
	const start = Math.ceil(sentence.startSeconds * 10 - 1e-6) / 10;
	const end = Math.floor(sentence.endSeconds * 10 + 1e-6) / 10;
	return end > start ? { start, end } : { start: sentence.startSeconds, end: sentence.endSeconds };
}

/** The quotable sentences of the best moments, with their vectors. */
async function candidatesOf(db: Db, search: AnswerSearch, question: string, moments: MomentHit[], encoder: SentenceEncoder): Promise<SentenceCandidate[]> {
	const terms = new Set(queryTerms(question));
	const chosen: { sentence: CueSentence; moment: MomentHit; rank: number }[] = [];
	for (const [rank, moment] of moments.entries()) {
		const segment = search.index.segments.get(moment.segment.id);
		if (!segment) continue;
		const cues = await db
			.select({ startSeconds: transcriptCues.startSeconds, endSeconds: transcriptCues.endSeconds, speaker: transcriptCues.speaker, text: transcriptCues.text })
			.from(transcriptCues)
			.where(and(eq(transcriptCues.episodeId, segment.episodeId), gte(transcriptCues.startSeconds, moment.segment.startSeconds), lt(transcriptCues.startSeconds, moment.segment.endSeconds)))
			.orderBy(asc(transcriptCues.position));
		const sentences = sentencesFromCues(cues);
		let quotable = sentences.filter((s) => quotableSentence(s.text, MAX_WORDS, true));
		// An automatic transcript without capitals or full stops (long lowercase cues) still has quotable words: its
		// moments are quoted by their cue-long sentences rather than left out.
		if (quotable.length < MIN_QUOTABLE) quotable = sentences.filter((s) => quotableSentence(s.text, MAX_WORDS_UNPUNCTUATED, false));
		const located = moment.sentence;
		const nearAnswer = (s: CueSentence) => (located && s.endSeconds > located.startSeconds - 20 && s.startSeconds < located.endSeconds + 20 ? 1 : 0);
		const shared = (s: CueSentence) => queryTerms(s.text).filter((t) => terms.has(t)).length;
		const kept = quotable.length <= CANDIDATES_PER_MOMENT ? quotable : [...quotable].sort((a, b) => nearAnswer(b) + shared(b) - (nearAnswer(a) + shared(a))).slice(0, CANDIDATES_PER_MOMENT);
		for (const sentence of kept) chosen.push({ sentence, moment, rank });
	}
	const vectors = await encodeCached(encoder, chosen.map((c) => c.sentence.text));
	return chosen.map((c, i) => ({ sentence: c.sentence, moment: c.moment, text: c.sentence.text, vector: vectors[i]!, momentId: c.moment.segment.id, momentRank: c.rank }));
}

/**
 * A sentence worth quoting: long enough to say something, not a question (it asks, it does not answer; transcripts
 * often drop the "?"), and, in a punctuated transcript, not a sentence's tail cut off by a change of speaker.
 */
function quotableSentence(text: string, maxWords: number, punctuated: boolean): boolean {
	const words = text.split(' ').length;
	return words >= MIN_WORDS && words <= maxWords && !/\?["'’”)\]]*$/.test(text) && !ASKING.test(text) && !(punctuated && /^\p{Ll}/u.test(text));
}

const vectorCache = new Map<string, Float32Array>();

/** Encodes texts, reusing the vectors of texts seen before. */
async function encodeCached(encoder: SentenceEncoder, texts: string[]): Promise<Float32Array[]> {
	const key = (t: string) => `${encoder.model}\n${t}`;
	const missing = [...new Set(texts.filter((t) => !vectorCache.has(key(t))))];
	const fresh = await encoder.encode(missing);
	missing.forEach((t, i) => {
		if (vectorCache.size >= VECTOR_CACHE_SIZE) vectorCache.delete(vectorCache.keys().next().value!);
		vectorCache.set(key(t), fresh[i]!);
	});
	return texts.map((t) => vectorCache.get(key(t))!);
}

/** The stored question among `near` that asks what was asked, if one does. */
async function sameStoredQuestion(text: string, vector: Float32Array, near: { slug: string; text: string; url: string }[], encoder: SentenceEncoder) {
	if (!near.length) return null;
	const vectors = await encodeCached(encoder, near.map((q) => q.text));
	let best: { link: (typeof near)[number]; sim: number } | null = null;
	near.forEach((link, i) => {
		const sim = link.text.trim().toLowerCase() === text.toLowerCase() ? 1 : cosine(vector, vectors[i]!);
		if (!best || sim > best.sim) best = { link, sim };
	});
	const found = best as { link: (typeof near)[number]; sim: number } | null;
	return found && found.sim >= SAME_QUESTION_COSINE ? found.link : null;
}

/** Audio addresses of the episodes the segments belong to. */
async function audioUrls(db: Db, search: AnswerSearch, segmentIds: number[]): Promise<Map<number, string>> {
	const episodeOf = new Map(segmentIds.map((id) => [id, search.index.segments.get(id)?.episodeId]));
	const ids = [...new Set([...episodeOf.values()].filter((id): id is number => id !== undefined))];
	if (!ids.length) return new Map();
	const rows = await db.select({ id: episodes.id, audioUrl: episodes.audioUrl }).from(episodes).where(anyOf(episodes.id, ids));
	const byEpisode = new Map(rows.map((r) => [r.id, r.audioUrl]));
	const out = new Map<number, string>();
	for (const [segmentId, episodeId] of episodeOf) {
		const url = episodeId === undefined ? null : byEpisode.get(episodeId);
		if (url) out.set(segmentId, url);
	}
	return out;
}
