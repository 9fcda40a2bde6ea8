import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { episodes, podcasts, segments } from '../../src/lib/server/db/schema';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { createFixtureEpisode, pgFailure, tableCounts } from './support';

describe.each(databaseKinds)('database rules on %s', (kind) => {
	let t: TestDb;
	let fixture: Awaited<ReturnType<typeof createFixtureEpisode>>;
	beforeAll(async () => {
		t = await createTestDb(kind, { seed: true });
		fixture = await createFixtureEpisode(t.db, 'rules-show');
	});
	afterAll(() => t?.close());

	const segment = (startSeconds: number, endSeconds: number, position = 9) => ({
		episodeId: fixture.episode.id,
		position,
		startSeconds,
		endSeconds,
		title: `${startSeconds}-${endSeconds}`
	});

	it('refuses a segment that ends where it starts, or before', async () => {
		for (const [start, end] of [[300, 300], [300, 250]] as const) {
			const failure = await pgFailure(t.db.insert(segments).values(segment(start, end)));
			expect(failure).toMatchObject({ code: '23514', constraint: 'segments_end_after_start' });
		}
	});

	it('refuses a segment that starts before 0:00', async () => {
		const failure = await pgFailure(t.db.insert(segments).values(segment(-5, 10)));
		expect(failure.code).toBe('23514');
	});

	it('refuses a segment that overlaps another in the same episode', async () => {
		for (const [start, end] of [[150, 250], [50, 60], [0, 600], [199.5, 300]] as const) {
			const failure = await pgFailure(t.db.insert(segments).values(segment(start, end)));
			expect(failure).toMatchObject({ code: '23P01', constraint: 'segments_no_overlap' });
		}
	});

	it('accepts a segment that starts exactly where the last one ends', async () => {
		const [row] = await t.db.insert(segments).values(segment(200, 300, 2)).returning();
		expect(row).toMatchObject({ startSeconds: 200, endSeconds: 300 });
		await t.db.delete(segments).where(eq(segments.id, row!.id));
	});

	it('allows the same times in a different episode', async () => {
		const other = await createFixtureEpisode(t.db, 'rules-other-show');
		expect(other.segments.map((s) => [s.startSeconds, s.endSeconds])).toEqual([[0, 100], [100, 200]]);
	});

	it('refuses a segment that runs past the end of its episode, saying so', async () => {
		const failure = await pgFailure(t.db.insert(segments).values(segment(500, 601)));
		expect(failure.code).toBe('23514');
		expect(failure.message).toBe('segment "500-601" ends at 601 s, after the episode ends at 600 s');
	});

	it('refuses to shorten an episode so that a segment would end after it', async () => {
		const failure = await pgFailure(t.db.update(episodes).set({ durationSeconds: 150 }).where(eq(episodes.id, fixture.episode.id)));
		expect(failure.code).toBe('23514');
		expect(failure.message).toContain('cannot be shortened to 150 s');
		const [row] = await t.db.select().from(episodes).where(eq(episodes.id, fixture.episode.id));
		expect(row!.durationSeconds).toBe(600);
	});

	it('refuses a second episode with the same slug in one show, but allows it in another show', async () => {
		const failure = await pgFailure(
			t.db.insert(episodes).values({ podcastId: fixture.podcast.id, slug: 'first', guid: 'another-guid', title: 'Copy' })
		);
		expect(failure).toMatchObject({ code: '23505', constraint: 'episodes_podcast_slug_key' });
		const [elsewhere] = await t.db.select({ id: podcasts.id }).from(podcasts).where(eq(podcasts.slug, 'coaching-corner'));
		const [row] = await t.db
			.insert(episodes)
			.values({ podcastId: elsewhere!.id, slug: 'first', guid: 'coaching-corner:first', title: 'Also first' })
			.returning();
		expect(row!.slug).toBe('first');
		await t.db.delete(episodes).where(eq(episodes.id, row!.id));
	});

	it('refuses a second show with the same slug', async () => {
		const failure = await pgFailure(t.db.insert(podcasts).values({ slug: 'running-explained', title: 'Impostor' }));
		expect(failure).toMatchObject({ code: '23505', constraint: 'podcasts_slug_key' });
	});

	it('refuses a segment of an episode that does not exist', async () => {
		const failure = await pgFailure(t.db.insert(segments).values({ ...segment(0, 10), episodeId: 999_999 }));
		expect(failure.code).toBe('23503');
	});

	it('leaves the database as it was when one write in a transaction is refused', async () => {
		const before = await tableCounts(t.db);
		const failure = await pgFailure(
			t.db.transaction(async (tx) => {
				await tx.insert(episodes).values({ podcastId: fixture.podcast.id, slug: 'second', guid: 'rules:second', title: 'Second', durationSeconds: 300 });
				await tx.insert(segments).values(segment(200, 300, 2)); // valid on its own
				await tx.insert(segments).values(segment(250, 350, 3)); // overlaps the one above
			})
		);
		expect(failure.code).toBe('23P01');
		expect(await tableCounts(t.db)).toEqual(before);
		const left = await t.db.select().from(segments).where(eq(segments.episodeId, fixture.episode.id));
		expect(left.map((s) => s.title).sort()).toEqual(['Middle', 'Opening']);
		expect(await t.db.select().from(episodes).where(eq(episodes.slug, 'second'))).toEqual([]);
	});
});
