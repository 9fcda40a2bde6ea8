import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { createFixtureEpisode, tableCounts } from './support';

describe.each(databaseKinds)('deleting on %s', (kind) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(kind, { seed: true });
	});
	afterAll(() => t?.close());

	/** A fixture episode with a cue, a guest and a question linked to both its segments. */
	async function fullEpisode(slug: string) {
		const fixture = await createFixtureEpisode(t.db, slug);
		const episodeId = fixture.episode.id;
		await t.db.insert(transcriptCues).values([
			{ episodeId, position: 0, startSeconds: 0, endSeconds: 50, speaker: 'Host', text: 'Hello' },
			{ episodeId, position: 1, startSeconds: 50, endSeconds: 100, speaker: 'Guest', text: 'Hi' }
		]);
		const [person] = await t.db.insert(people).values({ slug: `${slug}-guest`, name: 'Guest' }).returning();
		await t.db.insert(episodePeople).values({ episodeId, personId: person!.id, role: 'guest' });
		const [question] = await t.db.insert(questions).values({ slug: `${slug}-question`, text: 'Why?' }).returning();
		await t.db.insert(questionSegments).values(
			fixture.segments.map((s, i) => ({ questionId: question!.id, segmentId: s.id, rank: i + 1, origin: 'editorial' as const }))
		);
		return { ...fixture, person: person!, question: question! };
	}

	it('removes an episode\'s segments, transcript, cast and question links with it, and nothing else', async () => {
		const before = await tableCounts(t.db);
		const fixture = await fullEpisode('cascade-episode');
		await t.db.delete(episodes).where(eq(episodes.id, fixture.episode.id));
		const segmentIds = fixture.segments.map((s) => s.id);
		expect(await t.db.select().from(segments).where(eq(segments.episodeId, fixture.episode.id))).toEqual([]);
		expect(await t.db.select().from(transcriptCues).where(eq(transcriptCues.episodeId, fixture.episode.id))).toEqual([]);
		expect(await t.db.select().from(episodePeople).where(eq(episodePeople.episodeId, fixture.episode.id))).toEqual([]);
		expect(await t.db.select().from(questionSegments).where(inArray(questionSegments.segmentId, segmentIds))).toEqual([]);
		// The question and the person outlive the episode: they may belong to others.
		expect(await t.db.select().from(questions).where(eq(questions.id, fixture.question.id))).toHaveLength(1);
		expect(await t.db.select().from(people).where(eq(people.id, fixture.person.id))).toHaveLength(1);
		const after = await tableCounts(t.db);
		expect(after).toEqual({ ...before, podcasts: before.podcasts! + 1, people: before.people! + 1, questions: before.questions! + 1 });
	});

	it('removes a show\'s episodes and everything under them when the show is deleted', async () => {
		const before = await tableCounts(t.db);
		const fixture = await fullEpisode('cascade-show');
		await t.db.delete(podcasts).where(eq(podcasts.id, fixture.podcast.id));
		expect(await t.db.select().from(episodes).where(eq(episodes.podcastId, fixture.podcast.id))).toEqual([]);
		const after = await tableCounts(t.db);
		expect(after).toEqual({ ...before, people: before.people! + 1, questions: before.questions! + 1 });
	});

	it('removes a question\'s links but keeps the segments when the question is deleted', async () => {
		const fixture = await fullEpisode('cascade-question');
		await t.db.delete(questions).where(eq(questions.id, fixture.question.id));
		expect(await t.db.select().from(questionSegments).where(eq(questionSegments.questionId, fixture.question.id))).toEqual([]);
		expect(await t.db.select().from(segments).where(eq(segments.episodeId, fixture.episode.id))).toHaveLength(2);
	});

	it('removes a person from every episode cast when the person is deleted', async () => {
		const fixture = await fullEpisode('cascade-person');
		await t.db.delete(people).where(eq(people.id, fixture.person.id));
		expect(await t.db.select().from(episodePeople).where(eq(episodePeople.episodeId, fixture.episode.id))).toEqual([]);
		expect(await t.db.select().from(episodes).where(eq(episodes.id, fixture.episode.id))).toHaveLength(1);
	});
});
