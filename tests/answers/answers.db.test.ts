/**
 * The answer page's content on the demo and on real transcripts (../shared/realdata, imported through the importer):
 * quotes are the speakers' own words, each citation plays exactly its sentence and lies inside its cues, a question
 * nothing answers gets a plain "no good answer" with the nearest questions, and asked questions are counted without
 * anything about who asked.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	answerQuestion,
	listAskedQuestions,
	MAX_ASKED_ROWS,
	parseQuestionParam,
	promoteAskedQuestion,
	recordAskedQuestion,
	type Answer
} from '../../src/lib/server/answers';
import { askedQuestions, questions, questionSegments, segments, transcriptCues } from '../../src/lib/server/db/schema';
import { parseTimeParam } from '../../src/lib/time-param';
import { createAnswerFixture, realTranscriptsAvailable, type AnswerFixture } from './support';

/** Questions a listener might ask of the real Buzzcast transcript, mostly not in its words. */
const REAL_QUESTIONS = ['Why did they stop publishing the show on YouTube?', 'Is recording video harder than audio when travelling?', 'Did the videos lose subscribers on the channel?'];
const NONSENSE = ['qwxz plorb fnark?', 'How do I fix a leaking kitchen tap?', 'How do volcanoes form?', 'What is the best recipe for lasagna?'];

let f: AnswerFixture;
beforeAll(async () => {
	if (realTranscriptsAvailable) f = await createAnswerFixture();
}, 300_000);
afterAll(async () => {
	await f?.t.close();
});

