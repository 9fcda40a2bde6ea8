import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getQuestionCard } from '$lib/server/embeds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const card = await getQuestionCard(await getDb(), params.slug);
	if (!card) error(404, `There is no question "${params.slug}" here.`);
	return { card, origin: url.origin, hostOrigin: url.searchParams.get('origin') };
};
