/**
 * An editor's changes to a segment: title, summary and boundaries. A boundary moved into a neighbour shrinks that
 * neighbour, so segments never overlap; a move that would swallow a neighbour, leave the episode or turn the segment
 * inside out is refused with what is wrong, and nothing changes. Edited segments (and neighbours moved by an edit)
 * get segments.edited_at: re-imports and automatic chaptering keep them.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { contentChanged } from '../content-events';
import type { Db, Tx } from '../db/client';
import { episodes, questionSegments, segments } from '../db/schema';
import { EditorError } from './errors';
import { logChange, quote } from './log';
import { cleanLine, cleanParagraphs } from './text';

export interface SegmentEdit {
	title?: string;
	/** null or blank removes the summary. */
	summary?: string | null;
	startSeconds?: number;
	endSeconds?: number;
}

/** Applies an editor's change to one segment (and the neighbours its new boundaries reach into). */
export async function editSegment(db: Db, segmentId: number, edit: SegmentEdit): Promise<void> {
	const title = edit.title === undefined ? undefined : cleanLine(edit.title, 'The segment title', 300);
	const summary = edit.summary === undefined ? undefined : cleanParagraphs(edit.summary, 'The summary', 4000);
	const episodeId = await db.transaction(async (tx) => {
		const [target] = await tx.select({ episodeId: segments.episodeId }).from(segments).where(eq(segments.id, segmentId));
		if (!target) throw new EditorError(`there is no segment ${segmentId}; it may have been deleted by a re-import.`);
		// Every segment of the episode, locked: two edits of neighbouring segments take turns.
		const all = await tx.select().from(segments).where(eq(segments.episodeId, target.episodeId)).orderBy(asc(segments.startSeconds)).for('update');
		const [episode] = await tx.select({ durationSeconds: episodes.durationSeconds }).from(episodes).where(eq(episodes.id, target.episodeId));
		const at = all.findIndex((s) => s.id === segmentId);
		const before = all[at]!;
		const prev = all[at - 1];
		const next = all[at + 1];
		const start = edit.startSeconds ?? before.startSeconds;
		const end = edit.endSeconds ?? before.endSeconds;
		checkBoundaries({ start, end, duration: episode?.durationSeconds ?? null, prev, next, title: before.title });

		const notes: string[] = [];
		const moved: number[] = [];
		const now = new Date();
		// Neighbours first: they only shrink, so once they have, the segment's new span overlaps nothing.
		if (prev && start < prev.endSeconds) {
			await tx.update(segments).set({ endSeconds: start, editedAt: now, updatedAt: now }).where(eq(segments.id, prev.id));
			notes.push(`segment ${prev.id} ${quote(prev.title, 40)} now ends at ${start} s`);
			moved.push(prev.id);
		}
		if (next && end > next.startSeconds) {
			await tx.update(segments).set({ startSeconds: end, editedAt: now, updatedAt: now }).where(eq(segments.id, next.id));
			notes.push(`segment ${next.id} ${quote(next.title, 40)} now starts at ${end} s`);
			moved.push(next.id);
		}
		const changes: string[] = [];
		if (title !== undefined && title !== before.title) changes.push(`renamed ${quote(before.title)} to ${quote(title)}`);
		if (summary !== undefined && summary !== before.summary) changes.push(summary === null ? 'removed the summary' : `summary ${quote(summary)}`);
		if (start !== before.startSeconds || end !== before.endSeconds) {
			changes.push(`moved from ${before.startSeconds}-${before.endSeconds} s to ${start}-${end} s`);
			moved.push(segmentId);
		}
		if (!changes.length) return null;
		await tx
			.update(segments)
			.set({ title: title ?? before.title, summary: summary === undefined ? before.summary : summary, startSeconds: start, endSeconds: end, editedAt: now, updatedAt: now })
			.where(eq(segments.id, segmentId));
		if (moved.length) await followBoundaries(tx, target.episodeId, moved);
		await logChange(tx, 'segment', segmentId, `segment ${segmentId} of episode ${target.episodeId}: ${[...changes, ...notes].join('; ')}`);
		return target.episodeId;
	}).catch(explainRuleViolation);
	if (episodeId !== null) await contentChanged({ episodeIds: [episodeId] });
}

interface Neighbour {
	id: number;
	title: string;
	startSeconds: number;
	endSeconds: number;
}

function checkBoundaries({ start, end, duration, prev, next, title }: { start: number; end: number; duration: number | null; prev?: Neighbour; next?: Neighbour; title: string }): void {
	const name = quote(title, 60);
	if (!Number.isFinite(start) || !Number.isFinite(end)) throw new EditorError(`segment ${name}: the start and end must be numbers of seconds.`);
	if (start < 0) throw new EditorError(`segment ${name} cannot start before the episode does (got ${start} s).`);
	if (end <= start) throw new EditorError(`segment ${name} must end after it starts (got ${start} s to ${end} s).`);
	if (duration !== null && end > duration) throw new EditorError(`segment ${name} cannot end at ${end} s: the episode ends at ${duration} s.`);
	if (prev && start <= prev.startSeconds) {
		throw new EditorError(
			`segment ${name} cannot start at ${start} s: the segment before it, ${quote(prev.title, 60)}, starts at ${prev.startSeconds} s and would vanish. Start later, or edit that one first.`
		);
	}
	if (next && end >= next.endSeconds) {
		throw new EditorError(
			`segment ${name} cannot end at ${end} s: the segment after it, ${quote(next.title, 60)}, ends at ${next.endSeconds} s and would vanish. End earlier, or edit that one first.`
		);
	}
}

/** After boundaries move: the segments' transcript text follows (when the episode has a transcript), cited moments outside are dropped. */
async function followBoundaries(tx: Tx, episodeId: number, segmentIds: number[]): Promise<void> {
	await tx.execute(sql`
		UPDATE segments s SET text = (
			SELECT string_agg(c.text, ' ' ORDER BY c.position) FROM transcript_cues c
			WHERE c.episode_id = s.episode_id AND c.start_seconds >= s.start_seconds AND c.start_seconds < s.end_seconds)
		WHERE s.id IN (${sql.join(segmentIds.map((id) => sql`${id}`), sql`, `)})
			AND EXISTS (SELECT 1 FROM transcript_cues WHERE episode_id = ${episodeId})`);
	// A cited moment that no longer lies inside its segment cites the whole segment instead.
	await tx
		.update(questionSegments)
		.set({ startSeconds: null, endSeconds: null })
		.where(
			and(
				inArray(questionSegments.segmentId, segmentIds),
				sql`${questionSegments.startSeconds} IS NOT NULL`,
				sql`NOT EXISTS (SELECT 1 FROM segments s WHERE s.id = ${questionSegments.segmentId}
					AND ${questionSegments.startSeconds} >= s.start_seconds AND ${questionSegments.endSeconds} <= s.end_seconds)`
			)
		);
}

/** The database's own segment rules (no overlap, inside the episode) as an editor's message, should a check above miss one. */
function explainRuleViolation(error: unknown): never {
	const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
	if (code === '23P01') throw new EditorError('those boundaries would make two segments overlap; nothing was changed.');
	if (code === '23514') {
		const message = (error as { message?: string; cause?: { message?: string } }).cause?.message ?? (error as Error).message;
		throw new EditorError(`${message}; nothing was changed.`);
	}
	throw error;
}
