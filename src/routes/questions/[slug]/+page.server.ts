import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getQuestionPage } from '$lib/server/questions';
import { getSearch } from '$lib/server/search';
import { findQuestionsRelatedToQuestion } from '$lib/server/search/related';
import { toQuestionLink } from '$lib/server/search/results';
import { questionJsonLd, serializeJsonLd } from '$lib/server/structured-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const page = await getQuestionPage(await getDb(), params.slug);
	if (!page) error(404, `There is no question "${params.slug}". Try searching for it instead.`);
	const { index } = await getSearch();
	const related = findQuestionsRelatedToQuestion(index, page.question.id).flatMap((id) => toQuestionLink(index, id) ?? []);
	const { question, citations } = page;
	const jsonLd = questionJsonLd({ ...question, citations: citations.map((c) => ({ ...c, podcast: c.show })) }, url.origin);
	return { ...page, related, origin: url.origin, structuredData: serializeJsonLd(jsonLd) };
};
