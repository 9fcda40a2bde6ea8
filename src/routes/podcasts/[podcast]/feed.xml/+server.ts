import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getFeedShow, renderShowFeed, RSS_CONTENT_TYPE } from '$lib/server/export/rss';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const show = await getFeedShow(await getDb(), params.podcast);
	if (!show) error(404, `There is no show called "${params.podcast}" here.`);
	return new Response(renderShowFeed(show, url.origin), {
		headers: {
			'content-type': `${RSS_CONTENT_TYPE}; charset=utf-8`,
			'access-control-allow-origin': '*',
			'cache-control': 'public, max-age=300'
		}
	});
};
