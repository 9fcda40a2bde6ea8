/**
 * An editor's citations: pin a segment to a question (origin 'editorial', never overwritten by automatic links),
 * unpin one, reorder the pinned ones, and mark the moment inside the segment that answers. Pinned citations (editorial
 * and mined) come first, ranked 1..n in the editor's order; automatic ones follow and are recomputed by search.
 */
import { and, asc, eq } from 'drizzle-orm';
import { contentChanged } from '../content-events';
import type { Db, Tx } from '../db/client';
import { questions, questionSegments, segments } from '../db/schema';
import { EditorError } from './errors';
import { logChange, quote } from './log';
import { lockQuestion } from './questions';
import { cleanParagraphs } from './text';

export interface Moment {
	startSeconds: number;
	endSeconds: number;
}

export interface PinOptions {
	/** The answering moment inside the segment; omitted: the whole segment. */
	moment?: Moment | null;
	excerpt?: string | null;
}

/** Pins a segment to a question after its other pinned citations (or updates the moment of one already pinned). */
export async function pinCitation(db: Db, questionId: number, segmentId: number, options: PinOptions = {}): Promise<void> {
	const excerpt = cleanParagraphs(options.excerpt, 'The excerpt', 1000);
	await db.transaction(async (tx) => {
		await lockQuestion(tx, questionId);
		const [segment] = await tx.select().from(segments).where(eq(segments.id, segmentId));
		if (!segment) throw new EditorError(`there is no segment ${segmentId} to pin.`);
		const moment = options.moment ?? null;
		if (moment) checkMoment(moment, segment);
		const links = await linksOf(tx, questionId);
		const existing = links.find((l) => l.segmentId === segmentId);
		const values = {
			origin: 'editorial' as const,
			score: null,
			startSeconds: moment?.startSeconds ?? null,
			endSeconds: moment?.endSeconds ?? null,
			excerpt: excerpt ?? existing?.excerpt ?? null,
			updatedAt: new Date()
		};
		if (existing) {
			await tx.update(questionSegments).set(values).where(and(eq(questionSegments.questionId, questionId), eq(questionSegments.segmentId, segmentId)));
		} else {
			await tx.insert(questionSegments).values({ questionId, segmentId, rank: links.length + 1, ...values });
		}
		const pinned = links.filter((l) => l.origin !== 'auto' && l.segmentId !== segmentId).map((l) => l.segmentId);
		const keepPlace = existing && existing.origin !== 'auto';
		const order = keepPlace ? links.filter((l) => l.origin !== 'auto').map((l) => l.segmentId) : [...pinned, segmentId];
		await renumber(tx, questionId, order);
		await touchQuestion(tx, questionId);
		const where = moment ? ` at ${moment.startSeconds}-${moment.endSeconds} s` : '';
		const action =
			existing?.origin === 'editorial'
				? `changed the pinned citation of segment ${segmentId} on question ${questionId}${where}`
				: `pinned segment ${segmentId} ${quote(segment.title, 60)} to question ${questionId}${where}`;
		await logChange(tx, 'citation', questionId, action);
	});
	await contentChanged({ questionIds: [questionId] });
}

/** Removes a citation from a question (automatic links may cite the segment again if search finds it answers). */
export async function unpinCitation(db: Db, questionId: number, segmentId: number): Promise<void> {
	await db.transaction(async (tx) => {
		await lockQuestion(tx, questionId);
		const links = await linksOf(tx, questionId);
		if (!links.some((l) => l.segmentId === segmentId)) throw new EditorError(`question ${questionId} does not cite segment ${segmentId}.`);
		await tx.delete(questionSegments).where(and(eq(questionSegments.questionId, questionId), eq(questionSegments.segmentId, segmentId)));
		await renumber(tx, questionId, links.filter((l) => l.origin !== 'auto' && l.segmentId !== segmentId).map((l) => l.segmentId));
		await touchQuestion(tx, questionId);
		await logChange(tx, 'citation', questionId, `unpinned segment ${segmentId} from question ${questionId}`);
	});
	await contentChanged({ questionIds: [questionId] });
}

