import { describe, expect, it } from 'vitest';
import { searchContent, suggestQuestions } from '../../src/lib/server/search/results';
import { buildDemoIndex } from './fixtures';

const index = buildDemoIndex();

describe('searchContent', () => {
	it('makes every segment hit a place: episode, show, start time and a deep link that starts there', () => {
		const results = searchContent(index, { query: 'box breathing' });
		const [first] = results.segments;
		expect(first).toMatchObject({
			title: 'Breathing Techniques for the Start Corral',
			startSeconds: 660,
			endSeconds: 1080,
			url: '/podcasts/coaching-corner/race-day-nerves?t=660',
			episode: { slug: 'race-day-nerves', url: '/podcasts/coaching-corner/race-day-nerves', durationSeconds: 2700 },
			show: { slug: 'coaching-corner', title: 'Coaching Corner', url: '/podcasts/coaching-corner' }
		});
		expect(first!.people.map((p) => p.name)).toEqual(['Jenna Park', 'Alicia Boateng']);
		expect(first!.episodeSegmentStarts).toContain(660);
		expect(first!.snippetHtml).toContain('<mark>Box</mark> <mark>breathing</mark>');
	});

	it('gives each matching question its best segment', () => {
		const results = searchContent(index, { query: 'how much sleep do runners need' });
		expect(results.questions[0]).toMatchObject({
			slug: 'how-much-sleep-do-runners-need',
			url: '/questions/how-much-sleep-do-runners-need',
			bestSegment: { title: 'The Sleep Numbers for Endurance Athletes', url: '/podcasts/sleep-and-recovery-lab/how-much-sleep-do-runners-need?t=180' }
		});
	});

	it('groups segments into episodes, each listed once with its best segment', () => {
		const results = searchContent(index, { query: 'anxiety' });
		const urls = results.episodes.map((e) => e.url);
		expect(new Set(urls).size).toBe(urls.length);
		expect(results.episodes[0]!.matchingSegments).toBeGreaterThan(1);
		expect(results.episodes[0]!.bestSegment.episode.url).toBe(results.episodes[0]!.url);
	});

	it('finds people', () => {
		expect(searchContent(index, { query: 'priya' }).people[0]).toMatchObject({ name: 'Priya Natarajan', url: '/people/priya-natarajan' });
	});

	it('caps each group at the limit', () => {
		const results = searchContent(index, { query: 'running', limit: 2 });
		expect(results.segments).toHaveLength(2);
		expect(results.questions.length).toBeLessThanOrEqual(2);
		expect(results.episodes.length).toBeLessThanOrEqual(2);
	});

	it('shows featured questions, not a blank page, for a blank query or one nothing matches', () => {
		for (const query of ['', '   ', 'xqzvvj wqpr']) {
			const results = searchContent(index, { query });
			expect(results.segments).toEqual([]);
			expect(results.featured.length).toBeGreaterThan(0);
			expect(results.featured[0]!.slug).toBe('can-running-serve-as-therapy');
		}
	});

	it('lists related questions that are not already among the matching questions', () => {
		const results = searchContent(index, { query: 'cortisol', limit: 3 });
		expect(results.related.length).toBeGreaterThan(0);
		const shown = new Set(results.questions.map((q) => q.slug));
		for (const q of results.related) expect(shown.has(q.slug)).toBe(false);
	});
});

describe('suggestQuestions', () => {
	it('suggests the stored question a misspelled, half-typed query is heading for', () => {
		expect(suggestQuestions(index, 'how much slep do runers ne')[0]?.slug).toBe('how-much-sleep-do-runners-need');
		expect(suggestQuestions(index, 'runners hig')[0]?.slug).toBe('what-is-a-runners-high');
	});

	it('suggests nothing for nonsense', () => {
		expect(suggestQuestions(index, 'xqzvvj')).toEqual([]);
	});
});
