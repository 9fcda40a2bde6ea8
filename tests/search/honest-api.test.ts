/**
 * GET /api/search on a real server says when nothing is found (issue 14, point 5): questions the demo does not
 * discuss get no moment, episode, question or person, `nothingFound: true`, and questions to go on to; the shape
 * stays what clients know (the same lists, empty).
 */
import { describe, expect, it } from 'vitest';
import type { SearchResults } from '../../src/lib/search-results';
import { databaseKinds } from '../helpers/db';
import { serveSite } from '../pages/support';

const UNANSWERABLE = [
	'bitcoin mining',
	'how long should I let a sourdough starter ferment before baking',
	'is it better to fix my mortgage rate for two years or five',
	'which chess opening should a beginner learn first',
	'astrology'
];

describe.each(databaseKinds)('honest /api/search on %s', (kind) => {
	const site = serveSite(kind);
	const api = async (query: string): Promise<SearchResults> => {
		const response = await fetch(new URL(`/api/search?q=${encodeURIComponent(query)}`, site.url));
		expect(response.status).toBe(200);
		return (await response.json()) as SearchResults;
	};

	it('returns no moment for questions the content does not answer, saying nothing was found', async () => {
		for (const query of UNANSWERABLE) {
			const results = await api(query);
			expect({ query, segments: results.segments, episodes: results.episodes, questions: results.questions, people: results.people }).toEqual({
				query,
				segments: [],
				episodes: [],
				questions: [],
				people: []
			});
			expect(results.nothingFound).toBe(true);
			expect(results.featured.length).toBeGreaterThan(0);
		}
	});

	it('still returns moments for what the content discusses', async () => {
		const results = await api('slep debt');
		expect(results.nothingFound).toBe(false);
		expect(results.segments[0]!.title).toBe('Sleep Debt, Injury Risk and Performance');
	});
});
