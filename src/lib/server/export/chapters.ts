/**
 * Podcasting 2.0 chapters (JSON chapters format 1.2,
 * https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/chapters/jsonChapters.md)
 * from an episode's segments, so other players show our segments as chapters.
 */
import type { EpisodePage } from '../episodes';
import { episodePath } from '$lib/paths';
import { buildMomentUrl } from '$lib/share';
import { absoluteUrl } from '../structured-data';

export const CHAPTERS_CONTENT_TYPE = 'application/json+chapters';

export interface ChaptersFile {
	version: '1.2.0';
	title?: string;
	podcastName?: string;
	author?: string;
	fileName?: string;
	chapters: { startTime: number; endTime: number; title: string; url: string; img?: string }[];
}

/** The chapters file for an episode: one chapter per segment, in time order, each linking to its moment here. */
export function buildChapters(page: EpisodePage, origin: string): ChaptersFile {
	const path = episodePath(page.podcast.slug, page.episode.slug);
	const fileName = absoluteUrl(origin, page.episode.audioUrl);
	return {
		version: '1.2.0',
		title: page.episode.title,
		podcastName: page.podcast.title,
		...(page.podcast.author ? { author: page.podcast.author } : {}),
		...(fileName ? { fileName } : {}),
		chapters: page.segments.map((s) => ({
			startTime: s.startSeconds,
			endTime: s.endSeconds,
			title: s.title,
			url: buildMomentUrl(origin, path, { start: s.startSeconds, end: null })
		}))
	};
}
