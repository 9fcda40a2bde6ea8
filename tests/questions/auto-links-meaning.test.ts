/**
 * Automatic question links by meaning: with passage vectors stored and the encoder loaded, a stored question is
 * linked with the ranking /search uses (words and meaning fused), so a question worded unlike its answer still gets
 * it, and the link plays the answering sentences. A question about nothing the podcasts discuss stays unlinked.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onContentChange } from '../../src/lib/server/content-events';
import { questionSegments, segments, transcriptCues } from '../../src/lib/server/db/schema';
import { getEncoder } from '../../src/lib/server/embeddings';
import { saveQuestion } from '../../src/lib/server/questions';
import { computeAutoLinks } from '../../src/lib/server/search/auto-links';
import { SearchService } from '../../src/lib/server/search/service';
import { encodeEpisode } from '../../src/lib/server/vectors';
import { createTestDb, type TestDb } from '../helpers/db';

/** Asked in a listener's words: no rare word in common with the segment that answers it ("5am" is not "5 a.m."). */
const PARAPHRASE = 'Is getting up at 5am to exercise bad for me?';
const ANSWER = 'Early Alarms and Evening Workouts';

describe('automatic question links by meaning', () => {
	let t: TestDb;
	let service: SearchService;
	let unsubscribe: () => void;

	beforeAll(async () => {
		t = await createTestDb('pglite', { seed: true });
		const encoder = await getEncoder();
		for (const { id } of await t.db.selectDistinct({ id: transcriptCues.episodeId }).from(transcriptCues)) await encodeEpisode(t.db, id, { encoder });
		service = await SearchService.build(t.db);
		unsubscribe = onContentChange((change) => service.applyChange(change));
	}, 300_000);
	afterAll(async () => {
		unsubscribe?.();
		await t?.close();
	});

	const autoLinks = (questionId: number) =>
		t.db
			.select({ title: segments.title, startSeconds: questionSegments.startSeconds, endSeconds: questionSegments.endSeconds, segStart: segments.startSeconds, segEnd: segments.endSeconds, excerpt: questionSegments.excerpt })
			.from(questionSegments)
			.innerJoin(segments, eq(segments.id, questionSegments.segmentId))
			.where(and(eq(questionSegments.questionId, questionId), eq(questionSegments.origin, 'auto')));

	it('links a question worded unlike its answer to the segment that answers it, playing the answering sentences', async () => {
		const id = await saveQuestion(t.db, { slug: 'up-at-5am', text: PARAPHRASE }); // the change links it (content-sync's path)
		const links = await autoLinks(id);
		const link = links.find((l) => l.title === ANSWER);
		expect(link, JSON.stringify(links.map((l) => l.title))).toBeDefined();
		// The moment lies inside the segment, is shorter than it, and its excerpt is what is said there.
		expect(link!.startSeconds).toBeGreaterThanOrEqual(link!.segStart);
		expect(link!.endSeconds).toBeLessThanOrEqual(link!.segEnd);
		expect(link!.endSeconds! - link!.startSeconds!).toBeLessThan(link!.segEnd - link!.segStart);
		const said = (await t.db.select({ text: transcriptCues.text, start: transcriptCues.startSeconds, end: transcriptCues.endSeconds }).from(transcriptCues))
			.filter((c) => c.end > link!.startSeconds! && c.start < link!.endSeconds!)
			.map((c) => c.text)
			.join(' ');
		expect(said).toContain(link!.excerpt!.split(' ').slice(0, 6).join(' '));
		// By words alone (the ranking links used before) nothing clears the bar.
		expect(await computeAutoLinks(service.index, id, new Set(), null)).toEqual([]);
	});

	it('gives the same links when recomputed, and none to a question nothing answers', async () => {
		const id = await saveQuestion(t.db, { slug: 'up-at-5am-again', text: PARAPHRASE });
		const first = await autoLinks(id);
		await service.recomputeAutoLinks([id]);
		expect(await autoLinks(id)).toEqual(first);
		const off = await saveQuestion(t.db, { slug: 'volcanoes', text: 'How do volcanoes form under the ocean?' });
		expect(await autoLinks(off)).toEqual([]);
	});
});
