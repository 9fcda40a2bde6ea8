/**
 * The 'vectors' background job: encodes an episode's segments and sentence runs and stores them (passage_vectors).
 * It never runs inside an import: the job queue runs it after the content is written. Idempotent and resumable: when
 * the episode's stored passages already are what it would encode, with this model, it does nothing, so a restart or
 * a second worker never encodes twice; after a model change every passage is encoded again.
 */
import { asc, eq } from 'drizzle-orm';
import { contentChanged } from '../content-events';
import type { Db } from '../db/client';
import { segments, transcriptCues } from '../db/schema';
import { getEncoder, type SentenceEncoder } from '../embeddings';
import type { JobContext, JobKind } from '../jobs/types';
import { episodePassages, type Passage } from './passages';
import { passageKey, readPassageKeys, writePassageVectors } from './store';

/** Passages encoded between progress reports (and abort checks). */
const PROGRESS_EVERY = 64;

/**
 * Bumped with the encoder or the way passages are cut: done work of an older version is queued again. The stored
 * `model` column says which encoder made each vector; search ignores vectors of another model until re-encoded.
 */
export const VECTORS_JOB_VERSION = 1;

/** An episode's passages as they would be encoded now. */
export async function passagesOfEpisode(db: Db, episodeId: number): Promise<Passage[]> {
	const [segmentRows, cueRows] = await Promise.all([
		db
			.select({ id: segments.id, startSeconds: segments.startSeconds, endSeconds: segments.endSeconds, title: segments.title, summary: segments.summary, text: segments.text })
			.from(segments)
			.where(eq(segments.episodeId, episodeId))
			.orderBy(asc(segments.startSeconds)),
		db
			.select({ startSeconds: transcriptCues.startSeconds, endSeconds: transcriptCues.endSeconds, text: transcriptCues.text })
			.from(transcriptCues)
			.where(eq(transcriptCues.episodeId, episodeId))
			.orderBy(asc(transcriptCues.position))
	]);
	return episodePassages(segmentRows, cueRows);
}

export interface EncodeResult {
	/** Passages encoded (0 when the stored ones were current). */
	encoded: number;
	passages: number;
}

/** Encodes and stores one episode's passages unless the stored ones are current; announces the change when written. */
export async function encodeEpisode(
	db: Db,
	episodeId: number,
	{ encoder, progress = async () => {}, signal }: { encoder?: SentenceEncoder; progress?: JobContext['progress']; signal?: AbortSignal } = {}
): Promise<EncodeResult> {
	const passages = await passagesOfEpisode(db, episodeId);
	const model = (encoder ??= await getEncoder()).model;
	const stored = await readPassageKeys(db, episodeId);
	const wanted = new Set(passages.map(passageKey));
	const current = stored.length === wanted.size && stored.every((s) => s.model === model && wanted.has(s.key));
	if (current) {
		await progress(passages.length, passages.length);
		return { encoded: 0, passages: passages.length };
	}
	const vectors: Float32Array[] = [];
	for (let at = 0; at < passages.length; at += PROGRESS_EVERY) {
		signal?.throwIfAborted();
		vectors.push(...(await encoder.encode(passages.slice(at, at + PROGRESS_EVERY).map((p) => p.text))));
		await progress(vectors.length, passages.length);
	}
	signal?.throwIfAborted();
	await writePassageVectors(db, episodeId, model, passages, vectors);
	await contentChanged({ episodeIds: [episodeId] });
	return { encoded: passages.length, passages: passages.length };
}

/** The job kind the queue registers (src/lib/server/jobs). */
export const vectorsJob: JobKind = {
	name: 'vectors',
	version: VECTORS_JOB_VERSION,
	async run(ctx) {
		const result = await encodeEpisode(ctx.db, ctx.episodeId, { progress: ctx.progress, signal: ctx.signal });
		ctx.log(result.encoded ? `encoded ${result.encoded} passages` : `${result.passages} passages already current`);
	}
};
