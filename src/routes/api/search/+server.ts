import { json } from '@sveltejs/kit';
import { getSearch, limitedSearchResponse, parseSearchParams } from '$lib/server/search';
import type { RequestHandler } from './$types';

/** GET /api/search?q=&limit=&show=&person=: the search results as JSON (shape: the README, "Search API"). */
export const GET: RequestHandler = async (event) => {
	const { url } = event;
	// Only misses reach here (the response cache answers repeats): each costs a search, within the client's limits.
	return limitedSearchResponse(event, () => answer(url));
};

async function answer(url: URL): Promise<Response> {
	const search = await getSearch();
	const { request, problems } = parseSearchParams(url.searchParams, search.index, { requireQuery: true });
	if (problems.length) {
		return json(
			{ error: `Bad search parameters: ${problems.map((p) => p.message).join(' ')}`, problems },
			{ status: 400, headers: { 'cache-control': 'no-store' } }
		);
	}
	// Results follow the content, which can change at any time: let caches revalidate every time.
	return json(await search.search(request), { headers: { 'cache-control': 'no-cache' } });
}
