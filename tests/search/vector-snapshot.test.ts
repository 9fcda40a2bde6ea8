/**
 * Passage vectors outlive a restart twice over: stored in the database (never computed again), and kept in a file
 * beside the search snapshot so the next start has them at once instead of reading every row. The file is trusted
 * only while it holds exactly the stored rows: after vectors change, or when the file is damaged, start-up reads
 * the database and search finds what is stored now, never what was.
 */
import { existsSync, mkdtempSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../src/lib/server/db/client';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { episodes, podcasts, segments } from '../../src/lib/server/db/schema';
import { SemanticEngine } from '../../src/lib/server/search/semantic';
import { VectorIndex, type Passage } from '../../src/lib/server/vectors';
import { writePassageVectors } from '../../src/lib/server/vectors/store';

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
});
