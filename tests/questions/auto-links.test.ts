import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentChanged, onContentChange } from '../../src/lib/server/content-events';
import { episodes, podcasts, questions, questionSegments, segments } from '../../src/lib/server/db/schema';
import { deleteQuestion, linkQuestionToSegment, saveQuestion } from '../../src/lib/server/questions';
import { rankAnsweringSegments } from '../../src/lib/server/search/ranking';
import { SearchService } from '../../src/lib/server/search/service';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';

describe.each(databaseKinds)('automatic question links on %s', (kind) => {
	let t: TestDb;
	let service: SearchService;
	let unsubscribe: () => void;

	const questionId = async (slug: string) => (await t.db.select({ id: questions.id }).from(questions).where(eq(questions.slug, slug)))[0]!.id;
	const segmentId = async (title: string) => (await t.db.select({ id: segments.id }).from(segments).where(eq(segments.title, title)))[0]!.id;
	const linksOf = async (id: number) =>
		t.db
			.select({
				segmentId: questionSegments.segmentId,
				title: segments.title,
				rank: questionSegments.rank,
				origin: questionSegments.origin,
				excerpt: questionSegments.excerpt,
				score: questionSegments.score
			})
			.from(questionSegments)
			.innerJoin(segments, eq(segments.id, questionSegments.segmentId))
			.where(eq(questionSegments.questionId, id))
			.orderBy(asc(questionSegments.rank));

	beforeAll(async () => {
		t = await createTestDb(kind, { seed: true });
		service = await SearchService.build(t.db);
		unsubscribe = onContentChange((change) => service.applyChange(change));
	});
	afterAll(async () => {
		unsubscribe?.();
		await t?.close();
	});

	it('links questions to the best segments above the threshold, after the editorial ones, with score and excerpt', async () => {
		const editorialBefore = await t.db.select().from(questionSegments).orderBy(asc(questionSegments.questionId), asc(questionSegments.segmentId));
		const result = await service.recomputeAutoLinks();
		expect(result.links).toBeGreaterThan(0);

		const links = await linksOf(await questionId('why-are-rest-days-important-for-runners'));
		expect(links.map((l) => [l.title, l.origin])).toEqual([
			['Why Recovery Is When You Adapt', 'editorial'],
			['Overtraining, Burnout and the Case for Rest', 'editorial'],
			['Active Recovery or Full Rest?', 'auto']
		]);
		const auto = links[2]!;
		expect(auto.rank).toBe(3);
		expect(auto.score).toBeGreaterThan(0);
		const [segment] = await t.db.select({ text: segments.text }).from(segments).where(eq(segments.id, auto.segmentId));
		expect(segment!.text).toContain(auto.excerpt!.replace(/ …$/, ''));

		// Editorial links come through untouched.
		const editorialAfter = await t.db
			.select()
			.from(questionSegments)
			.where(eq(questionSegments.origin, 'editorial'))
			.orderBy(asc(questionSegments.questionId), asc(questionSegments.segmentId));
		expect(editorialAfter).toEqual(editorialBefore);
	});

	it('gives the same links when run again', async () => {
		const snapshot = async () =>
			(await t.db.select().from(questionSegments).orderBy(asc(questionSegments.questionId), asc(questionSegments.segmentId))).map(
				({ createdAt: _c, updatedAt: _u, ...row }) => row
			);
		const before = await snapshot();
		await service.recomputeAutoLinks();
		expect(await snapshot()).toEqual(before);
	});

	it('never overwrites an editorial link: pinning a segment that was linked automatically makes it editorial for good', async () => {
		const id = await questionId('why-are-rest-days-important-for-runners');
		const active = await segmentId('Active Recovery or Full Rest?');
		await linkQuestionToSegment(t.db, id, active, 'A walk or an easy spin can lift your mood without adding training stress.');
		await service.recomputeAutoLinks([id]);
		const links = await linksOf(id);
		expect(links.filter((l) => l.segmentId === active)).toEqual([
			expect.objectContaining({ origin: 'editorial', rank: 3, excerpt: 'A walk or an easy spin can lift your mood without adding training stress.', score: null })
		]);
		expect(links.filter((l) => l.origin === 'editorial').map((l) => l.rank)).toEqual([1, 2, 3]);
		expect(links.filter((l) => l.origin === 'auto').every((l) => l.rank > 3)).toBe(true);
	});

	it('links a new segment that answers a question once its episode is written', async () => {
		const [show] = await t.db.select({ id: podcasts.id }).from(podcasts).where(eq(podcasts.slug, 'coaching-corner'));
		const [episode] = await t.db
			.insert(episodes)
			.values({ podcastId: show!.id, slug: 'euphoria-explained', guid: 'test:euphoria', title: 'Euphoria Explained', durationSeconds: 600 })
			.returning({ id: episodes.id });
		await t.db.insert(segments).values({
			episodeId: episode!.id,
			position: 0,
			startSeconds: 0,
			endSeconds: 600,
			title: "The Runner's High, Explained",
			summary: "What the runner's high is: endocannabinoids, endorphins and the euphoria of long runs.",
			text: "The runner's high is real. Endocannabinoids and endorphins bring on euphoria during long, steady runs."
		});
		await contentChanged({ episodeIds: [episode!.id] });

		expect(service.index.segments.size).toBe(50);
		const links = await linksOf(await questionId('what-is-a-runners-high'));
		expect(links.map((l) => [l.title, l.origin])).toContainEqual(["The Runner's High, Explained", 'auto']);

		// Deleting the episode takes the segment out of search and out of the question's links.
		await t.db.delete(episodes).where(eq(episodes.id, episode!.id));
		await contentChanged({ episodeIds: [episode!.id] });
		expect(rankAnsweringSegments(service.index, 'runners high explained').map((h) => service.index.segments.get(h.id)!.title)).not.toContain(
			"The Runner's High, Explained"
		);
		expect((await linksOf(await questionId('what-is-a-runners-high'))).map((l) => l.title)).not.toContain("The Runner's High, Explained");
	});

	it('indexes and links a new question when it is saved, and forgets it when it is deleted', async () => {
		const id = await saveQuestion(t.db, {
			slug: 'does-caffeine-keep-runners-awake',
			text: 'Does caffeine keep runners awake at night?',
			alternatives: ['Should I skip coffee before an evening run?']
		});
		expect(service.index.questions.get(id)?.text).toBe('Does caffeine keep runners awake at night?');
		const links = await linksOf(id);
		expect(links[0]).toMatchObject({ title: 'Early Alarms and Evening Workouts', origin: 'auto', rank: 1 });

		await deleteQuestion(t.db, id);
		expect(service.index.questions.has(id)).toBe(false);
		expect(await t.db.select().from(questionSegments).where(and(eq(questionSegments.questionId, id)))).toEqual([]);
	});

	it('gives a question the content does not cover no automatic links', async () => {
		const id = await saveQuestion(t.db, { slug: 'best-trail-shoes', text: 'Which trail shoes have the best grip on wet granite?' });
		expect(await linksOf(id)).toEqual([]);
		await deleteQuestion(t.db, id);
	});
});
