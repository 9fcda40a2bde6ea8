import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getPersonPage } from '$lib/server/people';
import { setPageMeta } from '$lib/server/page-meta';
import { personJsonLd } from '$lib/server/structured-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const page = await getPersonPage(await getDb(), params.slug);
	if (!page) error(404, `There is no one called "${params.slug}" here.`);
	const { person } = page;
	setPageMeta(locals, {
		canonical: `${url.origin}/people/${encodeURIComponent(person.slug)}`,
		title: person.name,
		searchDescription: `Episodes with ${person.name}, and the moments where ${person.name} speaks.`,
		description: person.bio,
		image: person.imageUrl,
		oembed: false,
		jsonLd: personJsonLd(person, url.origin)
	});
	return page;
};
