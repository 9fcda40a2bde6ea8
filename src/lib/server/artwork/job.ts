/**
 * Episode artwork as background work (kind 'artwork'): a feed can name a different image for each of hundreds of
 * episodes, and fetching and resizing them all inside the import would make it take minutes. The import stores the
 * show's artwork itself and queues this job only for episodes whose image differs from the show's and is not stored
 * yet (or whose stored one is no longer wanted); until it runs, the episode's address answers the show's artwork.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { artwork, episodes, podcasts } from '../db/schema';
import { enqueueMany } from '../jobs/queue';
import type { JobKind } from '../jobs/types';
import { fetchArtwork } from './fetch-image';
import { removeArtwork, saveArtwork, storedEpisodeArtworkSource } from './store';

const ARTWORK_JOB_VERSION = 1;

/** Background work 'artwork': fetches, renders and stores one episode's own image, or removes one no longer named. */
export const artworkJob: JobKind = {
	name: 'artwork',
	version: ARTWORK_JOB_VERSION,
	async run(ctx) {
		const { db, episodeId } = ctx;
		const [episode] = await db
			.select({ podcastId: episodes.podcastId, imageUrl: episodes.imageUrl, showImageUrl: podcasts.imageUrl })
			.from(episodes)
			.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
			.where(eq(episodes.id, episodeId));
		if (!episode) return ctx.log(`artwork: episode ${episodeId} no longer exists; nothing to do`);
		const owner = { podcastId: episode.podcastId, episodeId };
		// An episode whose image is its show's stores nothing of its own: its address answers the show's.
		if (!episode.imageUrl || episode.imageUrl === episode.showImageUrl) {
			if (await removeArtwork(db, owner)) ctx.log(`artwork: episode ${episodeId} now uses its show's artwork`);
			return;
		}
		if ((await storedEpisodeArtworkSource(db, episodeId)) === episode.imageUrl) return;
		await ctx.progress(0, 1);
		ctx.signal.throwIfAborted();
		let rendered;
		try {
			rendered = await fetchArtwork(episode.imageUrl);
		} catch (error) {
			throw new Error(`episode ${episodeId}'s image ${episode.imageUrl}: ${(error as Error).message}`, { cause: error });
		}
		await saveArtwork(db, owner, episode.imageUrl, rendered);
		await ctx.progress(1, 1);
	}
};

/**
 * Queues 'artwork' for the show's episodes that need it: an image of their own that is not stored yet, or stored
 * artwork no longer named. Called after an import commits; cheap when there is nothing to do. Returns how many.
 */
export async function enqueueEpisodeArtwork(db: Db, podcastId: number): Promise<number> {
	const ownImage = sql`${episodes.imageUrl} is not null and ${episodes.imageUrl} is distinct from ${podcasts.imageUrl}`;
	const rows = await db
		.select({ id: episodes.id })
		.from(episodes)
		.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
		.where(
			and(
				eq(episodes.podcastId, podcastId),
				sql`((${ownImage}) and not exists (select 1 from ${artwork} where ${artwork.episodeId} = ${episodes.id} and ${artwork.sourceUrl} = ${episodes.imageUrl}))
					or (not (${ownImage}) and exists (select 1 from ${artwork} where ${artwork.episodeId} = ${episodes.id}))`
			)
		);
	return enqueueMany(db, artworkJob.name, rows.map((r) => r.id), ARTWORK_JOB_VERSION, { contentChanged: true });
}
