/**
 * Passage vectors on disk, beside the search snapshot, so a restart has its vectors in seconds: PGlite hands back
 * 100k vectors (200 MB of bytea) in half a minute or more, a file reads in well under a second. The database stays
 * the truth: the file is used only when it holds exactly the rows stored now, told by the rows' count and highest
 * id (an episode's vectors are replaced by deleting its rows and inserting new ones with new ids, so any change
 * moves one or the other), and anything else about it (missing, stale, damaged) means reading the database.
 *
 * Layout: "PMVEC1\n", a little-endian u32 length, a JSON header {fingerprint, dimensions, count, models, passages}
 * (passages: [episodeId, segmentId, kind, startSeconds, endSeconds, text, model index] each), padding to a multiple
 * of 4 bytes, then count × dimensions float32 values.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getConfig } from '../config';
import type { Db } from '../db/client';
import { passageVectors } from '../db/schema';
import type { StoredPassage } from './store';

const MAGIC = 'PMVEC1\n';
const FILE_NAME = 'passage-vectors.snapshot';

/** The vectors' file: SEARCH_SNAPSHOT_DIR (or ./data/search) / passage-vectors.snapshot. */
export function vectorSnapshotFile(dir?: string): string {
	return path.resolve(dir || getConfig().searchSnapshotDir, FILE_NAME);
}

/** The vectors' file beside a search snapshot file (none when the search has none; the default beside the default). */
export function vectorSnapshotBeside(searchSnapshot: string | null | undefined): string | null {
	if (searchSnapshot === null) return null;
	return vectorSnapshotFile(searchSnapshot === undefined ? undefined : path.dirname(searchSnapshot));
}

/** Which rows passage_vectors holds now, in one short query. */
export async function storedVectorsFingerprint(db: Db): Promise<string> {
	const [row] = await db.select({ count: sql<string>`count(*)`, max: sql<string | null>`max(${passageVectors.id})` }).from(passageVectors);
	return `${Number(row?.count ?? 0)}:${row?.max ?? 0}`;
}

type PassageRow = [number, number, 'segment' | 'sentence', number, number, string, number];

/** Writes the passages (all stored ones, read when the database had this fingerprint), replacing the file at once. */
export async function writeVectorSnapshot(file: string, fingerprint: string, passages: readonly StoredPassage[]): Promise<void> {
	const dimensions = passages[0]?.vector.length ?? 0;
	const models: string[] = [];
	const rows: PassageRow[] = passages.map((p) => {
		let model = models.indexOf(p.model);
		if (model < 0) model = models.push(p.model) - 1;
		return [p.episodeId, p.segmentId, p.kind, p.startSeconds, p.endSeconds, p.text, model];
	});
	const header = Buffer.from(JSON.stringify({ fingerprint, dimensions, count: passages.length, models, passages: rows }));
	const start = MAGIC.length + 4 + header.length;
	const padding = (4 - (start % 4)) % 4;
	const length = Buffer.alloc(4);
	length.writeUInt32LE(header.length);
	const vectors = new Float32Array(passages.length * dimensions);
	passages.forEach((p, i) => vectors.set(p.vector, i * dimensions));
	await mkdir(path.dirname(file), { recursive: true });
	const temporary = `${file}.${randomUUID()}.tmp`;
	try {
		await writeFile(temporary, [Buffer.from(MAGIC), length, header, Buffer.alloc(padding), new Uint8Array(vectors.buffer)]);
		await rename(temporary, file);
	} finally {
		await rm(temporary, { force: true });
	}
}

/** The passages in the file when it holds the rows with this fingerprint; otherwise why not. */
export async function readVectorSnapshot(file: string, fingerprint: string): Promise<{ passages: StoredPassage[] } | { reason: string }> {
	let bytes: Buffer;
	try {
		bytes = await readFile(file);
	} catch {
		return { reason: `no vector snapshot at ${file}` };
	}
	try {
		if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a vector snapshot');
		const headerLength = bytes.readUInt32LE(MAGIC.length);
		const headerEnd = MAGIC.length + 4 + headerLength;
		const header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, headerEnd)) as {
			fingerprint: string;
			dimensions: number;
			count: number;
			models: string[];
			passages: PassageRow[];
		};
		if (header.fingerprint !== fingerprint) return { reason: `the vector snapshot is of other rows (${header.fingerprint}, stored now ${fingerprint})` };
		const start = headerEnd + ((4 - (headerEnd % 4)) % 4);
		const d = header.dimensions;
		if (header.passages.length !== header.count || bytes.length !== start + header.count * d * 4) throw new Error('truncated');
		// One aligned copy of every vector; each passage's vector is a view of it (the index copies what it keeps).
		const all = new Float32Array(header.count * d);
		new Uint8Array(all.buffer).set(bytes.subarray(start));
		const passages = header.passages.map(([episodeId, segmentId, kind, startSeconds, endSeconds, text, model], i): StoredPassage => ({
			episodeId,
			segmentId,
			kind,
			startSeconds,
			endSeconds,
			text,
			model: header.models[model]!,
			vector: all.subarray(i * d, (i + 1) * d)
		}));
		return { passages };
	} catch (error) {
		return { reason: `the vector snapshot at ${file} is damaged (${error instanceof Error ? error.message : String(error)})` };
	}
}