/** Puts a question's pinned citations in this order (every pinned segment, each once). */
export async function reorderCitations(db: Db, questionId: number, segmentIds: number[]): Promise<void> {
	await db.transaction(async (tx) => {
		await lockQuestion(tx, questionId);
		const pinned = (await linksOf(tx, questionId)).filter((l) => l.origin !== 'auto').map((l) => l.segmentId);
		const same = segmentIds.length === pinned.length && new Set(segmentIds).size === pinned.length && segmentIds.every((id) => pinned.includes(id));
		if (!same) {
			throw new EditorError(`give every pinned segment of question ${questionId} once (${pinned.join(', ') || 'none'}); got ${segmentIds.join(', ') || 'none'}.`);
		}
		if (segmentIds.every((id, i) => id === pinned[i])) return;
		await renumber(tx, questionId, segmentIds);
		await touchQuestion(tx, questionId);
		await logChange(tx, 'citation', questionId, `reordered question ${questionId}'s citations: segments ${segmentIds.join(', ')}`);
	});
	await contentChanged({ questionIds: [questionId] });
}

/** Moves one pinned citation a place up or down (the buttons on the question's editor page). */
export async function moveCitation(db: Db, questionId: number, segmentId: number, direction: 'up' | 'down'): Promise<void> {
	const pinned = (await linksOf(db, questionId)).filter((l) => l.origin !== 'auto').map((l) => l.segmentId);
	const at = pinned.indexOf(segmentId);
	if (at < 0) throw new EditorError(`segment ${segmentId} is not pinned to question ${questionId}; pin it first.`);
	const to = direction === 'up' ? at - 1 : at + 1;
	if (to < 0 || to >= pinned.length) return;
	[pinned[at], pinned[to]] = [pinned[to]!, pinned[at]!];
	await reorderCitations(db, questionId, pinned);
}

/** Refuses a moment that is empty or not inside its segment. */
export function checkMoment(moment: Moment, segment: { startSeconds: number; endSeconds: number; id: number }): void {
	if (!(moment.endSeconds > moment.startSeconds)) {
		throw new EditorError(`the moment must end after it starts (got ${moment.startSeconds} s to ${moment.endSeconds} s).`);
	}
	if (moment.startSeconds < segment.startSeconds || moment.endSeconds > segment.endSeconds) {
		throw new EditorError(
			`the moment ${moment.startSeconds}-${moment.endSeconds} s is not inside segment ${segment.id} (${segment.startSeconds}-${segment.endSeconds} s).`
		);
	}
}

async function linksOf(db: Db | Tx, questionId: number) {
	return db
		.select({ segmentId: questionSegments.segmentId, origin: questionSegments.origin, rank: questionSegments.rank, excerpt: questionSegments.excerpt })
		.from(questionSegments)
		.where(eq(questionSegments.questionId, questionId))
		.orderBy(asc(questionSegments.rank), asc(questionSegments.segmentId));
}

/** Ranks 1..n for the pinned segments in `order`, then the automatic ones after, in their current order. */
async function renumber(tx: Tx, questionId: number, order: number[]): Promise<void> {
	const auto = (await linksOf(tx, questionId)).filter((l) => l.origin === 'auto' && !order.includes(l.segmentId)).map((l) => l.segmentId);
	for (const [i, segmentId] of [...order, ...auto].entries()) {
		await tx
			.update(questionSegments)
			.set({ rank: i + 1 })
			.where(and(eq(questionSegments.questionId, questionId), eq(questionSegments.segmentId, segmentId)));
	}
}

async function touchQuestion(tx: Tx, questionId: number): Promise<void> {
	await tx.update(questions).set({ editedAt: new Date(), updatedAt: new Date() }).where(eq(questions.id, questionId));
}
