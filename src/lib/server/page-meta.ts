/**
 * What link previews, oEmbed consumers and search engines read from a page's head: the canonical URL (keeping `t`),
 * the description, Open Graph and Twitter tags, oEmbed discovery links, and JSON-LD.
 *
 * These tags are for machines that read the HTML the server sends; none of them reads the page after its scripts
 * run. So they are rendered here, on the server only, and put into the page by `hooks.server.ts` (at the
 * `<!--page-meta-->` mark in app.html), instead of by a component that the browser would download and hydrate for
 * nothing. Each tag carries `data-page-meta`: the root layout removes them after a client-side navigation, so a
 * browser's share sheet never offers the previous page's canonical URL.
 */
import { EMBED_HEIGHT, EMBED_WIDTH, escapeHtml } from '$lib/share';
import { formatTimestamp } from '$lib/timestamp';
import { serializeJsonLd } from './structured-data';

export interface PageMeta {
	/** Absolute URL of this page at this moment (with `?t=` when the page was opened at one). */
	canonical: string;
	title: string;
	/** What search engines show under the title (`<meta name="description">`). */
	searchDescription?: string | null;
	/** What link previews show (Open Graph, Twitter), cut to MAX_DESCRIPTION. */
	description?: string | null;
	image?: string | null;
	audio?: { url: string; type: string | null } | null;
	/** The embed of this page at this moment, for Twitter's player card. */
	embed?: { url: string; height?: number } | null;
	/** Offer oEmbed discovery (pages with an embed). */
	oembed?: boolean;
	/** RSS feeds a podcast app or feed reader can subscribe to from this page (`<link rel="alternate">`). */
	feeds?: { href: string; title: string }[];
	/** schema.org data for the page, serialized with serializeJsonLd. */
	jsonLd?: Record<string, unknown> | null;
}

/**
 * What a shared `?t=` link previews as: "Topic (12:34) - Episode" and the summary of the segment playing at that
 * second, so the preview names the moment rather than the whole episode. Null without a moment or a segment there.
 */
export function momentPreview(
	segments: { startSeconds: number; endSeconds: number; title: string; summary: string | null }[],
	episodeTitle: string,
	start: { start: number } | null
): { title: string; description: string | null } | null {
	if (!start) return null;
	const segment = segments.findLast((s) => s.startSeconds <= start.start);
	if (!segment) return null;
	return { title: `${segment.title} (${formatTimestamp(start.start)}) - ${episodeTitle}`, description: segment.summary };
}

/** The mark in app.html where the tags go; a page without metadata gets nothing there. */
export const PAGE_META_MARK = '<!--page-meta-->';
/** Open Graph descriptions longer than this are cut: previews show two or three lines at most. */
const MAX_DESCRIPTION = 300;
const MARKER = 'data-page-meta';

const tag = (name: 'meta' | 'link', attributes: Record<string, string>) =>
	`<${name} ${MARKER} ${Object.entries(attributes)
		.map(([key, value]) => `${key}="${escapeHtml(value)}"`)
		.join(' ')}>`;
const property = (key: string, content: string) => tag('meta', { property: key, content });
const named = (key: string, content: string) => tag('meta', { name: key, content });

/** The head tags for `meta`, every value escaped: titles and descriptions come from feeds we do not control. */
export function renderPageMeta(meta: PageMeta): string {
	const { canonical, title, image = null, audio = null, embed = null, oembed = true, feeds = [], jsonLd = null } = meta;
	const absolute = (url: string) => new URL(url, canonical).toString();
	const description =
		meta.description && meta.description.length > MAX_DESCRIPTION ? `${meta.description.slice(0, MAX_DESCRIPTION - 3)}…` : meta.description;
	const tags = [tag('link', { rel: 'canonical', href: canonical })];
	if (meta.searchDescription) tags.push(named('description', meta.searchDescription));
	for (const feed of feeds) tags.push(tag('link', { rel: 'alternate', type: 'application/rss+xml', href: absolute(feed.href), title: feed.title }));
	if (oembed) {
		const oembedHref = (format: 'json' | 'xml') => `${new URL(canonical).origin}/oembed?url=${encodeURIComponent(canonical)}&format=${format}`;
		tags.push(tag('link', { rel: 'alternate', type: 'application/json+oembed', href: oembedHref('json'), title }));
		tags.push(tag('link', { rel: 'alternate', type: 'text/xml+oembed', href: oembedHref('xml'), title }));
	}
	tags.push(property('og:site_name', 'Podcast Moments'), property('og:type', 'website'), property('og:url', canonical), property('og:title', title));
	if (description) tags.push(property('og:description', description), named('twitter:description', description));
	if (image) tags.push(property('og:image', absolute(image)), named('twitter:image', absolute(image)));
	if (audio) {
		tags.push(property('og:audio', absolute(audio.url)));
		if (audio.url.startsWith('https:')) tags.push(property('og:audio:secure_url', audio.url));
		if (audio.type) tags.push(property('og:audio:type', audio.type));
	}
	// Twitter's player card needs an image; without one the summary card still shows title and description.
	tags.push(named('twitter:card', embed && image ? 'player' : 'summary'), named('twitter:title', title));
	if (embed) {
		tags.push(named('twitter:player', embed.url), named('twitter:player:width', String(EMBED_WIDTH)));
		tags.push(named('twitter:player:height', String(embed.height ?? EMBED_HEIGHT)));
	}
	// A data block, not a script: the CSP's script-src does not apply, and serializeJsonLd escaped every "<".
	if (jsonLd) tags.push(serializeJsonLd(jsonLd, MARKER));
	return tags.join('\n\t\t');
}

/** Keeps a page's tags on the request until the page is rendered (a load function calls this). */
export function setPageMeta(locals: App.Locals, meta: PageMeta): void {
	locals.pageMeta = renderPageMeta(meta);
}

/** A `transformPageChunk` that puts the request's tags at the mark (and removes the mark when there are none). */
export function injectPageMeta(locals: App.Locals): (input: { html: string }) => string {
	// A function replacement: a `$&` in a feed's title must not be read as a replacement pattern.
	return ({ html }) => html.replace(PAGE_META_MARK, () => locals.pageMeta ?? '');
}
