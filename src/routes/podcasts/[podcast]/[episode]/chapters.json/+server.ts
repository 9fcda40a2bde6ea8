import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getEpisodePage } from '$lib/server/episodes';
import { buildChapters, CHAPTERS_CONTENT_TYPE } from '$lib/server/export/chapters';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const page = await getEpisodePage(await getDb(), params.podcast, params.episode);
	if (!page) error(404, `There is no episode "${params.episode}" in "${params.podcast}".`);
	if (!page.segments.length) error(404, `"${page.episode.title}" has no segments, so no chapters.`);
	return new Response(JSON.stringify(buildChapters(page, url.origin)), {
		headers: {
			'content-type': `${CHAPTERS_CONTENT_TYPE}; charset=utf-8`,
			'access-control-allow-origin': '*',
			'cache-control': 'public, max-age=300'
		}
	});
};
