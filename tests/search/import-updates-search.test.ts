import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onContentChange } from '../../src/lib/server/content-events';
import { importFeed } from '../../src/lib/server/import/import-feeds';
import { searchContent } from '../../src/lib/server/search/results';
import { SearchService } from '../../src/lib/server/search/service';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { localOnlyFetch, startFileServer, type FileServer } from '../import/helpers/file-server';

const fixtures = path.join(import.meta.dirname, '../import/fixtures');

describe.each(databaseKinds)('search after a feed import on %s', (kind) => {
	let t: TestDb;
	let server: FileServer;
	let service: SearchService;
	let unsubscribe: () => void;
	const feed = readFileSync(path.join(fixtures, 'quirky-feed.xml'), 'utf8');
	let chapters = readFileSync(path.join(fixtures, 'files/kc-004-chapters.json'), 'utf8');

	beforeAll(async () => {
		t = await createTestDb(kind, { seed: true });
		server = await startFileServer(fixtures);
		server.route('/kettle.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed));
		server.route('/files/kc-004-chapters.json', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(chapters));
		service = await SearchService.build(t.db);
		unsubscribe = onContentChange((change) => service.applyChange(change));
	});
	afterAll(async () => {
		unsubscribe?.();
		await server?.close();
		await t?.close();
	});

	it('finds the imported chapters, episodes and people without a rebuild', async () => {
		expect(searchContent(service.index, { query: 'contour' }).segments).toEqual([]);
		const report = await importFeed(t.db, `${server.origin}/kettle.xml`, { fetch: localOnlyFetch });
		expect(report.error).toBeNull();

		const results = searchContent(service.index, { query: 'contour' });
		expect(results.segments[0]).toMatchObject({
			title: 'What a contour is',
			startSeconds: 95.5,
			url: '/podcasts/kettle-compass/reading-contour-lines?t=95.5',
			show: { title: 'Kettle & Compass' }
		});
		expect(results.episodes[0]!.title).toBe('Reading contour lines');
		expect(searchContent(service.index, { query: 'cora vance' }).people[0]?.name).toBe('Cora Vance');
	});

	it('follows a changed feed: a renamed chapter is found by its new title only', async () => {
		chapters = chapters.replace('Steep or gentle?', 'Reading the gradient');
		const report = await importFeed(t.db, `${server.origin}/kettle.xml`, { fetch: localOnlyFetch });
		expect(report.episodes.updated).toBe(1);
		const titles = (query: string) => searchContent(service.index, { query }).segments.map((s) => s.title);
		expect(titles('gradient')).toEqual(['Reading the gradient']);
		expect(titles('steep gentle')).not.toContain('Steep or gentle?');
	});
});
