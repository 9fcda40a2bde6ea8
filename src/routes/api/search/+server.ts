import { json } from '@sveltejs/kit';
import { getSearch } from '$lib/server/search';
import { parseSearchParams } from '$lib/server/search/params';
import { searchContent } from '$lib/server/search/results';
import type { RequestHandler } from './$types';

/** GET /api/search?q=&limit=&show=&person=: the search results as JSON (shape: the README, "Search API"). */
export const GET: RequestHandler = async ({ url }) => {
	const { index } = await getSearch();
	const { request, problems } = parseSearchParams(url.searchParams, index, { requireQuery: true });
	if (problems.length) {
		return json(
			{ error: `Bad search parameters: ${problems.map((p) => p.message).join(' ')}`, problems },
			{ status: 400, headers: { 'cache-control': 'no-store' } }
		);
	}
	// Results follow the content, which can change at any time: let caches revalidate every time.
	return json(searchContent(index, request), { headers: { 'cache-control': 'no-cache' } });
};
