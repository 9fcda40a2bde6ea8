/**
 * An editor's segment survives a re-import of its feed. A real feed (../shared/realdata/feeds, the Podcasting 2.0
 * example) is served on 127.0.0.1 with its chapter links pointing at a real chapters file; the second import serves
 * that file with one chapter renamed, so the importer rewrites the segments of every episode an editor has not touched.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onContentChange } from '../../src/lib/server/content-events';
import { episodes, questionSegments, segments } from '../../src/lib/server/db/schema';
import { createQuestion, editSegment, pinCitation } from '../../src/lib/server/editor';
import { importFeeds } from '../../src/lib/server/import/import-feeds';
import { SearchService } from '../../src/lib/server/search/service';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { realdataDir } from '../helpers/environment';
import { localOnlyFetch, startFileServer, type FileServer } from '../import/helpers/file-server';

const feedFile = path.join(realdataDir, 'feeds/podcastindex-namespace-example.xml');
const chaptersFile = path.join(realdataDir, 'chapters/podcastindex-example.json');
const available = existsSync(feedFile) && existsSync(chaptersFile);

describe.skipIf(!available).each(databaseKinds)('an edited segment and a re-import on %s', (kind) => {
	let t: TestDb;
	let server: FileServer;
	let service: SearchService;
	let unsubscribe: () => void;
	let renamedChapter = '';

	const importFeed = async () => {
		const report = await importFeeds(t.db, [`${server.origin}/feed.xml`], { fetch: localOnlyFetch });
		expect(report.feeds[0]!.error).toBeNull();
		return report.feeds[0]!;
	};
	const segmentsOf = (episodeId: number) =>
		t.db
			.select({ id: segments.id, title: segments.title, start: segments.startSeconds, end: segments.endSeconds })
			.from(segments)
			.where(eq(segments.episodeId, episodeId))
			.orderBy(asc(segments.startSeconds));

	beforeAll(async () => {
		t = await createTestDb(kind);
		service = await SearchService.build(t.db);
		unsubscribe = onContentChange((change) => service.applyChange(change));
		server = await startFileServer();
		const feed = readFileSync(feedFile, 'utf8').replace(/https:\/\/example\.com\/ep\d_chapters\.json/g, `${server.origin}/chapters.json`);
		server.route('/feed.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed));
		server.route('/chapters.json', (_req, res) => {
			const chapters = JSON.parse(readFileSync(chaptersFile, 'utf8')) as { chapters: { title?: string }[] };
			if (renamedChapter) chapters.chapters[1]!.title = renamedChapter;
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(chapters));
		});
	});
	afterAll(async () => {
		unsubscribe?.();
		await server?.close();
		await t?.close();
	});

	it('keeps the editor’s title, boundaries and pin, while unedited episodes take the feed’s new chapters', async () => {
		const first = await importFeed();
		expect(first.episodes.added).toBe(3);
		const list = await t.db.select({ id: episodes.id, title: episodes.title }).from(episodes).orderBy(asc(episodes.id));
		const [edited, untouched] = list;
		const before = await segmentsOf(edited!.id);
		expect(before.length).toBeGreaterThan(3);
		expect(before[1]!.title).toBe('Hearing Aids');

		await editSegment(t.db, before[1]!.id, { title: 'Hearing aids, explained by an editor', endSeconds: before[1]!.end - 10 });
		const question = await createQuestion(t.db, { text: 'What do hearing aids do?' });
		await pinCitation(t.db, question.id, before[1]!.id);
		const editedSegments = await segmentsOf(edited!.id);

		renamedChapter = 'Hearing Aids (renamed in the feed)';
		const second = await importFeed();
		// The edited episode's only change was its segments, which it keeps: it counts as unchanged.
		expect(second.episodes).toMatchObject({ updated: 2, unchanged: 1 });

		// The untouched episode took the feed's new chapter title: the importer did rewrite segments.
		expect((await segmentsOf(untouched!.id))[1]!.title).toBe('Hearing Aids (renamed in the feed)');
		// The edited one kept every segment as the editor left it, and the pin on the same segment.
		expect(await segmentsOf(edited!.id)).toEqual(editedSegments);
		expect((await segmentsOf(edited!.id))[1]).toMatchObject({ title: 'Hearing aids, explained by an editor', end: before[1]!.end - 10 });
		const pins = await t.db.select().from(questionSegments).where(eq(questionSegments.questionId, question.id));
		expect(pins.filter((p) => p.origin === 'editorial').map((p) => p.segmentId)).toEqual([before[1]!.id]);
		expect(service.index.segments.get(before[1]!.id)?.title).toBe('Hearing aids, explained by an editor');

		// And the automatic links, recomputed, leave the pin where it is.
		await service.recomputeAutoLinks();
		const after = await t.db.select().from(questionSegments).where(eq(questionSegments.questionId, question.id));
		expect(after.find((p) => p.segmentId === before[1]!.id)).toMatchObject({ origin: 'editorial', rank: 1 });
	});
});
