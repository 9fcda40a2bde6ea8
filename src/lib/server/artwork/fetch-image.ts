/** Fetching an image a feed names, through the importer's guarded fetch (address policy, size and time limits). */
import { fetchWithLimits, type FetchLike, type FetchLimits } from '../import/fetch-file';
import { renderArtwork, type RenderedArtwork } from './render';

/** Limits for one image when the importer's own are not at hand (the background job). */
export const DEFAULT_IMAGE_LIMITS: FetchLimits = { timeoutMs: 30_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 };

/**
 * Fetches the image at `url` and renders it at every artwork size. Throws an Error saying what went wrong (the
 * fetch's reason, or why the bytes are not usable artwork).
 */
export async function fetchArtwork(url: string, limits: FetchLimits = DEFAULT_IMAGE_LIMITS, fetchImpl?: FetchLike): Promise<RenderedArtwork> {
	const fetched = await fetchWithLimits(url, limits, fetchImpl);
	return renderArtwork(fetched.bytes);
}
