/**
 * A feed of more episodes than PostgreSQL takes parameters in one statement (65,535): the import, the search-index
 * update that follows it and the background work it queues must all go through (issue 15, point 4: the index update
 * failed with "too many query parameters", so search kept serving the old content). The feed is generated, as
 * small per item as a feed can be, so the run stays short.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onContentChange } from '../../src/lib/server/content-events';
import { jobs } from '../../src/lib/server/db/schema';
import { FEED_MAX_EPISODES, getFeedShow, renderShowFeed } from '../../src/lib/server/export/rss';
import { importFeed } from '../../src/lib/server/import/import-feeds';
import { searchContent } from '../../src/lib/server/search/results';
import { SearchService } from '../../src/lib/server/search/service';
import { listSitemapEntries, renderSitemap, renderSitemapIndex, sitemapPart, sitemapPartCount } from '../../src/lib/server/sitemap';
import { createTestDb, type TestDb } from '../helpers/db';

const EPISODES = 66_000;

function generatedFeed(): string {
	const items: string[] = [];
	for (let i = 1; i <= EPISODES; i++) items.push(`<item><title>Tide table ${i}</title><guid>t${i}</guid><enclosure url="https://cdn.example.org/${i}.mp3" type="audio/mpeg"/></item>`);
	const last = `<item><title>Finale</title><guid>last</guid><enclosure url="https://cdn.example.org/last.mp3" type="audio/mpeg"/>
<psc:chapters><psc:chapter start="00:00:00" title="Lighthouse zebra crossing"/><psc:chapter start="00:10:00" title="Goodbye"/></psc:chapters></item>`;
	return `<?xml version="1.0"?><rss version="2.0" xmlns:psc="http://podlove.org/simple-chapters"><channel><title>Tides Daily</title>
<link>https://tides.example.org/</link><description>Every tide, every day.</description>${items.join('\n')}${last}</channel></rss>`;
}

describe.skipIf(!process.env.TEST_DATABASE_URL)(`importing a feed of ${EPISODES + 1} episodes on PostgreSQL`, () => {
	let t: TestDb;
	let dir: string;
	let service: SearchService;
	let unsubscribe: () => void;

	beforeAll(async () => {
		t = await createTestDb('postgres');
		dir = await mkdtemp(path.join(tmpdir(), 'many-episodes-'));
		await writeFile(path.join(dir, 'feed.xml'), generatedFeed());
		service = await SearchService.build(t.db);
		unsubscribe = onContentChange((change) => service.applyChange(change));
	});
	afterAll(async () => {
		unsubscribe?.();
		await t?.close();
		await rm(dir, { recursive: true, force: true });
	});

	it('imports every episode, updates search and queues the background work, with no step failing', async () => {
		const report = await importFeed(t.db, path.join(dir, 'feed.xml'));
		expect(report.error).toBeNull();
		expect(report.warnings).toEqual([]);
		expect(report.episodes.added).toBe(EPISODES + 1);
		expect(searchContent(service.index, { query: 'lighthouse zebra' }).segments.map((s) => s.title)).toEqual(['Lighthouse zebra crossing']);
		const [queued] = await t.db.select({ n: count() }).from(jobs).where(eq(jobs.kind, 'vectors'));
		expect(queued!.n).toBe(EPISODES + 1);
	}, 240_000);

	it('splits the sitemap into parts of at most 50,000 URLs under a sitemap index', async () => {
		const entries = await listSitemapEntries(t.db);
		expect(entries.length).toBeGreaterThan(EPISODES);
		expect(sitemapPartCount(entries)).toBe(2);
		const index = renderSitemapIndex(entries, 'https://pods.example.org');
		expect(index.match(/<loc>[^<]+<\/loc>/g)).toEqual(['<loc>https://pods.example.org/sitemap.xml?page=1</loc>', '<loc>https://pods.example.org/sitemap.xml?page=2</loc>']);
		const parts = [1, 2].map((page) => renderSitemap(sitemapPart(entries, page)!, 'https://pods.example.org'));
		expect(parts.map((p) => p.match(/<url>/g)!.length)).toEqual([50_000, entries.length - 50_000]);
		expect(parts.join('')).toContain('/podcasts/tides-daily/finale<');
		expect(sitemapPart(entries, 3)).toBeNull();
	});

	it(`lists the newest ${FEED_MAX_EPISODES} episodes in the show's feed.xml`, async () => {
		const feed = renderShowFeed((await getFeedShow(t.db, 'tides-daily'))!, 'https://pods.example.org');
		expect(feed.match(/<item>/g)!.length).toBe(FEED_MAX_EPISODES);
		expect(feed).toContain('<title>Tide table 66000</title>');
		expect(feed).not.toContain('<title>Tide table 1</title>');
	});
});
