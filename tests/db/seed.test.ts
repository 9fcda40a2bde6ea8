import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import {
	episodePeople,
	episodes,
	people,
	podcasts,
	questions,
	questionSegments,
	segments,
	transcriptCues
} from '../../src/lib/server/db/schema';
import { seedDemoContent } from '../../src/lib/server/demo/seed';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { tableCounts } from './support';

/** Every row's id and natural key, so a second seeding can be compared with the first. */
async function identities(db: Db) {
	return {
		podcasts: await db.select({ id: podcasts.id, slug: podcasts.slug }).from(podcasts).orderBy(asc(podcasts.id)),
		episodes: await db.select({ id: episodes.id, slug: episodes.slug, title: episodes.title }).from(episodes).orderBy(asc(episodes.id)),
		people: await db.select({ id: people.id, slug: people.slug }).from(people).orderBy(asc(people.id)),
		segments: await db
			.select({ id: segments.id, episodeId: segments.episodeId, position: segments.position, title: segments.title })
			.from(segments)
			.orderBy(asc(segments.id)),
		cues: await db.select({ id: transcriptCues.id, text: transcriptCues.text }).from(transcriptCues).orderBy(asc(transcriptCues.id)),
		questions: await db.select({ id: questions.id, slug: questions.slug }).from(questions).orderBy(asc(questions.id)),
		links: await db
			.select({ questionId: questionSegments.questionId, segmentId: questionSegments.segmentId, rank: questionSegments.rank })
			.from(questionSegments)
			.orderBy(asc(questionSegments.questionId), asc(questionSegments.rank))
	};
}

