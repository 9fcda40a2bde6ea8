import { getSearch } from '$lib/server/search';
import { parseSearchParams } from '$lib/server/search/params';
import { listFeatured, searchContent } from '$lib/server/search/results';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { index } = await getSearch();
	// The page is forgiving: a bad filter is reported and left out, and the search still runs.
	const { request, problems } = parseSearchParams(url.searchParams, index);
	return {
		results: searchContent(index, request),
		problems: problems.map((p) => p.message),
		featured: listFeatured(index),
		shows: [...index.shows.values()].map((s) => ({ slug: s.slug, title: s.title })).sort((a, b) => a.title.localeCompare(b.title)),
		people: [...index.people.values()].map((p) => ({ slug: p.slug, name: p.name })).sort((a, b) => a.name.localeCompare(b.name))
	};
};
