/**
 * An editor's changes to questions: create, edit, answer, merge, delete. Each writes its change and its log entry in
 * one transaction, sets questions.edited_at (so the miner never rewrites the question), then announces the change.
 */
import { and, asc, eq, inArray, like, max, ne, or } from 'drizzle-orm';
import { slugify } from '../../slug';
import { contentChanged } from '../content-events';
import type { Db, Tx } from '../db/client';
import { questions, questionSegments } from '../db/schema';
import { EditorError } from './errors';
import { logChange, quote } from './log';
import { cleanAlternatives, cleanLine, cleanParagraphs } from './text';

const MAX_QUESTION = 300;
const MAX_ANSWER = 5000;

export interface NewQuestionInput {
	text: string;
	alternatives?: string[];
	answer?: string | null;
	featured?: boolean;
	/** 'asked' for one promoted from what visitors asked; default 'editorial'. */
	origin?: 'editorial' | 'asked';
}

/** Creates an editorial question with a slug made from its text (numbered when taken); returns its id and slug. */
export async function createQuestion(db: Db, input: NewQuestionInput, inTx?: (tx: Tx, id: number) => Promise<void>): Promise<{ id: number; slug: string }> {
	const text = cleanLine(input.text, 'The question', MAX_QUESTION);
	const alternatives = cleanAlternatives(input.alternatives ?? []).filter((a) => a.toLowerCase() !== text.toLowerCase());
	const answer = cleanParagraphs(input.answer, 'The answer', MAX_ANSWER);
	const created = await db.transaction(async (tx) => {
		const slug = await freeSlug(tx, slugify(text));
		const [row] = await tx
			.insert(questions)
			.values({ slug, text, alternatives, answer, featured: input.featured ?? false, origin: input.origin ?? 'editorial', editedAt: new Date() })
			.returning({ id: questions.id });
		await logChange(tx, 'question', row!.id, `created question ${row!.id} ${quote(text)} at /questions/${slug}`);
		await inTx?.(tx, row!.id);
		return { id: row!.id, slug };
	});
	await contentChanged({ questionIds: [created.id] });
	return created;
}

export interface QuestionEdit {
	text?: string;
	alternatives?: string[];
	featured?: boolean;
}

/** Changes a question's wording, other phrasings or featured flag; its slug (its public address) stays. */
export async function editQuestion(db: Db, questionId: number, edit: QuestionEdit): Promise<void> {
	const text = edit.text === undefined ? undefined : cleanLine(edit.text, 'The question', MAX_QUESTION);
	const alternatives = edit.alternatives === undefined ? undefined : cleanAlternatives(edit.alternatives);
	const changed = await db.transaction(async (tx) => {
		const before = await lockQuestion(tx, questionId);
		const actions: string[] = [];
		if (text !== undefined && text !== before.text) actions.push(`reworded question ${questionId} from ${quote(before.text)} to ${quote(text)}`);
		const finalText = text ?? before.text;
		const finalAlternatives = (alternatives ?? before.alternatives).filter((a) => a.toLowerCase() !== finalText.toLowerCase());
		if (alternatives !== undefined && finalAlternatives.join('\n') !== before.alternatives.join('\n')) {
			actions.push(`set question ${questionId}'s other phrasings to ${finalAlternatives.length ? finalAlternatives.map((a) => quote(a, 50)).join(', ') : 'none'}`);
		}
		if (edit.featured !== undefined && edit.featured !== before.featured) {
			actions.push(`${edit.featured ? 'featured' : 'stopped featuring'} question ${questionId}`);
		}
		if (!actions.length) return false;
		await tx
			.update(questions)
			.set({ text: finalText, alternatives: finalAlternatives, featured: edit.featured ?? before.featured, editedAt: new Date(), updatedAt: new Date() })
			.where(eq(questions.id, questionId));
		for (const action of actions) await logChange(tx, 'question', questionId, action);
		return true;
	});
	if (changed) await contentChanged({ questionIds: [questionId] });
}

/** Writes, replaces or (with null or blank) removes a question's editorial answer. */
export async function writeAnswer(db: Db, questionId: number, answer: string | null): Promise<void> {
	const text = cleanParagraphs(answer, 'The answer', MAX_ANSWER);
	const changed = await db.transaction(async (tx) => {
		const before = await lockQuestion(tx, questionId);
		if (before.answer === text) return false;
		await tx.update(questions).set({ answer: text, editedAt: new Date(), updatedAt: new Date() }).where(eq(questions.id, questionId));
		const action =
			text === null ? `removed question ${questionId}'s editorial answer`
			: before.answer === null ? `wrote question ${questionId}'s editorial answer: ${quote(text)}`
			: `rewrote question ${questionId}'s editorial answer: ${quote(text)}`;
		await logChange(tx, 'question', questionId, action);
		return true;
	});
	if (changed) await contentChanged({ questionIds: [questionId] });
}

