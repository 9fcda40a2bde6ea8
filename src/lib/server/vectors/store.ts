/**
 * passage_vectors rows in and out. Vectors are stored as float32 bytes (little-endian, what a Float32Array holds),
 * which any PostgreSQL stores as bytea without an extension; an episode's rows are replaced all at once, in one short
 * transaction, so a reader sees the old set or the new one.
 */
import { asc, eq } from 'drizzle-orm';
import { anyOf } from '../db/long-lists';
import type { Db } from '../db/client';
import { passageVectors } from '../db/schema';
import type { Passage } from './passages';

/** A stored passage with its vector, as the in-memory index holds it. */
export interface StoredPassage extends Passage {
	episodeId: number;
	model: string;
	vector: Float32Array;
}

/** Float32 bytes as a vector (copied: a driver's buffer may be a view into a larger one, at any byte offset). */
export function bytesToVector(bytes: Uint8Array): Float32Array {
	const out = new Float32Array(bytes.byteLength / 4);
	new Uint8Array(out.buffer).set(bytes.subarray(0, out.length * 4));
	return out;
}

/** A vector as float32 bytes. */
export function vectorToBytes(vector: Float32Array): Buffer {
	return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

/** Stored passages of some episodes (all when omitted), in episode and time order. */
export async function readPassageVectors(db: Db, episodeIds?: number[]): Promise<StoredPassage[]> {
	if (episodeIds?.length === 0) return [];
	const rows = await db
		.select()
		.from(passageVectors)
		.where(episodeIds ? anyOf(passageVectors.episodeId, episodeIds) : undefined)
		.orderBy(asc(passageVectors.episodeId), asc(passageVectors.id));
	return rows.map((r) => ({
		episodeId: r.episodeId,
		segmentId: r.segmentId,
		kind: r.kind,
		startSeconds: r.startSeconds,
		endSeconds: r.endSeconds,
		text: r.text,
		model: r.model,
		vector: bytesToVector(r.vector)
	}));
}

/** What an episode's stored passages are, without their vectors: to tell whether they are current. */
export async function readPassageKeys(db: Db, episodeId: number): Promise<{ key: string; model: string }[]> {
	const rows = await db
		.select({ kind: passageVectors.kind, segmentId: passageVectors.segmentId, text: passageVectors.text, model: passageVectors.model })
		.from(passageVectors)
		.where(eq(passageVectors.episodeId, episodeId));
	return rows.map((r) => ({ key: passageKey(r), model: r.model }));
}

/** Identifies a passage by what was encoded: same key, same model, same vector. */
export function passageKey(p: Pick<Passage, 'kind' | 'segmentId' | 'text'>): string {
	return `${p.kind}\u0000${p.segmentId}\u0000${p.text}`;
}

/** Replaces an episode's passages and vectors (one transaction). */
export async function writePassageVectors(db: Db, episodeId: number, model: string, passages: Passage[], vectors: Float32Array[]): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.delete(passageVectors).where(eq(passageVectors.episodeId, episodeId));
		const rows = passages.map((p, i) => ({
			episodeId,
			segmentId: p.segmentId,
			kind: p.kind,
			startSeconds: p.startSeconds,
			endSeconds: p.endSeconds,
			text: p.text,
			model,
			vector: vectorToBytes(vectors[i]!)
		}));
		// Bounded statements: an episode of three hours has a thousand runs.
		for (let at = 0; at < rows.length; at += 500) await tx.insert(passageVectors).values(rows.slice(at, at + 500));
	});
}
