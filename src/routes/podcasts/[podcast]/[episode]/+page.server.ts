import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getEpisodePage } from '$lib/server/episodes';
import { getSearch } from '$lib/server/search';
import { findQuestionsRelatedToEpisode } from '$lib/server/search/related';
import { toQuestionLink } from '$lib/server/search/results';
import { episodeJsonLd, serializeJsonLd } from '$lib/server/structured-data';
import { parseTimeParam } from '$lib/timestamp';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const page = await getEpisodePage(await getDb(), params.podcast, params.episode);
	if (!page) error(404, `There is no episode "${params.episode}" in "${params.podcast}".`);
	// A bad `t` never fails the page: it plays from the start and says why.
	const time = parseTimeParam(url.searchParams.get('t'), page.episode.durationSeconds);
	const { index } = await getSearch();
	const related = findQuestionsRelatedToEpisode(index, page.episode.id).flatMap((id) => toQuestionLink(index, id) ?? []);
	return {
		...page,
		related,
		start: time?.ok ? time.range : null,
		timeNotice: time && !time.ok ? time.reason : null,
		origin: url.origin,
		structuredData: serializeJsonLd(episodeJsonLd(page, url.origin))
	};
};
