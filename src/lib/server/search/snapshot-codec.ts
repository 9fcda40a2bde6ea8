/**
 * The bytes of a search snapshot: the minisearch index state (its term tree node by node and postings as varints,
 * all in their in-memory order, so a restored index adds scores up in the same order and answers bit for bit
 * alike) and the records it was built from, with a header naming the content version and code it belongs to, and a
 * CRC-32 over everything, so a damaged file is refused, never half-restored. Encoding yields to the event loop
 * every few thousand terms: a snapshot is written while the server already answers requests.
 *
 * Layout: MAGIC, header (JSON), document ids, field lengths, the term tree with postings, content (JSON), CRC-32.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { crc32 } from 'node:zlib';
import type { IndexContent } from './content';
import { LEAF, miniSearchStateOf, type FieldTermData, type MiniSearchState, type RadixNode } from './minisearch-internals';
import type MiniSearch from 'minisearch';

const MAGIC = Buffer.from('PMSEARCH1\n', 'latin1');
/** Terms (or records) encoded between two yields to the event loop. */
const TERMS_PER_SLICE = 2_000;
const RECORDS_PER_SLICE = 5_000;

/** What a snapshot says about itself; restoring checks it before trusting the rest. */
export interface SnapshotHeader {
	/** The content version (db/content-version.ts) the index was built at. */
	contentVersion: string;
	/** The code that built it (snapshot.ts: indexing rules and library versions); another code builds afresh. */
	fingerprint: string;
	createdAt: string;
	documentCount: number;
	nextId: number;
	dirtCount: number;
	fieldIds: Record<string, number>;
	averageFieldLength: number[];
}

/** The records a snapshot holds (links are read from the database at every start, so they are not here). */
export type SnapshotContent = Omit<IndexContent, 'links'>;

export interface DecodedSnapshot {
	header: SnapshotHeader;
	state: MiniSearchState;
	content: SnapshotContent;
}

/** Thrown for a file that is not a whole, undamaged snapshot. */
export class CorruptSnapshotError extends Error {}

class ByteWriter {
	#buffer = Buffer.allocUnsafe(1 << 20);
	#at = 0;

