import { getDb } from '$lib/server/db';
import { listPodcasts, listRecentEpisodes } from '$lib/server/podcasts';
import { listFeaturedQuestions } from '$lib/server/questions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const db = await getDb();
	const [shows, recent, featured] = await Promise.all([listPodcasts(db), listRecentEpisodes(db, 6), listFeaturedQuestions(db, 6)]);
	return { shows, recent, featured };
};
