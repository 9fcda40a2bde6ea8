/**
 * Index content for search tests without a database: the demo content turned into index records (ids assigned in
 * order, as the seeder would), plus a helper to find records by the names people know them by.
 */
import { demoContent } from '../../src/lib/server/demo/content';
import { demoAudioUrl } from '../../src/lib/server/demo/seed';
import type { DemoContent } from '../../src/lib/server/demo/types';
import type { IndexContent } from '../../src/lib/server/search/content';
import { SearchIndex } from '../../src/lib/server/search/search-index';

/** The demo content as index records, with the editorial links. */
export function demoIndexContent(content: DemoContent = demoContent): IndexContent {
	const result: IndexContent = { shows: [], episodes: [], segments: [], questions: [], people: [], links: [] };
	const personIds = new Map<string, number>();
	content.people.forEach((p, i) => {
		personIds.set(p.slug, i + 1);
		result.people.push({ id: i + 1, slug: p.slug, name: p.name, credentials: p.credentials ?? null, handle: p.handle ?? null, bio: p.bio ?? null });
	});
	const segmentIds = new Map<string, number>();
	for (const show of content.shows) {
		const podcastId = result.shows.length + 1;
		result.shows.push({ id: podcastId, slug: show.slug, title: show.title });
		for (const episode of show.episodes) {
			const episodeId = result.episodes.length + 1;
			result.episodes.push({
				id: episodeId,
				podcastId,
				slug: episode.slug,
				title: episode.title,
				durationSeconds: episode.durationSeconds,
				audioUrl: demoAudioUrl(show.slug, episode.slug),
				audioMimeType: 'audio/wav',
				people: episode.people.map((p) => ({ personId: personIds.get(p.personSlug)!, role: p.role }))
			});
			episode.segments.forEach((segment, position) => {
				const id = result.segments.length + 1;
				segmentIds.set(`${show.slug}/${episode.slug}/${segment.title}`, id);
				result.segments.push({
					id,
					episodeId,
					position,
					startSeconds: segment.startSeconds,
					endSeconds: segment.endSeconds,
					title: segment.title,
					summary: segment.summary,
					text: segment.lines.map((l) => l.text).join(' ')
				});
			});
		}
	}
	content.questions.forEach((question, i) => {
		const id = i + 1;
		result.questions.push({ id, slug: question.slug, text: question.text, alternatives: question.alternatives, featured: question.featured ?? false });
		question.links.forEach((link, rank) => {
			const segmentId = segmentIds.get(`${link.show}/${link.episode}/${link.segmentTitle}`)!;
			result.links.push({ questionId: id, segmentId, rank: rank + 1, origin: 'editorial', score: null });
		});
	});
	return result;
}

/** A fresh index over the demo content. */
export function buildDemoIndex(): SearchIndex {
	return SearchIndex.build(demoIndexContent());
}

/** A segment's id by its title (titles are unique in the demo content). */
export function segmentIdByTitle(index: SearchIndex, title: string): number {
	for (const segment of index.segments.values()) if (segment.title === title) return segment.id;
	throw new Error(`tests: no segment titled "${title}"`);
}

/** A question's id by its slug. */
export function questionIdBySlug(index: SearchIndex, slug: string): number {
	for (const question of index.questions.values()) if (question.slug === slug) return question.id;
	throw new Error(`tests: no question "${slug}"`);
}
