/**
 * Counting what visitors ask, without anything about who asked: one row per normalised question (its count, how
 * well it was last answered, when it was last asked), never an address, cookie or per-asking time. The table is
 * bounded: once it holds MAX_ASKED_ROWS questions, new ones are not counted (repeats of counted ones still are).
 * Editors promote a frequent one to a stored question whose citations are the answer's quotes.
 */
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { askedQuestions } from '../db/schema';
import { promoteAsked, type PromotedCitation } from '../editor';
import { answerQuestion, type AnswerOptions } from './answer';
import type { Answer } from './types';

/** At most this many distinct asked questions are kept. */
export const MAX_ASKED_ROWS = 10_000;
/** The wording kept for editors is cut at this length (the question itself is already limited by params.ts). */
const MAX_TEXT = 300;

/** The key repeats are counted under: lower case, spaces folded, trailing punctuation dropped. */
export function normalizeAsked(text: string): string {
	return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim().replace(/[\s?!.…]+$/, '');
}

/** Counts one asking of a question (score: how well it was answered, 0-1). Returns false when not counted (table full). */
export async function recordAskedQuestion(db: Db, text: string, score: number): Promise<boolean> {
	const normalized = normalizeAsked(text);
	if (!normalized) return false;
	const bestScore = Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000;
	const bumped = await db
		.update(askedQuestions)
		.set({ count: sql`${askedQuestions.count} + 1`, bestScore, lastAskedAt: new Date() })
		.where(eq(askedQuestions.normalized, normalized))
		.returning({ normalized: askedQuestions.normalized });
	if (bumped.length) return true;
	const [{ rows }] = (await db.select({ rows: sql<number>`count(*)::int` }).from(askedQuestions)) as [{ rows: number }];
	if (rows >= MAX_ASKED_ROWS) return false;
	await db
		.insert(askedQuestions)
		.values({ normalized, text: text.trim().slice(0, MAX_TEXT), count: 1, bestScore })
		.onConflictDoUpdate({ target: askedQuestions.normalized, set: { count: sql`${askedQuestions.count} + 1`, bestScore, lastAskedAt: new Date() } });
	return true;
}

export interface AskedQuestion {
	normalized: string;
	text: string;
	count: number;
	bestScore: number | null;
	lastAskedAt: string;
}

/** Asked questions asked at least `minCount` times, most asked first. */
export async function listAskedQuestions(db: Db, { minCount = 1, limit = 200 }: { minCount?: number; limit?: number } = {}): Promise<AskedQuestion[]> {
	const rows = await db
		.select()
		.from(askedQuestions)
		.where(and(gte(askedQuestions.count, minCount)))
		.orderBy(desc(askedQuestions.count), desc(askedQuestions.lastAskedAt), askedQuestions.normalized)
		.limit(limit);
	return rows.map((r) => ({ normalized: r.normalized, text: r.text, count: r.count, bestScore: r.bestScore, lastAskedAt: r.lastAskedAt.toISOString() }));
}

/**
 * Makes an asked question a stored one (origin 'asked', a stable slug from its wording, through the editor wing so
 * it is logged) citing the moments its answer quotes, computed now: one pinned citation per source segment, its
 * moment spanning the quoted sentences, its excerpt the quotes. Question and citations are written in one
 * transaction. Returns the new question's id, slug and the number of citations.
 */
export async function promoteAskedQuestion(db: Db, normalized: string, options: AnswerOptions & { text?: string }): Promise<{ id: number; slug: string; citations: number }> {
	const [asked] = await db.select().from(askedQuestions).where(eq(askedQuestions.normalized, normalized));
	const wording = options.text?.trim() || asked?.text;
	const answer = asked && wording ? await answerQuestion(db, wording, options) : null;
	// promoteAsked throws the editor's error when nobody asked it.
	return promoteAsked(db, normalized, { text: options.text, citations: answer ? citationsOf(answer) : [] });
}

/** The answer's sources as citations to pin: the moment from its first quoted sentence to its last. */
export function citationsOf(answer: Answer): PromotedCitation[] {
	return answer.sources.map((source) => {
		const quoted = answer.citations.filter((c) => source.citations.includes(c.n));
		const start = Math.max(source.startSeconds, Math.min(...quoted.map((c) => c.startSeconds)));
		const end = Math.min(source.endSeconds, Math.max(...quoted.map((c) => c.endSeconds)));
		return {
			segmentId: source.segmentId,
			moment: end > start ? { startSeconds: start, endSeconds: end } : null,
			excerpt: quoted.map((c) => c.text).join(' … ').slice(0, 1000)
		};
	});
}
