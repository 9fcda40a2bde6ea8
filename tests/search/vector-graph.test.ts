/**
 * Search by meaning over many passages walks an HNSW graph (usearch) to the few hundred nearest the query and compares
 * those exactly, instead of scanning every passage (src/lib/server/vectors/hnsw.ts). A listener must not notice: a
 * question in their own words lands on the same moment, with the same similarity, as comparing every passage exactly;
 * a passage removed (its episode deleted or re-encoded) is never returned; the graph is saved beside the vector
 * snapshot and loaded at the next start instead of built again, and a file of other passages is never used.
 *
 * Over the real transcripts from ../shared/realdata encoded by the real model, crowded by thousands of passages on
 * the demo's subjects (made from the demo's real vectors) as in vector-first-pass.test.ts. bench:search prints the
 * graph's recall against the exact scan at 100k segments.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { episodes } from '../../src/lib/server/db/schema';
import { SemanticEngine } from '../../src/lib/server/search/semantic';
import { readPassageVectors, VectorIndex, type StoredPassage } from '../../src/lib/server/vectors';
import { graphFileBeside, HnswGraph, usearch } from '../../src/lib/server/vectors/hnsw';
import { storedVectorsFingerprint } from '../../src/lib/server/vectors/snapshot';
import { writePassageVectors } from '../../src/lib/server/vectors/store';
import { createAnswerFixture, REAL_TRANSCRIPTS, realTranscriptsAvailable, type AnswerFixture } from '../answers/support';

/** Listeners' questions about the real transcripts (bench/judged/real.ts). */
const QUESTIONS = [
	'do I need expensive gear to sound good',
	'how do apps find out a show has a new episode without checking all the time',
	'why did the podcast videos do badly on the video site',
	'what broke when the biggest directory stopped giving out the real addresses',
	'is watching different from listening while you do chores or drive',
	'what should I say at the start of every episode',
	'how long should an episode be',
	'do I need my own website for my show',
	'reuse the same email to every guest instead of writing a new one',
	'should I post my whole episode on instagram'
];
const CROWD = 12_000;

/** Passages near the demo's: each a demo passage's real vector moved towards another's and by a little noise. */
function crowd(demo: StoredPassage[], count: number): StoredPassage[] {
	let seed = 2024;
	const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
	const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
	return Array.from({ length: count }, () => {
		const a = demo[Math.floor(random() * demo.length)]!;
		const b = demo[Math.floor(random() * demo.length)]!;
		const w = 0.5 + 0.5 * random();
		const v = a.vector.map((x, j) => w * x + (1 - w) * b.vector[j]! + (gauss() * 0.2) / Math.sqrt(a.vector.length));
		const norm = Math.hypot(...v);
		return { ...a, kind: 'sentence', vector: v.map((x) => x / norm) };
	});
}