describe.each(databaseKinds)('seedDemoContent on %s', (kind) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(kind, { seed: true });
	});
	afterAll(() => t?.close());

	async function mainEpisode() {
		const [row] = await t.db
			.select()
			.from(episodes)
			.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
			.where(and(eq(podcasts.slug, 'running-explained'), eq(episodes.slug, 'running-isnt-therapy')));
		return row!.episodes;
	}

	it('loads at least three shows and seven episodes', async () => {
		const counts = await tableCounts(t.db);
		expect(counts.podcasts).toBeGreaterThanOrEqual(3);
		expect(counts.episodes).toBeGreaterThanOrEqual(7);
		const shows = await t.db.select({ slug: podcasts.slug }).from(podcasts);
		expect(shows.map((s) => s.slug)).toEqual(expect.arrayContaining(['running-explained', 'sleep-and-recovery-lab', 'coaching-corner']));
	});

	it('loads "Running Isn\'t Therapy" as season 3, episode 9 of The Running Explained Podcast, with playable demo audio', async () => {
		const episode = await mainEpisode();
		expect(episode).toMatchObject({
			title: "Running Isn't Therapy",
			season: 3,
			episodeNumber: 9,
			durationSeconds: 3000,
			audioUrl: '/audio/demo/running-explained/running-isnt-therapy.wav',
			audioMimeType: 'audio/wav'
		});
		expect(episode.publishedAt?.toISOString()).toBe('2025-10-14T10:00:00.000Z');
		expect(episode.descriptionHtml).toContain('Sarah Strong, MSW, LCSW');
	});

	it('names Sarah Strong, MSW, LCSW (@the_trail_therapist) as its guest and Marcus Bell as host', async () => {
		const episode = await mainEpisode();
		const cast = await t.db
			.select({ name: people.name, credentials: people.credentials, handle: people.handle, role: episodePeople.role })
			.from(episodePeople)
			.innerJoin(people, eq(people.id, episodePeople.personId))
			.where(eq(episodePeople.episodeId, episode.id))
			.orderBy(asc(episodePeople.position));
		expect(cast).toEqual([
			{ name: 'Marcus Bell', credentials: 'USATF Level 2 Coach', handle: '@coach_marcus_bell', role: 'host' },
			{ name: 'Sarah Strong', credentials: 'MSW, LCSW', handle: '@the_trail_therapist', role: 'guest' }
		]);
	});

	it('splits the main episode into at least ten contiguous segments that cover it from 0:00 to the end', async () => {
		const episode = await mainEpisode();
		const list = await t.db.select().from(segments).where(eq(segments.episodeId, episode.id)).orderBy(asc(segments.position));
		expect(list.length).toBeGreaterThanOrEqual(10);
		expect(list[0]!.startSeconds).toBe(0);
		expect(list.at(-1)!.endSeconds).toBe(3000);
		list.forEach((segment, i) => {
			expect(segment.position).toBe(i);
			if (i > 0) expect(segment.startSeconds).toBe(list[i - 1]!.endSeconds);
			expect(segment.summary).toMatch(/\S/);
			expect(segment.text).toMatch(/\S/);
		});
		expect(list.map((s) => s.title)).toContain("Why Running Isn't a Substitute for Therapy");
		expect(list.find((s) => s.startSeconds <= 754 && 754 < s.endSeconds)?.title).toBe('Mindful Running: Breath, Footsteps and Surroundings');
	});

	it('gives the main episode a transcript whose lines fall inside the episode, in order', async () => {
		const episode = await mainEpisode();
		const cues = await t.db.select().from(transcriptCues).where(eq(transcriptCues.episodeId, episode.id)).orderBy(asc(transcriptCues.position));
		expect(cues.length).toBeGreaterThan(20);
		expect(cues[0]!.startSeconds).toBe(0);
		expect(cues.at(-1)!.endSeconds).toBe(3000);
		for (let i = 1; i < cues.length; i++) expect(cues[i]!.startSeconds).toBeGreaterThanOrEqual(cues[i - 1]!.startSeconds);
		expect(new Set(cues.map((c) => c.speaker))).toEqual(new Set(['Marcus Bell', 'Sarah Strong']));
	});

	it('loads at least eight questions, "Can running serve as therapy?" among them, linked to the segments that answer it', async () => {
		const list = await t.db.select().from(questions);
		expect(list.length).toBeGreaterThanOrEqual(8);
		const therapy = list.find((q) => q.text === 'Can running serve as therapy?');
		expect(therapy).toMatchObject({ slug: 'can-running-serve-as-therapy', featured: true });
		const links = await t.db
			.select({ rank: questionSegments.rank, title: segments.title, origin: questionSegments.origin, excerpt: questionSegments.excerpt })
			.from(questionSegments)
			.innerJoin(segments, eq(segments.id, questionSegments.segmentId))
			.where(eq(questionSegments.questionId, therapy!.id))
			.orderBy(asc(questionSegments.rank));
		expect(links[0]).toMatchObject({ rank: 1, title: "Why Running Isn't a Substitute for Therapy", origin: 'editorial' });
		expect(links.map((l) => l.rank)).toEqual(links.map((_, i) => i + 1));
		expect(links.every((l) => l.excerpt)).toBe(true);
	});

	it('changes nothing when it runs a second time: same ids, same rows, same counts', async () => {
		const countsBefore = await tableCounts(t.db);
		const before = await identities(t.db);
		const result = await seedDemoContent(t.db);
		expect(result.podcasts).toBe(countsBefore.podcasts);
		expect(result.episodes).toBe(countsBefore.episodes);
		expect(result.segments).toBe(countsBefore.segments);
		expect(result.cues).toBe(countsBefore.transcriptCues);
		expect(result.questions).toBe(countsBefore.questions);
		expect(await tableCounts(t.db)).toEqual(countsBefore);
		expect(await identities(t.db)).toEqual(before);
	});

	it('puts back demo content that was edited or deleted, keeping the ids that links point at', async () => {
		const before = await identities(t.db);
		const episode = await mainEpisode();
		await t.db.update(episodes).set({ title: 'Edited by hand' }).where(eq(episodes.id, episode.id));
		await t.db.delete(transcriptCues).where(eq(transcriptCues.episodeId, episode.id));
		await seedDemoContent(t.db);
		expect((await mainEpisode()).title).toBe("Running Isn't Therapy");
		const after = await identities(t.db);
		expect(after.episodes).toEqual(before.episodes);
		expect(after.segments).toEqual(before.segments);
		expect(after.links).toEqual(before.links);
		expect(after.cues.map((c) => c.text)).toEqual(expect.arrayContaining(before.cues.map((c) => c.text)));
		expect(after.cues).toHaveLength(before.cues.length);
	});
});
