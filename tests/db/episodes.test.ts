import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEpisodePage } from '../../src/lib/server/episodes';
import { getPodcastPage, listPodcasts, listRecentEpisodes } from '../../src/lib/server/podcasts';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';

describe.each(databaseKinds)('episode and show pages on %s', (kind) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(kind, { seed: true });
	});
	afterAll(() => t?.close());

	describe('getEpisodePage', () => {
		it('returns the episode with its show, in a form a page can serialise', async () => {
			const page = await getEpisodePage(t.db, 'running-explained', 'running-isnt-therapy');
			expect(page).not.toBeNull();
			expect(page!.podcast).toMatchObject({ slug: 'running-explained', title: 'The Running Explained Podcast', author: 'Marcus Bell' });
			expect(page!.episode).toMatchObject({
				slug: 'running-isnt-therapy',
				title: "Running Isn't Therapy",
				season: 3,
				episodeNumber: 9,
				publishedAt: '2025-10-14T10:00:00Z',
				durationSeconds: 3000,
				audioUrl: '/audio/demo/running-explained/running-isnt-therapy.wav'
			});
			expect(JSON.parse(JSON.stringify(page))).toEqual(page);
		});

		it('lists the segments in playing order, each starting where the last ended', async () => {
			const page = (await getEpisodePage(t.db, 'running-explained', 'running-isnt-therapy'))!;
			expect(page.segments.length).toBeGreaterThanOrEqual(10);
			expect(page.segments[0]).toMatchObject({ startSeconds: 0, title: 'Welcome and Meet Sarah Strong', position: 0 });
			for (let i = 1; i < page.segments.length; i++) {
				expect(page.segments[i]!.startSeconds).toBe(page.segments[i - 1]!.endSeconds);
				expect(page.segments[i]!.position).toBe(i);
			}
			expect(page.segments.at(-1)!.endSeconds).toBe(3000);
		});

		it('lists the transcript in order, each line inside the episode', async () => {
			const page = (await getEpisodePage(t.db, 'running-explained', 'running-isnt-therapy'))!;
			expect(page.cues.length).toBeGreaterThan(20);
			expect(page.cues[0]).toMatchObject({ startSeconds: 0, speaker: 'Marcus Bell' });
			expect(page.cues[0]!.text).toContain('Welcome back to The Running Explained Podcast');
			for (let i = 1; i < page.cues.length; i++) {
				expect(page.cues[i]!.startSeconds).toBeGreaterThanOrEqual(page.cues[i - 1]!.endSeconds - 0.001);
			}
			expect(page.cues.at(-1)!.endSeconds).toBe(3000);
		});

		it('names the people with their roles, host first', async () => {
			const page = (await getEpisodePage(t.db, 'running-explained', 'running-isnt-therapy'))!;
			expect(page.people).toEqual([
				expect.objectContaining({ slug: 'marcus-bell', name: 'Marcus Bell', role: 'host' }),
				expect.objectContaining({ slug: 'sarah-strong', name: 'Sarah Strong', credentials: 'MSW, LCSW', handle: '@the_trail_therapist', role: 'guest' })
			]);
		});

		it('lists each question the episode answers once, at the start of its best-ranked segment', async () => {
			const page = (await getEpisodePage(t.db, 'running-explained', 'running-isnt-therapy'))!;
			const slugs = page.questions.map((q) => q.slug);
			expect(new Set(slugs).size).toBe(slugs.length);
			const therapy = page.questions.find((q) => q.text === 'Can running serve as therapy?');
			const substitute = page.segments.find((s) => s.title === "Why Running Isn't a Substitute for Therapy")!;
			expect(therapy).toEqual({ slug: 'can-running-serve-as-therapy', text: 'Can running serve as therapy?', segmentStartSeconds: substitute.startSeconds });
			const starts = new Set(page.segments.map((s) => s.startSeconds));
			expect(page.questions.every((q) => starts.has(q.segmentStartSeconds))).toBe(true);
		});

		it('gives an episode without a transcript an empty one, not an error', async () => {
			const page = (await getEpisodePage(t.db, 'sleep-and-recovery-lab', 'rest-days-are-training-days'))!;
			expect(page.episode.title).toBe('Rest Days Are Training Days');
			expect(page.cues).toEqual([]);
			expect(page.segments.length).toBeGreaterThan(0);
		});

		it('returns null for an unknown episode, an unknown show, or an episode asked for under the wrong show', async () => {
			expect(await getEpisodePage(t.db, 'running-explained', 'no-such-episode')).toBeNull();
			expect(await getEpisodePage(t.db, 'no-such-show', 'running-isnt-therapy')).toBeNull();
			expect(await getEpisodePage(t.db, 'coaching-corner', 'running-isnt-therapy')).toBeNull();
			expect(await getEpisodePage(t.db, '', '')).toBeNull();
		});
	});

	describe('listPodcasts, listRecentEpisodes and getPodcastPage', () => {
		it('lists every show alphabetically with its episode count', async () => {
			const shows = await listPodcasts(t.db);
			expect(shows.map((s) => s.title)).toEqual([...shows.map((s) => s.title)].sort((a, b) => a.localeCompare(b)));
			expect(shows.find((s) => s.slug === 'running-explained')).toMatchObject({ episodeCount: 1, author: 'Marcus Bell' });
			expect(shows.reduce((sum, s) => sum + s.episodeCount, 0)).toBeGreaterThanOrEqual(7);
		});

		it('lists the newest episodes first, across shows, up to the limit', async () => {
			const recent = await listRecentEpisodes(t.db, 5);
			expect(recent).toHaveLength(5);
			const dates = recent.map((e) => e.publishedAt!);
			expect(dates).toEqual([...dates].sort().reverse());
			expect(new Set((await listRecentEpisodes(t.db, 50)).map((e) => e.podcastSlug)).size).toBeGreaterThanOrEqual(3);
		});

		it('returns a show with its episodes newest first, and null for an unknown show', async () => {
			const page = await getPodcastPage(t.db, 'sleep-and-recovery-lab');
			expect(page!.podcast).toMatchObject({ slug: 'sleep-and-recovery-lab', title: 'The Sleep and Recovery Lab' });
			expect(page!.podcast).not.toHaveProperty('id');
			expect(page!.episodes.length).toBeGreaterThanOrEqual(3);
			expect(page!.episodes.every((e) => e.podcastSlug === 'sleep-and-recovery-lab')).toBe(true);
			const dates = page!.episodes.map((e) => e.publishedAt!);
			expect(dates).toEqual([...dates].sort().reverse());
			expect(await getPodcastPage(t.db, 'no-such-show')).toBeNull();
		});
	});
});
