import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readContentVersion } from '../../src/lib/server/db/content-version';
import { questionSegments, segments } from '../../src/lib/server/db/schema';
import { rankAll } from '../../src/lib/server/search/ranking';
import { SearchIndex } from '../../src/lib/server/search/search-index';
import { CorruptSnapshotError, decodeSnapshot, encodeSnapshot } from '../../src/lib/server/search/snapshot-codec';
import { indexFingerprint, readSnapshot, snapshotFile, writeSnapshot } from '../../src/lib/server/search/snapshot';
import { openSearchIndex } from '../../src/lib/server/search/startup';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { buildDemoIndex, segmentIdByTitle } from './fixtures';

const QUERIES = ['sleep debt', 'box breathing', 'jogging anxiety', 'overtrainning', 'hydratoin electrolites', 'cortis', 'how do I stop being nervous'];

/** Everything a query gives, to the last bit of every score. */
const answers = (index: SearchIndex) =>
	QUERIES.map((query) => {
		const ranked = rankAll(index, query);
		const hits = (list: typeof ranked.segments) => list.map((h) => [h.id, h.score, [...h.terms].sort(), h.queryTermsMatched]);
		return { query, segments: hits(ranked.segments), questions: hits(ranked.questions), people: hits(ranked.people) };
	});

async function roundTrip(index: SearchIndex): Promise<SearchIndex> {
	const bytes = await encodeSnapshot(index.miniSearch, index.records(), { contentVersion: 'test:1', fingerprint: indexFingerprint() });
	const decoded = decodeSnapshot(bytes);
	return SearchIndex.fromSnapshot(decoded.state, { ...decoded.content, links: [...index.linksByQuestion.values()].flat() });
}

describe('search snapshots', () => {
	it('restore an index that answers every query exactly as the original', async () => {
		const index = buildDemoIndex();
		const restored = await roundTrip(index);
		expect(answers(restored)).toEqual(answers(index));
		expect(restored.stats()).toEqual(index.stats());
		expect(restored.records()).toEqual(index.records());
		expect(restored.linksByQuestion).toEqual(index.linksByQuestion);
	});

	it('keep an index that was changed in place (replaced and discarded documents) as it is', async () => {
		const index = buildDemoIndex();
		const id = segmentIdByTitle(index, 'Hydration and Electrolytes');
		const segment = index.segments.get(id)!;
		const others = index.segmentsByEpisode.get(segment.episodeId)!.filter((s) => s !== id).map((s) => index.segments.get(s)!);
		index.putEpisode(index.episodes.get(segment.episodeId)!, [...others, { ...segment, title: 'Pickle juice and cramps' }]);
		index.removeQuestion([...index.questions.keys()][0]!);
		const restored = await roundTrip(index);
		expect(answers(restored)).toEqual(answers(index));
		// Both go on changing the same way.
		restored.removeEpisode(segment.episodeId);
		index.removeEpisode(segment.episodeId);
		expect(answers(restored)).toEqual(answers(index));
	});

	it('refuse damaged and truncated files', async () => {
		const index = buildDemoIndex();
		const bytes = await encodeSnapshot(index.miniSearch, index.records(), { contentVersion: 'test:1', fingerprint: 'f' });
		const flipped = Buffer.from(bytes);
		flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
		expect(() => decodeSnapshot(flipped)).toThrow(CorruptSnapshotError);
		expect(() => decodeSnapshot(bytes.subarray(0, bytes.length - 100))).toThrow(CorruptSnapshotError);
		expect(() => decodeSnapshot(Buffer.from('{"not":"a snapshot"}'))).toThrow(CorruptSnapshotError);
	});

	it('are found in SEARCH_SNAPSHOT_DIR, or ./data/search', () => {
		expect(snapshotFile('/srv/snapshots')).toBe('/srv/snapshots/index.snapshot');
		expect(snapshotFile('')).toBe(path.resolve('data/search/index.snapshot'));
	});
});

