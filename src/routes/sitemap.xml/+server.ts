import { getDb } from '$lib/server/db';
import { listSitemapEntries, renderSitemap } from '$lib/server/sitemap';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const body = renderSitemap(await listSitemapEntries(await getDb()), url.origin);
	return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=600' } });
};
