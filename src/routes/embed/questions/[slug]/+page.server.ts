import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getQuestionCard } from '$lib/server/embeds';
import { episodePath, questionPath } from '$lib/paths';
import { buildMomentUrl } from '$lib/share';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const card = await getQuestionCard(await getDb(), params.slug);
	if (!card) error(404, `There is no question "${params.slug}" here.`);
	// Links to the site's pages are built here, so the embed does not ship the code that builds them.
	const citations = card.citations.map((citation) => ({
		...citation,
		momentUrl: buildMomentUrl(url.origin, episodePath(citation.podcast.slug, citation.episode.slug), {
			start: citation.segment.startSeconds,
			end: citation.segment.endSeconds
		})
	}));
	return {
		card: { ...card, citations },
		questionUrl: buildMomentUrl(url.origin, questionPath(card.slug), null),
		origin: url.origin,
		hostOrigin: url.searchParams.get('origin')
	};
};
