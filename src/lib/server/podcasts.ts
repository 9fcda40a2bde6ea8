/** Shows and their episode lists. */
import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './db/client';
import { dayLabel, isoTimestamp } from './db/dates';
import { episodes, podcasts } from './db/schema';

export interface PodcastSummary {
	slug: string;
	title: string;
	author: string | null;
	description: string | null;
	imageUrl: string | null;
	episodeCount: number;
}

/** Every show with its episode count, alphabetically. */
export async function listPodcasts(db: Db): Promise<PodcastSummary[]> {
	return db
		.select({
			slug: podcasts.slug,
			title: podcasts.title,
			author: podcasts.author,
			description: podcasts.description,
			imageUrl: podcasts.imageUrl,
			episodeCount: count(episodes.id)
		})
		.from(podcasts)
		.leftJoin(episodes, and(eq(episodes.podcastId, podcasts.id), isNull(episodes.hiddenAt)))
		.groupBy(podcasts.id)
		.orderBy(asc(podcasts.title));
}

export interface EpisodeListItem {
	podcastSlug: string;
	podcastTitle: string;
	slug: string;
	title: string;
	season: number | null;
	episodeNumber: number | null;
	publishedAt: string | null;
	/** publishedAt as people read it: "25 November 2026". */
	publishedLabel: string | null;
	durationSeconds: number | null;
	/** The episode names an image other than its show's: its artwork address (paths.ts artworkPath) is its own. */
	ownArtwork: boolean;
}

const episodeListColumns = {
	podcastSlug: podcasts.slug,
	podcastTitle: podcasts.title,
	slug: episodes.slug,
	title: episodes.title,
	season: episodes.season,
	episodeNumber: episodes.episodeNumber,
	publishedAt: isoTimestamp(episodes.publishedAt),
	publishedLabel: dayLabel(episodes.publishedAt),
	durationSeconds: episodes.durationSeconds,
	ownArtwork: sql<boolean>`(${episodes.imageUrl} is not null and ${episodes.imageUrl} is distinct from ${podcasts.imageUrl})`
};

/** The newest episodes across every show. */
export async function listRecentEpisodes(db: Db, limit = 8): Promise<EpisodeListItem[]> {
	return db
		.select(episodeListColumns)
		.from(episodes)
		.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
		.where(isNull(episodes.hiddenAt))
		.orderBy(sql`${episodes.publishedAt} DESC NULLS LAST`, desc(episodes.id))
		.limit(limit);
}

export interface PodcastPage {
	podcast: {
		slug: string;
		title: string;
		author: string | null;
		description: string | null;
		link: string | null;
		imageUrl: string | null;
		language: string | null;
	};
	/** This page's episodes, newest first. */
	episodes: EpisodeListItem[];
	/** 1-based; pages hold `perPage` episodes. */
	page: number;
	perPage: number;
	pageCount: number;
	episodeCount: number;
	/** The years the show published in, newest first, each with the page its newest episode is on. */
	years: { year: number; episodes: number; page: number }[];
}

/** Episodes per show page: a 730-episode show is 15 pages of a few kilobytes, not one of 415 kB. */
export const EPISODES_PER_PAGE = 50;

/**
 * A show and one page of its episodes, newest first (undated ones last); null when there is no such show.
 * A page past the last gives an empty list with the real page count, so the caller can answer 404.
 */
export async function getPodcastPage(db: Db, slug: string, page = 1): Promise<PodcastPage | null> {
	const [podcast] = await db
		.select({
			id: podcasts.id,
			slug: podcasts.slug,
			title: podcasts.title,
			author: podcasts.author,
			description: podcasts.description,
			link: podcasts.link,
			imageUrl: podcasts.imageUrl,
			language: podcasts.language
		})
		.from(podcasts)
		.where(eq(podcasts.slug, slug));
	if (!podcast) return null;
	const visible = and(eq(episodes.podcastId, podcast.id), isNull(episodes.hiddenAt));
	const year = sql<number | null>`extract(year from ${episodes.publishedAt} at time zone 'UTC')::int`;
	const [list, perYear] = await Promise.all([
		db
			.select(episodeListColumns)
			.from(episodes)
			.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
			.where(visible)
			.orderBy(sql`${episodes.publishedAt} DESC NULLS LAST`, desc(episodes.id))
			.limit(EPISODES_PER_PAGE)
			.offset((page - 1) * EPISODES_PER_PAGE),
		db
			.select({ year, episodes: count() })
			.from(episodes)
			.where(visible)
			.groupBy(year)
			.orderBy(sql`1 DESC NULLS LAST`)
	]);
	const episodeCount = perYear.reduce((sum, y) => sum + Number(y.episodes), 0);
	const years: PodcastPage['years'] = [];
	let before = 0;
	for (const y of perYear) {
		if (y.year !== null) years.push({ year: Number(y.year), episodes: Number(y.episodes), page: Math.floor(before / EPISODES_PER_PAGE) + 1 });
		before += Number(y.episodes);
	}
	const { id: _id, ...rest } = podcast;
	return { podcast: rest, episodes: list, page, perPage: EPISODES_PER_PAGE, pageCount: Math.max(1, Math.ceil(episodeCount / EPISODES_PER_PAGE)), episodeCount, years };
}
