/** Questions people ask, and the segments that answer them. */
import { asc, desc } from 'drizzle-orm';
import type { Db } from './db/client';
import { questions } from './db/schema';

export interface QuestionSummary {
	slug: string;
	text: string;
}

/** Featured questions first, then the rest, for the home page and empty search. */
export async function listFeaturedQuestions(db: Db, limit = 8): Promise<QuestionSummary[]> {
	return db
		.select({ slug: questions.slug, text: questions.text })
		.from(questions)
		.orderBy(desc(questions.featured), asc(questions.id))
		.limit(limit);
}
