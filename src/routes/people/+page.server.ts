import { getDb } from '$lib/server/db';
import { listPeople } from '$lib/server/people';
import { setPageMeta } from '$lib/server/page-meta';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const people = await listPeople(await getDb());
	setPageMeta(locals, { canonical: `${url.origin}/people`, title: 'People', oembed: false });
	return { people };
};
