import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getEpisodePage } from '$lib/server/episodes';
import { episodePath } from '$lib/paths';
import { buildMomentUrl } from '$lib/share';
import { parseTimeParam } from '$lib/time-param';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const page = await getEpisodePage(await getDb(), params.podcast, params.episode);
	if (!page) error(404, `There is no episode "${params.episode}" in "${params.podcast}".`);
	// Same rules as the episode page: a bad `t` plays from the start and says why.
	const time = parseTimeParam(url.searchParams.get('t'), page.episode.durationSeconds);
	const { questions: _questions, ...rest } = page;
	const start = time?.ok ? time.range : null;
	return {
		...rest,
		origin: url.origin,
		start,
		// The episode's page at the embed's moment, built here so the embed does not ship the code that builds it.
		momentUrl: buildMomentUrl(url.origin, episodePath(page.podcast.slug, page.episode.slug), start),
		timeNotice: time && !time.ok ? time.reason : null,
		// The embedding page may name itself (?origin=https://blog.example) to lock the postMessage API to it.
		hostOrigin: url.searchParams.get('origin')
	};
};
