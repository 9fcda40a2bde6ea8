/**
 * The index at start-up: restored from the snapshot when the database's content version and the indexing code are
 * what they were when it was saved, otherwise built from the database and then saved in the background (after the
 * server is already answering) for the next start. What happened, and how long it took, is logged.
 */
import { atContentVersion, readContentVersion } from '../db/content-version';
import type { Db } from '../db/client';
import { loadIndexContent, loadLinks } from './load';
import { SearchIndex } from './search-index';
import { readSnapshot, restoreIndex, snapshotFile, writeSnapshot } from './snapshot';

/** Build progress is logged at most this often (a 100k-segment build takes a while). */
const PROGRESS_LOG_INTERVAL_MS = 5_000;

export interface OpenIndexOptions {
	log?: (message: string) => void;
	/** The snapshot file; null for none (neither read nor written). Default: snapshotFile(), from SEARCH_SNAPSHOT_DIR. */
	snapshot?: string | null;
}

export interface OpenedIndex {
	index: SearchIndex;
	/** How the index came to be, for the start-up log: "restored from ..." or "built from the database". */
	source: 'snapshot' | 'build';
	/** Resolves when a snapshot saved after a build is on disk (or was skipped); tests and benchmarks wait for it. */
	saved: Promise<void>;
}

/** Restores the index from its snapshot when that is current, else builds it and saves a snapshot afterwards. */
export async function openSearchIndex(db: Db, { log = () => {}, snapshot = snapshotFile() }: OpenIndexOptions = {}): Promise<OpenedIndex> {
	const version = snapshot === null ? null : await readContentVersion(db);
	if (snapshot !== null && version !== null) {
		const started = performance.now();
		const found = await readSnapshot(snapshot, version);
		if (found.snapshot) {
			const index = restoreIndex(found.snapshot, await loadLinks(db));
			log(`restored the index from ${snapshot} (${mb(found.bytes)}) in ${ms(performance.now() - started)}`);
			return { index, source: 'snapshot', saved: Promise.resolve() };
		}
		log(`${found.reason}; building the index from the database`);
	} else if (snapshot !== null) {
		log('the database has no content version (content_version is empty); building the index without a snapshot');
	}

	const started = performance.now();
	const { value: content, version: builtAt } = await atContentVersion(db, () => loadIndexContent(db));
	const loaded = performance.now();
	let lastLog = loaded;
	const index = SearchIndex.build(content, {
		onProgress: (done, total) => {
			if (performance.now() - lastLog < PROGRESS_LOG_INTERVAL_MS || done === total) return;
			lastLog = performance.now();
			log(`indexing: ${done} of ${total} documents`);
		}
	});
	log(`built the index in ${ms(performance.now() - started)} (${ms(loaded - started)} reading the database)`);

	let saved: Promise<void> = Promise.resolve();
	if (snapshot !== null && builtAt === null) {
		log('content changed while the index was being built: no snapshot saved (the next start builds again)');
	} else if (snapshot !== null && builtAt !== null) {
		// After start-up has finished: the first requests are not kept waiting while it encodes.
		saved = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
			const saveStarted = performance.now();
			try {
				const { written, bytes } = await writeSnapshot(snapshot, index, builtAt);
				if (written) log(`saved a snapshot of the index to ${snapshot} (${mb(bytes)}) in ${ms(performance.now() - saveStarted)}`);
				else log('the index changed while its snapshot was being written: not saved (the next start builds again)');
			} catch (error) {
				log(`could not save a snapshot of the index to ${snapshot}: ${error instanceof Error ? error.message : String(error)}`);
			}
		});
	}
	return { index, source: 'build', saved };
}

const ms = (value: number) => `${Math.round(value)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
