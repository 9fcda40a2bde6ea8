import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { findMergedQuestionSlug, getQuestionPage } from '$lib/server/questions';
import { findQuestionsRelatedToQuestion, getSearch, toQuestionLink } from '$lib/server/search';
import { tagPage } from '$lib/server/cache-tags';
import { setPageMeta } from '$lib/server/page-meta';
import { questionJsonLd } from '$lib/server/structured-data';
import { embedPath, questionPath } from '$lib/paths';
import { buildMomentUrl, QUESTION_EMBED_HEIGHT } from '$lib/share';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const db = await getDb();
	const page = await getQuestionPage(db, params.slug);
	if (!page) {
		// A question merged into another lives on at the kept one's address: links and search engines follow for good.
		const merged = await findMergedQuestionSlug(db, params.slug);
		if (merged) redirect(308, `${questionPath(merged)}${url.search}`);
	}
	if (!page) error(404, `There is no question "${params.slug}". Try searching for it instead.`);
	const { index } = await getSearch();
	const related = findQuestionsRelatedToQuestion(index, page.question.id).flatMap((id) => toQuestionLink(index, id) ?? []);
	const { question, citations, sources, ...shown } = page;
	// What it shows: the question, its cited moments (episodes, shows), and related questions (chosen from all).
	tagPage(locals, `question:${question.id}`, 'questions', ...sources.episodeIds.map((id) => `episode:${id}` as const), ...sources.podcastIds.map((id) => `show:${id}` as const));
	const path = questionPath(question.slug);
	setPageMeta(locals, {
		canonical: buildMomentUrl(url.origin, path, null),
		title: question.text,
		searchDescription: question.answer ?? `${question.text} Answered in ${citations.length} podcast moments.`,
		description: question.answer,
		embed: { url: buildMomentUrl(url.origin, embedPath(path), null), height: QUESTION_EMBED_HEIGHT },
		jsonLd: questionJsonLd({ ...question, citations: citations.map((c) => ({ ...c, podcast: c.show })) }, url.origin)
	});
	return { ...shown, question, citations, related, origin: url.origin };
};
