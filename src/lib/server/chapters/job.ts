/**
 * The background chapters job: redoes an episode's automatic segments (origin 'transcript') from its stored
 * transcript with sentence vectors, which the import cannot afford inside its transaction. Segments an editor changed
 * (edited_at set) stay exactly where and as they are, and the new ones are cut around them; an episode whose segments
 * came from chapters, show notes or an editor is left alone.
 */
import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import { anyOf } from '../db/long-lists';
import type { Db, Tx } from '../db/client';
import { episodes, podcasts, questionSegments, segments, transcriptCues } from '../db/schema';
import { contentChanged } from '../content-events';
import { getEncoder, type SentenceEncoder } from '../embeddings';
import { withTranscriptText } from '../import/segments';
import type { Cue, SegmentDraft } from '../import/types';
import type { JobContext, JobKind } from '../jobs/types';
import { chapterTranscript, type ChapterSegment } from './chapter-transcript';
import { CHAPTERS_METHOD_VERSION } from './version';

/** Pieces of a new segment shorter than this, left over beside an edited one, are dropped rather than stored. */
const MIN_PIECE_SECONDS = 5;

/** Background work 'chapters': automatic chapters with sentence vectors; vectors and mined questions follow. */
export const chaptersJob: JobKind = {
	name: 'chapters',
	version: CHAPTERS_METHOD_VERSION,
	then: ['vectors', 'questions'],
	async run(ctx) {
		const { db, episodeId } = ctx;
		await ctx.progress(0, 1);
		const [episode] = await db
			.select({ durationSeconds: episodes.durationSeconds, language: episodes.transcriptLanguage, showTitle: podcasts.title, showLink: podcasts.link, showLanguage: podcasts.language })
			.from(episodes)
			.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
			.where(eq(episodes.id, episodeId));
		if (!episode) return ctx.log(`chapters: episode ${episodeId} no longer exists; nothing to do`);
		if (await hasNonAutomaticSegments(db, episodeId)) return ctx.log(`chapters: episode ${episodeId} has chapters from its feed, show notes or an editor; left as it is`);
		const cues: Cue[] = await db
			.select({ startSeconds: transcriptCues.startSeconds, endSeconds: transcriptCues.endSeconds, speaker: transcriptCues.speaker, text: transcriptCues.text })
			.from(transcriptCues)
			.where(eq(transcriptCues.episodeId, episodeId))
			.orderBy(asc(transcriptCues.startSeconds), asc(transcriptCues.position));
		if (!cues.length) return ctx.log(`chapters: episode ${episodeId} has no transcript; nothing to do`);

		ctx.signal.throwIfAborted();
		const encoder = reportingEncoder(await getEncoder(), ctx);
		const result = await chapterTranscript(cues, {
			durationSeconds: episode.durationSeconds ?? 0,
			showTitle: episode.showTitle,
			showLink: episode.showLink,
			language: episode.language ?? episode.showLanguage,
			encoder
		});
		for (const warning of result.warnings) ctx.log(`episode ${episodeId}: ${warning}`);
		ctx.signal.throwIfAborted();
		const written = await replaceAutomaticSegments(db, episodeId, result.segments, cues);
		if (written) await contentChanged({ episodeIds: [episodeId] });
		await ctx.progress(1, 1);
	}
};

/** Sentences encoded between progress reports (each report also renews the worker's lease on the job). */
const ENCODE_CHUNK = 256;

/** The encoder, fed in chunks: progress is sentences encoded (of all, plus one step for writing), and a stop is heard between chunks. */
function reportingEncoder(encoder: SentenceEncoder, ctx: JobContext): SentenceEncoder {
	return {
		model: encoder.model,
		dimensions: encoder.dimensions,
		async encode(texts) {
			const out: Float32Array[] = [];
			for (let at = 0; at < texts.length; at += ENCODE_CHUNK) {
				ctx.signal.throwIfAborted();
				await ctx.progress(at, texts.length + 1);
				out.push(...(await encoder.encode(texts.slice(at, at + ENCODE_CHUNK))));
			}
			await ctx.progress(texts.length, texts.length + 1);
			return out;
		}
	};
}

async function hasNonAutomaticSegments(db: Db | Tx, episodeId: number): Promise<boolean> {
	const found = await db.select({ id: segments.id }).from(segments).where(and(eq(segments.episodeId, episodeId), ne(segments.origin, 'transcript'))).limit(1);
	return found.length > 0;
}

