/**
 * "Asked but not answered well": what visitors asked that no stored question matched (asked_questions, counted
 * without anything about who asked), weakest answers first, and promotion of one to a stored question.
 */
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { askedQuestions, questionSegments, segments } from '../db/schema';
import { checkMoment, type Moment } from './citations';
import { EditorError } from './errors';
import { logChange, quote } from './log';
import { createQuestion } from './questions';
import { cleanParagraphs } from './text';

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

/** A citation an asked question is promoted with: a segment and the moment inside it its answer quoted. */
export interface PromotedCitation {
	segmentId: number;
	moment: Moment | null;
	excerpt: string | null;
}

export interface PromoteOptions {
	/** The stored wording (default: as it was asked). */
	text?: string;
	/** Pinned in this order, in the same transaction as the question (the answers wing computes them). */
	citations?: PromotedCitation[];
}

/**
 * Makes an asked question a stored one (origin 'asked', a stable address), pins the given citations and takes it off
 * the asked list, all in one transaction: a failed pin leaves neither a question without its citations nor a lost
 * asked row.
 */
export async function promoteAsked(db: Db, normalized: string, { text, citations = [] }: PromoteOptions = {}): Promise<{ id: number; slug: string; citations: number }> {
	const [asked] = await db.select().from(askedQuestions).where(eq(askedQuestions.normalized, normalized));
	if (!asked) throw new EditorError(`nobody asked ${quote(normalized)}, or it was promoted already.`);
	const created = await createQuestion(db, { text: text?.trim() ? text : asked.text, origin: 'asked' }, async (tx, id) => {
		const removed = await tx.delete(askedQuestions).where(eq(askedQuestions.normalized, normalized)).returning({ normalized: askedQuestions.normalized });
		if (!removed.length) throw new EditorError(`${quote(normalized)} was promoted meanwhile.`);
		await logChange(tx, 'question', id, `promoted the asked question ${quote(asked.text)} (asked ${asked.count} time(s)) to question ${id}`);
		const seen = new Set<number>();
		for (const citation of citations) {
			if (seen.has(citation.segmentId)) continue;
			seen.add(citation.segmentId);
			const [segment] = await tx.select().from(segments).where(eq(segments.id, citation.segmentId));
			if (!segment) throw new EditorError(`there is no segment ${citation.segmentId} to cite; it may have been deleted meanwhile.`);
			if (citation.moment) checkMoment(citation.moment, segment);
			await tx.insert(questionSegments).values({
				questionId: id,
				segmentId: citation.segmentId,
				rank: seen.size,
				origin: 'editorial',
				excerpt: cleanParagraphs(citation.excerpt, 'The excerpt', 1000),
				startSeconds: citation.moment?.startSeconds ?? null,
				endSeconds: citation.moment?.endSeconds ?? null
			});
			const where = citation.moment ? ` at ${citation.moment.startSeconds}-${citation.moment.endSeconds} s` : '';
			await logChange(tx, 'citation', id, `pinned segment ${citation.segmentId} ${quote(segment.title, 60)} to question ${id}${where}`);
		}
	});
	return { ...created, citations: new Set(citations.map((c) => c.segmentId)).size };
}
