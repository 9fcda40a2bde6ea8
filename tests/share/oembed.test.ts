import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOembedXml, resolveOembed } from '../../src/lib/server/oembed';
import { listSitemapEntries, renderSitemap } from '../../src/lib/server/sitemap';
import { demoContent } from '../../src/lib/server/demo/content';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { ATTRIBUTE_PAYLOAD, HOSTILE, insertHostileContent, SCRIPT_PAYLOAD } from './support';

const ORIGIN = 'https://moments.example';
const EPISODE = `${ORIGIN}/podcasts/running-explained/running-isnt-therapy`;
const EMBED = `${ORIGIN}/embed/podcasts/running-explained/running-isnt-therapy`;
const ANY_SIZE = { maxwidth: null, maxheight: null };

/** The iframe src inside an oEmbed html snippet, unescaped. */
function iframeSrc(html: string): string {
	return /<iframe src="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
}

describe.each(databaseKinds)('resolveOembed on %s', (kind) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(kind, { seed: true });
		await insertHostileContent(t.db);
	});
	afterAll(() => t?.close());

	it('embeds an episode as a rich iframe of its embed, with show, provider and size', async () => {
		const response = await resolveOembed(t.db, EPISODE, ORIGIN, ANY_SIZE);
		expect(response).toMatchObject({
			version: '1.0',
			type: 'rich',
			provider_name: 'Podcast Moments',
			provider_url: `${ORIGIN}/`,
			title: "Running Isn't Therapy",
			author_name: 'Marcus Bell',
			author_url: `${ORIGIN}/podcasts/running-explained`,
			width: 640,
			height: 360
		});
		expect(iframeSrc(response!.html)).toBe(EMBED);
		expect(response!.html).toMatch(/^<iframe [^>]*width="640" height="360"[^>]*><\/iframe>$/);
		expect(response!.thumbnail_url).toBeUndefined(); // the demo shows have no artwork
	});

	it('embeds a segment (?t= or #t=, start or range) at that moment, titled with the segment', async () => {
		for (const [url, time] of [
			[`${EPISODE}?t=720`, '720'],
			[`${EPISODE}?t=12:00`, '720'],
			[`${EPISODE}#t=720`, '720'],
			[`${EPISODE}?t=720,960`, '720,960']
		] as const) {
			const response = await resolveOembed(t.db, url, ORIGIN, ANY_SIZE);
			expect(iframeSrc(response!.html)).toBe(`${EMBED}?t=${time}`);
			expect(response!.title).toMatch(/^Running Isn't Therapy: Mindful Running: Breath, Footsteps and Surroundings \(12:00/);
		}
	});

	it('accepts the embed URL itself, and ignores a time it cannot use', async () => {
		expect(iframeSrc((await resolveOembed(t.db, `${EMBED}?t=90`, ORIGIN, ANY_SIZE))!.html)).toBe(`${EMBED}?t=90`);
		const late = await resolveOembed(t.db, `${EPISODE}?t=99:00`, ORIGIN, ANY_SIZE);
		expect(iframeSrc(late!.html)).toBe(EMBED);
	});

	it('embeds a question as its answer card', async () => {
		const question = demoContent.questions[0]!;
		const response = await resolveOembed(t.db, `${ORIGIN}/questions/${question.slug}`, ORIGIN, ANY_SIZE);
		expect(response).toMatchObject({ type: 'rich', title: question.text, width: 640, height: 480 });
		expect(iframeSrc(response!.html)).toBe(`${ORIGIN}/embed/questions/${question.slug}`);
	});

	it('keeps within maxwidth and maxheight', async () => {
		const response = await resolveOembed(t.db, EPISODE, ORIGIN, { maxwidth: 320, maxheight: 200 });
		expect([response!.width, response!.height]).toEqual([320, 200]);
		expect(response!.html).toContain('width="320" height="200"');
		const roomy = await resolveOembed(t.db, EPISODE, ORIGIN, { maxwidth: 2000, maxheight: 2000 });
		expect([roomy!.width, roomy!.height]).toEqual([640, 360]);
	});

	it('answers null (404) for URLs that are not ours or not embeddable', async () => {
		for (const url of [
			'https://elsewhere.example/podcasts/running-explained/running-isnt-therapy',
			`${ORIGIN}/podcasts/running-explained/no-such-episode`,
			`${ORIGIN}/podcasts/no-such-show/running-isnt-therapy`,
			`${ORIGIN}/questions/no-such-question`,
			`${ORIGIN}/podcasts/running-explained`,
			`${ORIGIN}/`,
			`${ORIGIN}/podcasts/%E0%A4%A/x`,
			'javascript:alert(1)',
			'not a url'
		]) {
			expect(await resolveOembed(t.db, url, ORIGIN, ANY_SIZE), url).toBeNull();
		}
	});

	it('escapes hostile titles in the html snippet and the XML form', async () => {
		const response = (await resolveOembed(t.db, `${ORIGIN}/podcasts/${HOSTILE.podcast}/${HOSTILE.episode}?t=10`, ORIGIN, ANY_SIZE))!;
		expect(response.title).toContain(SCRIPT_PAYLOAD);
		expect(response.html).not.toContain('<script');
		expect(response.html).not.toContain('<img');
		expect(response.html.match(/<iframe /g)).toHaveLength(1);
		const xml = renderOembedXml(response);
		expect(xml).not.toContain('<script');
		const parsed = new XMLParser({ processEntities: true }).parse(xml).oembed;
		expect(parsed.title).toBe(response.title);
		expect(parsed.html).toBe(response.html);
		const question = (await resolveOembed(t.db, `${ORIGIN}/questions/${HOSTILE.question}`, ORIGIN, ANY_SIZE))!;
		expect(question.html).not.toContain('<img');
		expect(question.title).toContain(ATTRIBUTE_PAYLOAD);
	});
});

describe.each(databaseKinds)('the sitemap on %s', (kind) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(kind, { seed: true });
	});
	afterAll(() => t?.close());

	it('lists every show, episode, question and person, each with a lastmod', async () => {
		const entries = await listSitemapEntries(t.db);
		const paths = entries.map((e) => e.path);
		for (const show of demoContent.shows) {
			expect(paths).toContain(`/podcasts/${show.slug}`);
			for (const episode of show.episodes) expect(paths).toContain(`/podcasts/${show.slug}/${episode.slug}`);
		}
		for (const question of demoContent.questions) expect(paths).toContain(`/questions/${question.slug}`);
		for (const person of demoContent.people) expect(paths).toContain(`/people/${person.slug}`);
		expect(new Set(paths).size).toBe(paths.length);
		for (const entry of entries) expect(entry.lastmod).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		const xml = renderSitemap(entries, ORIGIN);
		const urls = new XMLParser().parse(xml).urlset.url as { loc: string; lastmod: string }[];
		expect(urls).toHaveLength(entries.length);
		expect(urls.map((u) => u.loc)).toContain(`${ORIGIN}/podcasts/running-explained/running-isnt-therapy`);
	});
});
