/**
 * Chapters (from a chapters file, Podlove or the show notes) fitted to an episode under the database's rules:
 * sorted, each ending where the next begins (or where it says), none overlapping, all inside the episode.
 * `toc:false` chapters become hidden markers. When the feed's duration ends before the chapters do, the duration is
 * wrong (the chapters were cut from the audio itself), so it is extended; every such adjustment is reported.
 */
import { formatTimestamp } from '../../timestamp';
import type { Chapter, Cue, MarkerDraft, SegmentDraft, SegmentOrigin } from './types';

/** A last chapter with no end and no known episode end runs this long (unless other chapters suggest a length). */
const FALLBACK_LAST_CHAPTER_SECONDS = 60;

export interface FittedChapters {
	segments: SegmentDraft[];
	markers: MarkerDraft[];
	/** The duration to store: the feed's, or extended to cover the chapters. */
	durationSeconds: number | null;
	/** What was changed to fit, in words, for the summary. */
	adjustments: string[];
}

/**
 * Fits chapters to an episode of `durationSeconds` (null: unknown); `cues` can end a last chapter that has no end.
 * Segment text is left null: persist.ts fills it in from the cues as it writes (withTranscriptText).
 */
export function fitChapters(chapters: Chapter[], durationSeconds: number | null, cues: Cue[], origin: SegmentOrigin): FittedChapters {
	const adjustments: string[] = [];
	const sorted = chapters.map((c, i) => ({ c, i })).sort((a, b) => a.c.startSeconds - b.c.startSeconds || a.i - b.i);
	if (sorted.some(({ i }, k) => i !== k)) adjustments.push('chapters were out of order; sorted by start time');
	const visible: Chapter[] = [];
	const hidden: Chapter[] = [];
	for (const { c } of sorted) {
		if (!c.toc) hidden.push(c);
		else if (visible.length && visible[visible.length - 1]!.startSeconds === c.startSeconds) {
			adjustments.push(`chapter "${c.title ?? 'untitled'}" starts at the same time as "${visible.at(-1)!.title ?? 'untitled'}"; dropped`);
		} else visible.push(c);
	}

	let duration = durationSeconds && durationSeconds > 0 ? durationSeconds : null;
	const last = visible.at(-1);
	const cuesEnd = cues.length ? cues.reduce((max, c) => Math.max(max, c.endSeconds), 0) : null;
	let episodeEnd = duration;
	if (last) {
		const lastEnd = last.endSeconds ?? (cuesEnd !== null && cuesEnd > last.startSeconds ? cuesEnd : last.startSeconds + typicalLength(visible));
		if (duration !== null && last.startSeconds >= duration) {
			const extended = Math.max(lastEnd, duration);
			adjustments.push(
				`the feed's duration (${formatTimestamp(duration)}) ends before chapter "${last.title ?? 'untitled'}" at ` +
					`${formatTimestamp(last.startSeconds)}; duration extended to ${formatTimestamp(extended)}`
			);
			duration = extended;
			episodeEnd = extended;
		} else if (duration === null) {
			episodeEnd = lastEnd;
			if (last.endSeconds === null && (cuesEnd === null || cuesEnd <= last.startSeconds)) {
				adjustments.push(`no duration in the feed: the last chapter "${last.title ?? 'untitled'}" was given an estimated end`);
			}
		}
	}

	const segments: SegmentDraft[] = [];
	let clamped = 0;
	visible.forEach((c, k) => {
		const next = visible[k + 1]?.startSeconds;
		let end = next ?? c.endSeconds ?? episodeEnd ?? c.startSeconds + FALLBACK_LAST_CHAPTER_SECONDS;
		if (c.endSeconds !== null && c.endSeconds < end) end = c.endSeconds;
		if (duration !== null && end > duration) {
			end = duration;
			clamped++;
		}
		if (end <= c.startSeconds) {
			adjustments.push(`chapter "${c.title ?? 'untitled'}" at ${formatTimestamp(c.startSeconds)} lies past the episode's end; dropped`);
			return;
		}
		segments.push({ startSeconds: c.startSeconds, endSeconds: end, title: c.title ?? `Chapter ${k + 1}`, text: null, origin });
	});
	if (clamped) adjustments.push(`${clamped} chapter end(s) past the episode's end clamped to ${formatTimestamp(duration!)}`);

	const markers = hidden
		.filter((c) => duration === null || c.startSeconds < duration)
		.map((c) => ({ startSeconds: c.startSeconds, title: c.title, imageUrl: c.imageUrl, link: c.link }));
	return { segments, markers, durationSeconds: duration, adjustments };
}

/** The median chapter length, as a guess for how long a last chapter with no end runs. */
function typicalLength(chapters: Chapter[]): number {
	const lengths = chapters.slice(1).map((c, i) => c.startSeconds - chapters[i]!.startSeconds).sort((a, b) => a - b);
	return lengths.length ? Math.max(lengths[Math.floor(lengths.length / 2)]!, 1) : FALLBACK_LAST_CHAPTER_SECONDS;
}

/** Gives each segment the text of the cues that start inside it (cues sorted by start). */
export function withTranscriptText(segments: SegmentDraft[], cues: Cue[]): SegmentDraft[] {
	if (!cues.length) return segments;
	let i = 0;
	return segments.map((segment) => {
		while (i < cues.length && cues[i]!.startSeconds < segment.startSeconds) i++;
		const words: string[] = [];
		for (let j = i; j < cues.length && cues[j]!.startSeconds < segment.endSeconds; j++) words.push(cues[j]!.text);
		return { ...segment, text: words.length ? words.join(' ') : null };
	});
}
