/**
 * Passage vectors outlive a restart twice over: stored in the database (never computed again), and kept in a file
 * beside the search snapshot so the next start has them at once instead of reading every row. The file is trusted
 * only while it holds exactly the stored rows: after vectors change, or when the file is damaged, start-up reads
 * the database and search finds what is stored now, never what was.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../src/lib/server/db/client';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { episodes, podcasts, segments } from '../../src/lib/server/db/schema';
import { SemanticEngine } from '../../src/lib/server/search/semantic';
import { VectorIndex, type Passage } from '../../src/lib/server/vectors';
import { readVectorSnapshot, storedVectorsFingerprint, writeVectorSnapshot } from '../../src/lib/server/vectors/snapshot';
import { readPassageVectors, writePassageVectors } from '../../src/lib/server/vectors/store';

const MODEL = 'test-model@1';

function vector(seed: number): Float32Array {
	const v = new Float32Array(512).map((_, i) => Math.sin(seed * 12.9898 + i * 78.233) * 43758.5453 % 1);
	const norm = Math.hypot(...v);
	return v.map((x) => x / norm);
}

describe('passage vectors at start-up', () => {
	let dir: string;
	let handle: DbHandle;
	let file: string;
	const episodeIds: number[] = [];
	const segmentIds: number[] = [];

	/** An episode's passages: one per segment, the segment's vector made from `seed`. */
	async function storeVectors(episodeIndex: number, seed: number): Promise<void> {
		const ids = segmentIds.slice(episodeIndex * 3, episodeIndex * 3 + 3);
		const passages: Passage[] = ids.map((segmentId, i) => ({ kind: 'sentence', segmentId, startSeconds: i * 60 + 12, endSeconds: i * 60 + 20, text: `said in segment ${segmentId} (${seed + i})` }));
		await writePassageVectors(handle.db, episodeIds[episodeIndex]!, MODEL, passages, ids.map((_, i) => vector(seed + i)));
	}

	/** A restart: an empty engine loading what is stored, and what it said about where the vectors came from. */
	async function restart(): Promise<{ engine: SemanticEngine; said: string[] }> {
		const said: string[] = [];
		const engine = new SemanticEngine(new VectorIndex());
		await engine.loadStored(handle.db, { snapshot: file, log: (m) => said.push(m) });
		await engine.snapshotSaved;
		return { engine, said };
	}

	const top = (engine: SemanticEngine, query: Float32Array) => {
		const [hit] = engine.vectors.search(query, MODEL, { limit: 1 });
		return hit && { segmentId: hit.segmentId, text: hit.passage.text, startSeconds: hit.passage.startSeconds, score: hit.score };
	};

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'vector-snapshot-'));
		file = join(dir, 'search', 'passage-vectors.snapshot');
		handle = await createDb('pglite://memory');
		await runMigrations(handle);
		const [show] = await handle.db.insert(podcasts).values({ slug: 'show', title: 'Show' }).returning({ id: podcasts.id });
		for (let e = 0; e < 2; e++) {
			const [episode] = await handle.db.insert(episodes).values({ podcastId: show!.id, slug: `e${e}`, guid: `e${e}`, title: `E${e}` }).returning({ id: episodes.id });
			episodeIds.push(episode!.id);
			const rows = [0, 1, 2].map((position) => ({ episodeId: episode!.id, position, startSeconds: position * 60, endSeconds: position * 60 + 60, title: `Part ${position}` }));
			segmentIds.push(...(await handle.db.insert(segments).values(rows).returning({ id: segments.id })).map((r) => r.id));
		}
		await storeVectors(0, 100);
		await storeVectors(1, 200);
	}, 180_000);

	afterAll(async () => {
		await handle?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('come back after a restart from the file, finding the same moments as from the database', async () => {
		const first = await restart();
		expect(first.said.join('\n')).toMatch(/no vector snapshot/); // the first start reads the database...
		expect(existsSync(file)).toBe(true); // ...and leaves the file for the next

		const second = await restart();
		expect(second.said).toEqual([]); // read from the file, not the database
		expect(second.engine.vectors.stats().passages).toBe(6);
		for (const seed of [100, 101, 102, 200, 201, 202]) {
			const found = top(second.engine, vector(seed));
			expect(found).toEqual(top(first.engine, vector(seed)));
			expect(found!.text).toMatch(`(${seed})`);
			expect(found!.score).toBeCloseTo(1, 5);
		}
	});

	it('are read from the database again once the stored vectors changed, so search never finds what was', async () => {
		await restart(); // the file holds the vectors as they are
		await storeVectors(1, 300); // the episode is encoded again (another model version, edited segments)

		const after = await restart();
		expect(after.said.join('\n')).toMatch(/other rows/);
		const found = top(after.engine, vector(300));
		expect(found!.text).toMatch('(300)');
		expect(found!.score).toBeCloseTo(1, 5);
		expect(top(after.engine, vector(200))!.text).not.toMatch('(200)'); // the replaced passages are gone

		const again = await restart(); // and the file was renewed for the next start
		expect(again.said).toEqual([]);
		expect(top(again.engine, vector(300))).toEqual(found);
	});

	it('are read from the database when the file is damaged', async () => {
		await restart();
		truncateSync(file, 1000);
		const after = await restart();
		expect(after.said.join('\n')).toMatch(/damaged/);
		expect(after.engine.vectors.stats().passages).toBe(6);
		expect(top(after.engine, vector(101))!.text).toMatch('(101)');
	});

	it('restored from the file, answer every way search asks as when read from the database, also after an episode changes', async () => {
		const fromDatabase = new SemanticEngine(new VectorIndex());
		await fromDatabase.loadStored(handle.db, { snapshot: null });
		await restart(); // the file holds the rows as they are
		const fromFile = (await restart()).engine;
		for (const seed of [100, 102, 300, 301]) {
			const query = vector(seed + 0.5);
			expect(fromFile.vectors.search(query, MODEL, { limit: 6 })).toEqual(fromDatabase.vectors.search(query, MODEL, { limit: 6 }));
			expect(fromFile.vectors.search(query, MODEL, { limit: 6, exact: true })).toEqual(fromDatabase.vectors.search(query, MODEL, { limit: 6, exact: true }));
			expect([...fromFile.vectors.scoreSegments(query, MODEL, segmentIds)]).toEqual([...fromDatabase.vectors.scoreSegments(query, MODEL, segmentIds)]);
			const sentence = fromFile.vectors.bestSentence(query, MODEL, segmentIds[0]!);
			expect(sentence).toEqual(fromDatabase.vectors.bestSentence(query, MODEL, segmentIds[0]!));
			expect(sentence!.passage.startSeconds).toBe(12);
		}
		// An episode re-encoded after the restore replaces its restored passages; the other episode's stay as they were.
		const rows = await readPassageVectors(handle.db, [episodeIds[1]!]);
		const moved = rows.map((row, i) => ({ ...row, text: `moved ${i}`, vector: vector(400 + i) }));
		fromFile.vectors.replaceEpisode(episodeIds[1]!, moved);
		expect(fromFile.vectors.stats().passages).toBe(6);
		expect(top(fromFile, vector(401))!.text).toBe('moved 1');
		expect(top(fromFile, vector(301))!.text).not.toMatch('(301)');
		expect(top(fromFile, vector(101))!.text).toMatch('(101)');
	});

	it('an episode reloaded while the file was being read keeps its newer passages', async () => {
		await restart();
		const found = await readVectorSnapshot(file, await storedVectorsFingerprint(handle.db));
		if (!('columns' in found)) throw new Error(found.reason);
		const index = new VectorIndex();
		const newer = (await readPassageVectors(handle.db, [episodeIds[0]!])).map((row, i) => ({ ...row, text: `newer ${i}`, vector: vector(500 + i) }));
		index.replaceEpisode(episodeIds[0]!, newer);
		index.restore(found.columns, new Set([episodeIds[0]!]));
		expect(index.stats().passages).toBe(6);
		expect(index.search(vector(500), MODEL, { limit: 1 })[0]!.passage.text).toBe('newer 0');
		expect(index.search(vector(100), MODEL, { limit: 1 })[0]!.passage.text).not.toMatch('(100)');
		expect(index.search(vector(301), MODEL, { limit: 1 })[0]!.passage.text).toMatch('(301)');
	});

	it('in the first layout are not misread: the database is read and the file written anew', async () => {
		await restart();
		// A file of the first layout (the passages as JSON, float32 vectors only) for exactly the stored rows, with other vectors.
		const fingerprint = await storedVectorsFingerprint(handle.db);
		const rows = await readPassageVectors(handle.db);
		const header = Buffer.from(JSON.stringify({ fingerprint, dimensions: 512, count: rows.length, models: [MODEL], passages: rows.map((r) => [r.episodeId, r.segmentId, r.kind, r.startSeconds, r.endSeconds, `old ${r.text}`, 0]) }));
		const length = Buffer.alloc(4);
		length.writeUInt32LE(header.length);
		const start = 'PMVEC1\n'.length + 4 + header.length;
		const vectors = new Float32Array(rows.length * 512);
		rows.forEach((_, i) => vectors.set(vector(900 + i), i * 512));
		writeFileSync(file, Buffer.concat([Buffer.from('PMVEC1\n'), length, header, Buffer.alloc((4 - (start % 4)) % 4), Buffer.from(vectors.buffer)]));

		const after = await restart();
		expect(after.said.join('\n')).toMatch(/older layout \(PMVEC1\)/);
		expect(top(after.engine, vector(900))!.text).not.toMatch(/^old/);
		expect(top(after.engine, vector(101))!.text).toMatch('(101)');
		expect(readFileSync(file).toString('latin1', 0, 7)).toBe('PMVEC2\n');
		const again = await restart();
		expect(again.said).toEqual([]);
		expect(top(again.engine, vector(101))).toEqual(top(after.engine, vector(101)));
	});
});

