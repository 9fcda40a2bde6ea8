import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { setPageMeta } from '$lib/server/page-meta';
import { getPodcastPage } from '$lib/server/podcasts';
import { listShowQuestions } from '$lib/server/questions';
import { podcastFeedPath, podcastPath } from '$lib/paths';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const db = await getDb();
	const page = await getPodcastPage(db, params.podcast);
	if (!page) error(404, `There is no show called "${params.podcast}" here.`);
	const { podcast } = page;
	setPageMeta(locals, {
		canonical: url.origin + podcastPath(podcast.slug),
		title: podcast.title,
		searchDescription: podcast.description,
		description: podcast.description,
		image: podcast.imageUrl,
		oembed: false,
		// Podcast apps and feed readers find the show's feed from its page.
		feeds: [{ href: podcastFeedPath(podcast.slug), title: podcast.title }]
	});
	return { ...page, questions: await listShowQuestions(db, podcast.slug) };
};
