/**
 * A show's artwork at import: fetched and rendered in the download phase (before the feed's transaction, beside the
 * items' files), stored once the feed has committed. Fetched again only when the feed names another address than
 * the one stored (or nothing is stored yet). A failure is a warning: the import goes on, and the show keeps what it
 * had (or gets its placeholder).
 */
import type { Db } from '../db/client';
import type { FetchLike, FetchLimits } from '../import/fetch-file';
import { fetchArtwork } from './fetch-image';
import type { RenderedArtwork } from './render';
import { removeArtwork, saveArtwork, storedShowArtworkSource } from './store';

export type ShowArtworkPlan =
	| { action: 'keep' }
	| { action: 'remove' }
	| { action: 'store'; sourceUrl: string; rendered: RenderedArtwork }
	| { action: 'failed'; warning: string };

/** Works out, and fetches, what the show's artwork becomes. Never throws. */
export async function prepareShowArtwork(db: Db, feedUrl: string, imageUrl: string | null, limits: FetchLimits, fetchImpl?: FetchLike): Promise<ShowArtworkPlan> {
	let stored: string | null;
	try {
		stored = await storedShowArtworkSource(db, feedUrl);
	} catch (error) {
		return { action: 'failed', warning: `show artwork: could not read what is stored (${(error as Error).message})` };
	}
	if (!imageUrl) return stored ? { action: 'remove' } : { action: 'keep' };
	if (stored === imageUrl) return { action: 'keep' };
	try {
		return { action: 'store', sourceUrl: imageUrl, rendered: await fetchArtwork(imageUrl, limits, fetchImpl) };
	} catch (error) {
		const after = stored ? 'the artwork stored before is kept' : 'the show gets a generated placeholder';
		return { action: 'failed', warning: `show artwork ${imageUrl} not used: ${(error as Error).message} (${after})` };
	}
}

/** Carries out the plan for the committed show; returns a warning when storing failed. */
export async function applyShowArtwork(db: Db, podcastId: number, plan: ShowArtworkPlan): Promise<string | null> {
	try {
		if (plan.action === 'store') await saveArtwork(db, { podcastId, episodeId: null }, plan.sourceUrl, plan.rendered);
		if (plan.action === 'remove') await removeArtwork(db, { podcastId, episodeId: null });
		return plan.action === 'failed' ? plan.warning : null;
	} catch (error) {
		return `imported, but storing the show's artwork failed: ${(error as Error).message}`;
	}
}
