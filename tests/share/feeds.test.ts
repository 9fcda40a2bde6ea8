import { parseFeed } from 'podcast-partytime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContent } from '../../src/lib/server/demo/content';
import { cuesForSegment } from '../../src/lib/server/demo/seed';
import { getEpisodePage } from '../../src/lib/server/episodes';
import { buildChapters } from '../../src/lib/server/export/chapters';
import { getFeedShow, renderShowFeed } from '../../src/lib/server/export/rss';
import { buildSrt, buildVtt } from '../../src/lib/server/export/transcripts';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { ATTRIBUTE_PAYLOAD, HOSTILE, insertHostileContent, SCRIPT_PAYLOAD } from './support';

const ORIGIN = 'http://moments.example';
const show = demoContent.shows.find((s) => s.slug === 'running-explained')!;
const demo = show.episodes.find((e) => e.slug === 'running-isnt-therapy')!;
const EPISODE_URL = `${ORIGIN}/podcasts/running-explained/running-isnt-therapy`;

/** Field names the Podcasting 2.0 JSON chapters spec (1.2) defines, at the top level and per chapter. */
const SPEC_TOP_LEVEL = ['version', 'chapters', 'author', 'title', 'podcastName', 'description', 'fileName', 'waypoints'];
const SPEC_CHAPTER = ['startTime', 'endTime', 'title', 'img', 'url', 'toc', 'location'];

