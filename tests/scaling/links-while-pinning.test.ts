/**
 * An editor pins a segment while another server is recomputing the same question's automatic links from a view of
 * the links that the pin has just made stale (on a real PostgreSQL: PGlite has one connection, so nothing overlaps).
 * The editor holds the question's row lock, as `linkQuestionToSegment` does, so the recomputation is caught between
 * reading the links and writing its own.
 */
import { asc, eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questions, questionSegments, segments } from '../../src/lib/server/db/schema';
import { SearchService } from '../../src/lib/server/search/service';
import { createTestDb, type TestDb } from '../helpers/db';

describe.skipIf(!process.env.TEST_DATABASE_URL)('automatic links recomputed while an editor pins one of them', () => {
	let t: TestDb;
	let observer: postgres.Sql;
	let editor: postgres.Sql;

	beforeAll(async () => {
		t = await createTestDb('postgres', { seed: true });
		observer = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
		editor = postgres(t.url, { max: 1, onnotice: () => {} });
	});
	afterAll(async () => {
		await editor?.end();
		await observer?.end();
		await t?.close();
	});

	const linksOf = (questionId: number) =>
		t.db
			.select({ segmentId: questionSegments.segmentId, title: segments.title, rank: questionSegments.rank, origin: questionSegments.origin })
			.from(questionSegments)
			.innerJoin(segments, eq(segments.id, questionSegments.segmentId))
			.where(eq(questionSegments.questionId, questionId))
			.orderBy(asc(questionSegments.rank));

	it('keeps the pinned segment editorial, cites no segment twice, and puts the automatic links after it', async () => {
		// This service hears of no change: its view of the links goes stale, as another server's does between NOTIFYs.
		const service = await SearchService.build(t.db);
		const [question] = await t.db.select({ id: questions.id }).from(questions).where(eq(questions.slug, 'why-are-rest-days-important-for-runners'));
		const id = question!.id;
		await service.recomputeAutoLinks([id]);
		const auto = (await linksOf(id)).find((l) => l.origin === 'auto');
		expect(auto, 'the question has an automatic link to pin').toBeDefined();

		const held = await editor.reserve();
		let recompute: Promise<unknown>;
		try {
			await held`BEGIN`;
			await held`SELECT id FROM questions WHERE id = ${id} FOR UPDATE`;
			recompute = service.recomputeAutoLinks([id]);
			const database = new URL(t.url).pathname.slice(1);
			for (let waited = 0; ; waited += 20) {
				const [waiting] = await observer`SELECT 1 FROM pg_stat_activity WHERE datname = ${database} AND wait_event_type = 'Lock'`;
				if (waiting) break;
				if (waited > 10_000) throw new Error('tests: the recomputation never reached the question row lock');
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
			// The editor pins the automatically linked segment, as linkQuestionToSegment does, and commits.
			await held`
				INSERT INTO question_segments (question_id, segment_id, rank, excerpt, origin, score)
				SELECT ${id}, ${auto!.segmentId}, coalesce(max(rank) FILTER (WHERE origin = 'editorial'), 0) + 1, 'Pinned by an editor.', 'editorial', NULL
				FROM question_segments WHERE question_id = ${id}
				ON CONFLICT (question_id, segment_id) DO UPDATE SET origin = 'editorial', rank = excluded.rank, excerpt = excluded.excerpt, score = NULL`;
			await held`COMMIT`;
		} finally {
			held.release();
		}
		await recompute;

		const links = await linksOf(id);
		expect(links.filter((l) => l.segmentId === auto!.segmentId)).toEqual([expect.objectContaining({ origin: 'editorial' })]);
		expect(new Set(links.map((l) => l.segmentId)).size, 'no segment cited twice').toBe(links.length);
		const lastEditorial = Math.max(...links.filter((l) => l.origin === 'editorial').map((l) => l.rank));
		expect(links.filter((l) => l.origin === 'auto').every((l) => l.rank > lastEditorial)).toBe(true);
		expect(new Set(links.map((l) => l.rank)).size, 'no two links at one rank').toBe(links.length);
	});
});
