import { error } from '@sveltejs/kit';
import { demoEpisodeAudio } from '$lib/server/audio/demo-episodes';
import { tagPage, type CacheTag } from '$lib/server/cache-tags';
import { createContentMemo } from '$lib/server/content-memo';
import { getDb } from '$lib/server/db';
import { getEpisodePage, transcriptView } from '$lib/server/episodes';
import { linkNoteTimestamps } from '$lib/server/import/shownote-timestamps';
import { findQuestionsRelatedToEpisode, getSearch, toQuestionLink } from '$lib/server/search';
import { momentPreview, renderPageMeta, setPageMeta, type PageMeta } from '$lib/server/page-meta';
import { momentVariants } from '$lib/server/moment-page';
import { episodeJsonLd } from '$lib/server/structured-data';
import { artworkPath, embedPath, episodePath, podcastFeedPath } from '$lib/paths';
import { buildMomentUrl } from '$lib/share';
import { parseTimeParam } from '$lib/time-param';
import type { TimeRange } from '$lib/timestamp';
import type { PageServerLoad } from './$types';

/**
 * Everything on the page that does not depend on `t`: the same for the plain page and each of its moments, so it is
 * kept per content version (content-memo.ts). Related questions (a search) and the readable transcript were most of
 * an uncached render; a `?t=` link after the plain page (or another moment) skips both, and the queries.
 */
const episodeData = createContentMemo<NonNullable<Awaited<ReturnType<typeof loadEpisodeData>>>>({
	maxBytes: 32 * 1024 * 1024,
	// Roughly: the transcript's text twice (cue rows are dropped, paragraphs and JSON-LD keep it) and the notes.
	tagsOf: (data) => new Set(episodeTags(data)),
	sizeOf: (data) => 4096 + 2 * data.transcript.paragraphs.reduce((n, p) => n + JSON.stringify(p).length, 0) + (data.episode.descriptionHtml?.length ?? 0)
});

/** What the page shows: the episode, its show, and related questions (chosen from all questions). */
function episodeTags(data: { episode: { id: number }; podcast: { id: number } }): CacheTag[] {
	return [`episode:${data.episode.id}`, `show:${data.podcast.id}`, 'questions'];
}

async function loadEpisodeData(podcastSlug: string, episodeSlug: string, origin: string) {
	const page = await getEpisodePage(await getDb(), podcastSlug, episodeSlug);
	if (!page) return null;
	const { index } = await getSearch();
	const related = findQuestionsRelatedToEpisode(index, page.episode.id).flatMap((id) => toQuestionLink(index, id) ?? []);
	const { podcast, episode, segments } = page;
	// The page shows the transcript as paragraphs of sentences, so the cue rows themselves are not sent along.
	const { cues: _cues, ...shown } = page;
	const notesHtml = episode.descriptionHtml && linkNoteTimestamps(episode.descriptionHtml, episode.durationSeconds);
	return {
		...shown,
		episode: { ...episode, descriptionHtml: notesHtml },
		transcript: transcriptView(page),
		related,
		description: segments.length ? `${episode.title}: ${segments.map((s) => s.title).join(', ')}` : null,
		jsonLd: episodeJsonLd(page, origin),
		// The layout's "sample content" notice is for the bundled demo only, not imported shows.
		demo: demoEpisodeAudio(podcast.slug, episode.slug) !== null
	};
}

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const key = `${url.origin} ${params.podcast} ${params.episode}`;
	const data = await episodeData.get(key, () => loadEpisodeData(params.podcast, params.episode, url.origin));
	if (!data) error(404, `There is no episode "${params.episode}" in "${params.podcast}".`);
	tagPage(locals, ...episodeTags(data));
	const { description: _description, jsonLd: _jsonLd, ...shown } = data;
	const { podcast, episode, segments } = data;
	// A bad `t` never fails the page: it plays from the start and says why.
	const time = parseTimeParam(url.searchParams.get('t'), episode.durationSeconds);
	const start = time?.ok ? time.range : null;
	const path = episodePath(podcast.slug, episode.slug);
	setPageMeta(locals, episodeMeta(data, url.origin, start));
	// The response cache answers this page's `?t=` moments from the page without `t` (moment-page.ts): what they
	// need of the page's data, which does not depend on `t`. Only times and titles: it is kept with the page, and the
	// transcript's text or the JSON-LD (the same at every moment) must not stay in memory with it.
	const light = {
		podcast: { slug: podcast.slug, title: podcast.title },
		episode: { slug: episode.slug, title: episode.title, audioUrl: episode.audioUrl, audioMimeType: episode.audioMimeType },
		segments: segments.map(({ id, startSeconds, endSeconds, title, summary }) => ({ id, startSeconds, endSeconds, title, summary })),
		description: data.description,
		jsonLd: null
	};
	locals.pageVariants = momentVariants({
		origin: url.origin,
		path,
		shareTitle: `${episode.title} · ${podcast.title}`,
		durationSeconds: episode.durationSeconds,
		audioSrc: episode.audioUrl,
		segments: light.segments,
		paragraphs: data.transcript.paragraphs.map((p) => p.sentences.map(({ startSeconds, endSeconds }) => ({ startSeconds, endSeconds }))),
		headTags: (at) => renderPageMeta(episodeMeta(light, url.origin, at))
	});
	return {
		...shown,
		start,
		timeNotice: time && !time.ok ? time.reason : null,
		origin: url.origin
	};
};

/** The page's head tags (page-meta.ts) at the moment `start`. */
function episodeMeta(
	data: {
		podcast: { slug: string; title: string };
		episode: { slug: string; title: string; audioUrl: string | null; audioMimeType: string | null };
		segments: { startSeconds: number; endSeconds: number; title: string; summary: string | null }[];
		description: string | null;
		jsonLd: Record<string, unknown> | null;
	},
	origin: string,
	start: TimeRange | null
): PageMeta {
	const { podcast, episode, segments, description, jsonLd } = data;
	const path = episodePath(podcast.slug, episode.slug);
	const moment = momentPreview(segments, episode.title, start);
	return {
		canonical: buildMomentUrl(origin, path, start),
		title: moment?.title ?? `${episode.title} · ${podcast.title}`,
		searchDescription: description,
		description: moment ? (moment.description ?? description) : description,
		image: artworkPath(podcast.slug, episode.slug, 600),
		audio: episode.audioUrl ? { url: episode.audioUrl, type: episode.audioMimeType } : null,
		embed: { url: buildMomentUrl(origin, embedPath(path), start) },
		feeds: [{ href: podcastFeedPath(podcast.slug), title: podcast.title }],
		jsonLd
	};
}
