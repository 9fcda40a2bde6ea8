/**
 * Search by meaning on a real transcript (read at run time from ../shared/realdata, imported as an import would), with
 * the real encoder: paraphrases find their moment, nonsense finds nothing, links start where the answer is said,
 * vectors outlive a restart without being computed again, and a model change re-encodes while search keeps answering.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTranscripts } from '../../bench/judged/corpus';
import { onContentChange } from '../../src/lib/server/content-events';
import { createDb, type DbHandle } from '../../src/lib/server/db/client';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { getEncoder, type SentenceEncoder } from '../../src/lib/server/embeddings';
import { SearchService } from '../../src/lib/server/search/service';
import { SemanticEngine } from '../../src/lib/server/search/semantic';
import { queryTerms } from '../../src/lib/server/search/terms';
import { encodeEpisode, readPassageVectors, vectorsJob } from '../../src/lib/server/vectors';
import { createTestDb, type TestDb } from '../helpers/db';
import { COFFEE_ANSWER, COFFEE_QUESTION, storeMeaningCorpus } from './meaning-corpus';

const TIPS = '../shared/realdata/transcripts/podcastindex-buzzsprout-example.srt';
/** Where the hosts say you need no costly equipment for good audio (seconds), and a question in other words. */
const GEAR_WINDOW = [45, 95] as const;
const GEAR_QUESTION = 'is costly equipment required to get nice sound';

/** The real encoder under another model name, counting what it encodes. */
function countingEncoder(inner: SentenceEncoder, model = inner.model): SentenceEncoder & { encoded: number } {
	const counting = {
		model,
		dimensions: inner.dimensions,
		encoded: 0,
		encode: async (texts: readonly string[]) => {
			counting.encoded += texts.length;
			return inner.encode(texts);
		}
	};
	return counting;
}

const tSeconds = (url: string) => Number(new URL(url, 'http://x').searchParams.get('t'));

describe('search by meaning (a small written episode)', () => {
	let test: TestDb;
	let service: SearchService;
	let episodeId: number;

	beforeAll(async () => {
		test = await createTestDb('pglite');
		episodeId = await storeMeaningCorpus(test.db);
		await encodeEpisode(test.db, episodeId);
		service = await SearchService.build(test.db);
		await service.semantic.warmUp();
	}, 120_000);
	afterAll(() => test?.close());

	it('finds the moment for a paraphrase that shares no word with it', async () => {
		const coffee = [...service.index.segments.values()].find((s) => s.startSeconds <= COFFEE_ANSWER.startSeconds && s.endSeconds >= COFFEE_ANSWER.endSeconds)!;
		const said = new Set(queryTerms(`${coffee.title} ${coffee.text}`));
		expect(queryTerms(COFFEE_QUESTION).filter((term) => said.has(term))).toEqual([]);

		const byWords = await new SearchService(test.db, service.index).searchMoments(COFFEE_QUESTION);
		expect(byWords.some((h) => h.segment.id === coffee.id)).toBe(false); // words alone cannot find it...
		const [top] = await service.searchMoments(COFFEE_QUESTION, { limit: 3 });
		expect(top!.segment.id).toBe(coffee.id); // ...meaning puts it first
		expect(top!.via).toBe('vector');
	});

	it("starts the hit's link at the sentence that answers, not at the segment's start", async () => {
		const [top] = await service.searchMoments(COFFEE_QUESTION, { limit: 1 });
		expect(top!.sentence!.startSeconds).toBeGreaterThanOrEqual(COFFEE_ANSWER.startSeconds);
		expect(top!.sentence!.startSeconds).toBeLessThan(COFFEE_ANSWER.endSeconds);
		expect(tSeconds(top!.segment.url)).toBe(top!.sentence!.startSeconds);
		expect(tSeconds(top!.segment.url)).toBeGreaterThan(top!.segment.startSeconds);
		const results = await service.search({ query: COFFEE_QUESTION });
		expect(results.segments[0]!.url).toBe(top!.segment.url); // the search page links the same moment
	});

	it('finds nothing for nonsense, on the page and in the API results alike', async () => {
		for (const nonsense of ['qwzx vbnm plorf', 'zorblat quinnef']) {
			expect(await service.searchMoments(nonsense)).toEqual([]);
			expect((await service.search({ query: nonsense })).segments).toEqual([]);
		}
	});
});

