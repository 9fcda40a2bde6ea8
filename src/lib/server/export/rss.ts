/**
 * A show's RSS 2.0 feed with the itunes and podcast namespaces, so any podcast app (or this site's own importer) can
 * subscribe to what is here: enclosures, people, and our segments and transcripts as chapters and transcript files.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { anyOf } from '../db/long-lists';
import type { Db } from '../db/client';
import { episodePeople, episodes, people, podcasts, segments, transcriptCues } from '../db/schema';
import { absoluteUrl } from '../structured-data';
import { episodePath } from '$lib/paths';
import { buildMomentUrl } from '$lib/share';
import { xmlElement } from './xml';
import { CHAPTERS_CONTENT_TYPE } from './chapters';
import { SRT_CONTENT_TYPE, VTT_CONTENT_TYPE } from './transcripts';

export const RSS_CONTENT_TYPE = 'application/rss+xml';

export interface FeedShow {
	slug: string;
	title: string;
	author: string | null;
	description: string | null;
	imageUrl: string | null;
	language: string | null;
	episodes: FeedEpisode[];
}

export interface FeedEpisode {
	slug: string;
	guid: string;
	title: string;
	season: number | null;
	episodeNumber: number | null;
	publishedAt: Date | null;
	durationSeconds: number | null;
	audioUrl: string | null;
	audioMimeType: string | null;
	imageUrl: string | null;
	descriptionHtml: string | null;
	hasSegments: boolean;
	hasCues: boolean;
	people: { slug: string; name: string; role: string; link: string | null; imageUrl: string | null }[];
}

/**
 * Episodes a feed out lists: the newest 500. Podcast apps read the newest items, and a feed of every episode of a
 * 100,000-episode show was 39 MB, built on every request; older episodes stay on the show's pages.
 */
export const FEED_MAX_EPISODES = 500;

/** A show with its newest episodes (FEED_MAX_EPISODES), and what each has to offer; null when there is no such show. */
export async function getFeedShow(db: Db, slug: string): Promise<FeedShow | null> {
	const [show] = await db
		.select({
			id: podcasts.id,
			slug: podcasts.slug,
			title: podcasts.title,
			author: podcasts.author,
			description: podcasts.description,
			imageUrl: podcasts.imageUrl,
			language: podcasts.language
		})
		.from(podcasts)
		.where(eq(podcasts.slug, slug));
	if (!show) return null;
	const rows = await db
		.select({
			id: episodes.id,
			slug: episodes.slug,
			guid: episodes.guid,
			title: episodes.title,
			season: episodes.season,
			episodeNumber: episodes.episodeNumber,
			publishedAt: episodes.publishedAt,
			durationSeconds: episodes.durationSeconds,
			audioUrl: episodes.audioUrl,
			audioMimeType: episodes.audioMimeType,
			imageUrl: episodes.imageUrl,
			descriptionHtml: episodes.descriptionHtml
		})
		.from(episodes)
		.where(and(eq(episodes.podcastId, show.id), isNull(episodes.hiddenAt)))
		.orderBy(sql`${episodes.publishedAt} DESC NULLS LAST`, sql`${episodes.id} DESC`)
		.limit(FEED_MAX_EPISODES);
	const listed = rows.map((r) => r.id);
	const [cast, withSegments, withCues] = await Promise.all([
		db
			.select({
				episodeId: episodePeople.episodeId,
				slug: people.slug,
				name: people.name,
				role: episodePeople.role,
				link: people.link,
				imageUrl: people.imageUrl
			})
			.from(episodePeople)
			.innerJoin(people, eq(people.id, episodePeople.personId))
			.where(anyOf(episodePeople.episodeId, listed))
			.orderBy(asc(episodePeople.position), asc(people.name)),
		db
			.selectDistinct({ id: segments.episodeId })
			.from(segments)
			.where(anyOf(segments.episodeId, listed)),
		db
			.selectDistinct({ id: transcriptCues.episodeId })
			.from(transcriptCues)
			.where(anyOf(transcriptCues.episodeId, listed))
	]);
	const segmented = new Set(withSegments.map((r) => r.id));
	const transcribed = new Set(withCues.map((r) => r.id));
	const castByEpisode = new Map<number, typeof cast>();
	for (const person of cast) {
		const list = castByEpisode.get(person.episodeId);
		if (list) list.push(person);
		else castByEpisode.set(person.episodeId, [person]);
	}
	const { id: _id, ...rest } = show;
	return {
		...rest,
		episodes: rows.map(({ id, ...episode }) => ({
			...episode,
			hasSegments: segmented.has(id),
			hasCues: transcribed.has(id),
			people: (castByEpisode.get(id) ?? []).map(({ episodeId: _e, ...p }) => p)
		}))
	};
}

