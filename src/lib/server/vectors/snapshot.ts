/**
 * Passage vectors on disk, beside the search snapshot, so a restart has its vectors in seconds: PGlite hands back
 * 100k vectors (200 MB of bytea) in half a minute or more, a file reads in well under a second. The database stays
 * the truth: the file is used only when it holds exactly the rows stored now, told by the rows' count and highest
 * id (an episode's vectors are replaced by deleting its rows and inserting new ones with new ids, so any change
 * moves one or the other), and anything else about it (missing, stale, damaged) means reading the database.
 *
 * Layout (PMVEC2): "PMVEC2\n", a little-endian u32 length, a JSON header {fingerprint, dimensions, count, models,
 * textBytes, quantized, bitBytes}, then columns, each starting at a multiple of 8 bytes: episode ids (int32), segment ids
 * (int32), model index (uint16), kind (uint8: 0 segment, 1 sentence), start and end seconds (float64), text offsets
 * (uint32, count + 1), the texts (UTF-8), the float32 vectors, and when `quantized` the int8 vectors and their scales
 * (float32) and `bitBytes` of sign bits per passage (quantized-vectors.ts). Start-up reads each column straight into
 * its array: no JSON per passage, no vector worked out again, a passage's text decoded only when a search returns it.
 * A file of the first layout (PMVEC1: the passages as JSON, float32 only) is not read: the database is, and the file
 * is written anew in this layout.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getConfig } from '../config';
import type { Db } from '../db/client';
import { passageVectors } from '../db/schema';
import { quantize, signBitBytes, signBits } from './quantized-vectors';
import type { StoredPassage } from './store';
import type { PassageColumns } from './vector-index';

const MAGIC = 'PMVEC2\n';
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

interface Header {
	fingerprint: string;
	dimensions: number;
	count: number;
	models: string[];
	textBytes: number;
	quantized: boolean;
	bitBytes: number;
}

/** The columns' byte sizes in file order (each padded to 8 bytes in the file). */
function columnSizes(h: Header): number[] {
	const { count, dimensions: d } = h;
	return [count * 4, count * 4, count * 2, count, count * 8, count * 8, (count + 1) * 4, h.textBytes, count * d * 4, ...(h.quantized ? [count * d, count * 4, count * h.bitBytes] : [])];
}

const pad8 = (n: number) => (8 - (n % 8)) % 8;

/** Writes the passages (all stored ones, read when the database had this fingerprint), replacing the file at once. */
export async function writeVectorSnapshot(file: string, fingerprint: string, passages: readonly StoredPassage[]): Promise<void> {
	const d = passages[0]?.vector.length ?? 0;
	const count = passages.length;
	const models: string[] = [];
	const episode = new Int32Array(count);
	const segment = new Int32Array(count);
	const model = new Uint16Array(count);
	const kind = new Uint8Array(count);
	const start = new Float64Array(count);
	const end = new Float64Array(count);
	const textAt = new Uint32Array(count + 1);
	const texts: Buffer[] = [];
	const vectors = new Float32Array(count * d);
	const quantized = d > 0 && d % 16 === 0;
	const bitBytes = quantized ? signBitBytes(d) : 0;
	const int8 = new Uint8Array(quantized ? count * d : 0);
	const scales = new Float32Array(quantized ? count : 0);
	const bits = new Uint8Array(count * bitBytes);
	passages.forEach((p, i) => {
		let m = models.indexOf(p.model);
		if (m < 0) m = models.push(p.model) - 1;
		episode[i] = p.episodeId;
		segment[i] = p.segmentId;
		model[i] = m;
		kind[i] = p.kind === 'sentence' ? 1 : 0;
		start[i] = p.startSeconds;
		end[i] = p.endSeconds;
		const text = Buffer.from(p.text, 'utf8');
		texts.push(text);
		textAt[i + 1] = textAt[i]! + text.length;
		vectors.set(p.vector, i * d);
		if (quantized) scales[i] = quantize(p.vector, int8, i * d);
		if (bitBytes) signBits(p.vector, bits, i * bitBytes);
	});
	const header: Header = { fingerprint, dimensions: d, count, models, textBytes: textAt[count]!, quantized, bitBytes };
	const headerBytes = Buffer.from(JSON.stringify(header));
	const length = Buffer.alloc(4);
	length.writeUInt32LE(headerBytes.length);
	const columns: Uint8Array[] = [episode, segment, model, kind, start, end, textAt, Buffer.concat(texts), vectors, ...(quantized ? [int8, scales, bits] : [])].map(
		(c) => new Uint8Array(c.buffer, c.byteOffset, c.byteLength)
	);
	const parts: Uint8Array[] = [Buffer.from(MAGIC), length, headerBytes, Buffer.alloc(pad8(MAGIC.length + 4 + headerBytes.length))];
	for (const column of columns) parts.push(column, Buffer.alloc(pad8(column.byteLength)));
	await mkdir(path.dirname(file), { recursive: true });
	const temporary = `${file}.${randomUUID()}.tmp`;
	try {
		await writeFile(temporary, parts);
		await rename(temporary, file);
	} finally {
		await rm(temporary, { force: true });
	}
}

