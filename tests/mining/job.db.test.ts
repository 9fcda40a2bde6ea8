/**
 * The 'questions' job on the real migrations (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), on episodes made
 * from real transcripts: mined questions are stored with the moment that answers them and listed on /questions and
 * the show's page; a re-run changes nothing; the same question in another episode, or an editorial question asked
 * again, gets one more citation instead of a twin; an editor's edit survives a re-run; a mined question whose last
 * citation is gone is deleted.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questions, questionSegments, transcriptCues } from '../../src/lib/server/db/schema';
import { editQuestion } from '../../src/lib/server/editor';
import { getQuestionPage, listQuestions, listShowQuestions, saveQuestion } from '../../src/lib/server/questions';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { runQuestionsJob, storeTranscriptEpisode } from './store';
import { BUZZCAST_JSON, BUZZSPROUT_SRT, PODNEWS_DAILY_VTT } from './transcripts';

const LENGTH_EDITORIAL = 'What is the ideal length for a podcast?';

describe.each(databaseKinds)('questionsJob on %s', (kind) => {
	let t: TestDb;
	const ep: Record<string, { episodeId: number; segmentId: number }> = {};
	const minedRows = () => t.db.select({ id: questions.id, slug: questions.slug, text: questions.text, origin: questions.origin }).from(questions).where(eq(questions.origin, 'mined'));
	const linksOf = (questionId: number) =>
		t.db.select().from(questionSegments).where(eq(questionSegments.questionId, questionId)).orderBy(questionSegments.rank);

	beforeAll(async () => {
		t = await createTestDb(kind);
		// An editor's question already on the site, in other words than the episode asks it.
		await saveQuestion(t.db, { slug: 'ideal-podcast-length', text: LENGTH_EDITORIAL });
		ep.buzzcast = await storeTranscriptEpisode(t.db, 'buzzcast', 'video-pause', BUZZCAST_JSON, 'https://example.org/buzzcast.mp3');
		ep.tips = await storeTranscriptEpisode(t.db, 'podcasting-tips', 'ten-things', BUZZSPROUT_SRT);
		for (const e of Object.values(ep)) await runQuestionsJob(t.db, e.episodeId);
	}, 120_000);
	afterAll(async () => t?.close());

	it('stores mined questions with the moment that answers them, listed on /questions and on the show', async () => {
		const mined = await minedRows();
		const differentiators = mined.find((q) => /^What are the differentiators between /.test(q.text));
		expect(differentiators).toBeDefined();
		expect(differentiators!.slug).toMatch(/^what-are-the-differentiators-between-/);
		const [link] = await linksOf(differentiators!.id);
		expect(link).toMatchObject({ origin: 'mined', segmentId: ep.buzzcast!.segmentId });
		expect(link!.endSeconds! - link!.startSeconds!).toBeGreaterThan(60);
		expect(link!.excerpt!.length).toBeGreaterThan(30);

		const listed = (await listQuestions(t.db)).find((q) => q.slug === differentiators!.slug);
		expect(listed).toMatchObject({ origin: 'mined', answers: 1 });
		expect((await listShowQuestions(t.db, 'buzzcast')).map((q) => q.slug)).toContain(differentiators!.slug);
		expect((await listShowQuestions(t.db, 'podcasting-tips')).map((q) => q.slug)).not.toContain(differentiators!.slug);

		const page = (await getQuestionPage(t.db, differentiators!.slug))!;
		expect(page.question.origin).toBe('mined');
		const citation = page.citations[0]!;
		expect(citation.moment).toEqual({ startSeconds: link!.startSeconds, endSeconds: link!.endSeconds });
		expect(citation.segment.url).toBe(`/podcasts/buzzcast/video-pause?t=${Math.round(link!.startSeconds! * 10) / 10},${Math.round(link!.endSeconds! * 10) / 10}`);
	});

	it('cites the editorial question when the episode asks it in other words, instead of making a twin', async () => {
		const editorial = (await t.db.select().from(questions).where(eq(questions.slug, 'ideal-podcast-length')))[0]!;
		expect(editorial.text).toBe(LENGTH_EDITORIAL);
		expect(editorial.origin).toBe('editorial');
		const links = await linksOf(editorial.id);
		expect(links.map((l) => [l.origin, l.segmentId])).toEqual([['mined', ep.tips!.segmentId]]);
		expect((await minedRows()).some((q) => /ideal podcast length/i.test(q.text))).toBe(false);
	});

	it('changes nothing when run again: same questions, same slugs, same moments', async () => {
		const before = await minedRows();
		const linksBefore = await t.db.select().from(questionSegments);
		for (const e of Object.values(ep)) await runQuestionsJob(t.db, e.episodeId);
		expect(await minedRows()).toEqual(before);
		const linksAfter = await t.db.select().from(questionSegments);
		const shape = (l: typeof linksBefore) => l.map((x) => `${x.questionId}:${x.segmentId}:${x.origin}:${x.startSeconds}:${x.endSeconds}`).sort();
		expect(shape(linksAfter)).toEqual(shape(linksBefore));
	});

	it('merges the same question asked in another episode into one question with two citations', async () => {
		ep.rerun = await storeTranscriptEpisode(t.db, 'buzzcast', 'video-pause-rebroadcast', BUZZCAST_JSON);
		await runQuestionsJob(t.db, ep.rerun.episodeId);
		const twins = (await minedRows()).filter((q) => /^What are the differentiators between /.test(q.text));
		expect(twins).toHaveLength(1);
		const links = await linksOf(twins[0]!.id);
		expect(links.map((l) => l.segmentId).sort()).toEqual([ep.buzzcast!.segmentId, ep.rerun.segmentId].sort());
		expect(links.map((l) => l.rank)).toEqual([1, 2]);
	});

	it('leaves a question an editor reworded exactly as the editor left it when the episode is mined again', async () => {
		const question = (await minedRows()).find((q) => /^What are the differentiators between /.test(q.text))!;
		await editQuestion(t.db, question.id, { text: 'How do tutorial videos differ from full podcast episodes on YouTube?' });
		const linksBefore = await linksOf(question.id);
		await runQuestionsJob(t.db, ep.buzzcast!.episodeId);
		await runQuestionsJob(t.db, ep.rerun!.episodeId);
		const [after] = await t.db.select().from(questions).where(eq(questions.id, question.id));
		expect(after!.text).toBe('How do tutorial videos differ from full podcast episodes on YouTube?');
		expect(after!.slug).toBe(question.slug);
		expect(await linksOf(question.id)).toEqual(linksBefore);
		// The old wording does not come back as a new question.
		expect((await minedRows()).filter((q) => /differentiators/.test(q.text))).toEqual([]);
	});

	it('deletes a mined question whose last citation is gone, and keeps editorial questions and their own links', async () => {
		ep.solo = await storeTranscriptEpisode(t.db, 'podcasting-tips', 'solo', BUZZSPROUT_SRT);
		const editorial = (await t.db.select().from(questions).where(eq(questions.slug, 'ideal-podcast-length')))[0]!;
		await runQuestionsJob(t.db, ep.solo.episodeId);
		expect((await linksOf(editorial.id)).length).toBe(2);
		// The transcript goes (a re-import without it): the episode's mined citations go with the next run.
		await t.db.delete(transcriptCues).where(eq(transcriptCues.episodeId, ep.solo.episodeId));
		await runQuestionsJob(t.db, ep.solo.episodeId);
		expect((await linksOf(editorial.id)).map((l) => l.segmentId)).toEqual([ep.tips!.segmentId]);
		await t.db.delete(transcriptCues).where(eq(transcriptCues.episodeId, ep.tips!.episodeId));
		await runQuestionsJob(t.db, ep.tips!.episodeId);
		// The editorial question stays, without citations; a mined one in its place would have been deleted.
		expect(await linksOf(editorial.id)).toEqual([]);
		expect((await t.db.select().from(questions).where(eq(questions.id, editorial.id))).length).toBe(1);

		// A mined question cited by one episode only goes when that citation goes.
		ep.daily = await storeTranscriptEpisode(t.db, 'daily-news', 'jan-25', PODNEWS_DAILY_VTT);
		const minedBefore = await minedRows();
		await runQuestionsJob(t.db, ep.daily.episodeId);
		const fromDaily = (await minedRows()).filter((q) => !minedBefore.some((b) => b.id === q.id));
		expect(fromDaily.length).toBeGreaterThan(0);
		await t.db.delete(transcriptCues).where(eq(transcriptCues.episodeId, ep.daily.episodeId));
		await runQuestionsJob(t.db, ep.daily.episodeId);
		expect(await minedRows()).toEqual(minedBefore);
		for (const q of fromDaily) expect(await getQuestionPage(t.db, q.slug)).toBeNull();
	});
});
