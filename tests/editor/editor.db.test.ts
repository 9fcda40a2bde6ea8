/**
 * The editors' tools on the real migrations and the demo content: every change is logged, editors' decisions survive
 * the automatic steps, bad edits say what is wrong and change nothing, hiding and deleting reach every listing.
 */
import { asc, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onContentChange } from '../../src/lib/server/content-events';
import { editorChanges, episodes, podcasts, questions, questionSegments, segments } from '../../src/lib/server/db/schema';
import {
	createQuestion,
	deleteShow,
	editQuestion,
	editSegment,
	EditorError,
	hideEpisode,
	listChanges,
	mergeQuestions,
	moveCitation,
	pinCitation,
	removeQuestion,
	reorderCitations,
	unpinCitation,
	writeAnswer
} from '../../src/lib/server/editor';
import { getEpisodePage } from '../../src/lib/server/episodes';
import { getPodcastPage, listRecentEpisodes } from '../../src/lib/server/podcasts';
import { getQuestionPage } from '../../src/lib/server/questions';
import { SearchService } from '../../src/lib/server/search/service';
import { listSitemapEntries } from '../../src/lib/server/sitemap';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';

describe.each(databaseKinds)('the editors’ tools on %s', (kind) => {
	let t: TestDb;
	let service: SearchService;
	let unsubscribe: () => void;

	const changeCount = async () => (await t.db.select({ n: count() }).from(editorChanges))[0]!.n;
	const segmentByTitle = async (title: string) => (await t.db.select().from(segments).where(eq(segments.title, title)))[0]!;
	const questionById = async (id: number) => (await t.db.select().from(questions).where(eq(questions.id, id)))[0];
	const linksOf = (questionId: number) =>
		t.db
			.select({ segmentId: questionSegments.segmentId, rank: questionSegments.rank, origin: questionSegments.origin, start: questionSegments.startSeconds, end: questionSegments.endSeconds })
			.from(questionSegments)
			.where(eq(questionSegments.questionId, questionId))
			.orderBy(asc(questionSegments.rank));
	const episodeSegments = (episodeId: number) =>
		t.db
			.select({ id: segments.id, title: segments.title, start: segments.startSeconds, end: segments.endSeconds, edited: segments.editedAt })
			.from(segments)
			.where(eq(segments.episodeId, episodeId))
			.orderBy(asc(segments.startSeconds));

	beforeAll(async () => {
		t = await createTestDb(kind, { seed: true });
		service = await SearchService.build(t.db);
		unsubscribe = onContentChange((change) => service.applyChange(change));
		await service.recomputeAutoLinks();
	});
	afterAll(async () => {
		unsubscribe?.();
		await t?.close();
	});

	it('creates, rewords, answers, merges and deletes questions, logging each change in words', async () => {
		const before = await changeCount();
		const a = await createQuestion(t.db, { text: '  How do I  breathe while running?\u0007 ', alternatives: ['Breathing on the run'] });
		expect(a.slug).toBe('how-do-i-breathe-while-running');
		const again = await createQuestion(t.db, { text: 'How do I breathe while running?' });
		expect(again.slug).toBe('how-do-i-breathe-while-running-2');

		await editQuestion(t.db, a.id, { text: 'How should I breathe when I run?', featured: true });
		await writeAnswer(t.db, a.id, 'Breathe in a steady rhythm.\n\nMatch it to your steps.');
		const edited = (await questionById(a.id))!;
		expect(edited).toMatchObject({ slug: 'how-do-i-breathe-while-running', text: 'How should I breathe when I run?', featured: true, origin: 'editorial' });
		expect(edited.answer).toBe('Breathe in a steady rhythm.\n\nMatch it to your steps.');
		expect(edited.editedAt).not.toBeNull();

		const segment = await segmentByTitle('Welcome and Meet Sarah Strong');
		await pinCitation(t.db, again.id, segment.id);
		await mergeQuestions(t.db, again.id, a.id);
		expect(await questionById(again.id)).toBeUndefined();
		const merged = (await questionById(a.id))!;
		expect(merged.alternatives).toEqual(['Breathing on the run', 'How do I breathe while running?']);
		expect((await linksOf(a.id)).find((l) => l.segmentId === segment.id)?.origin).toBe('editorial');

		await removeQuestion(t.db, a.id);
		expect(await questionById(a.id)).toBeUndefined();
		expect(await getQuestionPage(t.db, a.slug)).toBeNull();

		const log = await listChanges(t.db, { limit: 20 });
		expect(await changeCount()).toBe(before + 8);
		expect(log.slice(0, 8).map((c) => c.action)).toEqual([
			`deleted question ${a.id} "How should I breathe when I run?" (/questions/how-do-i-breathe-while-running)`,
			expect.stringMatching(new RegExp(`^merged question ${again.id} "How do I breathe while running\\?" .* into question ${a.id} .*1 citation\\(s\\) moved`)),
			expect.stringMatching(new RegExp(`^pinned segment ${segment.id} "Welcome and Meet Sarah Strong" to question ${again.id}$`)),
			`wrote question ${a.id}'s editorial answer: "Breathe in a steady rhythm. Match it to your steps."`,
			`featured question ${a.id}`,
			`reworded question ${a.id} from "How do I breathe while running?" to "How should I breathe when I run?"`,
			`created question ${again.id} "How do I breathe while running?" at /questions/how-do-i-breathe-while-running-2`,
			`created question ${a.id} "How do I breathe while running?" at /questions/how-do-i-breathe-while-running`
		]);
	});

	it('refuses an empty question, a merge into itself and a question that is gone, with what to do, logging nothing', async () => {
		const before = await changeCount();
		await expect(createQuestion(t.db, { text: ' \u0000 ' })).rejects.toThrow('Editor: The question is empty; write some text.');
		await expect(createQuestion(t.db, { text: 'x'.repeat(10_000) })).rejects.toThrow(/10000 characters long; at most 300/);
		await expect(mergeQuestions(t.db, 1, 1)).rejects.toThrow(/cannot be merged into itself/);
		await expect(editQuestion(t.db, 999_999, { text: 'Anything?' })).rejects.toThrow(EditorError);
		expect(await changeCount()).toBe(before);
	});

	it('keeps an editor’s pins, their order and moments, and the question’s wording when automatic links are recomputed', async () => {
		const [q] = await t.db.select().from(questions).where(eq(questions.slug, 'why-are-rest-days-important-for-runners'));
		const welcome = await segmentByTitle('Welcome and Meet Sarah Strong');
		await editQuestion(t.db, q!.id, { text: 'Why do runners need rest days at all?' });
		await pinCitation(t.db, q!.id, welcome.id, { moment: { startSeconds: 10, endSeconds: 42.5 } });
		const pinned = (await linksOf(q!.id)).filter((l) => l.origin !== 'auto');
		expect(pinned.at(-1)).toMatchObject({ segmentId: welcome.id, origin: 'editorial', start: 10, end: 42.5 });

		// The editor puts their pin first, then the automatic steps run again.
		await reorderCitations(t.db, q!.id, [welcome.id, ...pinned.slice(0, -1).map((l) => l.segmentId)]);
		await service.recomputeAutoLinks();
		const after = await linksOf(q!.id);
		expect(after[0]).toMatchObject({ segmentId: welcome.id, rank: 1, origin: 'editorial', start: 10, end: 42.5 });
		expect(after.map((l) => l.rank)).toEqual(after.map((_, i) => i + 1));
		expect(after.filter((l) => l.origin === 'editorial').map((l) => l.segmentId)).toEqual([welcome.id, ...pinned.slice(0, -1).map((l) => l.segmentId)]);
		expect((await questionById(q!.id))!.text).toBe('Why do runners need rest days at all?');

		// Down one place, then unpinned: the order closes up.
		await moveCitation(t.db, q!.id, welcome.id, 'down');
		expect((await linksOf(q!.id))[1]).toMatchObject({ segmentId: welcome.id, rank: 2 });
		await unpinCitation(t.db, q!.id, welcome.id);
		const left = await linksOf(q!.id);
		expect(left.some((l) => l.segmentId === welcome.id && l.origin === 'editorial')).toBe(false);
		expect(left.map((l) => l.rank)).toEqual(left.map((_, i) => i + 1));
	});

	it('refuses a moment outside its segment and a reorder that leaves out a pin, changing nothing', async () => {
		const [q] = await t.db.select().from(questions).where(eq(questions.slug, 'why-are-rest-days-important-for-runners'));
		const welcome = await segmentByTitle('Welcome and Meet Sarah Strong');
		const before = await linksOf(q!.id);
		const logged = await changeCount();
		await expect(pinCitation(t.db, q!.id, welcome.id, { moment: { startSeconds: 170, endSeconds: 200 } })).rejects.toThrow(
			`Editor: the moment 170-200 s is not inside segment ${welcome.id} (0-180 s).`
		);
		await expect(reorderCitations(t.db, q!.id, [before[0]!.segmentId])).rejects.toThrow(/give every pinned segment/);
		expect(await linksOf(q!.id)).toEqual(before);
		expect(await changeCount()).toBe(logged);
	});

	it('edits a segment’s title, summary and boundaries, shrinking the neighbour it moves into', async () => {
		const welcome = await segmentByTitle('Welcome and Meet Sarah Strong');
		const [next] = (await episodeSegments(welcome.episodeId)).filter((s) => s.start >= welcome.endSeconds);
		await editSegment(t.db, welcome.id, { title: 'Meet Sarah Strong', summary: 'Who Sarah is.', endSeconds: next!.start + 15 });
		const list = await episodeSegments(welcome.episodeId);
		expect(list[0]).toMatchObject({ id: welcome.id, title: 'Meet Sarah Strong', start: 0, end: next!.start + 15 });
		expect(list[1]).toMatchObject({ id: next!.id, start: next!.start + 15, end: next!.end });
		expect(list[0]!.edited).not.toBeNull();
		expect(list[1]!.edited).not.toBeNull();
		const [row] = await t.db.select({ summary: segments.summary, text: segments.text }).from(segments).where(eq(segments.id, welcome.id));
		expect(row!.summary).toBe('Who Sarah is.');
		const [log] = await listChanges(t.db, { limit: 1 });
		expect(log).toMatchObject({ target: 'segment', targetId: welcome.id });
		expect(log!.action).toContain(`renamed "Welcome and Meet Sarah Strong" to "Meet Sarah Strong"`);
		expect(log!.action).toMatch(new RegExp(`; segment ${next!.id} "Running and Your Mood[^"]*" now starts at ${next!.start + 15} s$`));
		// The episode page and search show the new title.
		const [episode] = await t.db.select().from(episodes).where(eq(episodes.id, welcome.episodeId));
		const [show] = await t.db.select().from(podcasts).where(eq(podcasts.id, episode!.podcastId));
		expect((await getEpisodePage(t.db, show!.slug, episode!.slug))!.segments[0]!.title).toBe('Meet Sarah Strong');
		expect(service.index.segments.get(welcome.id)!.title).toBe('Meet Sarah Strong');
	});

	it('refuses boundaries that would overlap past a neighbour, leave the episode or turn inside out, changing nothing', async () => {
		const [episode] = await t.db.select().from(episodes).where(eq(episodes.slug, 'running-isnt-therapy'));
		const list = await episodeSegments(episode!.id);
		const second = list[1]!;
		const logged = await changeCount();
		await expect(editSegment(t.db, second.id, { endSeconds: list[2]!.end + 1 })).rejects.toThrow(
			`the segment after it, "${list[2]!.title}", ends at ${list[2]!.end} s and would vanish`
		);
		await expect(editSegment(t.db, second.id, { startSeconds: 0, title: 'Should not stick' })).rejects.toThrow(/the segment before it, .* would vanish/);
		await expect(editSegment(t.db, list.at(-1)!.id, { endSeconds: 3001 })).rejects.toThrow('cannot end at 3001 s: the episode ends at 3000 s.');
		await expect(editSegment(t.db, second.id, { startSeconds: 500, endSeconds: 400 })).rejects.toThrow(/must end after it starts \(got 500 s to 400 s\)/);
		await expect(editSegment(t.db, second.id, { title: '   ' })).rejects.toThrow('The segment title is empty');
		expect(await episodeSegments(episode!.id)).toEqual(list);
		expect(await changeCount()).toBe(logged);
	});

	it('hides an episode from its page, the show’s list, recent episodes, the sitemap and search, and shows it again', async () => {
		const [episode] = await t.db.select().from(episodes).where(eq(episodes.slug, 'rest-days-are-training-days'));
		const [show] = await t.db.select().from(podcasts).where(eq(podcasts.id, episode!.podcastId));
		const segmentIds = (await episodeSegments(episode!.id)).map((s) => s.id);
		const path = `/podcasts/${show!.slug}/${episode!.slug}`;
		const visible = async () => ({
			page: (await getEpisodePage(t.db, show!.slug, episode!.slug)) !== null,
			showList: (await getPodcastPage(t.db, show!.slug))!.episodes.some((e) => e.slug === episode!.slug),
			recent: (await listRecentEpisodes(t.db, 100)).some((e) => e.slug === episode!.slug),
			sitemap: (await listSitemapEntries(t.db)).some((e) => e.path === path),
			search: segmentIds.some((id) => service.index.segments.has(id))
		});
		expect(await visible()).toEqual({ page: true, showList: true, recent: true, sitemap: true, search: true });
		await hideEpisode(t.db, episode!.id);
		expect(await visible()).toEqual({ page: false, showList: false, recent: false, sitemap: false, search: false });
		const hits = await service.search({ query: 'rest days training' });
		expect(JSON.stringify(hits)).not.toContain(episode!.slug);
		await hideEpisode(t.db, episode!.id, false);
		expect(await visible()).toEqual({ page: true, showList: true, recent: true, sitemap: true, search: true });
		expect((await listChanges(t.db, { limit: 2 })).map((c) => c.action)).toEqual([
			`unhid episode ${episode!.id} "${episode!.title}"`,
			`hid episode ${episode!.id} "${episode!.title}"`
		]);
	});

	it('deletes a show with its citations, its orphaned mined questions, and leaves other shows and editorial questions intact', async () => {
		const [doomed] = await t.db.select().from(podcasts).where(eq(podcasts.slug, 'coaching-corner'));
		const doomedEpisodes = (await t.db.select({ id: episodes.id }).from(episodes).where(eq(episodes.podcastId, doomed!.id))).map((e) => e.id);
		const doomedSegments = (await t.db.select({ id: segments.id }).from(segments).where(inArray(segments.episodeId, doomedEpisodes))).map((s) => s.id);
		const [otherSegment] = await t.db.select().from(segments).where(eq(segments.title, 'Meet Sarah Strong'));
		// A mined question answered only in that show, an editorial one too, and one cited in both shows.
		const [mined] = await t.db
			.insert(questions)
			.values({ slug: 'mined-only-there', text: 'How do you calm race nerves?', origin: 'mined' })
			.returning({ id: questions.id });
		await t.db.insert(questionSegments).values({ questionId: mined!.id, segmentId: doomedSegments[0]!, rank: 1, origin: 'mined' });
		const editorial = await createQuestion(t.db, { text: 'Is it normal to be nervous before a race?' });
		await pinCitation(t.db, editorial.id, doomedSegments[0]!);
		const both = await createQuestion(t.db, { text: 'What helps before a big day?' });
		await pinCitation(t.db, both.id, doomedSegments[1]!);
		await pinCitation(t.db, both.id, otherSegment!.id);
		const showsBefore = await t.db.select({ id: podcasts.id }).from(podcasts);
		const otherLinksBefore = await t.db
			.select({ n: count() })
			.from(questionSegments)
			.innerJoin(segments, eq(segments.id, questionSegments.segmentId))
			.innerJoin(episodes, eq(episodes.id, segments.episodeId))
			.where(eq(episodes.podcastId, showsBefore.find((s) => s.id !== doomed!.id)!.id));

		const result = await deleteShow(t.db, doomed!.id);
		expect(result).toEqual({ episodesDeleted: doomedEpisodes.length, questionsDeleted: 1 });
		expect(await t.db.select().from(podcasts).where(eq(podcasts.id, doomed!.id))).toEqual([]);
		expect(await t.db.select().from(questionSegments).where(inArray(questionSegments.segmentId, doomedSegments))).toEqual([]);
		expect(await questionById(mined!.id)).toBeUndefined();
		expect(await questionById(editorial.id)).toBeDefined();
		// Its pins are gone with the show (automatic links may find it another answer elsewhere).
		expect((await linksOf(editorial.id)).filter((l) => l.origin !== 'auto')).toEqual([]);
		expect((await linksOf(both.id)).filter((l) => l.origin !== 'auto').map((l) => [l.segmentId, l.rank])).toEqual([[otherSegment!.id, 1]]);
		const otherLinksAfter = await t.db
			.select({ n: count() })
			.from(questionSegments)
			.innerJoin(segments, eq(segments.id, questionSegments.segmentId))
			.innerJoin(episodes, eq(episodes.id, segments.episodeId))
			.where(eq(episodes.podcastId, showsBefore.find((s) => s.id !== doomed!.id)!.id));
		expect(otherLinksAfter[0]!.n).toBeGreaterThanOrEqual(otherLinksBefore[0]!.n);
		expect((await t.db.select({ id: podcasts.id }).from(podcasts)).length).toBe(showsBefore.length - 1);
		expect(doomedSegments.some((id) => service.index.segments.has(id))).toBe(false);
		const [log] = await listChanges(t.db, { limit: 1 });
		expect(log!.action).toBe(
			`deleted show "${doomed!.title}" (coaching-corner) with ${doomedEpisodes.length} episode(s); 1 mined question(s) left without citations deleted (${mined!.id})`
		);
	});
});
