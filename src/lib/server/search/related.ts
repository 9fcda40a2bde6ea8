/**
 * Related questions: those that share answering segments with what is shown, then those that share episodes, then
 * the nearest by text. Never the question itself (or anything already on the page), a handful, in a stable order:
 * ties fall back to the question id, so the same page always lists the same questions in the same order.
 */
import { RELATED_LIMIT } from './config';
import type { SearchIndex } from './search-index';

export interface RelatedSeed {
	/** Segments on the page (a question's citations, an episode's segments, the top search hits). */
	segmentIds: Iterable<number>;
	/** Text to find the nearest questions by. */
	text: string;
	/** Questions that must not be listed (the question itself, questions already shown). */
	exclude?: Iterable<number>;
}

interface Candidate {
	id: number;
	sharedSegments: number;
	sharedEpisodes: number;
	textScore: number;
}

/** Ids of the questions related to a seed, best first. */
export function findRelatedQuestions(index: SearchIndex, seed: RelatedSeed, limit = RELATED_LIMIT): number[] {
	const exclude = new Set(seed.exclude ?? []);
	const candidates = new Map<number, Candidate>();
	const candidate = (id: number): Candidate => {
		let c = candidates.get(id);
		if (!c) candidates.set(id, (c = { id, sharedSegments: 0, sharedEpisodes: 0, textScore: 0 }));
		return c;
	};

	const segmentIds = new Set(seed.segmentIds);
	const episodeIds = new Set<number>();
	for (const segmentId of segmentIds) {
		const segment = index.segments.get(segmentId);
		if (segment) episodeIds.add(segment.episodeId);
		for (const questionId of index.questionsBySegment.get(segmentId) ?? []) candidate(questionId).sharedSegments++;
	}
	for (const episodeId of episodeIds) {
		const answered = new Set<number>();
		for (const segmentId of index.segmentsByEpisode.get(episodeId) ?? []) {
			for (const questionId of index.questionsBySegment.get(segmentId) ?? []) answered.add(questionId);
		}
		for (const questionId of answered) candidate(questionId).sharedEpisodes++;
	}
	if (seed.text.trim()) {
		const near = index.words.query({ text: seed.text, kind: 'question', expand: false });
		for (const result of near) candidate(result.ref.id).textScore = result.score;
	}

	return [...candidates.values()]
		.filter((c) => !exclude.has(c.id) && index.questions.has(c.id))
		.sort(
			(a, b) =>
				b.sharedSegments - a.sharedSegments ||
				b.sharedEpisodes - a.sharedEpisodes ||
				b.textScore - a.textScore ||
				a.id - b.id
		)
		.slice(0, limit)
		.map((c) => c.id);
}

/** Questions related to a stored question. */
export function findQuestionsRelatedToQuestion(index: SearchIndex, questionId: number, limit = RELATED_LIMIT): number[] {
	const question = index.questions.get(questionId);
	if (!question) return [];
	return findRelatedQuestions(
		index,
		{
			segmentIds: (index.linksByQuestion.get(questionId) ?? []).map((l) => l.segmentId),
			text: [question.text, ...question.alternatives].join(' '),
			exclude: [questionId]
		},
		limit
	);
}

/**
 * Questions related to an episode, beyond the ones it answers (those are listed on the page already): questions
 * sharing segments with the ones it answers come first, then those nearest to its title and segment titles.
 */
export function findQuestionsRelatedToEpisode(index: SearchIndex, episodeId: number, limit = RELATED_LIMIT): number[] {
	const episode = index.episodes.get(episodeId);
	if (!episode) return [];
	const segmentIds = index.segmentsByEpisode.get(episodeId) ?? [];
	const answered = new Set<number>();
	for (const segmentId of segmentIds) for (const q of index.questionsBySegment.get(segmentId) ?? []) answered.add(q);
	const theirSegments = [...answered].flatMap((q) => (index.linksByQuestion.get(q) ?? []).map((l) => l.segmentId));
	const titles = segmentIds.map((id) => index.segments.get(id)?.title ?? '');
	return findRelatedQuestions(
		index,
		{ segmentIds: theirSegments.filter((id) => !segmentIds.includes(id)), text: [episode.title, ...titles].join(' '), exclude: answered },
		limit
	);
}
