/**
 * An episode with a transcript but no chapters gets automatic topics at import; they carry a summary in the segment's
 * own words right away, so its page is never summary-less while the background chapters job has not run yet.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segments } from '../../src/lib/server/db/schema';
import { importFeed } from '../../src/lib/server/import/import-feeds';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { localOnlyFetch, startFileServer, type FileServer } from '../import/helpers/file-server';

const fixtures = path.join(import.meta.dirname, '../import/fixtures');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.each(databaseKinds)('automatic topics at import on %s', (kind) => {
	let t: TestDb;
	let server: FileServer;

	beforeAll(async () => {
		t = await createTestDb(kind, { seed: false });
		server = await startFileServer(fixtures);
		const feed = readFileSync(path.join(fixtures, 'quirky-feed.xml'), 'utf8');
		server.route('/kettle.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed));
	});
	afterAll(async () => {
		await server?.close();
		await t?.close();
	});

	it('store a summary taken from the segment’s own words', async () => {
		const report = await importFeed(t.db, `${server.origin}/kettle.xml`, { fetch: localOnlyFetch });
		expect(report.error).toBeNull();
		const automatic = await t.db.select({ summary: segments.summary, text: segments.text }).from(segments).where(eq(segments.origin, 'transcript'));
		expect(automatic.length).toBeGreaterThan(0);
		for (const segment of automatic) {
			expect(segment.summary?.trim()).toBeTruthy();
			expect(squash(segment.text!)).toContain(squash(segment.summary!).slice(0, 40));
		}
	});
});
