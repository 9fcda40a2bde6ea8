/**
 * The oEmbed provider (https://oembed.com): turns a link to an episode, a moment (`?t=` or `#t=`) or a question on
 * this site into an iframe of the matching embed, so pasting a link in a blog or chat gives a player at that second.
 */
import type { Db } from './db/client';
import { getEpisodeBrief, getQuestionCard } from './embeds';
import { absoluteUrl } from './structured-data';
import { escapeXml } from './export/xml';
import { embedPath, episodePath, questionPath } from '$lib/paths';
import { buildEmbedCode, buildMomentUrl, EMBED_HEIGHT, EMBED_WIDTH, QUESTION_EMBED_HEIGHT } from '$lib/share';
import { activeIndex } from '$lib/player.svelte';
import { parseTimeParam } from '$lib/time-param';
import { formatTimestamp, type TimeRange } from '$lib/timestamp';

export const PROVIDER_NAME = 'Podcast Moments';
/** Podcast artwork is square, and directories require at least 1400 px; we do not store the real size. */
const ARTWORK_SIZE = 1400;
const CACHE_AGE_SECONDS = 3600;

export interface OembedResponse {
	version: '1.0';
	type: 'rich';
	provider_name: string;
	provider_url: string;
	title: string;
	author_name?: string;
	author_url?: string;
	html: string;
	width: number;
	height: number;
	cache_age: number;
	thumbnail_url?: string;
	thumbnail_width?: number;
	thumbnail_height?: number;
}

export interface OembedSize {
	maxwidth: number | null;
	maxheight: number | null;
}

const EPISODE_PATH = /^(?:\/embed)?\/podcasts\/([^/]+)\/([^/]+)\/?$/;
const QUESTION_PATH = /^(?:\/embed)?\/questions\/([^/]+)\/?$/;

function decode(part: string): string | null {
	try {
		return decodeURIComponent(part);
	} catch {
		return null;
	}
}

/**
 * The oEmbed answer for `target`, or null when it is not a page of ours that can be embedded (another host, another
 * kind of page, or an episode or question that does not exist), which the endpoint answers with 404.
 */
export async function resolveOembed(db: Db, target: string, origin: string, size: OembedSize): Promise<OembedResponse | null> {
	let url: URL;
	try {
		url = new URL(target);
	} catch {
		return null;
	}
	// Ours means our host; the scheme may differ behind a proxy that terminates TLS.
	if (url.host !== new URL(origin).host || !/^https?:$/.test(url.protocol)) return null;
	const width = Math.min(EMBED_WIDTH, size.maxwidth ?? EMBED_WIDTH);
	const base = { version: '1.0' as const, type: 'rich' as const, provider_name: PROVIDER_NAME, provider_url: `${origin}/`, cache_age: CACHE_AGE_SECONDS };

	const episodeMatch = EPISODE_PATH.exec(url.pathname);
	if (episodeMatch) {
		const [podcastSlug, episodeSlug] = [decode(episodeMatch[1]!), decode(episodeMatch[2]!)];
		if (!podcastSlug || !episodeSlug) return null;
		const brief = await getEpisodeBrief(db, podcastSlug, episodeSlug);
		if (!brief) return null;
		const rawTime = url.searchParams.get('t') ?? new URLSearchParams(url.hash.slice(1)).get('t');
		const time = parseTimeParam(rawTime, brief.episode.durationSeconds);
		const range: TimeRange | null = time?.ok ? time.range : null; // a time we cannot use embeds the whole episode
		const height = Math.min(EMBED_HEIGHT, size.maxheight ?? EMBED_HEIGHT);
		const title = momentTitle(brief.episode.title, brief.segments, range);
		const src = buildMomentUrl(origin, embedPath(episodePath(podcastSlug, episodeSlug)), range);
		const thumbnail = absoluteUrl(origin, brief.episode.imageUrl ?? brief.podcast.imageUrl);
		return {
			...base,
			title,
			author_name: brief.podcast.author ?? brief.podcast.title,
			author_url: buildMomentUrl(origin, `/podcasts/${encodeURIComponent(podcastSlug)}`, null),
			html: buildEmbedCode({ src, title, width, height }),
			width,
			height,
			...thumbnailFields(thumbnail)
		};
	}

	const questionMatch = QUESTION_PATH.exec(url.pathname);
	if (questionMatch) {
		const slug = decode(questionMatch[1]!);
		const card = slug ? await getQuestionCard(db, slug) : null;
		if (!card) return null;
		const height = Math.min(QUESTION_EMBED_HEIGHT, size.maxheight ?? QUESTION_EMBED_HEIGHT);
		const src = buildMomentUrl(origin, embedPath(questionPath(card.slug)), null);
		const first = card.citations[0];
		const thumbnail = first ? absoluteUrl(origin, first.episode.imageUrl ?? first.podcast.imageUrl) : null;
		return {
			...base,
			title: card.text,
			author_name: PROVIDER_NAME,
			author_url: `${origin}/`,
			html: buildEmbedCode({ src, title: card.text, width, height }),
			width,
			height,
			...thumbnailFields(thumbnail)
		};
	}
	return null;
}

/** "Episode" for the whole episode; "Episode: Segment (12:34)" when the moment is a segment's start or inside one. */
function momentTitle(episodeTitle: string, segments: { startSeconds: number; endSeconds: number; title: string }[], range: TimeRange | null): string {
	if (!range) return episodeTitle;
	const segment = segments[activeIndex(segments, range.start)];
	const at = range.end === null ? formatTimestamp(range.start) : `${formatTimestamp(range.start)}–${formatTimestamp(range.end)}`;
	return segment ? `${episodeTitle}: ${segment.title} (${at})` : `${episodeTitle} (${at})`;
}

function thumbnailFields(url: string | null): Partial<OembedResponse> {
	return url ? { thumbnail_url: url, thumbnail_width: ARTWORK_SIZE, thumbnail_height: ARTWORK_SIZE } : {};
}

/** The XML form of an oEmbed response, as the spec writes it. */
export function renderOembedXml(response: OembedResponse): string {
	const fields = Object.entries(response)
		.map(([key, value]) => `  <${key}>${escapeXml(value as string | number)}</${key}>`)
		.join('\n');
	return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<oembed>\n${fields}\n</oembed>\n`;
}