describe.each(databaseKinds)('files out on %s', (kind) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(kind, { seed: true });
		await insertHostileContent(t.db);
	});
	afterAll(() => t?.close());

	describe('buildChapters', () => {
		it('writes JSON chapters 1.2: one chapter per segment, with only the spec\'s field names', async () => {
			const chapters = buildChapters((await getEpisodePage(t.db, show.slug, demo.slug))!, ORIGIN);
			expect(chapters.version).toBe('1.2.0');
			for (const key of Object.keys(chapters)) expect(SPEC_TOP_LEVEL).toContain(key);
			expect(chapters).toMatchObject({ title: demo.title, podcastName: show.title, author: show.author, fileName: `${ORIGIN}/audio/demo/running-explained/running-isnt-therapy.wav` });
			expect(chapters.chapters).toHaveLength(demo.segments.length);
			chapters.chapters.forEach((chapter, i) => {
				for (const key of Object.keys(chapter)) expect(SPEC_CHAPTER).toContain(key);
				const segment = demo.segments[i]!;
				expect(chapter.startTime).toBe(segment.startSeconds);
				expect(chapter.endTime).toBe(segment.endSeconds);
				expect(chapter.title).toBe(segment.title);
				expect(chapter.url).toBe(segment.startSeconds ? `${EPISODE_URL}?t=${segment.startSeconds}` : EPISODE_URL);
				expect(typeof chapter.startTime).toBe('number');
			});
		});
	});

	describe('buildVtt and buildSrt', () => {
		it('write every cue with its time and speaker', async () => {
			const page = (await getEpisodePage(t.db, show.slug, demo.slug))!;
			const cues = demo.segments.flatMap(cuesForSegment);
			const vtt = buildVtt(page.cues);
			expect(vtt.startsWith('WEBVTT\n\n1\n00:00:00.000 --> ')).toBe(true);
			const vttBlocks = vtt.trim().split('\n\n').slice(1);
			expect(vttBlocks).toHaveLength(cues.length);
			expect(vttBlocks[1]).toBe(`2\n${'00:00:35.706'} --> 00:01:04.271\n<v ${cues[1]!.speaker}>${cues[1]!.text.replace(/&/g, '&amp;')}`);
			const srtBlocks = buildSrt(page.cues).trim().split('\n\n');
			expect(srtBlocks).toHaveLength(cues.length);
			expect(srtBlocks[1]).toBe(`2\n00:00:35,706 --> 00:01:04,271\n${cues[1]!.speaker}: ${cues[1]!.text}`);
			const last = cues.at(-1)!;
			expect(srtBlocks.at(-1)).toContain(`--> 00:50:00,000\n${last.speaker}: `);
		});

		it('escape markup in VTT and keep every cue one paragraph', async () => {
			const page = (await getEpisodePage(t.db, HOSTILE.podcast, HOSTILE.episode))!;
			const vtt = buildVtt(page.cues);
			expect(vtt).not.toMatch(/<(?!v )/); // the only tags are voice tags
			expect(vtt).toContain(`<v Speaker &quot;&gt;&lt;img src=x onerror=alert(1)&gt;>`.replace('&quot;', '"'));
			expect(vtt).toContain('Said &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; --&gt; 00:00');
			expect(vtt.trim().split('\n\n')).toHaveLength(1 + page.cues.length);
			const srt = buildSrt(page.cues);
			expect(srt.trim().split('\n\n')).toHaveLength(page.cues.length);
			expect(srt).toContain(`Line with a blank line ${ATTRIBUTE_PAYLOAD}`);
		});
	});

	describe('renderShowFeed', () => {
		it('re-parses with podcast-partytime: episodes, enclosures, seasons, people, chapters and transcripts', async () => {
			const xml = renderShowFeed((await getFeedShow(t.db, show.slug))!, ORIGIN);
			const feed = parseFeed(xml)!;
			expect(feed.title).toBe(show.title);
			expect(feed.author).toBe(show.author);
			expect(feed.items).toHaveLength(show.episodes.length);
			const item = feed.items.find((i) => i.guid === demo.guid)!;
			expect(item.title).toBe(demo.title);
			expect(item.link).toBe(EPISODE_URL);
			expect(item.enclosure).toEqual({ url: `${ORIGIN}/audio/demo/running-explained/running-isnt-therapy.wav`, type: 'audio/wav', length: 0 });
			expect(item.duration).toBe(demo.durationSeconds);
			expect(item.pubDate?.toISOString()).toBe(new Date(demo.publishedAt).toISOString());
			expect(item.itunesSeason).toBe(3);
			expect(item.itunesEpisode).toBe(9);
			expect(item.podcastSeason?.number).toBe(3);
			expect(item.podcastEpisode?.number).toBe(9);
			expect(item.podcastPeople?.map((p) => [p.name, p.role])).toEqual([
				['Marcus Bell', 'Host'],
				['Sarah Strong', 'Guest']
			]);
			expect(item.podcastChapters).toEqual({ url: `${EPISODE_URL}/chapters.json`, type: 'application/json+chapters' });
			expect(item.podcastTranscripts?.map((tr) => [tr.url, tr.type, tr.rel])).toEqual([
				[`${EPISODE_URL}/transcript.vtt`, 'text/vtt', 'captions'],
				[`${EPISODE_URL}/transcript.srt`, 'application/srt', 'captions']
			]);
			expect(item.description).toContain('Plenty of runners say');
		});

		it('leaves out transcript links for an episode without cues', async () => {
			const noTranscript = demoContent.shows.flatMap((s) => s.episodes.map((e) => ({ show: s.slug, episode: e }))).find((x) => !x.episode.hasTranscript);
			if (!noTranscript) return expect.unreachable('the demo content has an episode without a transcript');
			const feed = parseFeed(renderShowFeed((await getFeedShow(t.db, noTranscript.show))!, ORIGIN))!;
			const item = feed.items.find((i) => i.guid === noTranscript.episode.guid)!;
			expect(item.podcastTranscripts).toBeUndefined();
			expect(item.podcastChapters?.url).toMatch(/\/chapters\.json$/);
		});

		it('escapes hostile titles, names and notes: the feed parses and they come back as text', async () => {
			const xml = renderShowFeed((await getFeedShow(t.db, HOSTILE.podcast))!, ORIGIN);
			expect(xml).not.toContain('<script');
			expect(xml).not.toContain('<img');
			const feed = parseFeed(xml)!;
			expect(feed.title).toBe(`Show ${SCRIPT_PAYLOAD} ${ATTRIBUTE_PAYLOAD}`);
			const [item] = feed.items;
			expect(item!.title).toBe(`Episode ${SCRIPT_PAYLOAD} ${ATTRIBUTE_PAYLOAD}`);
			expect(item!.guid).toBe(`guid-${ATTRIBUTE_PAYLOAD}`);
			expect(item!.podcastPeople?.[0]?.name).toBe(`Person ${SCRIPT_PAYLOAD} ${ATTRIBUTE_PAYLOAD}`);
			expect(item!.description).not.toContain('<script');
		});
	});
});
