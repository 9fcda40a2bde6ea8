import { describe, expect, it } from 'vitest';
import { corpusToIndexContent } from '../../bench/lib/synthetic-content';
import { generateCorpus } from '../../bench/lib/synthetic';
import { BROAD_TERM_MIN_POSTINGS } from '../../src/lib/server/search/config';
import { plannedSearch, plannerOf, withoutCommonTerms } from '../../src/lib/server/search/query-plan';
import { parseDocId, SearchIndex } from '../../src/lib/server/search/search-index';
import type { TermStatistics } from '../../src/lib/server/search/engine';
import { queryTerm } from '../../src/lib/server/search/terms';
import { buildDemoIndex } from './fixtures';

const demo = buildDemoIndex();
const planOf = (index: SearchIndex, query: string) => plannerOf(index).plan(query).terms;

describe('query plans', () => {
	it('takes a word the index knows as typed, and looks for typos only in words it does not know', () => {
		const [known, typo] = planOf(demo, 'sleep dept');
		expect(known).toMatchObject({ term: 'sleep', fuzzy: false, prefix: false });
		expect(typo).toMatchObject({ fuzzy: 1 });
	});

	it('tries one edit before two, and two only on longer words (a swapped pair of letters is two edits)', () => {
		expect(planOf(demo, 'hydratoin cramps')[0]).toMatchObject({ fuzzy: 2 });
		expect(planOf(demo, 'slpe well')[0]).toMatchObject({ fuzzy: false });
	});

	it('expands only the last term as a prefix, and only when something starts with it', () => {
		const terms = planOf(demo, 'electrol electrol');
		expect(terms.map((t) => t.prefix)).toEqual([false, true]);
		expect(planOf(demo, 'sleep zzqx')[1]).toMatchObject({ prefix: false });
	});

	it('sees words added to the index after it planned (the cache empties on change)', () => {
		const index = buildDemoIndex();
		expect(planOf(index, 'zanzibar')[0]).toMatchObject({ postings: 0 });
		const show = [...index.shows.values()][0]!;
		index.putShow({ ...show, title: 'Zanzibar Athletics Hour' });
		expect(planOf(index, 'zanzibar')[0]!.postings).toBeGreaterThan(0);
	});
});

