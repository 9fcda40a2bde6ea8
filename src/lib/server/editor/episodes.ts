/**
 * Hiding and deleting episodes and shows. Hidden episodes drop out of listings, search and the sitemap, and their
 * pages answer 404; a re-import keeps them hidden. Deleting takes everything that depends on the episode with it
 * (the database cascades), including its question citations; mined questions left citing nothing go too, while
 * editorial and promoted ones stay for an editor to answer again.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { contentChanged } from '../content-events';
import type { Db, Tx } from '../db/client';
import { episodes, podcasts, questions, questionSegments, segments } from '../db/schema';
import { EditorError } from './errors';
import { logChange, quote } from './log';

/** Hides an episode (or shows it again with `hidden` false). */
export async function hideEpisode(db: Db, episodeId: number, hidden = true): Promise<void> {
	const changed = await db.transaction(async (tx) => {
		const [episode] = await tx.select().from(episodes).where(eq(episodes.id, episodeId)).for('update');
		if (!episode) throw new EditorError(`there is no episode ${episodeId}.`);
		if ((episode.hiddenAt !== null) === hidden) return false;
		await tx.update(episodes).set({ hiddenAt: hidden ? new Date() : null, updatedAt: new Date() }).where(eq(episodes.id, episodeId));
		await logChange(tx, 'episode', episodeId, `${hidden ? 'hid' : 'unhid'} episode ${episodeId} ${quote(episode.title)}`);
		return true;
	});
	if (changed) await contentChanged({ episodeIds: [episodeId] });
}

/** Hides every episode of a show (or shows them all again). */
export async function hideShow(db: Db, podcastId: number, hidden = true): Promise<void> {
	const episodeIds = await db.transaction(async (tx) => {
		const show = await getShow(tx, podcastId);
		const rows = await tx
			.update(episodes)
			.set({ hiddenAt: hidden ? new Date() : null, updatedAt: new Date() })
			.where(and(eq(episodes.podcastId, podcastId), hidden ? isNull(episodes.hiddenAt) : sql`${episodes.hiddenAt} IS NOT NULL`))
			.returning({ id: episodes.id });
		await logChange(tx, 'show', podcastId, `${hidden ? 'hid' : 'unhid'} show ${quote(show.title)} (${show.slug}): ${rows.length} episode(s)`);
		return rows.map((r) => r.id);
	});
	if (episodeIds.length) await contentChanged({ episodeIds });
}

/** Deletes an episode with its segments, transcript, people links and citations. */
export async function deleteEpisode(db: Db, episodeId: number): Promise<{ questionsDeleted: number }> {
	const result = await db.transaction(async (tx) => {
		const [episode] = await tx.select().from(episodes).where(eq(episodes.id, episodeId)).for('update');
		if (!episode) throw new EditorError(`there is no episode ${episodeId}.`);
		const cited = await questionsCitingEpisodes(tx, [episodeId]);
		await tx.delete(episodes).where(eq(episodes.id, episodeId));
		const orphans = await deleteOrphanedMinedQuestions(tx, cited);
		await closeUpRanks(tx, cited);
		await logChange(tx, 'episode', episodeId, `deleted episode ${episodeId} ${quote(episode.title)}${orphanNote(orphans)}`);
		return { cited, orphans };
	});
	await contentChanged({ episodeIds: [episodeId], questionIds: result.cited });
	return { questionsDeleted: result.orphans.length };
}

/** Deletes a show with all its episodes and everything that depends on them. */
export async function deleteShow(db: Db, podcastId: number): Promise<{ episodesDeleted: number; questionsDeleted: number }> {
	const result = await db.transaction(async (tx) => {
		const show = await getShow(tx, podcastId);
		const episodeIds = (await tx.select({ id: episodes.id }).from(episodes).where(eq(episodes.podcastId, podcastId))).map((e) => e.id);
		const cited = await questionsCitingEpisodes(tx, episodeIds);
		await tx.delete(podcasts).where(eq(podcasts.id, podcastId));
		const orphans = await deleteOrphanedMinedQuestions(tx, cited);
		await closeUpRanks(tx, cited);
		await logChange(tx, 'show', podcastId, `deleted show ${quote(show.title)} (${show.slug}) with ${episodeIds.length} episode(s)${orphanNote(orphans)}`);
		return { episodeIds, cited, orphans };
	});
	await contentChanged({ podcastIds: [podcastId], episodeIds: result.episodeIds, questionIds: result.cited });
	return { episodesDeleted: result.episodeIds.length, questionsDeleted: result.orphans.length };
}

async function getShow(tx: Tx, podcastId: number) {
	const [show] = await tx.select().from(podcasts).where(eq(podcasts.id, podcastId)).for('update');
	if (!show) throw new EditorError(`there is no show ${podcastId}.`);
	return show;
}

async function questionsCitingEpisodes(tx: Tx, episodeIds: number[]): Promise<number[]> {
	if (!episodeIds.length) return [];
	const rows = await tx
		.selectDistinct({ id: questionSegments.questionId })
		.from(questionSegments)
		.innerJoin(segments, eq(segments.id, questionSegments.segmentId))
		.where(inArray(segments.episodeId, episodeIds));
	return rows.map((r) => r.id);
}

/** Mined questions among `questionIds` that now cite nothing, and that no editor has touched: a page with no answer. */
async function deleteOrphanedMinedQuestions(tx: Tx, questionIds: number[]): Promise<{ id: number; text: string }[]> {
	if (!questionIds.length) return [];
	return tx
		.delete(questions)
		.where(
			and(
				inArray(questions.id, questionIds),
				eq(questions.origin, 'mined'),
				isNull(questions.editedAt),
				sql`NOT EXISTS (SELECT 1 FROM question_segments qs WHERE qs.question_id = ${questions.id})`
			)
		)
		.returning({ id: questions.id, text: questions.text });
}

/** The citations left to these questions, numbered 1..n again in their order. */
async function closeUpRanks(tx: Tx, questionIds: number[]): Promise<void> {
	if (!questionIds.length) return;
	await tx.execute(sql`
		UPDATE question_segments qs SET rank = r.n
		FROM (SELECT question_id, segment_id, row_number() OVER (PARTITION BY question_id ORDER BY rank, segment_id) AS n
			FROM question_segments WHERE question_id IN (${sql.join(questionIds.map((id) => sql`${id}`), sql`, `)})) r
		WHERE qs.question_id = r.question_id AND qs.segment_id = r.segment_id AND qs.rank <> r.n`);
}

function orphanNote(orphans: { id: number }[]): string {
	return orphans.length ? `; ${orphans.length} mined question(s) left without citations deleted (${orphans.map((o) => o.id).join(', ')})` : '';
}
