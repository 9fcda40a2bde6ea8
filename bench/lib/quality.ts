/**
 * Scores the search ranking against judged queries: recall@k (the share of each query's expected segments found in
 * its top k, averaged) and MRR (1 / the rank of the first expected segment, averaged). Shared by
 * `npm run bench:quality` and the quality floor test.
 */
import { rankAnsweringSegments } from '../../src/lib/server/search/ranking';
import type { SearchIndex } from '../../src/lib/server/search/search-index';
import type { JudgedQuery, SegmentKey } from '../../tests/search/judged-queries';

export interface QueryScore {
	query: JudgedQuery;
	/** 1-based rank of each expected segment; null when it is not ranked at all. */
	ranks: (number | null)[];
	recall: number;
	reciprocalRank: number;
	/** The top k segment titles, for reading a miss. */
	top: string[];
}

export interface QualityReport {
	k: number;
	recallAtK: number;
	mrr: number;
	scores: QueryScore[];
}

/** Finds a judged segment's id in the index; throws when the judged set names a segment that does not exist. */
export function findSegmentId(index: SearchIndex, key: SegmentKey): number {
	for (const segment of index.segments.values()) {
		if (segment.title !== key.segment) continue;
		const episode = index.episodes.get(segment.episodeId);
		const show = episode && index.shows.get(episode.podcastId);
		if (episode?.slug === key.episode && show?.slug === key.show) return segment.id;
	}
	throw new Error(`judged queries: no segment "${key.show}/${key.episode}/${key.segment}" in the index`);
}

/**
 * Runs every judged query through the answering-segment ranking (or `rank`, e.g. the hybrid one) and scores it.
 */
export function scoreJudgedQueries(
	index: SearchIndex,
	queries: JudgedQuery[],
	k = 3,
	rank: (query: string) => number[] = (query) => rankAnsweringSegments(index, query).map((h) => h.id)
): QualityReport {
	const scores = queries.map((query): QueryScore => {
		const ranked = rank(query.query);
		const ranks = query.expected.map((key) => {
			const at = ranked.indexOf(findSegmentId(index, key));
			return at === -1 ? null : at + 1;
		});
		const found = ranks.filter((r) => r !== null && r <= k).length;
		const first = Math.min(...ranks.map((r) => r ?? Infinity));
		return {
			query,
			ranks,
			recall: found / Math.min(k, query.expected.length),
			reciprocalRank: Number.isFinite(first) ? 1 / first : 0,
			top: ranked.slice(0, k).map((id) => index.segments.get(id)?.title ?? `#${id}`)
		};
	});
	const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / (values.length || 1);
	return { k, recallAtK: mean(scores.map((s) => s.recall)), mrr: mean(scores.map((s) => s.reciprocalRank)), scores };
}
