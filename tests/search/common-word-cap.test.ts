/**
 * Issue 15, point 1: a query of common words scores a bounded number of documents, however many it matches, and
 * its first pages are still the ones plain minisearch ranks first.
 */
import { describe, expect, it } from 'vitest';
import { corpusToIndexContent, segmentRecordId } from '../../bench/lib/synthetic-content';
import { generateCorpus } from '../../bench/lib/synthetic';
import { plannedSearch, plannerOf, SCORED_DOCUMENTS_CAP, type SearchExplain } from '../../src/lib/server/search/query-plan';
import { parseDocId, SearchIndex } from '../../src/lib/server/search/search-index';

// More segments than the cap; every segment carries its show's title ("The ... Show"), so "show" is in all of them.
const corpus = generateCorpus({ segments: SCORED_DOCUMENTS_CAP + 1500, seed: 7 });
const index = SearchIndex.build(corpusToIndexContent(corpus));
const planOf = (query: string) => plannerOf(index).plan(query).terms;

/** Plain minisearch with the planner's own expansions: every matching document scored. */
function plain(query: string, kind?: 'segment') {
	const plan = planOf(query);
	return index.miniSearch
		.search(query, { fuzzy: (_t, i) => plan[i]!.fuzzy, prefix: (_t, i) => plan[i]!.prefix })
		.filter((r) => !kind || (r.id as string).startsWith('s'));
}

describe('a query of common words on an index bigger than the scoring cap', () => {
	it('scores at most the cap of segments although the word is in every one', () => {
		const explain: SearchExplain = { matched: null, scored: null };
		const results = plannedSearch(index, 'show', { kind: 'segment' }, explain);
		expect(plain('show', 'segment').length).toBeGreaterThan(SCORED_DOCUMENTS_CAP);
		expect(explain.matched).toBeGreaterThan(SCORED_DOCUMENTS_CAP);
		expect(explain.scored).toBe(SCORED_DOCUMENTS_CAP);
		expect(results.length).toBe(SCORED_DOCUMENTS_CAP);
	});

	it('still ranks first what plain minisearch ranks first, with the same scores', () => {
		for (const query of ['show', 'running', 'the show', 'running show', 'marathon runn']) {
			const expected = plain(query).slice(0, 50);
			const planned = plannedSearch(index, query).slice(0, 50);
			expect(planned.map((r) => r.id), query).toEqual(expected.map((r) => r.id));
			planned.forEach((r, i) => expect(r.score).toBeCloseTo(expected[i]!.score, 9));
		}
	});

	it('puts a segment with the word in its title first', () => {
		// "running" is a topic word: in the text of most segments, in the title of some.
		const titled = new Set(corpus.segments.filter((s) => /\brunning\b/i.test(s.title)).map((s) => segmentRecordId(s.id)));
		expect(titled.size).toBeGreaterThan(0);
		const explain: SearchExplain = { matched: null, scored: null };
		const [top] = plannedSearch(index, 'running', { kind: 'segment' }, explain);
		expect(explain.matched).toBeGreaterThan(SCORED_DOCUMENTS_CAP);
		expect(titled.has(parseDocId(top!.id as string).id)).toBe(true);
	});
});

describe('results of a capped query, made without minisearch walking every posting', () => {
	it('carry what minisearch gives the same documents: score, query terms, and which words matched in which fields', () => {
		for (const query of ['show', 'running', 'running show', 'marathon runn', 'show show running']) {
			const plainById = new Map(plain(query).map((r) => [r.id, r]));
			const planned = plannedSearch(index, query);
			expect(planned.length, query).toBeGreaterThan(50);
			for (const result of planned) {
				const expected = plainById.get(result.id)!;
				expect(result.score, `${query}: ${result.id}`).toBe(expected.score);
				expect(new Set(result.queryTerms)).toEqual(new Set(expected.queryTerms));
				expect(Object.fromEntries(Object.entries(result.match).map(([term, fields]) => [term, [...fields].sort()]))).toEqual(
					Object.fromEntries(Object.entries(expected.match).map(([term, fields]) => [term, [...fields].sort()]))
				);
			}
		}
	});

	it('with every word required (as suggestions ask), gives only documents that have them all', () => {
		const plan = planOf('running show');
		const all = index.miniSearch.search('running show', {
			combineWith: 'AND',
			fuzzy: (_t, i) => plan[i]!.fuzzy,
			prefix: (_t, i) => plan[i]!.prefix
		});
		const planned = plannedSearch(index, 'running show', { combineWith: 'AND' });
		expect(planned.length).toBeGreaterThan(0);
		expect(planned.every((r) => r.queryTerms.length === 2)).toBe(true);
		const allIds = new Set(all.map((r) => r.id));
		expect(planned.every((r) => allIds.has(r.id))).toBe(true);
		expect(planned.slice(0, 50).map((r) => r.id)).toEqual(all.slice(0, 50).map((r) => r.id));
	});
});