	#room(bytes: number): void {
		if (this.#at + bytes <= this.#buffer.length) return;
		let size = this.#buffer.length * 2;
		while (size < this.#at + bytes) size *= 2;
		const grown = Buffer.allocUnsafe(size);
		this.#buffer.copy(grown, 0, 0, this.#at);
		this.#buffer = grown;
	}

	/** A non-negative integer below 2^53, 7 bits per byte. */
	uint(value: number): void {
		if (!Number.isSafeInteger(value) || value < 0) throw new Error(`snapshot: cannot encode ${value} as an unsigned integer`);
		this.#room(8);
		while (value >= 0x80) {
			this.#buffer[this.#at++] = (value % 0x80) | 0x80;
			value = Math.floor(value / 0x80);
		}
		this.#buffer[this.#at++] = value;
	}

	/** A signed integer, zigzag-coded (small magnitudes stay small). */
	int(value: number): void {
		this.uint(value >= 0 ? value * 2 : -value * 2 - 1);
	}

	bytes(data: Buffer): void {
		this.uint(data.length);
		this.#room(data.length);
		data.copy(this.#buffer, this.#at);
		this.#at += data.length;
	}

	string(text: string): void {
		this.bytes(Buffer.from(text, 'utf8'));
	}

	raw(data: Buffer): void {
		this.#room(data.length);
		data.copy(this.#buffer, this.#at);
		this.#at += data.length;
	}

	/** The bytes written, with a CRC-32 of them appended. */
	finish(): Buffer {
		const body = this.#buffer.subarray(0, this.#at);
		const trailer = Buffer.allocUnsafe(4);
		trailer.writeUInt32LE(crc32(body));
		return Buffer.concat([body, trailer]);
	}
}

class ByteReader {
	#at: number;
	constructor(
		readonly buffer: Buffer,
		at: number,
		readonly end: number
	) {
		this.#at = at;
	}

	uint(): number {
		let value = 0;
		let scale = 1;
		for (;;) {
			if (this.#at >= this.end) throw new CorruptSnapshotError('snapshot ends in the middle of a number');
			const byte = this.buffer[this.#at++]!;
			value += (byte & 0x7f) * scale;
			if (byte < 0x80) return value;
			scale *= 0x80;
		}
	}

	int(): number {
		const zigzag = this.uint();
		return zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
	}

	string(): string {
		const length = this.uint();
		if (this.#at + length > this.end) throw new CorruptSnapshotError('snapshot ends in the middle of a string');
		const text = this.buffer.toString('utf8', this.#at, this.#at + length);
		this.#at += length;
		return text;
	}

	get done(): boolean {
		return this.#at === this.end;
	}
}

/** Encodes an index and its records. Throws if the index holds something a snapshot cannot (non-string ids). */
export async function encodeSnapshot(
	miniSearch: MiniSearch,
	content: SnapshotContent,
	header: Pick<SnapshotHeader, 'contentVersion' | 'fingerprint'>
): Promise<Buffer> {
	const state = miniSearchStateOf(miniSearch);
	if (state.storedFields.size > 0) throw new Error('snapshot: stored fields are not supported');
	const w = new ByteWriter();
	w.raw(MAGIC);
	const fullHeader: SnapshotHeader = {
		...header,
		createdAt: new Date().toISOString(),
		documentCount: state.documentCount,
		nextId: state.nextId,
		dirtCount: state.dirtCount,
		fieldIds: state.fieldIds,
		averageFieldLength: state.averageFieldLength
	};
	w.string(JSON.stringify(fullHeader));

	w.uint(state.documentIds.size);
	for (const [shortId, id] of state.documentIds) {
		if (typeof id !== 'string') throw new Error('snapshot: only string document ids are supported');
		w.uint(shortId);
		w.string(id);
	}
	w.uint(state.fieldLength.size);
	for (const [shortId, lengths] of state.fieldLength) {
		w.uint(shortId);
		w.uint(lengths.length);
		// 0 for a field the document does not have (a hole in minisearch's array), else length + 1.
		for (let i = 0; i < lengths.length; i++) w.uint(lengths[i] === undefined || lengths[i] === null ? 0 : lengths[i]! + 1);
	}

	// The term tree node by node, depth first, each node's entries in their order: a node is its entry count, then
	// each entry's label followed by a child node, or (for the LEAF label) by the term's postings.
	w.uint(state.root.size);
	const stack: Iterator<[string, RadixNode | FieldTermData]>[] = [state.root.entries()];
	let terms = 0;
	while (stack.length > 0) {
		const next = stack[stack.length - 1]!.next();
		if (next.done) {
			stack.pop();
			continue;
		}
		const [label, value] = next.value;
		w.string(label);
		if (label !== LEAF) {
			w.uint(value.size);
			stack.push((value as RadixNode).entries());
			continue;
		}
		const data = value as FieldTermData;
		w.uint(data.size);
		for (const [fieldId, postings] of data) {
			w.uint(fieldId);
			w.uint(postings.size);
			let previous = 0;
			for (const [docId, frequency] of postings) {
				w.int(docId - previous);
				w.uint(frequency);
				previous = docId;
			}
		}
		if (++terms % TERMS_PER_SLICE === 0) await yieldToEventLoop();
	}

	// Records as JSON (parsing JSON is fast; building it is sliced so it does not hold up requests either).
	const parts: string[] = [];
	for (const key of ['shows', 'episodes', 'segments', 'questions', 'people'] as const) {
		const records = content[key];
		const slices: string[] = [];
		for (let i = 0; i < records.length; i += RECORDS_PER_SLICE) {
			slices.push(JSON.stringify(records.slice(i, i + RECORDS_PER_SLICE)).slice(1, -1));
			await yieldToEventLoop();
		}
		parts.push(`${JSON.stringify(key)}:[${slices.join(',')}]`);
	}
	w.string(`{${parts.join(',')}}`);
	return w.finish();
}

/** Decodes a snapshot's header only (cheap: to decide whether the rest is worth reading). */
export function decodeSnapshotHeader(buffer: Buffer): SnapshotHeader {
	const reader = openReader(buffer, false);
	return parseHeader(reader.string());
}

/** Decodes a whole snapshot; throws CorruptSnapshotError for a damaged or truncated one. */
export function decodeSnapshot(buffer: Buffer): DecodedSnapshot {
	const r = openReader(buffer, true);
	const header = parseHeader(r.string());

	const documentIds = new Map<number, unknown>();
	for (let n = r.uint(); n > 0; n--) {
		const shortId = r.uint();
		documentIds.set(shortId, r.string());
	}
	const fieldLength = new Map<number, number[]>();
	for (let n = r.uint(); n > 0; n--) {
		const shortId = r.uint();
		const lengths: number[] = [];
		for (let i = 0, count = r.uint(); i < count; i++) {
			const value = r.uint();
			if (value > 0) lengths[i] = value - 1;
		}
		fieldLength.set(shortId, lengths);
	}

	const root: RadixNode = new Map();
	const stack: { node: RadixNode; left: number }[] = [{ node: root, left: r.uint() }];
	while (stack.length > 0) {
		const top = stack[stack.length - 1]!;
		if (top.left-- === 0) {
			stack.pop();
			continue;
		}
		const label = r.string();
		if (label !== LEAF) {
			const child: RadixNode = new Map();
			top.node.set(label, child);
			stack.push({ node: child, left: r.uint() });
			continue;
		}
		const data: FieldTermData = new Map();
		for (let fields = r.uint(); fields > 0; fields--) {
			const fieldId = r.uint();
			const postings = new Map<number, number>();
			let docId = 0;
			for (let count = r.uint(); count > 0; count--) {
				docId += r.int();
				postings.set(docId, r.uint());
			}
			data.set(fieldId, postings);
		}
		top.node.set(LEAF, data);
	}

	let content: SnapshotContent;
	try {
		content = JSON.parse(r.string()) as SnapshotContent;
	} catch (error) {
		throw new CorruptSnapshotError(`snapshot records are not valid JSON (${(error as Error).message})`);
	}
	if (!r.done) throw new CorruptSnapshotError('snapshot has bytes after its end');
	return {
		header,
		state: {
			documentCount: header.documentCount,
			nextId: header.nextId,
			dirtCount: header.dirtCount,
			fieldIds: header.fieldIds,
			averageFieldLength: header.averageFieldLength,
			documentIds,
			fieldLength,
			storedFields: new Map(),
			root
		},
		content
	};
}

function openReader(buffer: Buffer, checkCrc: boolean): ByteReader {
	if (buffer.length < MAGIC.length + 4 || !buffer.subarray(0, MAGIC.length).equals(MAGIC)) {
		throw new CorruptSnapshotError('not a search snapshot (wrong start)');
	}
	const end = buffer.length - 4;
	if (checkCrc && crc32(buffer.subarray(0, end)) !== buffer.readUInt32LE(end)) {
		throw new CorruptSnapshotError('snapshot is damaged (its checksum does not match)');
	}
	return new ByteReader(buffer, MAGIC.length, end);
}

function parseHeader(text: string): SnapshotHeader {
	try {
		const header = JSON.parse(text) as SnapshotHeader;
		if (typeof header.contentVersion !== 'string' || typeof header.fingerprint !== 'string') throw new Error('fields missing');
		return header;
	} catch (error) {
		throw new CorruptSnapshotError(`snapshot header is unreadable (${(error as Error).message})`);
	}
}
