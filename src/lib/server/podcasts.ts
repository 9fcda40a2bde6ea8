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
	durationSeconds: episodes.durationSeconds
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
	episodes: EpisodeListItem[];
}

/** A show and all its episodes, newest first; null when there is no such show. */
export async function getPodcastPage(db: Db, slug: string): Promise<PodcastPage | null> {
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
	const list = await db
		.select(episodeListColumns)
		.from(episodes)
		.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
		.where(and(eq(episodes.podcastId, podcast.id), isNull(episodes.hiddenAt)))
		.orderBy(sql`${episodes.publishedAt} DESC NULLS LAST`, desc(episodes.id));
	const { id: _id, ...rest } = podcast;
	return { podcast: rest, episodes: list };
}