/**
 * Merges question `fromId` into `intoId`: its citations move over (unless that segment is already cited there),
 * its wording and phrasings become other phrasings of the kept question, and it is deleted.
 */
export async function mergeQuestions(db: Db, fromId: number, intoId: number): Promise<void> {
	if (fromId === intoId) throw new EditorError('a question cannot be merged into itself; choose another question to keep.');
	await db.transaction(async (tx) => {
		// Both rows locked in id order, as every writer of links takes them: two merges cannot deadlock.
		const locked = await tx
			.select()
			.from(questions)
			.where(inArray(questions.id, [fromId, intoId]))
			.orderBy(asc(questions.id))
			.for('update');
		const from = locked.find((q) => q.id === fromId);
		const into = locked.find((q) => q.id === intoId);
		if (!from) throw new EditorError(`there is no question ${fromId} to merge.`);
		if (!into) throw new EditorError(`there is no question ${intoId} to merge into.`);

		const intoLinks = await tx.select().from(questionSegments).where(eq(questionSegments.questionId, intoId));
		const fromLinks = await tx.select().from(questionSegments).where(eq(questionSegments.questionId, fromId)).orderBy(asc(questionSegments.rank));
		const cited = new Set(intoLinks.map((l) => l.segmentId));
		let rank = Math.max(0, ...intoLinks.map((l) => l.rank));
		const moved = fromLinks.filter((l) => !cited.has(l.segmentId));
		if (moved.length) {
			await tx.insert(questionSegments).values(
				moved.map((l) => ({
					questionId: intoId,
					segmentId: l.segmentId,
					rank: ++rank,
					excerpt: l.excerpt,
					origin: l.origin,
					score: l.score,
					startSeconds: l.startSeconds,
					endSeconds: l.endSeconds
				}))
			);
		}
		const phrasings = cleanAlternatives([...into.alternatives, from.text, ...from.alternatives], 100).filter(
			(a) => a.toLowerCase() !== into.text.toLowerCase()
		);
		await tx
			.update(questions)
			.set({ alternatives: phrasings, answer: into.answer ?? from.answer, featured: into.featured || from.featured, editedAt: new Date(), updatedAt: new Date() })
			.where(eq(questions.id, intoId));
		await tx.delete(questions).where(eq(questions.id, fromId));
		await logChange(
			tx,
			'question',
			intoId,
			`merged question ${fromId} ${quote(from.text)} (/questions/${from.slug}) into question ${intoId} ${quote(into.text)}: ` +
				`${moved.length} citation(s) moved, ${fromLinks.length - moved.length} already there`
		);
	});
	await contentChanged({ questionIds: [fromId, intoId] });
}

/** Deletes a question and its citations. */
export async function removeQuestion(db: Db, questionId: number): Promise<void> {
	await db.transaction(async (tx) => {
		const before = await lockQuestion(tx, questionId);
		await tx.delete(questions).where(eq(questions.id, questionId));
		await logChange(tx, 'question', questionId, `deleted question ${questionId} ${quote(before.text)} (/questions/${before.slug})`);
	});
	await contentChanged({ questionIds: [questionId] });
}

/** The question's row, locked for this transaction (automatic link updates take the same lock). */
export async function lockQuestion(tx: Tx, questionId: number) {
	const [row] = await tx.select().from(questions).where(eq(questions.id, questionId)).for('update');
	if (!row) throw new EditorError(`there is no question ${questionId}; it may have been deleted or merged meanwhile.`);
	return row;
}

/** `base`, or `base-2`, `base-3` ... whichever no question has yet. */
async function freeSlug(tx: Tx, base: string, exceptId?: number): Promise<string> {
	const taken = await tx
		.select({ slug: questions.slug })
		.from(questions)
		.where(and(or(eq(questions.slug, base), like(questions.slug, `${base}-%`)), exceptId ? ne(questions.id, exceptId) : undefined));
	const slugs = new Set(taken.map((t) => t.slug));
	if (!slugs.has(base)) return base;
	for (let n = 2; ; n++) if (!slugs.has(`${base.slice(0, 75)}-${n}`)) return `${base.slice(0, 75)}-${n}`;
}

/** The highest rank among a question's pinned (not automatic) citations. */
export async function lastPinnedRank(tx: Tx, questionId: number): Promise<number> {
	const [row] = await tx
		.select({ rank: max(questionSegments.rank) })
		.from(questionSegments)
		.where(and(eq(questionSegments.questionId, questionId), ne(questionSegments.origin, 'auto')));
	return row?.rank ?? 0;
}
