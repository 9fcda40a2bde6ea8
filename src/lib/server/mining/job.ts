/**
 * The background job 'questions': mines an episode's transcript and stores what it found as questions of origin
 * 'mined', each cited (origin 'mined') at the moment that answers it. A re-run replaces this episode's mined
 * citations; questions an editor changed (edited_at set) are never touched, editorial links never overwritten, and a
 * mined question left without any mined or editorial citation is deleted. A question already stored in other words
 * (any origin, see duplicates.ts) gets the new moment as one more citation instead of a twin.
 */
import { and, asc, eq, inArray, isNull, like, max, sql } from 'drizzle-orm';
import { anyOf } from '../db/long-lists';
import { slugify } from '../../slug';
import { contentChanged } from '../content-events';
import type { Db, Tx } from '../db/client';
import { episodes, podcasts, questions, questionSegments, segments, transcriptCues } from '../db/schema';
import { cosine, getEncoder, type SentenceEncoder } from '../embeddings';
import type { JobKind } from '../jobs/types';
import { lexicallyClose, NEAR_DUPLICATE_COSINE } from './duplicates';
import { mineQuestions, wordingKey } from './mine';
import type { MinedQuestion } from './types';
import { MINING_METHOD_VERSION } from './version';

/** Background work 'questions': the questions asked in an episode, linked to their answers. */
export const questionsJob: JobKind = {
	name: 'questions',
	version: MINING_METHOD_VERSION,
	async run(ctx) {
		const { db, episodeId } = ctx;
		await ctx.progress(0, 3);
		const [episode] = await db
			.select({ language: episodes.transcriptLanguage, showLanguage: podcasts.language })
			.from(episodes)
			.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
			.where(eq(episodes.id, episodeId));
		if (!episode) return ctx.log(`questions: episode ${episodeId} no longer exists; nothing to do`);
		const mined = await mineEpisode(db, episodeId, episode.language ?? episode.showLanguage);
		ctx.log(`questions: episode ${episodeId}: ${mined.length} questions found`);
		ctx.signal.throwIfAborted();
		await ctx.progress(1, 3);
		const placed = await placeMinedQuestions(db, mined, await getEncoder());
		ctx.signal.throwIfAborted();
		await ctx.progress(2, 3);
		const questionIds = await writeMinedQuestions(db, episodeId, placed);
		await contentChanged({ questionIds, episodeIds: [episodeId] });
		await ctx.progress(3, 3);
	}
};

/** A mined question with the segment it is cited in. */
export interface EpisodeQuestion extends MinedQuestion {
	segmentId: number;
}

/** The questions mined from an episode's stored cues and segments (only those whose answer lies in a segment). */
export async function mineEpisode(db: Db, episodeId: number, language: string | null): Promise<EpisodeQuestion[]> {
	const cues = await db
		.select({ startSeconds: transcriptCues.startSeconds, endSeconds: transcriptCues.endSeconds, speaker: transcriptCues.speaker, text: transcriptCues.text })
		.from(transcriptCues)
		.where(eq(transcriptCues.episodeId, episodeId))
		.orderBy(asc(transcriptCues.startSeconds), asc(transcriptCues.position));
	const episodeSegments = await db
		.select({ id: segments.id, startSeconds: segments.startSeconds, endSeconds: segments.endSeconds, title: segments.title })
		.from(segments)
		.where(eq(segments.episodeId, episodeId))
		.orderBy(asc(segments.startSeconds));
	return mineQuestions(cues, episodeSegments, { language }).flatMap((q) => (q.segmentIndex === null ? [] : [{ ...q, segmentId: episodeSegments[q.segmentIndex]!.id }]));
}

/** Where a mined question goes: an existing question (by id), or a new one (the first wording found of it). */
export interface PlacedQuestion extends EpisodeQuestion {
	/** The stored question it is a wording of; null: a new question. */
	existingId: number | null;
	/** For new questions: mined questions of this run that share one new question have the same key. */
	groupKey: string;
}

const vectorCache = new Map<string, Float32Array>();
/** Question vectors remembered between runs (a worker mines episode after episode against the same questions). */
const VECTOR_CACHE_SIZE = 20_000;

async function vectorsOf(encoder: SentenceEncoder, texts: string[]): Promise<Map<string, Float32Array>> {
	const missing = [...new Set(texts.filter((t) => !vectorCache.has(t)))];
	if (vectorCache.size + missing.length > VECTOR_CACHE_SIZE) vectorCache.clear();
	const fresh = await encoder.encode(missing);
	missing.forEach((t, i) => vectorCache.set(t, fresh[i]!));
	return new Map(texts.map((t) => [t, vectorCache.get(t)!]));
}

/**
 * Matches each mined question with the stored questions (same wording, or a near-duplicate: shared nouns first,
 * which is cheap, then the vectors of those few), and with the others of this run. Done before the write, so the
 * transaction stays short.
 */
