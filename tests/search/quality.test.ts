import { describe, expect, it } from 'vitest';
import { scoreJudgedQueries } from '../../bench/lib/quality';
import { buildDemoIndex } from './fixtures';
import { judgedQueries } from './judged-queries';

describe('search quality on the judged queries', () => {
	const report = scoreJudgedQueries(buildDemoIndex(), judgedQueries);

	it('has at least 40 judged queries of every kind', () => {
		expect(judgedQueries.length).toBeGreaterThanOrEqual(40);
		for (const kind of ['paraphrase', 'typo', 'topic', 'long']) expect(judgedQueries.some((q) => q.kind === kind)).toBe(true);
	});

	it('keeps recall@3 at or above 0.9 (npm run bench:quality lists the misses)', () => {
		const misses = report.scores.filter((s) => s.recall < 1).map((s) => `"${s.query.query}" -> ${s.top.join(' | ')}`);
		expect(report.recallAtK, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
	});

	it('usually puts the answer first (MRR at or above 0.75)', () => {
		expect(report.mrr).toBeGreaterThanOrEqual(0.75);
	});
});