describe('plannedSearch', () => {
	it('on a small index, gives exactly what minisearch gives with the same expansions', () => {
		for (const query of ['slep debt', 'how do I stop being so nervous before a race', 'electrol', 'mindfull runing']) {
			const plan = planOf(demo, query);
			expect(plan.every((t) => t.postings <= BROAD_TERM_MIN_POSTINGS)).toBe(true);
			// The plan's terms: stems, and an unknown word as typed (it is expanded as typed, not by its stem).
			const plain = demo.miniSearch.search(plan.map((t) => t.term).join(' '), {
				tokenize: (text) => text.split(' '),
				processTerm: (term) => term,
				fuzzy: (_t, i) => plan[i]!.fuzzy,
				prefix: (_t, i) => plan[i]!.prefix
			});
			expect(plannedSearch(demo, query).map((r) => [r.id, r.score])).toEqual(plain.map((r) => [r.id, r.score]));
		}
	});

	it('leaves out terms in a large share of the index, unless the query has nothing else', () => {
		const term = (name: string, postings: number, exactPostings = postings) => ({ term: name, fuzzy: false as const, prefix: false, postings, exactPostings });
		const plan = {
			broadAbove: 1000,
			commonAbove: 30_000,
			terms: [term('runner', 80_000), term('sleep', 2000), term('houck', 40), term('cri', 190_000, 12)]
		};
		// "cri" is half typed: its completions are everywhere, the word is not.
		expect(withoutCommonTerms(plan).terms.map((t) => t.term)).toEqual(['sleep', 'houck', 'cri']);
		const onlyCommon = { ...plan, terms: [term('runner', 80_000)] };
		expect(withoutCommonTerms(onlyCommon)).toEqual(onlyCommon);
		expect(plannerOf(demo).plan('running').commonAbove).toBeGreaterThan(plannerOf(demo).plan('running').broadAbove);
	});

	it('returns only the kind asked for, scored as among all kinds', () => {
		for (const query of ['sleep', 'how much sleep do runners need', 'carb loadin']) {
			const questions = plannedSearch(demo, query, { kind: 'question' });
			expect(questions.length).toBeGreaterThan(0);
			const all = plannedSearch(demo, query).filter((r) => parseDocId(r.id as string).kind === 'question');
			expect(questions.map((r) => [r.id, r.score])).toEqual(all.map((r) => [r.id, r.score]));
		}
	});

	describe('on an index where a term is broad', () => {
		// Every segment document carries its show's title, "The ... Show": "show" is in all of them.
		const corpus = generateCorpus({ segments: BROAD_TERM_MIN_POSTINGS + 500, seed: 3 });
		const index = SearchIndex.build(corpusToIndexContent(corpus));
		// A rare word of the corpus that is indexed (the vocabulary's tail is the rarest).
		const rare = [...corpus.vocabulary].reverse().find((word) => {
			const postings = planOf(index, `${word} show`)[0]!.postings;
			return postings > 1 && postings < 50;
		})!;

		it('scores the broad term only on documents a selective term finds, with the scores minisearch gives them', () => {
			const query = `${rare} show`;
			const plan = planOf(index, query);
			const [selective, broad] = plan;
			expect(broad!.postings).toBeGreaterThan(BROAD_TERM_MIN_POSTINGS);
			expect(selective!.postings).toBeLessThan(50);

			const planned = plannedSearch(index, query);
			const expansions = { fuzzy: (_t: string, i: number) => plan[i]!.fuzzy, prefix: (_t: string, i: number) => plan[i]!.prefix };
			const plain = new Map(index.miniSearch.search(query, expansions).map((r) => [r.id, r]));
			expect(planned.length).toBeGreaterThan(0);
			expect(planned.length).toBeLessThan(plain.size);
			for (const result of planned) {
				expect(result.queryTerms).toContain(selective!.term);
				expect(result.score).toBeCloseTo(plain.get(result.id)!.score, 9);
			}
			// Every document the selective term finds is there.
			const withRare = [...plain.values()].filter((r) => r.queryTerms.includes(selective!.term));
			expect(new Set(planned.map((r) => r.id))).toEqual(new Set(withRare.map((r) => r.id)));
		});

		it('scores a query of broad terms only on the documents that share two of them', () => {
			const query = 'marathon show';
			const plan = planOf(index, query);
			expect(plan.every((t) => t.postings > BROAD_TERM_MIN_POSTINGS)).toBe(true);
			const expansions = { fuzzy: (_t: string, i: number) => plan[i]!.fuzzy, prefix: (_t: string, i: number) => plan[i]!.prefix };
			const plain = index.miniSearch.search(query, expansions);
			const both = plain.filter((r) => r.queryTerms.length === 2);
			const planned = plannedSearch(index, query);
			expect(both.length).toBeGreaterThan(50);
			expect(planned.map((r) => [r.id, r.score])).toEqual(both.map((r) => [r.id, r.score]));
			// Matching both terms doubles a score: the first pages of the plain results are the same.
			expect(planned.slice(0, 50).map((r) => r.id)).toEqual(plain.slice(0, 50).map((r) => r.id));
		});

		it('still finds something when the query has nothing but broad terms', () => {
			expect(plannedSearch(index, 'show').length).toBeGreaterThan(BROAD_TERM_MIN_POSTINGS);
		});
	});
});

describe('query plans over any word engine', () => {
	/** A vocabulary as another word engine would report it: only the TermStatistics interface, no minisearch. */
	const distance = (a: string, b: string): number => {
		let row = Array.from({ length: b.length + 1 }, (_, j) => j);
		for (let i = 1; i <= a.length; i++) {
			const next = [i];
			for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
			row = next;
		}
		return row[b.length]!;
	};
	const vocabulary = new Map([['electrolyte', 7]]);
	const terms: TermStatistics = {
		documents: 1000,
		generation: 0,
		postings: (term) => vocabulary.get(term) ?? 0,
		fuzzy: (term, maxEdits) =>
			[...vocabulary].flatMap(([t, postings]) => {
				const d = distance(term, t);
				return d > 0 && d <= maxEdits ? [{ term: t, distance: d, postings }] : [];
			}),
		completions: (prefix) => {
			const found = [...vocabulary].filter(([t]) => t.startsWith(prefix) && t !== prefix);
			return { terms: found.length, postings: found.reduce((sum, [, p]) => sum + p, 0) };
		}
	};

	it('corrects a misspelt word by that engine\'s vocabulary, and plans afresh once its content changes', () => {
		const [typo] = plannerOf({ terms }).plan('electrolite').terms;
		expect(typo).toMatchObject({ term: 'electrolite', fuzzy: 1, postings: 7 });
		vocabulary.set(queryTerm('electrolite')!, 3); // the engine now holds the word as typed
		(terms as { generation: number }).generation++;
		const [known] = plannerOf({ terms }).plan('electrolite').terms;
		expect(known).toMatchObject({ term: queryTerm('electrolite'), fuzzy: false, postings: 3 });
	});
});