export async function placeMinedQuestions(db: Db, mined: readonly EpisodeQuestion[], encoder: SentenceEncoder): Promise<PlacedQuestion[]> {
	if (!mined.length) return [];
	const stored = await db.select({ id: questions.id, text: questions.text, alternatives: questions.alternatives }).from(questions);
	const wordings = stored.flatMap((q) => [q.text, ...q.alternatives].map((text) => ({ id: q.id, text })));
	const byKey = new Map(wordings.map((w) => [wordingKey(w.text), w.id]));
	const minedVectors = await vectorsOf(encoder, mined.map((q) => q.text));
	const placed: PlacedQuestion[] = [];
	for (const q of mined) {
		const vector = minedVectors.get(q.text)!;
		let existingId = byKey.get(wordingKey(q.text)) ?? null;
		if (existingId === null) {
			const close = wordings.filter((w) => lexicallyClose(q.text, w.text));
			const closeVectors = await vectorsOf(encoder, close.map((w) => w.text));
			let best = NEAR_DUPLICATE_COSINE;
			for (const w of close) {
				const score = cosine(vector, closeVectors.get(w.text)!);
				if (score >= best) [existingId, best] = [w.id, score];
			}
		}
		let groupKey = wordingKey(q.text);
		if (existingId === null) {
			const twin = placed.find((p) => p.existingId === null && lexicallyClose(q.text, p.text) && cosine(vector, minedVectors.get(p.text)!) >= NEAR_DUPLICATE_COSINE);
			if (twin) groupKey = twin.groupKey;
		}
		placed.push({ ...q, existingId, groupKey });
	}
	return placed;
}

/**
 * In one transaction: this episode's mined citations (of questions no editor changed) are replaced by `placed`, new
 * questions are created with unique slugs, and mined questions left without a mined or editorial citation are
 * deleted. A question an editor changed gets no new citation, and a moment it still cites is not mined again.
 * Returns the ids of every question whose page changed.
 */
export async function writeMinedQuestions(db: Db, episodeId: number, placed: readonly PlacedQuestion[]): Promise<number[]> {
	return db.transaction(async (tx) => {
		const episodeSegmentIds = tx.select({ id: segments.id }).from(segments).where(eq(segments.episodeId, episodeId));
		const removed = await tx
			.delete(questionSegments)
			.where(
				and(
					eq(questionSegments.origin, 'mined'),
					inArray(questionSegments.segmentId, episodeSegmentIds),
					inArray(questionSegments.questionId, tx.select({ id: questions.id }).from(questions).where(isNull(questions.editedAt)))
				)
			)
			.returning({ questionId: questionSegments.questionId });
		const touched = new Set(removed.map((r) => r.questionId));

		const edited = new Set(
			(await tx.select({ id: questions.id }).from(questions).where(sql`${questions.editedAt} IS NOT NULL`)).map((q) => q.id)
		);
		// Moments of this episode still cited by an edited question (its mined links were kept above): an editor
		// reworded that question, and the miner must not bring back the old wording as a twin.
		const keptMoments = new Set(
			(
				await tx
					.select({ segmentId: questionSegments.segmentId, startSeconds: questionSegments.startSeconds })
					.from(questionSegments)
					.where(and(eq(questionSegments.origin, 'mined'), inArray(questionSegments.segmentId, episodeSegmentIds)))
			).map((m) => momentKey(m.segmentId, m.startSeconds))
		);
		const created = new Map<string, number>();
		for (const q of placed) {
			if (keptMoments.has(momentKey(q.segmentId, q.startSeconds))) continue;
			let questionId = q.existingId ?? created.get(q.groupKey) ?? null;
			// An editor's question is theirs: the miner adds no citation to it (one the editor removed would come back).
			if (questionId !== null && edited.has(questionId)) continue;
			if (questionId === null) {
				questionId = await createMinedQuestion(tx, q.text);
				created.set(q.groupKey, questionId);
			}
			const [last] = await tx.select({ rank: max(questionSegments.rank) }).from(questionSegments).where(eq(questionSegments.questionId, questionId));
			const link = {
				questionId,
				segmentId: q.segmentId,
				rank: (last?.rank ?? 0) + 1,
				excerpt: q.excerpt,
				origin: 'mined' as const,
				score: null,
				startSeconds: q.startSeconds,
				endSeconds: q.endSeconds
			};
			// An automatic link to the same segment gives way to the precise moment; an editorial one is never overwritten.
			await tx
				.insert(questionSegments)
				.values(link)
				.onConflictDoUpdate({
					target: [questionSegments.questionId, questionSegments.segmentId],
					set: { ...link, rank: sql`${questionSegments.rank}`, updatedAt: new Date() },
					setWhere: eq(questionSegments.origin, 'auto')
				});
			touched.add(questionId);
		}

		if (touched.size) {
			await tx.delete(questions).where(
				and(
					anyOf(questions.id, [...touched]),
					eq(questions.origin, 'mined'),
					isNull(questions.editedAt),
					sql`NOT EXISTS (SELECT 1 FROM ${questionSegments} WHERE ${questionSegments.questionId} = ${questions.id} AND ${questionSegments.origin} IN ('mined', 'editorial'))`
				)
			);
		}
		return [...touched];
	});
}

/** Identifies a cited moment (to the second, as times are stored as floats). */
function momentKey(segmentId: number, startSeconds: number | null): string {
	return `${segmentId}:${startSeconds === null ? '-' : Math.round(startSeconds)}`;
}

/** A new mined question with a slug of its own ("how-do-you-handle-x", or "-2", "-3" ... when taken). */
async function createMinedQuestion(tx: Tx, text: string): Promise<number> {
	const base = slugify(text);
	const taken = new Set((await tx.select({ slug: questions.slug }).from(questions).where(like(questions.slug, `${base}%`))).map((r) => r.slug));
	let slug = base;
	for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
	const [row] = await tx.insert(questions).values({ slug, text, origin: 'mined' }).returning({ id: questions.id });
	return row!.id;
}
