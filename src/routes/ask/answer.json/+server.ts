import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { answerQuestion, parseQuestionParam } from '$lib/server/answers';
import { getSearch } from '$lib/server/search';
import type { RequestHandler } from './$types';

/**
 * GET /ask/answer.json?q=: the answer page's content as JSON, for the answer that appears while typing. Typing is not
 * asking: nothing is counted here (the submitted form, /ask?q=, counts).
 */
export const GET: RequestHandler = async ({ url }) => {
	const parsed = parseQuestionParam(url.searchParams);
	if (!parsed.ok) return json({ error: `Bad question: ${parsed.message}` }, { status: 400, headers: { 'cache-control': 'no-store' } });
	const answer = await answerQuestion(await getDb(), parsed.question, { search: await getSearch() });
	// Answers follow the content, which can change at any time: let caches revalidate every time.
	return json(answer, { headers: { 'cache-control': 'no-cache' } });
};
