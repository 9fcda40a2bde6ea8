import { getDb } from '$lib/server/db';
import { setPageMeta } from '$lib/server/page-meta';
import { listPodcasts } from '$lib/server/podcasts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const shows = await listPodcasts(await getDb());
	setPageMeta(locals, { canonical: `${url.origin}/podcasts`, title: 'Shows', oembed: false });
	return { shows };
};
