/**
 * One feed item, with its files, as the rows it becomes. Segments come from the first source that has them:
 * the podcast:chapters file, Podlove simple chapters, a timestamp list in the show notes, and last the transcript,
 * split automatically into topics.
 */
import type { ParsedItem, ParsedPodcast } from './feed';
import type { ItemFiles } from './item-files';
import { peopleForItem } from './persons';
import { fitChapters } from './segments';
import { showNotesHtml } from './show-notes';
import { findTimestampList } from './shownote-timestamps';
import { splitTranscriptIntoTopics } from './transcript-topics';
import type { Chapter, Cue, MarkerDraft, PersonDraft, SegmentDraft } from './types';

export interface EpisodeDraft {
	guid: string;
	title: string;
	publishedAt: Date | null;
	durationSeconds: number | null;
	season: number | null;
	episodeNumber: number | null;
	audioUrl: string;
	audioMimeType: string | null;
	imageUrl: string | null;
	descriptionHtml: string | null;
	people: PersonDraft[];
	/** Without their text: persist.ts takes it from `cues` as it writes. */
	segments: SegmentDraft[];
	cues: Cue[];
	/** The transcript's language when it is not the show's (the show had no transcript in its own language). */
	transcriptLanguage: string | null;
	markers: MarkerDraft[];
	/** A referenced file failed this time: an episode imported before keeps its stored segments, cues and markers. */
	keepStoredFiles: boolean;
	/** `item 3 "Title"`, for messages. */
	label: string;
}

/** Builds the draft of an item; `adjustments` says what was changed to fit the database's rules. */
export function buildEpisodeDraft(
	item: ParsedItem,
	podcast: ParsedPodcast,
	files: ItemFiles,
	label: string
): { draft: EpisodeDraft; adjustments: string[] } {
	const cues = files.cues ?? [];
	const notes = item.notes ?? '';
	let segments: SegmentDraft[] = [];
	let markers: MarkerDraft[] = [];
	let durationSeconds = item.durationSeconds;
	// Values the feed gave that could not be kept (feed.ts dropped them) come first, then what fitting changed.
	const dropped = item.problems.map((p) => `${label}: ${p}`);
	let adjustments: string[] = dropped;

	const fit = (chapters: Chapter[], origin: 'chapters' | 'shownotes') => {
		const fitted = fitChapters(chapters, durationSeconds, cues, origin);
		durationSeconds = fitted.durationSeconds;
		adjustments = [...dropped, ...fitted.adjustments.map((a) => `${label}: ${a}`)];
		return fitted;
	};

	const fileChapters = files.chapters ?? [];
	if (fileChapters.length) {
		const fitted = fit(fileChapters, 'chapters');
		segments = fitted.segments;
		markers = fitted.markers;
	}
	if (!segments.length && item.podloveChapters.length) segments = fit(item.podloveChapters, 'chapters').segments;
	if (!segments.length && notes) {
		const listed = findTimestampList(notes);
		if (listed.length) {
			const chapters = listed.map((t) => ({ startSeconds: t.startSeconds, endSeconds: null, title: t.title || null, imageUrl: null, link: null, toc: true }));
			segments = fit(chapters, 'shownotes').segments;
		}
	}
	if (!segments.length && cues.length) segments = splitTranscriptIntoTopics(cues, durationSeconds, { showTitle: podcast.title, showLink: podcast.link, language: podcast.language });
	// The text a segment covers is taken from the cues when it is written; holding it twice costs memory on big feeds.
	segments = segments.map((s) => (s.text === null ? s : { ...s, text: null }));

	return {
		draft: {
			guid: item.guid,
			title: item.title,
			publishedAt: item.publishedAt,
			durationSeconds,
			season: item.season,
			episodeNumber: item.episodeNumber,
			audioUrl: item.audioUrl,
			audioMimeType: item.audioMimeType,
			imageUrl: item.imageUrl,
			descriptionHtml: notes ? showNotesHtml(notes, item.link ?? podcast.link) : null,
			people: peopleForItem(podcast.people, item.people),
			segments,
			cues,
			transcriptLanguage: cues.length ? files.transcriptLanguage : null,
			markers,
			keepStoredFiles: files.anyFailed,
			label
		},
		adjustments
	};
}
