import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getEpisodePage } from '$lib/server/episodes';
import { parseTimeParam } from '$lib/time-param';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const page = await getEpisodePage(await getDb(), params.podcast, params.episode);
	if (!page) error(404, `There is no episode "${params.episode}" in "${params.podcast}".`);
	// Same rules as the episode page: a bad `t` plays from the start and says why.
	const time = parseTimeParam(url.searchParams.get('t'), page.episode.durationSeconds);
	const { questions: _questions, ...rest } = page;
	return {
		...rest,
		origin: url.origin,
		start: time?.ok ? time.range : null,
		timeNotice: time && !time.ok ? time.reason : null,
		// The embedding page may name itself (?origin=https://blog.example) to lock the postMessage API to it.
		hostOrigin: url.searchParams.get('origin')
	};
};
