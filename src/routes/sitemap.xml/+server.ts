import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { listSitemapEntries, renderSitemap, renderSitemapIndex, sitemapPart, sitemapPartCount } from '$lib/server/sitemap';
import type { RequestHandler } from './$types';

/** /sitemap.xml: the sitemap, or past 50,000 URLs a sitemap index of /sitemap.xml?page=N parts. */
export const GET: RequestHandler = async ({ url }) => {
	const entries = await listSitemapEntries(await getDb());
	const pageParam = url.searchParams.get('page');
	const split = sitemapPartCount(entries) > 1;
	let body: string;
	if (pageParam === null) {
		body = split ? renderSitemapIndex(entries, url.origin) : renderSitemap(entries, url.origin);
	} else {
		const part = /^\d{1,6}$/.test(pageParam) ? sitemapPart(entries, Number(pageParam)) : null;
		if (!part) error(404, `There is no sitemap part "${pageParam.slice(0, 20)}": this sitemap has ${sitemapPartCount(entries)} part(s).`);
		body = renderSitemap(part, url.origin);
	}
	return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=600' } });
};
