/** Questions people ask, and the segments that answer them. */
import { and, asc, count, desc, eq, isNull, like, max } from 'drizzle-orm';
import { anyOf } from './db/long-lists';
import { timeParamValue } from '../timestamp';
import { contentChanged } from './content-events';
import type { Db } from './db/client';
import { editorChanges, episodePeople, episodes, people, podcasts, questions, questionSegments, segments } from './db/schema';

export interface QuestionSummary {
	slug: string;
	text: string;
}

/** Featured questions first, then the rest, for the home page and empty search. */
export async function listFeaturedQuestions(db: Db, limit = 8): Promise<QuestionSummary[]> {
	return db
		.select({ slug: questions.slug, text: questions.text })
		.from(questions)
		.orderBy(desc(questions.featured), asc(questions.id))
		.limit(limit);
}

/** Every question, alphabetically, with how many segments answer it and where it came from: the /questions index. */
export async function listQuestions(db: Db): Promise<(QuestionSummary & { featured: boolean; answers: number; origin: QuestionOrigin })[]> {
	return db
		.select({
			slug: questions.slug,
			text: questions.text,
			featured: questions.featured,
			origin: questions.origin,
			answers: count(questionSegments.segmentId)
		})
		.from(questions)
		.leftJoin(questionSegments, eq(questionSegments.questionId, questions.id))
		.groupBy(questions.id)
		.orderBy(asc(questions.text));
}

/** editorial: written by an editor; mined: asked in an episode; asked: promoted from what visitors asked. */
export type QuestionOrigin = 'editorial' | 'mined' | 'asked';

/** One numbered source of a question's answer: a segment, where it is, and who is speaking. */
export interface Citation {
	/** 1-based: the [n] of the answer. */
	n: number;
	/** mined: the moment the question was asked and answered in the episode. */
	origin: 'editorial' | 'auto' | 'mined';
	excerpt: string | null;
	/** The cited moment inside the segment (a mined question: from the question to the end of its answer); null: the whole segment. */
	moment: { startSeconds: number; endSeconds: number } | null;
	segment: { id: number; title: string; summary: string | null; startSeconds: number; endSeconds: number; url: string };
	episode: { slug: string; title: string; url: string; audioUrl: string | null; audioMimeType: string | null };
	show: { slug: string; title: string; url: string };
	guests: { slug: string; name: string; credentials: string | null }[];
}

export interface QuestionPage {
	question: { id: number; slug: string; text: string; alternatives: string[]; answer: string | null; featured: boolean; origin: QuestionOrigin };
	citations: Citation[];
	/** The episodes and shows the citations come from (for the response cache's tags, cache-tags.ts). */
	sources: { episodeIds: number[]; podcastIds: number[] };
}

/** A question with its citations (editorial first, by rank); null when there is no such question. */
export async function getQuestionPage(db: Db, slug: string): Promise<QuestionPage | null> {
	const [question] = await db
		.select({
			id: questions.id,
			slug: questions.slug,
			text: questions.text,
			alternatives: questions.alternatives,
			answer: questions.answer,
			featured: questions.featured,
			origin: questions.origin
		})
		.from(questions)
		.where(eq(questions.slug, slug));
	if (!question) return null;

	const rows = await db
		.select({
			origin: questionSegments.origin,
			excerpt: questionSegments.excerpt,
			momentStart: questionSegments.startSeconds,
			momentEnd: questionSegments.endSeconds,
			segment: {
				id: segments.id,
				title: segments.title,
				summary: segments.summary,
				startSeconds: segments.startSeconds,
				endSeconds: segments.endSeconds
			},
			episodeId: episodes.id,
			podcastId: episodes.podcastId,
			episode: { slug: episodes.slug, title: episodes.title, audioUrl: episodes.audioUrl, audioMimeType: episodes.audioMimeType },
			show: { slug: podcasts.slug, title: podcasts.title }
		})
		.from(questionSegments)
		.innerJoin(segments, eq(segments.id, questionSegments.segmentId))
		.innerJoin(episodes, eq(episodes.id, segments.episodeId))
		.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
		.where(and(eq(questionSegments.questionId, question.id), isNull(episodes.hiddenAt)))
		.orderBy(asc(questionSegments.rank), asc(segments.startSeconds));

	const episodeIds = [...new Set(rows.map((r) => r.episodeId))];
	const guestRows = episodeIds.length
		? await db
				.select({ episodeId: episodePeople.episodeId, slug: people.slug, name: people.name, credentials: people.credentials })
				.from(episodePeople)
				.innerJoin(people, eq(people.id, episodePeople.personId))
				.where(and(anyOf(episodePeople.episodeId, episodeIds), eq(episodePeople.role, 'guest')))
				.orderBy(asc(episodePeople.position))
		: [];

	const citations = rows.map((row, i): Citation => {
		const episodeUrl = `/podcasts/${row.show.slug}/${row.episode.slug}`;
		const moment = row.momentStart !== null && row.momentEnd !== null && row.momentEnd > row.momentStart ? { startSeconds: row.momentStart, endSeconds: row.momentEnd } : null;
		// A moment plays from its start to its end (?t=start,end); a whole segment from its start on.
		const time = moment ? { start: moment.startSeconds, end: moment.endSeconds } : { start: row.segment.startSeconds, end: null };
		return {
			n: i + 1,
			origin: row.origin,
			excerpt: row.excerpt,
			moment,
			segment: { ...row.segment, url: `${episodeUrl}?t=${timeParamValue(time)}` },
			episode: { ...row.episode, url: episodeUrl },
			show: { ...row.show, url: `/podcasts/${row.show.slug}` },
			guests: guestRows.filter((g) => g.episodeId === row.episodeId).map(({ slug, name, credentials }) => ({ slug, name, credentials }))
		};
	});
	return { question, citations, sources: { episodeIds, podcastIds: [...new Set(rows.map((r) => r.podcastId))] } };
}