/** Reads `bytes` bytes at `position` into `into`, failing when the file ends first. */
async function readExactly(handle: FileHandle, into: ArrayBufferView, position: number): Promise<void> {
	const target = new Uint8Array(into.buffer, into.byteOffset, into.byteLength);
	// At most 1 GiB per read: one read() call is limited to 2 GiB.
	for (let done = 0; done < target.length; ) {
		const { bytesRead } = await handle.read(target, done, Math.min(target.length - done, 1 << 30), position + done);
		if (bytesRead === 0) throw new Error('truncated');
		done += bytesRead;
	}
}

/** The passages in the file, column by column, when it holds the rows with this fingerprint; otherwise why not. */
export async function readVectorSnapshot(file: string, fingerprint: string): Promise<{ columns: PassageColumns } | { reason: string }> {
	let handle: FileHandle;
	try {
		handle = await open(file, 'r');
	} catch {
		return { reason: `no vector snapshot at ${file}` };
	}
	try {
		const size = (await handle.stat()).size;
		const lead = Buffer.alloc(MAGIC.length + 4);
		await readExactly(handle, lead, 0);
		const magic = lead.toString('latin1', 0, MAGIC.length);
		if (magic !== MAGIC) {
			return { reason: magic.startsWith('PMVEC') ? `the vector snapshot at ${file} is of an older layout (${magic.trim()})` : `the vector snapshot at ${file} is damaged (not a vector snapshot)` };
		}
		const headerBytes = Buffer.alloc(lead.readUInt32LE(MAGIC.length));
		await readExactly(handle, headerBytes, lead.length);
		const header = JSON.parse(headerBytes.toString('utf8')) as Header;
		if (header.fingerprint !== fingerprint) return { reason: `the vector snapshot is of other rows (${header.fingerprint}, stored now ${fingerprint})` };
		const sizes = columnSizes(header);
		let at = lead.length + headerBytes.length;
		at += pad8(at);
		if (size !== sizes.reduce((end, n) => end + n + pad8(n), at)) throw new Error('truncated');
		const { count, dimensions: d } = header;
		const columns: PassageColumns = {
			count,
			dimensions: d,
			models: header.models,
			episode: new Int32Array(count),
			segment: new Int32Array(count),
			model: new Uint16Array(count),
			kind: new Uint8Array(count),
			start: new Float64Array(count),
			end: new Float64Array(count),
			textAt: new Uint32Array(count + 1),
			text: Buffer.alloc(header.textBytes),
			vectors: new Float32Array(count * d),
			int8: header.quantized ? new Uint8Array(count * d) : null,
			scales: header.quantized ? new Float32Array(count) : null,
			bits: header.quantized ? new Uint8Array(count * header.bitBytes) : null
		};
		const order = [columns.episode, columns.segment, columns.model, columns.kind, columns.start, columns.end, columns.textAt, columns.text, columns.vectors, columns.int8, columns.scales, columns.bits];
		for (const column of order) {
			if (!column) continue;
			await readExactly(handle, column, at);
			at += column.byteLength + pad8(column.byteLength);
		}
		// Sign bits of another width than this build's sign-bit pass reads are worked out again from the vectors.
		if (columns.bits && header.bitBytes !== signBitBytes(d)) columns.bits = null;
		if (columns.textAt[count] !== header.textBytes) throw new Error('text offsets do not match the texts');
		return { columns };
	} catch (error) {
		return { reason: `the vector snapshot at ${file} is damaged (${error instanceof Error ? error.message : String(error)})` };
	} finally {
		await handle.close();
	}
}