describe.each(databaseKinds)('start-up with a search snapshot on %s', (kind) => {
	let t: TestDb;
	let dir: string;
	let file: string;
	const logs: string[] = [];
	const open = () => openSearchIndex(t.db, { snapshot: file, log: (m) => logs.push(m) });

	beforeAll(async () => {
		t = await createTestDb(kind, { seed: true });
		dir = mkdtempSync(path.join(tmpdir(), 'search-snapshot-'));
		file = path.join(dir, 'index.snapshot');
	});
	afterAll(async () => {
		await t?.close();
		rmSync(dir, { recursive: true, force: true });
	});
	afterEach(() => void logs.splice(0));

	it('builds and saves a snapshot, then restores it with identical results while the content is unchanged', async () => {
		const built = await open();
		expect(built.source).toBe('build');
		await built.saved;
		expect(logs.join('\n')).toMatch(/no snapshot at .*; building the index[\s\S]*saved a snapshot/);

		const restored = await open();
		expect(restored.source).toBe('snapshot');
		expect(logs.at(-1)).toMatch(/^restored the index from .* in \d+ ms$/);
		expect(answers(restored.index)).toEqual(answers(built.index));
		expect(restored.index.linksByQuestion).toEqual(built.index.linksByQuestion);
	});

	it('keeps the version for writes the index does not hold (links), and changes it for every content write', async () => {
		const version = await readContentVersion(t.db);
		expect(version).toMatch(/^[0-9a-f-]{36}:\d+$/);
		const [link] = await t.db.select().from(questionSegments).limit(1);
		await t.db.update(questionSegments).set({ excerpt: 'edited' }).where(eq(questionSegments.questionId, link!.questionId));
		expect(await readContentVersion(t.db)).toBe(version);
		await t.db
			.transaction(async (tx) => {
				await tx.update(segments).set({ title: 'Rolled back' }).where(eq(segments.id, link!.segmentId));
				tx.rollback();
			})
			.catch(() => {});
		expect(await readContentVersion(t.db)).toBe(version);
		expect((await open()).source).toBe('snapshot');
	});

	it('ignores the snapshot once the content is written after it, and rebuilds with the write', async () => {
		const [segment] = await t.db.select().from(segments).limit(1);
		await t.db.update(segments).set({ title: 'Zanzibar intervals' }).where(eq(segments.id, segment!.id));
		const opened = await open();
		expect(opened.source).toBe('build');
		expect(logs[0]).toMatch(/is stale: content version .* the database is at .*; building the index from the database/);
		expect(rankAll(opened.index, 'zanzibar').segments[0]?.id).toBe(segment!.id);
		await opened.saved;
		expect((await open()).source).toBe('snapshot');
	});

	it('rebuilds, saying why, when the snapshot is damaged', async () => {
		const bytes = readFileSync(file);
		bytes[bytes.length - 10]! ^= 0xff;
		writeFileSync(file, bytes);
		const opened = await open();
		expect(opened.source).toBe('build');
		expect(logs[0]).toMatch(/is unusable: snapshot is damaged \(its checksum does not match\); building the index/);
		await opened.saved;
		expect((await open()).source).toBe('snapshot');
	});

	it('never restores a snapshot of another database', async () => {
		const other = await createTestDb(kind, { seed: true });
		try {
			const found = await readSnapshot(file, (await readContentVersion(other.db))!);
			expect(found.snapshot).toBeNull();
			expect(found.snapshot === null && found.reason).toMatch(/is stale/);
		} finally {
			await other.close();
		}
	});

	it('does not save a snapshot of an index that changed while it was being written', async () => {
		const opened = await open();
		const index = opened.index;
		const writing = writeSnapshot(path.join(dir, 'racing.snapshot'), index, 'test:1');
		index.removeQuestion([...index.questions.keys()][0]!);
		expect(await writing).toEqual({ written: false, bytes: 0 });
	});
});
