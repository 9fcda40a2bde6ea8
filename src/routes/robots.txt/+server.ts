import type { RequestHandler } from './$types';

/** A route rather than a static file, because the Sitemap line must be an absolute URL on whatever origin serves us. */
export const GET: RequestHandler = ({ url }) => {
	// Embeds stay crawlable (link-preview bots fetch them for player cards); they carry noindex themselves.
	const body = `User-agent: *\nAllow: /\n\nSitemap: ${url.origin}/sitemap.xml\n`;
	return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
};
