import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getPodcastPage } from '$lib/server/podcasts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const page = await getPodcastPage(await getDb(), params.podcast);
	if (!page) error(404, `There is no show called "${params.podcast}" here.`);
	return page;
};
