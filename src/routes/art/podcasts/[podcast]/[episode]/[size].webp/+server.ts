import { error } from '@sveltejs/kit';
import { artworkResponse, artworkSizeOf, findArtwork } from '$lib/server/artwork';
import { getDb } from '$lib/server/db';
import { ARTWORK_SIZES } from '$lib/paths';
import type { RequestHandler } from './$types';

/** An episode's artwork at one size: its own image, else its show's, else the show's placeholder. */
export const GET: RequestHandler = async ({ params, request }) => {
	const size = artworkSizeOf(params.size);
	if (!size) error(404, `Artwork comes in ${ARTWORK_SIZES.join(', ')} pixels, not "${params.size.slice(0, 20)}".`);
	const answer = await findArtwork(await getDb(), params.podcast, params.episode, size);
	if (!answer) error(404, `There is no episode "${params.episode}" in "${params.podcast}".`);
	return artworkResponse(answer, request.headers.get('if-none-match'));
};
