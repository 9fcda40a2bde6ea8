import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getPersonPage } from '$lib/server/people';
import { personJsonLd, serializeJsonLd } from '$lib/server/structured-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const page = await getPersonPage(await getDb(), params.slug);
	if (!page) error(404, `There is no one called "${params.slug}" here.`);
	return { ...page, origin: url.origin, structuredData: serializeJsonLd(personJsonLd(page.person, url.origin)) };
};
