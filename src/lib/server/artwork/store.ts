/** The artwork table: what is stored for a show or an episode, and saving and removing it. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { artwork, podcasts } from '../db/schema';
import type { RenderedArtwork } from './render';

/** Whose artwork: a show's (episodeId null) or one episode's own. */
export interface ArtworkOwner {
	podcastId: number;
	episodeId: number | null;
}

const ownedBy = (owner: ArtworkOwner) => (owner.episodeId === null ? and(eq(artwork.podcastId, owner.podcastId), isNull(artwork.episodeId)) : eq(artwork.episodeId, owner.episodeId));

/** The address the stored show artwork of the feed at `feedUrl` was fetched from; null when none is stored. */
export async function storedShowArtworkSource(db: Db, feedUrl: string): Promise<string | null> {
	const [row] = await db
		.select({ sourceUrl: artwork.sourceUrl })
		.from(artwork)
		.innerJoin(podcasts, eq(podcasts.id, artwork.podcastId))
		.where(and(eq(podcasts.feedUrl, feedUrl), isNull(artwork.episodeId)));
	return row?.sourceUrl ?? null;
}

/** The address an episode's own stored artwork came from; null when it has none. */
export async function storedEpisodeArtworkSource(db: Db, episodeId: number): Promise<string | null> {
	const [row] = await db.select({ sourceUrl: artwork.sourceUrl }).from(artwork).where(eq(artwork.episodeId, episodeId));
	return row?.sourceUrl ?? null;
}

/** Stores (or replaces) an owner's artwork, one statement. */
export async function saveArtwork(db: Db, owner: ArtworkOwner, sourceUrl: string, rendered: RenderedArtwork): Promise<void> {
	const values = {
		sourceUrl,
		sourceHash: rendered.sourceHash,
		webp96: rendered.webp[96],
		webp300: rendered.webp[300],
		webp600: rendered.webp[600],
		fetchedAt: sql`now()`
	};
	await db
		.insert(artwork)
		.values({ podcastId: owner.podcastId, episodeId: owner.episodeId, ...values })
		.onConflictDoUpdate(
			owner.episodeId === null
				? { target: artwork.podcastId, targetWhere: sql`${artwork.episodeId} is null`, set: values }
				: { target: artwork.episodeId, targetWhere: sql`${artwork.episodeId} is not null`, set: values }
		);
}

/** Removes an owner's artwork (the feed no longer names an image, or an episode's is now its show's). */
export async function removeArtwork(db: Db, owner: ArtworkOwner): Promise<boolean> {
	const rows = await db.delete(artwork).where(ownedBy(owner)).returning({ id: artwork.id });
	return rows.length > 0;
}
