import { getDb } from '$lib/server/db';
import { answerQuestion, parseQuestionParam, recordAskedQuestion } from '$lib/server/answers';
import { setPageMeta } from '$lib/server/page-meta';
import { getSearch } from '$lib/server/search';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals, setHeaders }) => {
	const parsed = parseQuestionParam(url.searchParams);
	// Each render of a question counts it, so it is never served from a cache.
	setHeaders({ 'cache-control': 'no-store' });
	const question = parsed.ok ? parsed.question : '';
	const answer = question ? await answerQuestion(await getDb(), question, { search: await getSearch() }) : null;
	// Counted without anything about who asked; a question with its own page is not "asked but not stored".
	if (answer && answer.status !== 'empty' && !answer.stored) await recordAskedQuestion(await getDb(), question, answer.score);
	const canonical = new URL('/ask', url.origin);
	if (question) canonical.searchParams.set('q', question);
	setPageMeta(locals, {
		canonical: canonical.toString(),
		title: question || 'Ask a question',
		searchDescription: answer?.status === 'answered' ? `${question} Answered in the speakers' own words, from ${answer.sources.length} podcast moments.` : null,
		description: answer?.status === 'answered' ? answer.citations.map((c) => `“${c.text}”`).join(' ') : null,
		oembed: false
	});
	return { question, problem: parsed.ok ? null : parsed.message, answer };
};
