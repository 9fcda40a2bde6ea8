import { getSearch, limitedSearchLoad, listFeatured, parseSearchParams, type SearchIndex } from '$lib/server/search';
import type { SearchResults } from '$lib/search-results';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { url } = event;
	const search = await getSearch();
	const { index } = search;
	// The page is forgiving: a bad filter is reported and left out, and the search still runs.
	const { request, problems } = parseSearchParams(url.searchParams, index);
	// The bare page (no q) costs no search and takes no turn.
	const results = request.query.trim() === '' ? await search.search(request) : await limitedSearchLoad(event, () => search.search(request));
	return {
		results,
		problems: problems.map((p) => p.message),
		featured: listFeatured(index),
		shows: [...index.shows.values()].map((s) => ({ slug: s.slug, title: s.title })).sort((a, b) => a.title.localeCompare(b.title)),
		people: personOptions(index, results, request.filterSlugs?.person ?? null)
	};
};

/** Up to this many people, the person filter offers everyone; past it, a list of thousands would outweigh the page. */
const EVERYONE_UP_TO = 200;

/** The person filter's choices: everyone on a small site, else the people in these results and the one chosen. */
function personOptions(index: SearchIndex, results: SearchResults, chosen: string | null): { slug: string; name: string }[] {
	let people: { slug: string; name: string }[];
	if (index.people.size <= EVERYONE_UP_TO) {
		people = [...index.people.values()];
	} else {
		const found = new Map<string, string>();
		const add = (p: { slug: string; name: string }) => found.set(p.slug, p.name);
		results.people.forEach(add);
		for (const segment of [...results.segments, ...results.episodes.map((e) => e.bestSegment), ...results.questions.map((q) => q.bestSegment)]) {
			segment?.people.forEach(add);
		}
		if (chosen) for (const p of index.people.values()) if (p.slug === chosen) add(p);
		people = [...found].map(([slug, name]) => ({ slug, name }));
	}
	return people.map((p) => ({ slug: p.slug, name: p.name })).sort((a, b) => a.name.localeCompare(b.name));
}
