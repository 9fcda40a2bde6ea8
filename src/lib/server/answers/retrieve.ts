/**
 * Where answers come from: the search wing's moments (words and meaning fused, as /search ranks them). The one call
 * into the search wing sits here, so a better retrieval is a one-line change.
 */
import type { MomentHit, SearchService } from '../search';

/** The search the answer page asks (the app's SearchService, or a test's). */
export type AnswerSearch = Pick<SearchService, 'searchMoments' | 'index'>;

/** The moments that answer a question, best first. */
export function findMoments(search: AnswerSearch, question: string, limit: number): Promise<MomentHit[]> {
	return search.searchMoments(question, { limit });
}