export interface QuestionInput {
	slug: string;
	text: string;
	alternatives?: string[];
	answer?: string | null;
	featured?: boolean;
}

/** Creates or updates a question by slug, then lets search re-index it and recompute its automatic links. */
export async function saveQuestion(db: Db, input: QuestionInput): Promise<number> {
	const values = {
		slug: input.slug,
		text: input.text,
		alternatives: input.alternatives ?? [],
		answer: input.answer ?? null,
		featured: input.featured ?? false
	};
	const [row] = await db
		.insert(questions)
		.values(values)
		.onConflictDoUpdate({ target: questions.slug, set: { ...values, updatedAt: new Date() } })
		.returning({ id: questions.id });
	await contentChanged({ questionIds: [row!.id] });
	return row!.id;
}

/** Deletes a question (its links go with it) and takes it out of search. */
export async function deleteQuestion(db: Db, questionId: number): Promise<void> {
	await db.delete(questions).where(eq(questions.id, questionId));
	await contentChanged({ questionIds: [questionId] });
}

/**
 * Pins a segment as an editorial answer to a question, cited after the existing editorial links and before the
 * automatic ones (which are then recomputed around it). An automatic link to the same segment becomes editorial.
 */
export async function linkQuestionToSegment(db: Db, questionId: number, segmentId: number, excerpt: string | null = null): Promise<void> {
	await db.transaction(async (tx) => {
		// The question's row lock, as every server recomputing its automatic links takes it: they never interleave.
		await tx.select({ id: questions.id }).from(questions).where(eq(questions.id, questionId)).for('update');
		const [row] = await tx
			.select({ rank: max(questionSegments.rank) })
			.from(questionSegments)
			.where(and(eq(questionSegments.questionId, questionId), eq(questionSegments.origin, 'editorial')));
		const values = { questionId, segmentId, rank: (row?.rank ?? 0) + 1, excerpt, origin: 'editorial' as const, score: null };
		await tx
			.insert(questionSegments)
			.values(values)
			.onConflictDoUpdate({ target: [questionSegments.questionId, questionSegments.segmentId], set: { ...values, updatedAt: new Date() } });
	});
	await contentChanged({ questionIds: [questionId] });
}

/** A question answered in a show, with how many of the show's moments answer it. */
export interface ShowQuestion extends QuestionSummary {
	origin: QuestionOrigin;
	moments: number;
}

/**
 * The questions answered in a show's visible episodes (by any citation: mined, editorial or automatic), those
 * answered by most of its moments first: the show page's "Questions answered in this show".
 */
export async function listShowQuestions(db: Db, podcastSlug: string, limit = 30): Promise<ShowQuestion[]> {
	return db
		.select({ slug: questions.slug, text: questions.text, origin: questions.origin, moments: count(questionSegments.segmentId) })
		.from(questions)
		.innerJoin(questionSegments, eq(questionSegments.questionId, questions.id))
		.innerJoin(segments, eq(segments.id, questionSegments.segmentId))
		.innerJoin(episodes, eq(episodes.id, segments.episodeId))
		.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
		.where(and(eq(podcasts.slug, podcastSlug), isNull(episodes.hiddenAt)))
		.groupBy(questions.id)
		.orderBy(desc(count(questionSegments.segmentId)), asc(questions.text))
		.limit(limit);
}

/** A merge chain (A into B, B into C ...) is followed at most this far. */
const MAX_MERGE_HOPS = 10;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Where a merged question's address now points: the slug of the question it was merged into (following later
 * merges of that one), or null when no question was merged from this slug or the one kept is gone. Merges are
 * read from the editor's change log (the editor wing writes "merged question <id> "<text>" (/questions/<slug>) into
 * question <id>" with the kept question as its target), so no column records them.
 */
export async function findMergedQuestionSlug(db: Db, slug: string): Promise<string | null> {
	if (!SLUG.test(slug)) return null; // nothing else was ever a question's address (and no LIKE wildcards get in)
	const [merge] = await db
		.select({ intoId: editorChanges.targetId })
		.from(editorChanges)
		.where(and(eq(editorChanges.target, 'question'), like(editorChanges.action, `merged question % (/questions/${slug}) into question %`)))
		.orderBy(desc(editorChanges.id))
		.limit(1);
	let id = merge?.intoId ?? null;
	for (let hop = 0; id !== null && hop < MAX_MERGE_HOPS; hop++) {
		const [kept] = await db.select({ slug: questions.slug }).from(questions).where(eq(questions.id, id));
		if (kept) return kept.slug;
		// The kept question was merged on in turn: its own merge names it by id.
		const [next] = await db
			.select({ intoId: editorChanges.targetId })
			.from(editorChanges)
			.where(and(eq(editorChanges.target, 'question'), like(editorChanges.action, `merged question ${id} %`)))
			.orderBy(desc(editorChanges.id))
			.limit(1);
		id = next?.intoId ?? null;
	}
	return null;
}