describe.skipIf(!realTranscriptsAvailable)('search by meaning through the HNSW graph', () => {
	let f: AnswerFixture;
	let stored: StoredPassage[];
	let realEpisodes: number[];
	let model: string;
	let questions: Float32Array[];
	let dir: string;

	beforeAll(async () => {
		f = await createAnswerFixture();
		stored = await readPassageVectors(f.t.db);
		realEpisodes = (await f.t.db.select({ id: episodes.id }).from(episodes).where(inArray(episodes.title, REAL_TRANSCRIPTS.map((t) => t.title)))).map((e) => e.id);
		model = stored[0]!.model;
		questions = await Promise.all(QUESTIONS.map(async (q) => (await f.search.semantic.queryVector(q))!.vector));
		dir = mkdtempSync(join(tmpdir(), 'vector-graph-'));
	}, 300_000);

	afterAll(async () => {
		await f?.t.close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it(`loads usearch's prebuilt binary on this Node (${process.version}), though its package asks for Node 22`, () => {
		const u = usearch();
		expect(u).not.toBeNull();
		const declared = JSON.parse(readFileSync(join(process.cwd(), 'node_modules/usearch/package.json'), 'utf8')) as { engines: { node: string } };
		expect(declared.engines.node).toBe('>=22');
		const index = new u!.Index({ dimensions: 4, metric: u!.MetricKind.IP, quantization: u!.ScalarKind.F32, connectivity: 16, expansion_add: 0, expansion_search: 0, multi: false });
		index.add(BigUint64Array.from([1n, 2n, 3n]), new Float32Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]), 1);
		expect([...index.search(new Float32Array([0, 0.9, 0.1, 0]), 1, 1).keys]).toEqual([2n]);
	});

	describe('crowded by thousands of passages', () => {
		let index: VectorIndex;
		let engine: SemanticEngine;

		beforeAll(async () => {
			const demo = stored.filter((p) => !realEpisodes.includes(p.episodeId));
			index = VectorIndex.from([...stored, ...crowd(demo, CROWD)], 512, { graphMin: 0 });
			engine = new SemanticEngine(index);
			await engine.graphs.maintain();
		}, 300_000);

		it('builds a graph over every passage, and uses it once it agrees with the scan', () => {
			expect(index.graph).not.toBeNull();
			expect(index.graphTrusted).toBe(true);
			expect(index.graph!.size).toBe(stored.length + CROWD);
		});

		it.each(QUESTIONS.map((q, i) => [q, i] as const))('gives "%s" the moment comparing every passage exactly gives, with the same similarity', (_, i) => {
			const fast = index.search(questions[i]!, model, { limit: 3 });
			const exact = index.search(questions[i]!, model, { limit: 3, exact: true });
			expect(fast[0]!.passage).toBe(exact[0]!.passage);
			expect(fast[0]!.score).toBe(exact[0]!.score);
		});

		it('never returns a passage of a removed episode, and finds it again once it is stored anew', () => {
			const vector = questions[0]!;
			const before = index.search(vector, model, { limit: 1 })[0]!;
			const episodeId = before.passage.episodeId;
			expect(realEpisodes).toContain(episodeId);
			const own = stored.find((p) => p.episodeId === episodeId && p.text === before.passage.text)!;
			index.replaceEpisode(episodeId, []);
			// Not by the question, and not even by the passage's own vector.
			for (const query of [vector, own.vector]) {
				const hits = index.search(query, model, { limit: 50 });
				expect(hits.length).toBeGreaterThan(0);
				expect(hits.some((h) => h.passage.episodeId === episodeId)).toBe(false);
			}
			// Stored anew (as a re-encode does): found again, beside the graph, before any new build.
			const graph = index.graph;
			expect(graph).not.toBeNull();
			index.replaceEpisode(episodeId, stored.filter((p) => p.episodeId === episodeId));
			expect(index.graph).toBe(graph);
			const again = index.search(vector, model, { limit: 1 })[0]!;
			expect(again.passage.text).toBe(before.passage.text);
			expect(again.score).toBe(before.score);
		});
	});

	describe('at a restart', () => {
		let snapshot: string;

		/** A restart: an empty engine loading what is stored, and what it said about its vectors and graph. */
		async function restart(): Promise<{ engine: SemanticEngine; said: string[] }> {
			const said: string[] = [];
			const engine = new SemanticEngine(new VectorIndex(512, { graphMin: 0 }), undefined, { log: (m) => said.push(m) });
			await engine.loadStored(f.t.db, { snapshot, log: (m) => said.push(m) });
			await engine.snapshotSaved;
			await engine.graphReady;
			return { engine, said };
		}

		beforeAll(() => {
			snapshot = join(dir, 'search', 'passage-vectors.snapshot');
		});

		it('builds the graph once and saves it beside the vector snapshot', async () => {
			const { engine, said } = await restart();
			expect(said.some((m) => m.startsWith('search graph built'))).toBe(true);
			expect(engine.vectors.graph).not.toBeNull();
			expect(existsSync(graphFileBeside(snapshot))).toBe(true);
		});

		it('loads the saved graph at the next start instead of building it, and answers as the exact scan does', async () => {
			const { engine, said } = await restart();
			expect(said.some((m) => m.startsWith('search graph loaded'))).toBe(true);
			expect(said.some((m) => m.startsWith('search graph built'))).toBe(false);
			expect(engine.vectors.graph!.size).toBe(stored.length);
			expect(engine.vectors.graphTrusted).toBe(true);
			for (const q of questions) {
				const fast = engine.vectors.search(q, model, { limit: 1 })[0]!;
				const exact = engine.vectors.search(q, model, { limit: 1, exact: true })[0]!;
				expect([fast.passage.text, fast.score]).toEqual([exact.passage.text, exact.score]);
			}
		});

		it('does not use a graph saved for another model', async () => {
			const { engine } = await restart();
			const v = engine.vectors;
			const key = { fingerprint: await storedVectorsFingerprint(f.t.db), model, dimensions: 512, slots: v.slotCount, passages: v.passagesHash(model, v.slotCount) };
			expect('graph' in (await HnswGraph.load(graphFileBeside(snapshot), key))).toBe(true);
			const other = await HnswGraph.load(graphFileBeside(snapshot), { ...key, model: 'another-model@2' });
			expect('reason' in other && other.reason).toMatch(/of other passages \(model/);
		});

		it('does not use the saved graph once the stored passages changed: it builds one of what is stored now', async () => {
			// An episode encoded again: its rows replaced by new ones (the same passages, new ids).
			const episodeId = realEpisodes[0]!;
			const mine = stored.filter((p) => p.episodeId === episodeId);
			await writePassageVectors(f.t.db, episodeId, model, mine, mine.map((p) => p.vector));
			const { engine, said } = await restart();
			expect(said.some((m) => /search graph .* is of other passages \(fingerprint/.test(m))).toBe(true);
			expect(said.some((m) => m.startsWith('search graph built'))).toBe(true);
			expect(said.some((m) => m.startsWith('search graph loaded'))).toBe(false);
			expect(engine.vectors.graph!.size).toBe(stored.length);
			// And the next start loads that one.
			const next = await restart();
			expect(next.said.some((m) => m.startsWith('search graph loaded'))).toBe(true);
		});
	});
});