/** The podcast namespace's role names (Podcast Taxonomy Project): "cohost" is "Co-Host", others are capitalised. */
function taxonomyRole(role: string): string {
	if (/^co-?host$/i.test(role)) return 'Co-Host';
	return role.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

function renderItem(show: FeedShow, episode: FeedEpisode, origin: string): string {
	const path = episodePath(show.slug, episode.slug);
	const page = buildMomentUrl(origin, path, null);
	const audio = absoluteUrl(origin, episode.audioUrl);
	const image = absoluteUrl(origin, episode.imageUrl);
	const lines = [
		xmlElement('title', {}, episode.title),
		xmlElement('link', {}, page),
		xmlElement('guid', { isPermaLink: 'false' }, episode.guid),
		episode.publishedAt ? xmlElement('pubDate', {}, episode.publishedAt.toUTCString()) : null,
		// The stored notes are sanitized HTML; RSS carries HTML entity-escaped in <description>.
		episode.descriptionHtml ? xmlElement('description', {}, episode.descriptionHtml) : null,
		// Enclosure length is required; 0 is the convention when the size is not known.
		audio ? xmlElement('enclosure', { url: audio, length: 0, type: episode.audioMimeType ?? 'audio/mpeg' }) : null,
		episode.durationSeconds ? xmlElement('itunes:duration', {}, Math.round(episode.durationSeconds)) : null,
		image ? xmlElement('itunes:image', { href: image }) : null,
		episode.season !== null ? xmlElement('itunes:season', {}, episode.season) : null,
		episode.episodeNumber !== null ? xmlElement('itunes:episode', {}, episode.episodeNumber) : null,
		episode.season !== null ? xmlElement('podcast:season', {}, episode.season) : null,
		episode.episodeNumber !== null ? xmlElement('podcast:episode', {}, episode.episodeNumber) : null,
		...episode.people.map((p) =>
			xmlElement(
				'podcast:person',
				{
					role: taxonomyRole(p.role),
					href: p.link ?? buildMomentUrl(origin, `/people/${encodeURIComponent(p.slug)}`, null),
					img: absoluteUrl(origin, p.imageUrl)
				},
				p.name
			)
		),
		episode.hasSegments ? xmlElement('podcast:chapters', { url: `${page}/chapters.json`, type: CHAPTERS_CONTENT_TYPE }) : null,
		episode.hasCues ? xmlElement('podcast:transcript', { url: `${page}/transcript.vtt`, type: VTT_CONTENT_TYPE, rel: 'captions' }) : null,
		episode.hasCues ? xmlElement('podcast:transcript', { url: `${page}/transcript.srt`, type: SRT_CONTENT_TYPE, rel: 'captions' }) : null
	];
	return `<item>\n${lines.filter(Boolean).map((l) => `  ${l}`).join('\n')}\n</item>`;
}

/** The RSS document for a show; every value from the database is escaped. */
export function renderShowFeed(show: FeedShow, origin: string): string {
	const page = buildMomentUrl(origin, `/podcasts/${encodeURIComponent(show.slug)}`, null);
	const image = absoluteUrl(origin, show.imageUrl);
	const newest = show.episodes.find((e) => e.publishedAt)?.publishedAt;
	const channel = [
		xmlElement('title', {}, show.title),
		xmlElement('link', {}, page),
		xmlElement('description', {}, show.description ?? show.title),
		show.language ? xmlElement('language', {}, show.language) : null,
		xmlElement('generator', {}, 'Podcast Moments'),
		newest ? xmlElement('lastBuildDate', {}, newest.toUTCString()) : null,
		xmlElement('atom:link', { href: `${page}/feed.xml`, rel: 'self', type: RSS_CONTENT_TYPE }),
		show.author ? xmlElement('itunes:author', {}, show.author) : null,
		image ? xmlElement('itunes:image', { href: image }) : null,
		image ? `<image>${xmlElement('url', {}, image)}${xmlElement('title', {}, show.title)}${xmlElement('link', {}, page)}</image>` : null,
		xmlElement('itunes:explicit', {}, 'false')
	];
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:atom="http://www.w3.org/2005/Atom">',
		'<channel>',
		...channel.filter(Boolean),
		...show.episodes.map((e) => renderItem(show, e, origin)),
		'</channel>',
		'</rss>',
		''
	].join('\n');
}
