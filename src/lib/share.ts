/**
 * Links and embed codes for a moment in an episode, or for a question. Safe in the browser too: the share panel
 * rebuilds them as the player moves, and the server renders the same strings for readers without JavaScript.
 */
import { embedPath } from './paths';
import { timeParamValue, type TimeRange } from './timestamp';

/** The size an embed gets when nobody asks for another: wide enough for the tabs, short enough for a blog post. */
export const EMBED_WIDTH = 640;
export const EMBED_HEIGHT = 360;
/** A question card lists its citations, so it is taller. */
export const QUESTION_EMBED_HEIGHT = 480;
/** Below this the controls no longer fit on one line; the embed still works, but oEmbed never asks for less. */
export const EMBED_MIN_WIDTH = 300;

/** What a share panel shares: a page, at a moment or as a whole. */
export interface ShareTarget {
	/** The site's origin (the server's, so links name the address the site is published at). */
	origin: string;
	/** The site path being shared: /podcasts/show/episode or /questions/slug. */
	path: string;
	/** The iframe's title, read out by screen readers on the embedding page. */
	title: string;
	/** The moment to share at first (what readers without JavaScript get); null shares the whole page. */
	range: TimeRange | null;
	/** The embed's height; EMBED_HEIGHT when not given. */
	embedHeight?: number;
}

/** An absolute URL for `path` on `origin`, with `?t=` when there is a moment to start at. */
export function buildMomentUrl(origin: string, path: string, range: TimeRange | null): string {
	const url = new URL(path, origin);
	if (range && (range.start > 0 || range.end !== null)) url.searchParams.set('t', timeParamValue(range));
	// URLSearchParams writes "," as %2C; the plain comma is what people paste and what media fragments use.
	return url.toString().replace(/%2C/gi, ',');
}

/** Escapes text for a double-quoted HTML attribute or element content. */
export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;');
}

export interface EmbedCodeOptions {
	src: string;
	title: string;
	width?: number | null;
	height?: number;
}

/**
 * The `<iframe>` people paste into their page. Without a width it fills its column up to EMBED_WIDTH, so it works
 * from phones to desktops; oEmbed consumers ask for fixed numbers and get them.
 */
export function buildEmbedCode({ src, title, width = null, height = EMBED_HEIGHT }: EmbedCodeOptions): string {
	const size =
		width === null
			? `width="100%" height="${height}" style="max-width:${EMBED_WIDTH}px;border:0"`
			: `width="${width}" height="${height}" style="border:0"`;
	return `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" ${size} allow="autoplay; clipboard-write" loading="lazy"></iframe>`;
}

/** What a share panel offers for `target` at `range`: the link, and the embed code for the same moment. */
export function shareCodes(target: Omit<ShareTarget, 'range'>, range: TimeRange | null): { link: string; code: string } {
	const { origin, path, title, embedHeight = EMBED_HEIGHT } = target;
	return {
		link: buildMomentUrl(origin, path, range),
		code: buildEmbedCode({ src: buildMomentUrl(origin, embedPath(path), range), title, height: embedHeight })
	};
}
