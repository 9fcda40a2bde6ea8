/**
 * The synthetic corpus (synthetic.ts) as search index records, the same shape load.ts reads from the database, so
 * benchmarks build the real SearchIndex from it. Record ids are 1-based: segment id = synthetic segment id + 1.
 */
import type { IndexContent, LinkRecord, QuestionRecord } from '../../src/lib/server/search/content';
import type { SyntheticCorpus } from './synthetic';

/** One stored question per this many segments, each linked (editorially) to the segment it was written from. */
export const SEGMENTS_PER_QUESTION = 100;

/** The record id of a synthetic segment. */
export const segmentRecordId = (syntheticId: number): number => syntheticId + 1;

/** Builds the index records: shows, episodes with a host and a guest, segments, people, and a few questions. */
export function corpusToIndexContent(corpus: SyntheticCorpus): IndexContent {
	const content: IndexContent = { shows: [], episodes: [], segments: [], questions: [], people: [], links: [] };
	const personIds = new Map<string, number>();
	const person = (name: string): number => {
		let id = personIds.get(name);
		if (id === undefined) {
			id = personIds.size + 1;
			personIds.set(name, id);
			const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${id}`;
			content.people.push({ id, slug, name, credentials: null, handle: null, bio: null });
		}
		return id;
	};
	for (const show of corpus.shows) content.shows.push({ id: show.index + 1, slug: show.slug, title: show.title });
	for (const episode of corpus.episodes) {
		const host = corpus.shows[episode.showIndex]!.host;
		content.episodes.push({
			id: episode.index + 1,
			podcastId: episode.showIndex + 1,
			slug: episode.slug,
			title: episode.title,
			durationSeconds: episode.durationSeconds,
			audioUrl: null,
			audioMimeType: null,
			people: [
				{ personId: person(host), role: 'host' },
				{ personId: person(episode.guest), role: 'guest' }
			]
		});
	}
	for (const s of corpus.segments) {
		content.segments.push({
			id: segmentRecordId(s.id),
			episodeId: s.episodeIndex + 1,
			position: s.position,
			startSeconds: s.startSeconds,
			endSeconds: s.endSeconds,
			title: s.title,
			summary: s.summary,
			text: s.text
		});
	}
	const { questions, links } = syntheticQuestions(corpus);
	content.questions = questions;
	content.links = links;
	return content;
}

/** Questions written from segment titles ("What about <title>?"), each with one editorial link to its segment. */
export function syntheticQuestions(corpus: SyntheticCorpus): { questions: QuestionRecord[]; links: LinkRecord[] } {
	const questions: QuestionRecord[] = [];
	const links: LinkRecord[] = [];
	for (let i = 0; i < corpus.segments.length; i += SEGMENTS_PER_QUESTION) {
		const segment = corpus.segments[i]!;
		const id = questions.length + 1;
		questions.push({
			id,
			slug: `question-${id}`,
			text: `What about ${segment.title.toLowerCase()}?`,
			alternatives: [`Tell me about ${segment.title.toLowerCase()}`],
			featured: id <= 6
		});
		links.push({ questionId: id, segmentId: segmentRecordId(segment.id), rank: 1, origin: 'editorial', score: null });
	}
	return { questions, links };
}
