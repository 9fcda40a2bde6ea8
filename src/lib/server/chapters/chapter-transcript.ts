/**
 * A timed transcript in, chapters out: cues are merged into sentences, topic boundaries found on sentence starts, and
 * each segment titled and summarised in its own words. Never throws on odd input: an empty or one-line transcript
 * gives one segment covering the episode, with a warning saying why.
 */
import type { SentenceEncoder } from '../embeddings/encoder';
import type { Cue } from '../import/types';
import { findTopicBoundaries, meaningWeight, type SegmenterOptions } from './segmenter';
import { mergeCuesIntoSentences, type Sentence } from './sentences';
import { titleSegments } from './titles';
import { isEnglish } from './words';

export interface ChapterOptions {
	/** The episode's length; when unknown (0), the last cue's end. */
	durationSeconds: number;
	showTitle?: string | null;
	showLink?: string | null;
	/** The transcript's language tag ("en", "de-DE"); unknown counts as English. */
	language?: string | null;
	/** With an encoder, cohesion also compares sentence meaning; without, it compares words only. */
	encoder?: SentenceEncoder | null;
	/** Overrides of the segmenter's tuned settings (for the bench). */
	segmenter?: Partial<SegmenterOptions>;
}

export interface ChapterSegment {
	startSeconds: number;
	endSeconds: number;
	title: string;
	summary: string;
}

export interface ChapterResult {
	segments: ChapterSegment[];
	warnings: string[];
}

/** Chapters for a transcript, using sentence vectors when an encoder is given. */
export async function chapterTranscript(cues: readonly Cue[], options: ChapterOptions): Promise<ChapterResult> {
	const sentences = mergeCuesIntoSentences(cues);
	const encoder = options.encoder;
	if (!encoder || sentences.length < 2) return chapterSentences(sentences, options, null);
	// Back-channel sentences carry no weight in the comparison, so they are not encoded (about 40 % of speech).
	const english = isEnglish(options.language);
	const wanted = sentences.map((s, i) => ({ i, text: s.text })).filter(({ text }) => meaningWeight(text, english) > 0);
	const encoded = await encoder.encode(wanted.map((w) => w.text));
	const vectors: Float32Array[] = sentences.map(() => new Float32Array(encoder.dimensions));
	wanted.forEach((w, k) => (vectors[w.i] = encoded[k]!));
	return chapterSentences(sentences, options, vectors);
}

/** Chapters for a transcript from its words alone: synchronous and light enough for the import transaction. */
export function chapterTranscriptLexical(cues: readonly Cue[], options: Omit<ChapterOptions, 'encoder'>): ChapterResult {
	return chapterSentences(mergeCuesIntoSentences(cues), options, null);
}

function chapterSentences(sentences: Sentence[], options: ChapterOptions, vectors: Float32Array[] | null): ChapterResult {
	const warnings: string[] = [];
	const lastEnd = sentences.reduce((max, s) => Math.max(max, s.endSeconds), 0);
	const duration = options.durationSeconds > 0 ? Math.max(options.durationSeconds, sentences[0]?.startSeconds ?? 0) : lastEnd;
	const english = isEnglish(options.language);

	if (sentences.length < 2) {
		warnings.push(
			sentences.length
				? 'chapters: the transcript is a single line, too short to find topics in; the episode is one segment'
				: 'chapters: the transcript has no text; the episode is one segment'
		);
		const only = sentences[0];
		return {
			segments: [{ startSeconds: 0, endSeconds: Math.max(duration, lastEnd, 1), title: only ? firstWords(only.text) : 'Full episode', summary: only?.text.trim() ?? '' }],
			warnings
		};
	}
	if (duration > 0 && lastEnd < duration * 0.5) {
		warnings.push(`chapters: the transcript ends at ${Math.round(lastEnd)} s of a ${Math.round(duration)} s episode; the rest is one segment`);
	}

	const cuts = findTopicBoundaries(sentences, duration, vectors, english, options.segmenter);
	const starts = [0, ...cuts];
	const groups = starts.map((from, k) => sentences.slice(from, starts[k + 1] ?? sentences.length));
	const vectorGroups = vectors ? starts.map((from, k) => vectors.slice(from, starts[k + 1] ?? sentences.length)) : null;
	const titled = titleSegments(groups, { english, showTitle: options.showTitle, showLink: options.showLink, vectors: vectorGroups });
	const segments = starts.map((from, k) => ({
		startSeconds: k === 0 ? 0 : sentences[from]!.startSeconds,
		endSeconds: k + 1 < starts.length ? sentences[starts[k + 1]!]!.startSeconds : Math.max(duration, lastEnd),
		title: titled[k]!.title,
		summary: titled[k]!.summary
	}));
	return { segments: segments.filter((s) => s.endSeconds > s.startSeconds), warnings };
}

function firstWords(text: string): string {
	const words = text.trim().split(/\s+/);
	const title = words.slice(0, 8).join(' ').replace(/[,;:.!?]+$/, '');
	return words.length > 8 ? `${title}…` : title || 'Full episode';
}
