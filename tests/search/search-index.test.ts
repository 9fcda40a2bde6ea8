import { describe, expect, it } from 'vitest';
import { rankAnsweringSegments } from '../../src/lib/server/search/ranking';
import { SearchIndex } from '../../src/lib/server/search/search-index';
import { buildDemoIndex, demoIndexContent, segmentIdByTitle } from './fixtures';

const titles = (index: SearchIndex, query: string, n = 3) =>
	rankAnsweringSegments(index, query)
		.slice(0, n)
		.map((h) => index.segments.get(h.id)!.title);

describe('SearchIndex', () => {
	it('indexes every segment, question and person of the content', () => {
		const content = demoIndexContent();
		const stats = SearchIndex.build(content).stats();
		expect(stats.segments).toBe(content.segments.length);
		expect(stats.questions).toBe(content.questions.length);
		expect(stats.people).toBe(content.people.length);
	});

	it('finds a changed segment by its new words and no longer by its old ones (replace)', () => {
		const index = buildDemoIndex();
		const id = segmentIdByTitle(index, 'Hydration and Electrolytes');
		const segment = index.segments.get(id)!;
		const episode = index.episodes.get(segment.episodeId)!;
		const others = [...index.segmentsByEpisode.get(episode.id)!].filter((s) => s !== id).map((s) => index.segments.get(s)!);
		index.putEpisode(episode, [...others, { ...segment, title: 'Pickle juice and cramps', summary: 'Whether pickle juice stops cramps.', text: 'Pickle juice.' }]);
		expect(titles(index, 'pickle juice', 1)).toEqual(['Pickle juice and cramps']);
		expect(titles(index, 'electrolytes', 5)).not.toContain('Pickle juice and cramps');
	});

	it('forgets the segments an episode no longer has, and their links (discard)', () => {
		const index = buildDemoIndex();
		const id = segmentIdByTitle(index, 'Gels, Chews and Carbs per Hour');
		const episodeId = index.segments.get(id)!.episodeId;
		const keep = index.segmentsByEpisode.get(episodeId)!.filter((s) => s !== id).map((s) => index.segments.get(s)!);
		expect(index.questionsBySegment.get(id)?.size).toBeGreaterThan(0);
		index.putEpisode(index.episodes.get(episodeId)!, keep);
		expect(rankAnsweringSegments(index, 'gels chews carbs per hour').map((h) => h.id)).not.toContain(id);
		expect([...index.linksByQuestion.values()].flat().some((l) => l.segmentId === id)).toBe(false);
	});

	it('takes a removed show out of search with all its episodes', () => {
		const index = buildDemoIndex();
		const show = [...index.shows.values()].find((s) => s.slug === 'coaching-corner')!;
		index.removeShow(show.id);
		expect(titles(index, 'box breathing start corral', 10)).not.toContain('Breathing Techniques for the Start Corral');
		expect([...index.episodes.values()].some((e) => e.podcastId === show.id)).toBe(false);
	});

	it('re-indexes segments when their show is renamed', () => {
		const index = buildDemoIndex();
		const show = [...index.shows.values()].find((s) => s.slug === 'coaching-corner')!;
		index.putShow({ ...show, title: 'Zanzibar Athletics Hour' });
		const hits = rankAnsweringSegments(index, 'zanzibar');
		expect(hits.length).toBeGreaterThan(5);
		expect(hits.every((h) => index.episodes.get(index.segments.get(h.id)!.episodeId)!.podcastId === show.id)).toBe(true);
	});

	it('survives a toJSON / loadJSON round trip with the same results', () => {
		const index = buildDemoIndex();
		const restored = SearchIndex.loadJSON(JSON.stringify(index));
		// Term order inside the radix tree may differ after loading, so sums can differ in the last bit.
		const summary = (i: SearchIndex, query: string) =>
			rankAnsweringSegments(i, query).map((h) => ({ id: h.id, score: h.score.toFixed(9), terms: [...h.terms].sort() }));
		for (const query of ['sleep debt', 'box breathing', 'jogging anxiety', 'overtrainning']) {
			expect(summary(restored, query)).toEqual(summary(index, query));
		}
		expect(restored.stats()).toEqual(index.stats());
		expect(restored.linksByQuestion).toEqual(index.linksByQuestion);
	});

	it('refuses a snapshot of another version, saying what to do', () => {
		const snapshot = { ...buildDemoIndex().toJSON(), version: 2 as unknown as 1 };
		expect(() => SearchIndex.loadJSON(snapshot)).toThrow(/version 2 is not supported; rebuild the index/);
	});
});