describe('search by meaning (a real transcript)', () => {
	let dir: string;
	let handle: DbHandle;
	let episodeId: number;
	let encoder: SentenceEncoder;
	let service: SearchService;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'semantic-'));
		handle = await createDb(`pglite://${join(dir, 'db')}`);
		await runMigrations(handle);
		episodeId = (await importTranscripts(handle.db, [TIPS])).get(TIPS)!;
		encoder = await getEncoder();
		const progress: number[][] = [];
		await vectorsJob.run({
			db: handle.db,
			episodeId,
			progress: async (done, total) => void progress.push([done, total]),
			signal: new AbortController().signal,
			log: () => {}
		});
		expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]); // the job reported its way to the end
		service = await SearchService.build(handle.db);
		await service.semantic.warmUp();
	}, 120_000);

	afterAll(async () => {
		await handle?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it("starts the hit's link inside the sentences that answer", async () => {
		const [top] = await service.searchMoments(GEAR_QUESTION, { limit: 1 });
		expect(top!.sentence).not.toBeNull();
		const t = tSeconds(top!.segment.url);
		expect(t).toBeGreaterThanOrEqual(Math.floor(top!.sentence!.startSeconds * 10) / 10);
		expect(t).toBeLessThanOrEqual(top!.sentence!.endSeconds);
		expect(t).toBeGreaterThanOrEqual(top!.segment.startSeconds);
		// The located sentences are about the question (said inside the answer window), not the segment's opening.
		expect(top!.sentence!.startSeconds).toBeGreaterThanOrEqual(GEAR_WINDOW[0] - 10);
		expect(top!.sentence!.startSeconds).toBeLessThanOrEqual(GEAR_WINDOW[1]);
	});

	it('keeps vectors across a restart and does not compute them again', async () => {
		const before = await readPassageVectors(handle.db);
		await handle.close();
		handle = await createDb(`pglite://${join(dir, 'db')}`);
		const after = await readPassageVectors(handle.db);
		expect(after.length).toBe(before.length);
		expect(Buffer.from(after[5]!.vector.buffer).equals(Buffer.from(before[5]!.vector.buffer))).toBe(true);

		const counting = countingEncoder(encoder);
		const result = await encodeEpisode(handle.db, episodeId, { encoder: counting });
		expect(result.encoded).toBe(0);
		expect(counting.encoded).toBe(0);

		service = await SearchService.build(handle.db);
		await service.semantic.warmUp();
		expect(service.semantic.ready).toBe(true);
	}, 60_000);

	it('re-encodes after a model change while search keeps answering by words', async () => {
		const next = countingEncoder(encoder, `${encoder.model}-next`);
		const engine = await SemanticEngine.load(handle.db, async () => next);
		const restarted = new SearchService(handle.db, service.index, engine);
		await engine.warmUp();
		const unsubscribe = onContentChange((change) => restarted.applyChange(change));
		try {
			// Stored vectors are of the old model: ignored, and search answers by words meanwhile.
			expect(engine.ready).toBe(false);
			const meanwhile = await restarted.searchMoments('podcast intro', { limit: 3 });
			expect(meanwhile.length).toBeGreaterThan(0);
			expect(meanwhile.every((h) => h.via === 'lexical')).toBe(true);

			const result = await encodeEpisode(handle.db, episodeId, { encoder: next });
			expect(result.encoded).toBe(result.passages);
			expect(next.encoded).toBeGreaterThanOrEqual(result.passages);
			expect((await readPassageVectors(handle.db)).every((p) => p.model === next.model)).toBe(true);

			// The change reached the running search: meaning is back, with the new model's vectors.
			expect(engine.ready).toBe(true);
			const hits = await restarted.searchMoments(GEAR_QUESTION, { limit: 3 });
			expect(hits.some((h) => h.via !== 'lexical' && h.segment.startSeconds < GEAR_WINDOW[1] && h.segment.endSeconds > GEAR_WINDOW[0])).toBe(true);
		} finally {
			unsubscribe();
		}
	}, 120_000);
});