describe('a vector snapshot of thousands of passages', () => {
	it('restores the int8 and sign-bit forms the fast first passes read, so searches find what an index built from the vectors finds', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'vector-snapshot-'));
		try {
			const passages = Array.from({ length: 3000 }, (_, i) => ({
				episodeId: 1 + (i >> 8),
				segmentId: 10_000 + (i >> 1),
				kind: i % 2 ? ('sentence' as const) : ('segment' as const),
				startSeconds: i * 7.5,
				endSeconds: i * 7.5 + 5,
				text: `passage ${i} — "quoted" ✓`,
				model: i < 2900 ? MODEL : 'older-model@0',
				vector: vector(i)
			}));
			const file = join(dir, 'passage-vectors.snapshot');
			await writeVectorSnapshot(file, '3000:3000', passages);
			const found = await readVectorSnapshot(file, '3000:3000');
			if (!('columns' in found)) throw new Error(found.reason);
			const restored = new VectorIndex(512, { shortlist: { share: 1 / 8, min: 100 } });
			restored.restore(found.columns);
			const built = VectorIndex.from(passages, 512, { shortlist: { share: 1 / 8, min: 100 } });
			expect(restored.stats()).toEqual(built.stats());
			for (const seed of [3, 250.5, 1234, 2999]) {
				const query = vector(seed);
				for (const scan of ['bits', 'int8'] as const) expect(restored.search(query, MODEL, { limit: 20, scan })).toEqual(built.search(query, MODEL, { limit: 20, scan }));
			}
			expect(restored.search(vector(1234), MODEL, { limit: 1 })[0]!.passage).toEqual({ episodeId: 5, segmentId: 10_617, kind: 'segment', startSeconds: 9255, endSeconds: 9260, text: 'passage 1234 — "quoted" ✓' });
			expect(restored.search(vector(2950), 'older-model@0', { limit: 1 })[0]!.passage.text).toMatch('passage 2950');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
