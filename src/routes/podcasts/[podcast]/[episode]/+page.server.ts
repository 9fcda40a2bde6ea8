import { error } from '@sveltejs/kit';
import { demoEpisodeAudio } from '$lib/server/audio/demo-episodes';
import { getDb } from '$lib/server/db';
import { getEpisodePage, transcriptView } from '$lib/server/episodes';
import { linkNoteTimestamps } from '$lib/server/import/shownote-timestamps';
import { getSearch } from '$lib/server/search';
import { findQuestionsRelatedToEpisode } from '$lib/server/search/related';
import { toQuestionLink } from '$lib/server/search/results';
import { momentPreview, setPageMeta } from '$lib/server/page-meta';
import { episodeJsonLd } from '$lib/server/structured-data';
import { embedPath, episodePath, podcastFeedPath } from '$lib/paths';
import { buildMomentUrl } from '$lib/share';
import { parseTimeParam } from '$lib/time-param';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const page = await getEpisodePage(await getDb(), params.podcast, params.episode);
	if (!page) error(404, `There is no episode "${params.episode}" in "${params.podcast}".`);
	// A bad `t` never fails the page: it plays from the start and says why.
	const time = parseTimeParam(url.searchParams.get('t'), page.episode.durationSeconds);
	const { index } = await getSearch();
	const related = findQuestionsRelatedToEpisode(index, page.episode.id).flatMap((id) => toQuestionLink(index, id) ?? []);
	const start = time?.ok ? time.range : null;
	const { podcast, episode, segments } = page;
	const path = episodePath(podcast.slug, episode.slug);
	const description = segments.length ? `${episode.title}: ${segments.map((s) => s.title).join(', ')}` : null;
	const moment = momentPreview(segments, episode.title, start);
	setPageMeta(locals, {
		canonical: buildMomentUrl(url.origin, path, start),
		title: moment?.title ?? `${episode.title} · ${podcast.title}`,
		searchDescription: description,
		description: moment ? (moment.description ?? description) : description,
		image: episode.imageUrl ?? podcast.imageUrl,
		audio: episode.audioUrl ? { url: episode.audioUrl, type: episode.audioMimeType } : null,
		embed: { url: buildMomentUrl(url.origin, embedPath(path), start) },
		feeds: [{ href: podcastFeedPath(podcast.slug), title: podcast.title }],
		jsonLd: episodeJsonLd(page, url.origin)
	});
	// The page shows the transcript as paragraphs of sentences, so the cue rows themselves are not sent along.
	const { cues: _cues, ...shown } = page;
	const notesHtml = episode.descriptionHtml && linkNoteTimestamps(episode.descriptionHtml, episode.durationSeconds);
	return {
		...shown,
		episode: { ...episode, descriptionHtml: notesHtml },
		transcript: transcriptView(page),
		related,
		start,
		timeNotice: time && !time.ok ? time.reason : null,
		// The layout's "sample content" notice is for the bundled demo only, not imported shows.
		demo: demoEpisodeAudio(podcast.slug, episode.slug) !== null,
		origin: url.origin
	};
};
