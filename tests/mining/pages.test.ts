/**
 * Mined questions on the real production server (PGlite directory mined first, then opened by the server): listed on
 * /questions with their origin shown, on the show's page under "Questions answered in this show", and each question
 * page cites the moment from the question to the end of its answer, playable without JavaScript.
 */
import { eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/lib/server/db/client';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { questions, questionSegments } from '../../src/lib/server/db/schema';
import { startServer, type TestServer } from '../helpers/server';
import { runQuestionsJob, storeTranscriptEpisode } from './store';
import { BUZZCAST_JSON } from './transcripts';
import { noscriptMarkup } from '../pages/support';

describe('mined questions on the site', () => {
	let server: TestServer;
	let dir: string;
	let mined: { slug: string; text: string; startSeconds: number; endSeconds: number };

	beforeAll(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'mined-pages-'));
		const handle = await createDb(`pglite://${dir}`);
		await runMigrations(handle);
		const { episodeId } = await storeTranscriptEpisode(handle.db, 'buzzcast', 'video-pause', BUZZCAST_JSON, 'https://example.org/buzzcast.mp3');
		await runQuestionsJob(handle.db, episodeId);
		const [row] = await handle.db
			.select({ slug: questions.slug, text: questions.text, startSeconds: questionSegments.startSeconds, endSeconds: questionSegments.endSeconds })
			.from(questions)
			.innerJoin(questionSegments, eq(questionSegments.questionId, questions.id))
			.where(eq(questions.origin, 'mined'))
			.limit(1);
		mined = { ...row!, startSeconds: row!.startSeconds!, endSeconds: row!.endSeconds! };
		await handle.close();
		server = await startServer({ databaseUrl: `pglite://${dir}`, env: { WORKER: '0', SEARCH_SNAPSHOT_DIR: path.join(dir, 'search') } });
	}, 180_000);
	afterAll(async () => {
		await server?.stop();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	const page = async (target: string) => {
		const response = await fetch(new URL(target, server.url), { headers: { accept: 'text/html' } });
		const doc = parse(await response.text());
		return { status: response.status, doc };
	};
	const t = (s: number) => String(Math.round(s * 10) / 10);

	it('lists the mined question on /questions, marked as coming from the conversation', async () => {
		const { status, doc } = await page('/questions');
		expect(status).toBe(200);
		const item = doc.querySelectorAll('li').find((li) => li.querySelector(`a[href="/questions/${mined.slug}"]`));
		expect(item?.querySelector('a')?.text).toBe(mined.text);
		expect(item?.text).toContain('from the conversation');
	});

	it("lists it on the show's page under “Questions answered in this show”", async () => {
		const { status, doc } = await page('/podcasts/buzzcast');
		expect(status).toBe(200);
		const section = doc.querySelector('section[aria-labelledby="show-questions-heading"]');
		expect(section?.querySelector('h2')?.text).toBe('Questions answered in this show');
		expect(section?.querySelector(`a[href="/questions/${mined.slug}"]`)?.text).toBe(mined.text);
	});

	it('cites the moment from the question to the end of its answer, and plays just that moment without JavaScript', async () => {
		const { status, doc } = await page(`/questions/${mined.slug}`);
		expect(status).toBe(200);
		expect(doc.querySelector('h1')?.text).toBe(mined.text);
		const source = doc.querySelector('#citation-1')!;
		expect(source.text).toContain('asked in the episode');
		const range = `${t(mined.startSeconds)},${t(mined.endSeconds)}`;
		expect(source.querySelector('a.time')?.getAttribute('href')).toBe(`/podcasts/buzzcast/video-pause?t=${range}`);
		expect(noscriptMarkup(source).querySelector('audio')?.getAttribute('src')).toBe(`https://example.org/buzzcast.mp3#t=${range}`);
		// The answer is the speaker's own first words, quoted.
		expect(source.querySelector('blockquote')?.text.length).toBeGreaterThan(30);
		const episode = await page(`/podcasts/buzzcast/video-pause?t=${range}`);
		expect(episode.status).toBe(200);
	});
});
