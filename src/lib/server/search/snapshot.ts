/**
 * Search snapshots on disk: the built index saved after a build, and restored at the next start when the content
 * version in the database and the indexing code are both what they were. A snapshot that is missing, stale or
 * damaged is never trusted: start-up says why in one log line and builds from the database instead.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stemmer } from 'stemmer';
import { getConfig } from '../config';
import { SEARCH_FIELDS } from './config';
import { CorruptSnapshotError, decodeSnapshot, decodeSnapshotHeader, encodeSnapshot, type DecodedSnapshot } from './snapshot-codec';
import { episodeStandIn, type LinkRecord } from './content';
import { engineCode } from './minisearch-engine';
import { documentCode, SearchIndex } from './search-index';
import { indexTerms, normalizeWord, queryTerm, tokenize } from './terms';
import { STOP_WORDS, SYNONYM_GROUPS } from './vocabulary';

const SNAPSHOT_NAME = 'index.snapshot';
/** A temporary snapshot file this old belongs to a writer that died. */
const ABANDONED_TEMPORARY_MS = 10 * 60 * 1000;
/** Bump when the snapshot layout (snapshot-codec.ts) changes. */
const SNAPSHOT_FORMAT = 1;

/** The snapshot file: SEARCH_SNAPSHOT_DIR (or ./data/search) / index.snapshot. */
export function snapshotFile(dir?: string): string {
	return path.resolve(dir || getConfig().searchSnapshotDir, SNAPSHOT_NAME);
}

let fingerprint: string | null = null;

/**
 * What the indexing code is: a hash of the rules that turn content into index terms (fields, tokenizer, stop words,
 * synonyms, stemmer) and of minisearch itself. Another build of the site that indexes differently gets another
 * fingerprint, so it never restores an index made by the old rules.
 */
export function indexFingerprint(): string {
	fingerprint ??= createHash('sha256')
		.update(
			JSON.stringify({
				format: SNAPSHOT_FORMAT,
				fields: SEARCH_FIELDS,
				stopWords: STOP_WORDS,
				synonyms: SYNONYM_GROUPS,
				// episodeStandIn: what an episode without segments is indexed as (an index from before it has none).
				code: [...[tokenize, normalizeWord, queryTerm, indexTerms, stemmer, episodeStandIn].map(String), ...engineCode()],
				documents: documentCode()
			})
		)
		.digest('hex')
		.slice(0, 16);
	return fingerprint;
}

export type SnapshotRead = { snapshot: DecodedSnapshot; bytes: number } | { snapshot: null; reason: string };

/** Reads the snapshot for a content version; null with the reason when there is none worth restoring. */
export async function readSnapshot(file: string, contentVersion: string): Promise<SnapshotRead> {
	let buffer: Buffer;
	try {
		buffer = await readFile(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return { snapshot: null, reason: code === 'ENOENT' ? `no snapshot at ${file}` : `cannot read ${file} (${code ?? String(error)})` };
	}
	try {
		const header = decodeSnapshotHeader(buffer);
		if (header.fingerprint !== indexFingerprint()) {
			return { snapshot: null, reason: `snapshot ${file} was made by other indexing code (${header.fingerprint}, now ${indexFingerprint()})` };
		}
		if (header.contentVersion !== contentVersion) {
			return { snapshot: null, reason: `snapshot ${file} is stale: content version ${header.contentVersion}, the database is at ${contentVersion}` };
		}
		return { snapshot: decodeSnapshot(buffer), bytes: buffer.length };
	} catch (error) {
		if (error instanceof CorruptSnapshotError) return { snapshot: null, reason: `snapshot ${file} is unusable: ${error.message}` };
		throw error;
	}
}

/** A restored index, with the question links as they are in the database now. */
export function restoreIndex(snapshot: DecodedSnapshot, links: LinkRecord[]): SearchIndex {
	return SearchIndex.fromSnapshot(snapshot.state, { ...snapshot.content, links });
}

/**
 * Writes a snapshot of `index` at `contentVersion`, atomically (a temporary file, then a rename: a reader never
 * sees half a file). Returns false without writing when the index changed while it was being encoded, since the
 * bytes might then mix two states. Encoding yields to the event loop, so requests are answered meanwhile.
 */
export async function writeSnapshot(file: string, index: SearchIndex, contentVersion: string): Promise<{ written: boolean; bytes: number }> {
	const generation = index.generation;
	const bytes = await encodeSnapshot(index.miniSearch, index.records(), { contentVersion, fingerprint: indexFingerprint() });
	if (index.generation !== generation) return { written: false, bytes: 0 };
	const dir = path.dirname(file);
	await mkdir(dir, { recursive: true });
	// Temporary files of writers that died mid-write (old enough that no live writer is still on them).
	for (const name of await readdir(dir)) {
		if (!name.startsWith(`${SNAPSHOT_NAME}.tmp-`)) continue;
		const stale = await stat(path.join(dir, name)).then((s) => Date.now() - s.mtimeMs > ABANDONED_TEMPORARY_MS, () => false);
		if (stale) await rm(path.join(dir, name), { force: true });
	}
	const temporary = `${file}.tmp-${process.pid}-${Date.now()}`;
	await writeFile(temporary, bytes);
	await rename(temporary, file);
	return { written: true, bytes: bytes.length };
}
