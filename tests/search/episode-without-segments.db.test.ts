/**
 * Every episode is findable (issue 10, point 4): an episode with no chapters and no transcript has no segments, so
 * before it had no search document at all and searching its own title found nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onContentChange } from '../../src/lib/server/content-events';
import { importFeed } from '../../src/lib/server/import/import-feeds';
import { rankAnsweringSegments } from '../../src/lib/server/search/ranking';
import { searchContent } from '../../src/lib/server/search/results';
import { SearchService } from '../../src/lib/server/search/service';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { localOnlyFetch, startFileServer, type FileServer } from '../import/helpers/file-server';

const feed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Quiet Lanterns</title>
  <link>https://lanterns.example/</link>
  <description>Talk about old lighthouses.</description>
  <item>
    <title>Keepers of Ardnamurchan</title>
    <guid>lanterns-1</guid>
    <pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate>
    <enclosure url="https://lanterns.example/1.mp3" length="1000" type="audio/mpeg"/>
    <itunes:duration>1800</itunes:duration>
    <description>We read the logbooks of the last keepers.</description>
    <content:encoded><![CDATA[<p>We read the logbooks of the last keepers.</p><ul><li>Foghorn maintenance in 1911</li><li>The paraffin lamp</li></ul>]]></content:encoded>
  </item>
</channel>
</rss>`;

describe.each(databaseKinds)('an episode with no segments on %s', (kind) => {
	let t: TestDb;
	let server: FileServer;
	let unsubscribe: (() => void) | undefined;

	beforeAll(async () => {
		t = await createTestDb(kind, { seed: true });
		server = await startFileServer(null);
		server.route('/lanterns.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed));
	});
	afterAll(async () => {
		unsubscribe?.();
		await server?.close();
		await t?.close();
	});

	it('is found by its title and its show notes, at start-up and right after an import, linking to its page', async () => {
		const live = await SearchService.build(t.db);
		unsubscribe = onContentChange((change) => live.applyChange(change));
		const report = await importFeed(t.db, `${server.origin}/lanterns.xml`, { fetch: localOnlyFetch });
		expect(report.error).toBeNull();

		const rebuilt = await SearchService.build(t.db);
		for (const service of [live, rebuilt]) {
			const byTitle = searchContent(service.index, { query: 'Keepers of Ardnamurchan' });
			expect(byTitle.episodes[0]).toMatchObject({ title: 'Keepers of Ardnamurchan', url: '/podcasts/quiet-lanterns/keepers-of-ardnamurchan' });
			expect(byTitle.segments[0]?.url).toMatch(/^\/podcasts\/quiet-lanterns\/keepers-of-ardnamurchan(\?|$)/);
			expect(searchContent(service.index, { query: 'foghorn paraffin' }).episodes[0]?.title).toBe('Keepers of Ardnamurchan');
			// Findable, but not a moment a question can be linked to (it has no stored segment).
			expect(rankAnsweringSegments(service.index, 'Keepers of Ardnamurchan')).toEqual([]);
		}
	});

	it('an episode that has segments is found by its title through them, with no stand-in beside them', async () => {
		const service = await SearchService.build(t.db);
		const episodeId = [...service.index.segmentsByEpisode.keys()].find((id) => service.index.episodes.get(id)!.title !== 'Keepers of Ardnamurchan')!;
		const title = service.index.episodes.get(episodeId)!.title;
		const results = searchContent(service.index, { query: title });
		expect(results.episodes[0]?.title).toBe(title);
		expect(results.segments[0]?.episode.title).toBe(title);
		expect(service.index.segmentsByEpisode.get(episodeId)!.every((id) => id > 0)).toBe(true);
	});
});
