/** Reads what the search index holds from the database: everything at start-up, or just what a change touched. */
import { and, asc, isNull, sql, type SQLWrapper } from 'drizzle-orm';
import { anyOf } from '../db/long-lists';
import type { Db } from '../db/client';
import { episodePeople, episodes, people, podcasts, questions, questionSegments, segments } from '../db/schema';
import { htmlToText } from '../sanitize';
import { episodeStandIn, type EpisodeRecord, type IndexContent, type LinkRecord, type PersonRecord, type QuestionRecord, type SegmentRecord, type ShowRecord } from './content';

/** Which rows to read; an omitted list means all of them, an empty list none. */
export interface ContentSelection {
	podcastIds?: number[];
	episodeIds?: number[];
	questionIds?: number[];
	personIds?: number[];
	/** Links of these questions. */
	linkQuestionIds?: number[];
}

/** Hidden episodes (an editor's choice) are kept out of search, with their segments. */
const notHidden = sql`${segments.episodeId} NOT IN (SELECT ${episodes.id} FROM ${episodes} WHERE ${episodes.hiddenAt} IS NOT NULL)`;

const where = <T>(ids: number[] | undefined, column: T) => (ids === undefined ? undefined : anyOf(column as SQLWrapper, ids));

/** Loads index records. Episodes come with their people; pass personIds to also read those people's rows. */
export async function loadIndexContent(db: Db, selection: ContentSelection = {}): Promise<IndexContent> {
	const none = (ids: number[] | undefined) => ids !== undefined && ids.length === 0;
	const [showRows, episodeRows, segmentRows, castRows, questionRows, personRows, linkRows] = await Promise.all([
		none(selection.podcastIds)
			? []
			: db.select({ id: podcasts.id, slug: podcasts.slug, title: podcasts.title }).from(podcasts).where(where(selection.podcastIds, podcasts.id)),
		none(selection.episodeIds)
			? []
			: db
					.select({
						id: episodes.id,
						podcastId: episodes.podcastId,
						slug: episodes.slug,
						title: episodes.title,
						durationSeconds: episodes.durationSeconds,
						audioUrl: episodes.audioUrl,
						audioMimeType: episodes.audioMimeType,
						descriptionHtml: episodes.descriptionHtml
					})
					.from(episodes)
					.where(and(where(selection.episodeIds, episodes.id), isNull(episodes.hiddenAt))),
		none(selection.episodeIds)
			? []
			: db
					.select({
						id: segments.id,
						episodeId: segments.episodeId,
						position: segments.position,
						startSeconds: segments.startSeconds,
						endSeconds: segments.endSeconds,
						title: segments.title,
						summary: segments.summary,
						text: segments.text
					})
					.from(segments)
					.where(and(where(selection.episodeIds, segments.episodeId), notHidden))
					.orderBy(asc(segments.episodeId), asc(segments.startSeconds)),
		none(selection.episodeIds)
			? []
			: db
					.select({ episodeId: episodePeople.episodeId, personId: episodePeople.personId, role: episodePeople.role })
					.from(episodePeople)
					.where(where(selection.episodeIds, episodePeople.episodeId))
					.orderBy(asc(episodePeople.episodeId), asc(episodePeople.position)),
		none(selection.questionIds)
			? []
			: db
					.select({ id: questions.id, slug: questions.slug, text: questions.text, alternatives: questions.alternatives, featured: questions.featured })
					.from(questions)
					.where(where(selection.questionIds, questions.id)),
		none(selection.personIds)
			? []
			: db
					.select({ id: people.id, slug: people.slug, name: people.name, credentials: people.credentials, handle: people.handle, bio: people.bio })
					.from(people)
					.where(where(selection.personIds, people.id)),
		none(selection.linkQuestionIds) ? [] : loadLinks(db, selection.linkQuestionIds)
	]);

	const cast = new Map<number, EpisodeRecord['people']>();
	for (const row of castRows) {
		let list = cast.get(row.episodeId);
		if (!list) cast.set(row.episodeId, (list = []));
		list.push({ personId: row.personId, role: row.role });
	}
	// An episode without segments is still findable by its title and show notes (content.ts, episodeStandIn).
	const withSegments = new Set(segmentRows.map((s) => s.episodeId));
	const standIns = episodeRows.filter((e) => !withSegments.has(e.id)).map((e) => episodeStandIn(e, htmlToText(e.descriptionHtml ?? '')));
	return {
		shows: showRows satisfies ShowRecord[],
		episodes: episodeRows.map(({ descriptionHtml: _notes, ...e }) => ({ ...e, people: cast.get(e.id) ?? [] })) satisfies EpisodeRecord[],
		segments: [...segmentRows, ...standIns] satisfies SegmentRecord[],
		questions: questionRows satisfies QuestionRecord[],
		people: personRows satisfies PersonRecord[],
		links: linkRows
	};
}

/** The links of some questions (all questions when ids is omitted), by question and rank. */
export async function loadLinks(db: Db, questionIds?: number[]): Promise<LinkRecord[]> {
	if (questionIds?.length === 0) return [];
	return db
		.select({
			questionId: questionSegments.questionId,
			segmentId: questionSegments.segmentId,
			rank: questionSegments.rank,
			origin: questionSegments.origin,
			score: questionSegments.score
		})
		.from(questionSegments)
		.where(where(questionIds, questionSegments.questionId))
		.orderBy(asc(questionSegments.questionId), asc(questionSegments.rank));
}