/**
 * In one transaction: the episode's unedited automatic segments are replaced by `fresh` (cut around edited ones),
 * positions follow start times, and editorial question links move to the new segment covering their old start.
 * Returns false when the episode changed underneath (an editor's chapters arrived) and nothing was written.
 */
export async function replaceAutomaticSegments(db: Db, episodeId: number, fresh: ChapterSegment[], cues: Cue[]): Promise<boolean> {
	return db.transaction(async (tx) => {
		if (await hasNonAutomaticSegments(tx, episodeId)) return false;
		const existing = await tx
			.select({ id: segments.id, startSeconds: segments.startSeconds, endSeconds: segments.endSeconds, editedAt: segments.editedAt })
			.from(segments)
			.where(eq(segments.episodeId, episodeId));
		const edited = existing.filter((s) => s.editedAt !== null);
		const automaticIds = existing.filter((s) => s.editedAt === null).map((s) => s.id);
		const links = automaticIds.length
			? await tx
					.select({ questionId: questionSegments.questionId, rank: questionSegments.rank, excerpt: questionSegments.excerpt, startSeconds: segments.startSeconds })
					.from(questionSegments)
					.innerJoin(segments, eq(segments.id, questionSegments.segmentId))
					.where(and(anyOf(questionSegments.segmentId, automaticIds), eq(questionSegments.origin, 'editorial')))
			: [];
		if (automaticIds.length) await tx.delete(segments).where(and(eq(segments.episodeId, episodeId), eq(segments.origin, 'transcript'), isNull(segments.editedAt)));

		const pieces = fresh.flatMap((s) => cutAround(s, edited));
		const drafts: (SegmentDraft & { summary: string })[] = withTranscriptText(
			pieces.map((p) => ({ startSeconds: p.startSeconds, endSeconds: p.endSeconds, title: p.title, text: null, origin: 'transcript' as const })),
			cues
		).map((d, i) => ({ ...d, summary: pieces[i]!.summary }));
		const order = [...edited.map((s) => ({ edited: s.id, start: s.startSeconds })), ...drafts.map((d, i) => ({ draft: i, start: d.startSeconds }))].sort(
			(a, b) => a.start - b.start
		);
		// Positions are unique per episode: edited segments step aside first, then take their place in start order.
		for (const s of edited) await tx.update(segments).set({ position: 1_000_000 + s.id }).where(eq(segments.id, s.id));
		const inserted: { id: number; startSeconds: number; endSeconds: number }[] = [];
		for (const [position, item] of order.entries()) {
			if ('edited' in item && item.edited !== undefined) continue;
			const d = drafts[(item as { draft: number }).draft]!;
			const [row] = await tx
				.insert(segments)
				.values({ episodeId, position, startSeconds: d.startSeconds, endSeconds: d.endSeconds, title: d.title, summary: d.summary || null, text: d.text, origin: 'transcript', methodVersion: CHAPTERS_METHOD_VERSION })
				.returning({ id: segments.id, startSeconds: segments.startSeconds, endSeconds: segments.endSeconds });
			inserted.push(row!);
		}
		for (const [position, item] of order.entries()) {
			if ('edited' in item && item.edited !== undefined) await tx.update(segments).set({ position }).where(eq(segments.id, item.edited));
		}
		for (const link of links) {
			const target = inserted.find((s) => s.startSeconds <= link.startSeconds && link.startSeconds < s.endSeconds);
			if (!target) continue;
			await tx
				.insert(questionSegments)
				.values({ questionId: link.questionId, segmentId: target.id, rank: link.rank, excerpt: link.excerpt, origin: 'editorial', score: null })
				.onConflictDoNothing();
		}
		return true;
	});
}

/** The parts of a new segment that do not overlap any edited segment (edited ones win where they overlap). */
function cutAround(segment: ChapterSegment, edited: { startSeconds: number; endSeconds: number }[]): ChapterSegment[] {
	let parts = [segment];
	for (const e of edited) {
		parts = parts.flatMap((p) => {
			if (e.endSeconds <= p.startSeconds || e.startSeconds >= p.endSeconds) return [p];
			const out: ChapterSegment[] = [];
			if (e.startSeconds > p.startSeconds) out.push({ ...p, endSeconds: e.startSeconds });
			if (e.endSeconds < p.endSeconds) out.push({ ...p, startSeconds: e.endSeconds });
			return out;
		});
	}
	return parts.filter((p) => p.endSeconds - p.startSeconds >= MIN_PIECE_SECONDS);
}
