import { getDb } from '$lib/server/db';
import { setPageMeta } from '$lib/server/page-meta';
import { listPodcasts, listRecentEpisodes } from '$lib/server/podcasts';
import { listFeaturedQuestions } from '$lib/server/questions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const db = await getDb();
	const [shows, recent, featured] = await Promise.all([listPodcasts(db), listRecentEpisodes(db, 6), listFeaturedQuestions(db, 6)]);
	setPageMeta(locals, {
		canonical: `${url.origin}/`,
		title: 'Podcast Moments',
		searchDescription: 'Search podcast episodes by topic and jump straight to the second that answers your question.',
		oembed: false
	});
	return { shows, recent, featured };
};
