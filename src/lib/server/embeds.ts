/**
 * The data embeds and oEmbed need that the page services do not already give: a question as a card with its cited
 * segments (playable, so with each episode's audio), and a light episode summary for oEmbed lookups.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from './db/client';
import { episodePeople, episodes, people, podcasts, questions, questionSegments, segments } from './db/schema';

export interface QuestionCitation {
	rank: number;
	excerpt: string | null;
	podcast: { slug: string; title: string; imageUrl: string | null };
	episode: { slug: string; title: string; audioUrl: string | null; audioMimeType: string | null; imageUrl: string | null; durationSeconds: number | null };
	segment: { id: number; title: string; summary: string | null; startSeconds: number; endSeconds: number };
	/** The guests of the cited episode, for "with Sarah Strong". */
	guests: string[];
}

export interface QuestionCard {
	slug: string;
	text: string;
	answer: string | null;
	citations: QuestionCitation[];
}

/** A question with its cited segments in citation order; null when there is no such question. */
export async function getQuestionCard(db: Db, slug: string): Promise<QuestionCard | null> {
	const [question] = await db
		.select({ id: questions.id, slug: questions.slug, text: questions.text, answer: questions.answer })
		.from(questions)
		.where(eq(questions.slug, slug));
	if (!question) return null;
	const rows = await db
		.select({
			rank: questionSegments.rank,
			excerpt: questionSegments.excerpt,
			episodeId: episodes.id,
			podcast: { slug: podcasts.slug, title: podcasts.title, imageUrl: podcasts.imageUrl },
			episode: {
				slug: episodes.slug,
				title: episodes.title,
				audioUrl: episodes.audioUrl,
				audioMimeType: episodes.audioMimeType,
				imageUrl: episodes.imageUrl,
				durationSeconds: episodes.durationSeconds
			},
			segment: {
				id: segments.id,
				title: segments.title,
				summary: segments.summary,
				startSeconds: segments.startSeconds,
				endSeconds: segments.endSeconds
			}
		})
		.from(questionSegments)
		.innerJoin(segments, eq(segments.id, questionSegments.segmentId))
		.innerJoin(episodes, eq(episodes.id, segments.episodeId))
		.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
		.where(and(eq(questionSegments.questionId, question.id), isNull(episodes.hiddenAt)))
		.orderBy(asc(questionSegments.rank), asc(segments.id));
	const guests = rows.length
		? await db
				.select({ episodeId: episodePeople.episodeId, name: people.name })
				.from(episodePeople)
				.innerJoin(people, eq(people.id, episodePeople.personId))
				.innerJoin(questionSegments, eq(questionSegments.questionId, question.id))
				.innerJoin(segments, and(eq(segments.id, questionSegments.segmentId), eq(segments.episodeId, episodePeople.episodeId)))
				.where(eq(episodePeople.role, 'guest'))
				.orderBy(asc(episodePeople.position))
		: [];
	return {
		slug: question.slug,
		text: question.text,
		answer: question.answer,
		citations: rows.map(({ episodeId, ...row }) => ({
			...row,
			guests: [...new Set(guests.filter((g) => g.episodeId === episodeId).map((g) => g.name))]
		}))
	};
}

export interface EpisodeBrief {
	podcast: { slug: string; title: string; author: string | null; imageUrl: string | null };
	episode: { slug: string; title: string; durationSeconds: number | null; imageUrl: string | null };
	segments: { startSeconds: number; endSeconds: number; title: string }[];
}

/** An episode's titles, artwork and segment titles, without its transcript: what oEmbed needs to describe a moment. */
export async function getEpisodeBrief(db: Db, podcastSlug: string, episodeSlug: string): Promise<EpisodeBrief | null> {
	const [row] = await db
		.select({
			id: episodes.id,
			podcast: { slug: podcasts.slug, title: podcasts.title, author: podcasts.author, imageUrl: podcasts.imageUrl },
			episode: { slug: episodes.slug, title: episodes.title, durationSeconds: episodes.durationSeconds, imageUrl: episodes.imageUrl }
		})
		.from(episodes)
		.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
		.where(and(eq(podcasts.slug, podcastSlug), eq(episodes.slug, episodeSlug), isNull(episodes.hiddenAt)));
	if (!row) return null;
	const list = await db
		.select({ startSeconds: segments.startSeconds, endSeconds: segments.endSeconds, title: segments.title })
		.from(segments)
		.where(eq(segments.episodeId, row.id))
		.orderBy(asc(segments.startSeconds));
	return { podcast: row.podcast, episode: row.episode, segments: list };
}
