import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getPersonPage } from '$lib/server/people';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const page = await getPersonPage(await getDb(), params.slug);
	if (!page) error(404, `There is no one called "${params.slug}" here.`);
	return page;
};