describe.skipIf(!realTranscriptsAvailable)('answerQuestion', () => {
	const answers = new Map<string, Answer>();
	const ask = async (q: string) => {
		if (!answers.has(q)) answers.set(q, await answerQuestion(f.t.db, q, { search: f.search }));
		return answers.get(q)!;
	};

	/** The cues of the episode a segment belongs to, whitespace folded, in order. */
	async function cuesOfSegment(segmentId: number) {
		const [segment] = await f.t.db.select({ episodeId: segments.episodeId }).from(segments).where(eq(segments.id, segmentId));
		const rows = await f.t.db.select().from(transcriptCues).where(eq(transcriptCues.episodeId, segment!.episodeId)).orderBy(transcriptCues.position);
		return rows.map((r) => ({ ...r, text: r.text.replace(/\s+/g, ' ').trim() }));
	}

	it.each(REAL_QUESTIONS)('answers "%s" from the real transcript in its speakers\' own words, each citation inside its cues', async (q) => {
		const answer = await ask(q);
		expect(answer.status).toBe('answered');
		expect(answer.citations.length).toBeGreaterThanOrEqual(2);
		expect(answer.citations.length).toBeLessThanOrEqual(4);
		expect(answer.sources.some((s) => s.show.title === 'Answers from real transcripts')).toBe(true);
		for (const c of answer.citations) {
			const source = answer.sources[c.source]!;
			expect(source.citations).toContain(c.n);
			const cues = await cuesOfSegment(source.segmentId);
			// The quote is a run of whole cues' words: a substring of the cue texts joined, and of the cues it plays.
			expect(cues.map((cue) => cue.text).join(' ')).toContain(c.text);
			const inside = cues.filter((cue) => cue.endSeconds > c.startSeconds && cue.startSeconds < c.endSeconds);
			expect(inside.length).toBeGreaterThan(0);
			expect(c.startSeconds).toBeGreaterThanOrEqual(inside[0]!.startSeconds);
			expect(c.endSeconds).toBeLessThanOrEqual(inside.at(-1)!.endSeconds);
			expect(inside.map((cue) => cue.text).join(' ')).toContain(c.text);
			// The link plays exactly that span: ?t=start,end
			const t = parseTimeParam(new URL(c.url, 'http://x').searchParams.get('t'));
			expect(t).toEqual({ ok: true, range: { start: c.startSeconds, end: c.endSeconds } });
		}
		// No sentence quoted twice.
		expect(new Set(answer.citations.map((c) => c.text)).size).toBe(answer.citations.length);
	});

	it('answers a demo question with its moments, sources naming the episode, show and speakers', async () => {
		const answer = await ask('Can running be a kind of therapy?');
		expect(answer.status).toBe('answered');
		const first = answer.sources[0]!;
		expect(first.episode.title).toBeTruthy();
		expect(first.show.url).toMatch(/^\/podcasts\//);
		expect(first.speakers.length).toBeGreaterThan(0);
		expect(first.episode.audioUrl).toBeTruthy();
		expect(answer.citations[0]!.text.length).toBeGreaterThan(20);
	});

	it.each(NONSENSE)('says plainly that nothing answers "%s", and offers the nearest stored questions', async (q) => {
		const answer = await ask(q);
		expect(answer.status).toBe('unanswered');
		expect(answer.citations).toEqual([]);
		expect(answer.sources).toEqual([]);
		expect(answer.score).toBeLessThan(0.5);
		// Gibberish shares nothing with any stored question; a real off-topic question gets the nearest ones.
		if (!q.startsWith('qwxz')) expect(answer.related.length).toBeGreaterThan(0);
	});

	it('offers stored questions for an off-topic question that shares a word with them', async () => {
		const answer = await ask('How much should a plumber sleep?');
		expect(answer.related.map((r) => r.text)).toContain('How much sleep do runners need?');
	});

	it('points to the stored question that asks the same thing', async () => {
		const answer = await ask('how much sleep do runners need');
		expect(answer.stored?.url).toBe('/questions/how-much-sleep-do-runners-need');
	});

	it('treats HTML in a question as words, quoting only the transcript', async () => {
		const answer = await ask('<img src=x onerror=alert(1)> Did the videos lose subscribers?');
		expect(answer.question).toContain('<img');
		for (const c of answer.citations) expect(c.text).not.toContain('<img');
	});
});

describe('parseQuestionParam', () => {
	it('refuses control characters, a 10,000-character question and q given twice, saying why', () => {
		const control = parseQuestionParam(new URLSearchParams({ q: 'sleep\u0000\u001b[31m' }));
		expect(control).toEqual({ ok: false, message: expect.stringContaining('control characters') });
		const long = parseQuestionParam(new URLSearchParams({ q: 'why '.repeat(2500) }));
		expect(long).toEqual({ ok: false, message: expect.stringContaining('at most 300') });
		expect(parseQuestionParam(new URLSearchParams('q=a&q=b'))).toEqual({ ok: false, message: expect.stringContaining('2 times') });
		expect(parseQuestionParam(new URLSearchParams({ q: '  Can running\tbe therapy?\n' }))).toEqual({ ok: true, question: 'Can running be therapy?' });
	});
});

describe.skipIf(!realTranscriptsAvailable)('asked questions', () => {
	it('are counted by their normalised wording, keeping nothing about who asked', async () => {
		await recordAskedQuestion(f.t.db, 'Why did they stop the YouTube videos?', 0.7);
		await recordAskedQuestion(f.t.db, '  why did they STOP the youtube videos ', 0.72);
		const rows = await f.t.db.select().from(askedQuestions);
		expect(rows).toHaveLength(1);
		expect(Object.keys(rows[0]!).sort()).toEqual(['bestScore', 'count', 'lastAskedAt', 'normalized', 'text']);
		expect(rows[0]).toMatchObject({ normalized: 'why did they stop the youtube videos', text: 'Why did they stop the YouTube videos?', count: 2 });
		expect(rows[0]!.bestScore).toBeCloseTo(0.72);
		const listed = await listAskedQuestions(f.t.db, { minCount: 2 });
		expect(listed.map((a) => a.normalized)).toEqual(['why did they stop the youtube videos']);
		expect(await listAskedQuestions(f.t.db, { minCount: 3 })).toEqual([]);
	});

	it('are promoted to a stored question with a stable address, citing the quoted moments', async () => {
		const promoted = await promoteAskedQuestion(f.t.db, 'why did they stop the youtube videos', { search: f.search });
		expect(promoted.slug).toBe('why-did-they-stop-the-youtube-videos');
		expect(promoted.citations).toBeGreaterThan(0);
		const [q] = await f.t.db.select().from(questions).where(eq(questions.id, promoted.id));
		expect(q!.origin).toBe('asked');
		const links = await f.t.db
			.select({ start: questionSegments.startSeconds, end: questionSegments.endSeconds, segStart: segments.startSeconds, segEnd: segments.endSeconds })
			.from(questionSegments)
			.innerJoin(segments, eq(segments.id, questionSegments.segmentId))
			.where(eq(questionSegments.questionId, promoted.id));
		expect(links).toHaveLength(promoted.citations);
		for (const l of links) {
			expect(l.start).not.toBeNull();
			expect(l.start!).toBeGreaterThanOrEqual(l.segStart);
			expect(l.end!).toBeLessThanOrEqual(l.segEnd);
			expect(l.end!).toBeGreaterThan(l.start!);
		}
		expect(await f.t.db.select().from(askedQuestions)).toEqual([]);
	});

	it('stop growing past the cap, while questions already counted keep counting', async () => {
		await recordAskedQuestion(f.t.db, 'Is video worth it?', 0.6);
		await f.t.db.execute(
			sql`INSERT INTO asked_questions (normalized, text, count) SELECT 'filler ' || g, 'filler ' || g, 1 FROM generate_series(1, ${MAX_ASKED_ROWS - 1}) g`
		);
		expect(await recordAskedQuestion(f.t.db, 'A brand new question?', 0.1)).toBe(false);
		expect(await recordAskedQuestion(f.t.db, 'is video worth it', 0.6)).toBe(true);
		const [row] = await f.t.db.select().from(askedQuestions).where(eq(askedQuestions.normalized, 'is video worth it'));
		expect(row!.count).toBe(2);
		const [{ n }] = (await f.t.db.select({ n: sql<number>`count(*)::int` }).from(askedQuestions)) as [{ n: number }];
		expect(n).toBe(MAX_ASKED_ROWS);
	});
});
