import { describe, expect, it } from 'vitest';
import { rankAll, rankAnsweringSegments } from '../../src/lib/server/search/ranking';
import { buildDemoIndex, questionIdBySlug, segmentIdByTitle } from './fixtures';

const index = buildDemoIndex();
const top = (query: string, n = 1) =>
	rankAnsweringSegments(index, query)
		.slice(0, n)
		.map((h) => index.segments.get(h.id)!.title);

describe('rankAnsweringSegments', () => {
	it('puts the segment that is about a topic above segments that mention it in passing', () => {
		// "cortisol" is said in three segments; one is about it.
		expect(top('cortisol')).toEqual(['Cortisol, Life Stress and the Training Load']);
		expect(top('journaling')).toEqual(['Building a Wider Coping Toolkit']);
	});

	it('finds segments through synonyms the segment never uses', () => {
		// The breathing segment says "anxious mind" and "nerves", never "jittery".
		expect(top('jittery at the start line', 3)).toContain('Breathing Techniques for the Start Corral');
		expect(top('burnout')).toEqual(['Overtraining, Burnout and the Case for Rest']);
		expect(top('is jogging good for my mood', 3)).toContain("Running and Your Mood: Endorphins, Dopamine and the Runner's High");
	});

	it('finds inflections through stemming', () => {
		expect(top('breathe before the start')).toEqual(['Breathing Techniques for the Start Corral']);
		expect(top('hydrating')).toEqual(['Hydration and Electrolytes']);
	});

	it('forgives typos', () => {
		expect(top('slep debt')).toEqual(['Sleep Debt, Injury Risk and Performance']);
		expect(top('electrolites')).toEqual(['Hydration and Electrolytes']);
		expect(top('mindfull runing')).toEqual(['Mindful Running: Breath, Footsteps and Surroundings']);
	});

	it('completes the last, half-typed word', () => {
		expect(top('electrol')).toEqual(['Hydration and Electrolytes']);
		expect(top('cortis')).toEqual(['Cortisol, Life Stress and the Training Load']);
	});

	it('finds nothing for stop words alone', () => {
		expect(rankAnsweringSegments(index, 'how do I do it')).toEqual([]);
	});

	it('is deterministic: the same query gives the same order', () => {
		expect(rankAnsweringSegments(index, 'running stress')).toEqual(rankAnsweringSegments(index, 'running stress'));
	});
});

describe('rankAll', () => {
	it('lets a matching stored question vote for the segments its editors cited', () => {
		// Only a phrasing of the nerves question says "sick"; its first citation is the breathing segment.
		const query = 'why do I feel sick before a race';
		const breathing = segmentIdByTitle(index, 'Breathing Techniques for the Start Corral');
		const score = (exclude?: number) => rankAll(index, query, { excludeQuestionId: exclude }).segments.find((h) => h.id === breathing)?.score ?? 0;
		expect(score()).toBeGreaterThan(score(questionIdBySlug(index, 'how-do-you-calm-nerves-before-a-race')));
	});

	it('filters every group by show', () => {
		const show = [...index.shows.values()].find((s) => s.slug === 'sleep-and-recovery-lab')!;
		const ranked = rankAll(index, 'stress anxiety', { podcastId: show.id });
		expect(ranked.segments.length).toBeGreaterThan(0);
		for (const hit of ranked.segments) expect(index.episodes.get(index.segments.get(hit.id)!.episodeId)!.podcastId).toBe(show.id);
		for (const hit of ranked.questions) {
			const shows = index.linksByQuestion.get(hit.id)!.map((l) => index.episodes.get(index.segments.get(l.segmentId)!.episodeId)!.podcastId);
			expect(shows).toContain(show.id);
		}
	});

	it('filters by person: only segments of episodes they are on', () => {
		const ben = [...index.people.values()].find((p) => p.slug === 'ben-kowalski')!;
		const ranked = rankAll(index, 'injury pain', { personId: ben.id });
		expect(ranked.segments.length).toBeGreaterThan(0);
		for (const hit of ranked.segments) {
			expect(index.episodes.get(index.segments.get(hit.id)!.episodeId)!.people.map((p) => p.personId)).toContain(ben.id);
		}
		expect(ranked.people.map((h) => h.id).every((id) => id === ben.id)).toBe(true);
	});

	it('finds people by name, accents or not', () => {
		const ranked = rankAll(index, 'tomas rivera');
		expect(index.people.get(ranked.people[0]!.id)!.name).toBe('Tomás Rivera');
	});
});
