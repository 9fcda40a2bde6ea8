import { error } from '@sveltejs/kit';
import { artworkResponse, artworkSizeOf, findArtwork } from '$lib/server/artwork';
import { getDb } from '$lib/server/db';
import { ARTWORK_SIZES } from '$lib/paths';
import type { RequestHandler } from './$types';

/** A show's artwork at one size: its own image, or its generated placeholder. */
export const GET: RequestHandler = async ({ params, request }) => {
	const size = artworkSizeOf(params.size);
	if (!size) error(404, `Artwork comes in ${ARTWORK_SIZES.join(', ')} pixels, not "${params.size.slice(0, 20)}".`);
	const answer = await findArtwork(await getDb(), params.podcast, null, size);
	if (!answer) error(404, `There is no show called "${params.podcast}" here.`);
	return artworkResponse(answer, request.headers.get('if-none-match'));
};
