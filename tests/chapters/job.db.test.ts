/** The background chapters job on a real database: automatic segments redone, an editor's work kept. */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAPTERS_METHOD_VERSION, chaptersJob } from '../../src/lib/server/chapters';
import { onContentChange, type ContentChange } from '../../src/lib/server/content-events';
import { episodes, podcasts, segments, transcriptCues } from '../../src/lib/server/db/schema';
import { splitTranscriptIntoTopics } from '../../src/lib/server/import/transcript-topics';
import type { JobContext } from '../../src/lib/server/jobs/types';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { syntheticCues, syntheticTopicStarts } from './synthetic-talk';

describe.each(databaseKinds)('chaptersJob on %s', (kind) => {
	let t: TestDb;
	const changes: ContentChange[] = [];
	let unsubscribe: () => void;
	const progress: [number, number][] = [];
	const context = (episodeId: number): JobContext => ({
		db: t.db,
		episodeId,
		progress: async (done, total) => void progress.push([done, total]),
		signal: new AbortController().signal,
		log: () => {}
	});

	/** An episode of the synthetic conversation as the import leaves it: cues and lexical automatic segments. */
	async function importedEpisode(slug: string) {
		const cues = syntheticCues();
		const [podcast] = await t.db.insert(podcasts).values({ slug, title: 'Kitchen Talk', link: 'https://kitchen-talk.example/' }).returning();
		const [episode] = await t.db.insert(episodes).values({ podcastId: podcast!.id, slug: 'one', guid: `${slug}:one`, title: 'One', durationSeconds: 1000 }).returning();
		await t.db.insert(transcriptCues).values(cues.map((c, position) => ({ episodeId: episode!.id, position, ...c })));
		const drafts = splitTranscriptIntoTopics(cues, 1000, { showTitle: 'Kitchen Talk' });
		await t.db.insert(segments).values(drafts.map((d, position) => ({ episodeId: episode!.id, position, ...d })));
		return episode!;
	}
	const segmentsOf = (episodeId: number) => t.db.select().from(segments).where(eq(segments.episodeId, episodeId)).orderBy(asc(segments.startSeconds));

	beforeAll(async () => {
		t = await createTestDb(kind);
		unsubscribe = onContentChange((change) => void changes.push(change));
	}, 60_000);
	afterAll(async () => {
		unsubscribe();
		await t.close();
	});

	it('is the kind the queue knows: named chapters, versioned, followed by vectors and questions', () => {
		expect(chaptersJob).toMatchObject({ name: 'chapters', version: CHAPTERS_METHOD_VERSION, then: ['vectors', 'questions'] });
	});

	it('replaces automatic segments but keeps the segment an editor retitled, exactly as the editor left it', async () => {
		const episode = await importedEpisode('kept');
		const before = await segmentsOf(episode.id);
		const editedAt = new Date('2026-01-02T03:04:05Z');
		await t.db.update(segments).set({ title: 'How to keep a sourdough starter alive', editedAt }).where(eq(segments.id, before[0]!.id));
		// The old automatic segments are stale (made by an older method); the job must redo them.
		await t.db.update(segments).set({ title: 'Stale, Keyword, Title' }).where(eq(segments.id, before[1]!.id));

		await chaptersJob.run(context(episode.id));
		const after = await segmentsOf(episode.id);

		const kept = after.find((s) => s.id === before[0]!.id)!;
		expect(kept).toMatchObject({ title: 'How to keep a sourdough starter alive', startSeconds: before[0]!.startSeconds, endSeconds: before[0]!.endSeconds });
		expect(kept.editedAt?.toISOString()).toBe(editedAt.toISOString());
		expect(after.map((s) => s.title)).not.toContain('Stale, Keyword, Title');

		const automatic = after.filter((s) => s.editedAt === null);
		expect(automatic.map((s) => s.startSeconds)).toEqual(syntheticTopicStarts());
		expect(automatic.find((s) => s.startSeconds === 600)!.title).toBe('Sponsor: Acme Coffee');
		for (const s of automatic) {
			expect(s).toMatchObject({ origin: 'transcript', methodVersion: CHAPTERS_METHOD_VERSION });
			expect(s.text?.length).toBeGreaterThan(50);
			expect(s.summary?.length).toBeGreaterThan(20);
		}
		expect(automatic.find((s) => s.startSeconds === 300)!.text).toContain('bicycle chain');
		// Positions follow time and the segments tile the episode.
		expect(after.map((s) => s.position)).toEqual(after.map((_, i) => i));
		for (let i = 1; i < after.length; i++) expect(after[i]!.startSeconds).toBe(after[i - 1]!.endSeconds);
		expect(changes.some((c) => c.episodeIds?.includes(episode.id))).toBe(true);
		expect(progress.at(-1)).toEqual([1, 1]);
		expect(progress.some(([done, total]) => total > 1 && done > 0 && done < total)).toBe(true);
	}, 120_000);

	it('cuts new segments around an edited one that moved a boundary', async () => {
		const episode = await importedEpisode('moved');
		const before = await segmentsOf(episode.id);
		// The editor says the bicycle talk starts at 320 s and runs to 640 s.
		await t.db.delete(segments).where(eq(segments.id, before[2]!.id));
		await t.db.update(segments).set({ startSeconds: 320, endSeconds: 640, title: 'Chains', editedAt: new Date() }).where(eq(segments.id, before[1]!.id));

		await chaptersJob.run(context(episode.id));
		const after = await segmentsOf(episode.id);
		expect(after.find((s) => s.title === 'Chains')).toMatchObject({ startSeconds: 320, endSeconds: 640 });
		for (let i = 1; i < after.length; i++) expect(after[i]!.startSeconds).toBeGreaterThanOrEqual(after[i - 1]!.endSeconds);
		expect(after.at(-1)!.endSeconds).toBe(1000);
	}, 120_000);

	it('stops without writing when the worker is stopping, so the job can be resumed later', async () => {
		const episode = await importedEpisode('stopped');
		const before = await segmentsOf(episode.id);
		const stopping = new AbortController();
		stopping.abort(new Error('worker stopping'));
		await expect(chaptersJob.run({ ...context(episode.id), signal: stopping.signal })).rejects.toThrow(/worker stopping/);
		expect(await segmentsOf(episode.id)).toEqual(before);
	}, 60_000);

	it('leaves an episode with chapters from its feed alone', async () => {
		const episode = await importedEpisode('feed-chapters');
		await t.db.delete(segments).where(eq(segments.episodeId, episode.id));
		await t.db.insert(segments).values({ episodeId: episode.id, position: 0, startSeconds: 0, endSeconds: 1000, title: 'The whole show', origin: 'chapters' });
		await chaptersJob.run(context(episode.id));
		expect((await segmentsOf(episode.id)).map((s) => s.title)).toEqual(['The whole show']);
	}, 60_000);
});
