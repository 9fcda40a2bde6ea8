import { error } from '@sveltejs/kit';
import { demoContent } from '$lib/server/demo/content';
import { getDb } from '$lib/server/db';
import { setPageMeta } from '$lib/server/page-meta';
import { getPodcastPage } from '$lib/server/podcasts';
import { listShowQuestions } from '$lib/server/questions';
import { artworkPath, podcastFeedPath, podcastPagePath } from '$lib/paths';
import { podcastSeriesJsonLd } from '$lib/server/structured-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const requested = url.searchParams.get('page');
	if (requested !== null && !/^[1-9][0-9]{0,6}$/.test(requested)) {
		error(400, `"page" must be a page number (1, 2, 3 ...), not "${requested.slice(0, 40)}".`);
	}
	const pageNumber = requested === null ? 1 : Number(requested);
	const db = await getDb();
	const page = await getPodcastPage(db, params.podcast, pageNumber);
	if (!page) error(404, `There is no show called "${params.podcast}" here.`);
	if (pageNumber > page.pageCount) error(404, `This show has ${page.pageCount} ${page.pageCount === 1 ? 'page' : 'pages'} of episodes; there is no page ${pageNumber}.`);
	const { podcast } = page;
	setPageMeta(locals, {
		canonical: url.origin + podcastPagePath(podcast.slug, pageNumber),
		title: pageNumber === 1 ? podcast.title : `${podcast.title} (page ${pageNumber})`,
		searchDescription: podcast.description,
		description: podcast.description,
		image: artworkPath(podcast.slug, null, 600),
		oembed: false,
		jsonLd: podcastSeriesJsonLd(podcast, url.origin),
		// Podcast apps and feed readers find the show's feed from its page.
		feeds: [{ href: podcastFeedPath(podcast.slug), title: podcast.title }]
	});
	// The questions are the show's, not the page's: listed once, on its first page.
	return {
		...page,
		questions: pageNumber === 1 ? await listShowQuestions(db, podcast.slug) : [],
		// The layout's "sample content" notice is for the bundled demo only, not imported shows.
		demo: demoContent.shows.some((show) => show.slug === podcast.slug)
	};
};
