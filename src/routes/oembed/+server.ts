import { getDb } from '$lib/server/db';
import { renderOembedXml, resolveOembed } from '$lib/server/oembed';
import type { RequestHandler } from './$types';

const TEXT = { 'content-type': 'text/plain; charset=utf-8', 'access-control-allow-origin': '*' };

/** A positive whole number of pixels, absent (null), or invalid (undefined). */
function readPixels(raw: string | null): number | null | undefined {
	if (raw === null || raw === '') return null;
	return /^\d{1,5}$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined;
}

/** oEmbed: 400 without a url, 501 for a format other than json or xml, 404 for a URL that is not an embeddable page of ours. */
export const GET: RequestHandler = async ({ url }) => {
	const target = url.searchParams.get('url');
	const format = url.searchParams.get('format') ?? 'json';
	const maxwidth = readPixels(url.searchParams.get('maxwidth'));
	const maxheight = readPixels(url.searchParams.get('maxheight'));
	if (!target) return new Response('oEmbed: the "url" parameter is required, e.g. /oembed?url=https://…/podcasts/show/episode', { status: 400, headers: TEXT });
	if (format !== 'json' && format !== 'xml') {
		return new Response(`oEmbed: format "${format.slice(0, 20)}" is not supported; use json or xml.`, { status: 501, headers: TEXT });
	}
	if (maxwidth === undefined || maxheight === undefined) {
		return new Response('oEmbed: maxwidth and maxheight must be positive whole numbers of pixels.', { status: 400, headers: TEXT });
	}
	const response = await resolveOembed(await getDb(), target, url.origin, { maxwidth, maxheight });
	if (!response) return new Response('oEmbed: that URL is not an episode, moment or question on this site.', { status: 404, headers: TEXT });
	const headers = { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=3600' };
	if (format === 'xml') return new Response(renderOembedXml(response), { headers: { ...headers, 'content-type': 'text/xml; charset=utf-8' } });
	return new Response(JSON.stringify(response), { headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
};
