/** What the editor's pages and commands read: questions, citations, shows, episodes and segments, hidden ones included. */
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { episodes, podcasts, questions, questionSegments, segments } from '../db/schema';

export interface EditorQuestionRow {
	id: number;
	slug: string;
	text: string;
	origin: 'editorial' | 'mined' | 'asked';
	featured: boolean;
	edited: boolean;
	citations: number;
}

/** Questions matching `search` (in the wording or other phrasings; all when blank), edited and featured first. */
export async function listQuestionsForEditor(db: Db, search = '', limit = 200): Promise<EditorQuestionRow[]> {
	const pattern = `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	const rows = await db
		.select({
			id: questions.id,
			slug: questions.slug,
			text: questions.text,
			origin: questions.origin,
			featured: questions.featured,
			editedAt: questions.editedAt,
			citations: count(questionSegments.segmentId)
		})
		.from(questions)
		.leftJoin(questionSegments, eq(questionSegments.questionId, questions.id))
		.where(search.trim() ? or(ilike(questions.text, pattern), sql`array_to_string(${questions.alternatives}, ' ') ILIKE ${pattern}`) : undefined)
		.groupBy(questions.id)
		.orderBy(asc(questions.text))
		.limit(limit);
	return rows.map(({ editedAt, ...r }) => ({ ...r, edited: editedAt !== null }));
}

export interface EditorCitation {
	segmentId: number;
	rank: number;
	origin: 'editorial' | 'auto' | 'mined';
	score: number | null;
	startSeconds: number | null;
	endSeconds: number | null;
	excerpt: string | null;
	segment: { title: string; startSeconds: number; endSeconds: number };
	episode: { id: number; title: string; hidden: boolean };
	show: { title: string };
}

/** One question with its citations in page order; null when there is none. */
export async function getQuestionForEditor(db: Db, questionId: number) {
	const [question] = await db.select().from(questions).where(eq(questions.id, questionId));
	if (!question) return null;
	const citations: EditorCitation[] = (
		await db
			.select({
				segmentId: questionSegments.segmentId,
				rank: questionSegments.rank,
				origin: questionSegments.origin,
				score: questionSegments.score,
				startSeconds: questionSegments.startSeconds,
				endSeconds: questionSegments.endSeconds,
				excerpt: questionSegments.excerpt,
				segment: { title: segments.title, startSeconds: segments.startSeconds, endSeconds: segments.endSeconds },
				episode: { id: episodes.id, title: episodes.title, hiddenAt: episodes.hiddenAt },
				show: { title: podcasts.title }
			})
			.from(questionSegments)
			.innerJoin(segments, eq(segments.id, questionSegments.segmentId))
			.innerJoin(episodes, eq(episodes.id, segments.episodeId))
			.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
			.where(eq(questionSegments.questionId, questionId))
			.orderBy(asc(questionSegments.rank), asc(questionSegments.segmentId))
	).map(({ episode: { hiddenAt, ...episode }, ...c }) => ({ ...c, episode: { ...episode, hidden: hiddenAt !== null } }));
	return {
		question: {
			id: question.id,
			slug: question.slug,
			text: question.text,
			alternatives: question.alternatives,
			answer: question.answer,
			featured: question.featured,
			origin: question.origin,
			editedAt: question.editedAt?.toISOString() ?? null
		},
		citations
	};
}

export interface SegmentHit {
	id: number;
	title: string;
	startSeconds: number;
	endSeconds: number;
	episodeTitle: string;
	showTitle: string;
}

/** Segments to pin: by number ("#123" or "123"), or whose title, summary or transcript text contains the words. */
export async function findSegments(db: Db, search: string, limit = 20): Promise<SegmentHit[]> {
	const text = search.trim();
	if (!text) return [];
	const id = /^#?(\d{1,9})$/.exec(text)?.[1];
	const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	return db
		.select({
			id: segments.id,
			title: segments.title,
			startSeconds: segments.startSeconds,
			endSeconds: segments.endSeconds,
			episodeTitle: episodes.title,
			showTitle: podcasts.title
		})
		.from(segments)
		.innerJoin(episodes, eq(episodes.id, segments.episodeId))
		.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
		.where(id ? eq(segments.id, Number(id)) : or(ilike(segments.title, pattern), ilike(segments.summary, pattern), ilike(segments.text, pattern)))
		.orderBy(sql`${segments.title} ILIKE ${pattern} DESC`, asc(segments.id))
		.limit(limit);
}

export interface EditorShowRow {
	id: number;
	slug: string;
	title: string;
	episodes: number;
	hiddenEpisodes: number;
}

/** Every show with how many of its episodes there are and how many are hidden. */
export async function listShowsForEditor(db: Db): Promise<EditorShowRow[]> {
	return db
		.select({
			id: podcasts.id,
			slug: podcasts.slug,
			title: podcasts.title,
			episodes: count(episodes.id),
			hiddenEpisodes: sql<number>`count(${episodes.hiddenAt})::int`
		})
		.from(podcasts)
		.leftJoin(episodes, eq(episodes.podcastId, podcasts.id))
		.groupBy(podcasts.id)
		.orderBy(asc(podcasts.title));
}

/** A show and its episodes (newest first), hidden ones marked; null when there is none. */
export async function getShowForEditor(db: Db, podcastId: number) {
	const [show] = await db.select({ id: podcasts.id, slug: podcasts.slug, title: podcasts.title }).from(podcasts).where(eq(podcasts.id, podcastId));
	if (!show) return null;
	const list = await db
		.select({ id: episodes.id, slug: episodes.slug, title: episodes.title, hiddenAt: episodes.hiddenAt, segments: count(segments.id) })
		.from(episodes)
		.leftJoin(segments, eq(segments.episodeId, episodes.id))
		.where(eq(episodes.podcastId, podcastId))
		.groupBy(episodes.id)
		.orderBy(sql`${episodes.publishedAt} DESC NULLS LAST`, desc(episodes.id));
	return { show, episodes: list.map(({ hiddenAt, ...e }) => ({ ...e, hidden: hiddenAt !== null })) };
}

/** An episode with its show and segments, for editing; null when there is none. */
export async function getEpisodeForEditor(db: Db, episodeId: number) {
	const [row] = await db
		.select({
			episode: { id: episodes.id, slug: episodes.slug, title: episodes.title, durationSeconds: episodes.durationSeconds, hiddenAt: episodes.hiddenAt },
			show: { id: podcasts.id, slug: podcasts.slug, title: podcasts.title }
		})
		.from(episodes)
		.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
		.where(eq(episodes.id, episodeId));
	if (!row) return null;
	const list = await db
		.select({
			id: segments.id,
			position: segments.position,
			startSeconds: segments.startSeconds,
			endSeconds: segments.endSeconds,
			title: segments.title,
			summary: segments.summary,
			origin: segments.origin,
			editedAt: segments.editedAt
		})
		.from(segments)
		.where(eq(segments.episodeId, episodeId))
		.orderBy(asc(segments.startSeconds));
	const { hiddenAt, ...episode } = row.episode;
	return {
		show: row.show,
		episode: { ...episode, hidden: hiddenAt !== null },
		segments: list.map(({ editedAt, ...s }) => ({ ...s, edited: editedAt !== null }))
	};
}

/** How many segments of these episodes an editor has changed (re-imports keep those episodes' segments). */
export async function countEditedSegments(db: Db, episodeIds: number[]): Promise<number> {
	if (!episodeIds.length) return 0;
	const [row] = await db
		.select({ n: count() })
		.from(segments)
		.where(and(inArray(segments.episodeId, episodeIds), isNotNull(segments.editedAt)));
	return row?.n ?? 0;
}

/** A question's id from its number ("12", "#12"), slug or address ("/questions/slug"); null when there is none. */
export async function findQuestionId(db: Db, reference: string): Promise<number | null> {
	const text = reference.trim();
	const byNumber = /^#?(\d{1,9})$/.exec(text)?.[1];
	const slug = text.replace(/^.*\/questions\//, '').replace(/[?#].*$/, '');
	const [row] = await db
		.select({ id: questions.id })
		.from(questions)
		.where(byNumber ? eq(questions.id, Number(byNumber)) : eq(questions.slug, slug));
	return row?.id ?? null;
}
