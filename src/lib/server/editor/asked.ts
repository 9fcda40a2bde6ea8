/**
 * "Asked but not answered well": what visitors asked that no stored question matched (asked_questions, counted
 * without anything about who asked), weakest answers first, and promotion of one to a stored question.
 */
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { askedQuestions } from '../db/schema';
import { EditorError } from './errors';
import { logChange, quote } from './log';
import { createQuestion } from './questions';

export interface AskedQuestionRow {
	normalized: string;
	text: string;
	count: number;
	bestScore: number | null;
	lastAskedAt: string;
}

/** Asked questions, most asked first, then the worst answered; `maxScore` keeps only those answered at most that well. */
export async function listAsked(db: Db, { limit = 200, maxScore }: { limit?: number; maxScore?: number } = {}): Promise<AskedQuestionRow[]> {
	const rows = await db
		.select()
		.from(askedQuestions)
		.where(maxScore === undefined ? undefined : sql`coalesce(${askedQuestions.bestScore}, 0) <= ${maxScore}`)
		.orderBy(desc(askedQuestions.count), sql`${askedQuestions.bestScore} ASC NULLS FIRST`, desc(askedQuestions.lastAskedAt), asc(askedQuestions.normalized))
		.limit(limit);
	return rows.map((r) => ({ normalized: r.normalized, text: r.text, count: r.count, bestScore: r.bestScore, lastAskedAt: r.lastAskedAt.toISOString() }));
}

/** Makes an asked question a stored one (origin 'asked', a stable address), and takes it off the asked list. */
export async function promoteAsked(db: Db, normalized: string, text?: string): Promise<{ id: number; slug: string }> {
	const [asked] = await db.select().from(askedQuestions).where(eq(askedQuestions.normalized, normalized));
	if (!asked) throw new EditorError(`nobody asked ${quote(normalized)}, or it was promoted already.`);
	return createQuestion(db, { text: text?.trim() ? text : asked.text, origin: 'asked' }, async (tx, id) => {
		await tx.delete(askedQuestions).where(eq(askedQuestions.normalized, normalized));
		await logChange(tx, 'question', id, `promoted the asked question ${quote(asked.text)} (asked ${asked.count} time(s)) to question ${id}`);
	});
}
