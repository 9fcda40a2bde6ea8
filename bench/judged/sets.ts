/**
 * Every judged query the honesty benches walk, as [set, query, is-this-segment-an-answer]: the real listener questions
 * (answered by any segment of their episode overlapping the judged window), the demo judged queries, and the questions
 * the content cannot answer (no answer at all).
 */
import type { SearchIndex } from '../../src/lib/server/search/search-index';
import { judgedQueries } from '../../tests/search/judged-queries';
import { findSegmentId } from '../lib/quality';
import { realJudgedQuestions } from './real';
import { unanswerableQuestions } from './unanswerable';

export type JudgedSet = 'real' | 'demo' | 'none';
export type JudgedQuery = [set: JudgedSet, query: string, isAnswer: ((segmentId: number) => boolean) | null];

/** `corpus` maps each real transcript's file to its imported episode (judged/corpus.ts importTranscripts). */
export function judgedQuerySets(index: SearchIndex, corpus: ReadonlyMap<string, number>): JudgedQuery[] {
	return [
		...realJudgedQuestions.map((j): JudgedQuery => {
			const episodeId = corpus.get(j.file)!;
			const [from, to] = j.window;
			return ['real', j.question, (id) => { const s = index.segments.get(id)!; return s.episodeId === episodeId && s.startSeconds < to && s.endSeconds > from; }];
		}),
		...judgedQueries.map((j): JudgedQuery => {
			const answers = new Set(j.expected.map((key) => findSegmentId(index, key)));
			return ['demo', j.query, (id) => answers.has(id)];
		}),
		...unanswerableQuestions.map((q): JudgedQuery => ['none', q, null])
	];
}
