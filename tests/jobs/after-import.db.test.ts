/**
 * What an import queues, on a real import of the real files in ../shared/realdata (wrapped in a feed served on
 * 127.0.0.1): chapters for episodes cut from their transcript, vectors and mined questions for the others, nothing
 * again for a re-import that changed nothing; and the demo content, never through the background steps, gets its
 * vectors queued once.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { episodes, jobs } from '../../src/lib/server/db/schema';
import { importFeeds } from '../../src/lib/server/import/import-feeds';
import { enqueueMissingWork, jobProgress } from '../../src/lib/server/jobs';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { realdataDir } from '../helpers/environment';
import { localOnlyFetch, startFileServer, type FileServer } from '../import/helpers/file-server';
import { realdataWrapperFeed, wrappedFiles } from '../import/helpers/realdata-feed';

describe.each(databaseKinds)('background work queued by an import on %s', (kind) => {
	let t: TestDb;
	let server: FileServer;
	const feed = () => `${server.origin}/wrapped.xml`;
	/** The kinds queued per episode guid. */
	const queuedByGuid = async () => {
		const rows = await t.db.select({ guid: episodes.guid, kind: jobs.kind, status: jobs.status }).from(jobs).innerJoin(episodes, eq(episodes.id, jobs.episodeId));
		const byGuid = new Map<string, string[]>();
		for (const r of rows) byGuid.set(r.guid, [...(byGuid.get(r.guid) ?? []), `${r.kind}:${r.status}`].sort());
		return byGuid;
	};

	beforeAll(async () => {
		t = await createTestDb(kind);
		server = await startFileServer(realdataDir);
		server.route('/wrapped.xml', (_req, res) => res.writeHead(200).end(realdataWrapperFeed(realdataDir, (file) => server.url(file))));
	}, 60_000);
	afterAll(async () => {
		await server?.close();
		await t?.close();
	});

	it('queues chapters for transcript-only episodes and vectors and questions for the others, after the commit', async () => {
		const report = await importFeeds(t.db, [feed()], { fetch: localOnlyFetch });
		expect(report.feeds[0]!.ok).toBe(true);
		const queued = await queuedByGuid();
		const timedTranscripts = ['tr-vtt', 'tr-short', 'tr-srt', 'tr-json'];
		for (const guid of timedTranscripts) expect(queued.get(guid), guid).toEqual(['chapters:queued']);
		for (const guid of ['ch-example', 'ch-twib', 'sn-syntax']) expect(queued.get(guid), guid).toEqual(['questions:queued', 'vectors:queued']);
		// Every imported episode has its work asked for, one way or the other.
		expect(queued.size).toBe(wrappedFiles.length);
		const progress = await jobProgress(t.db, { podcastIds: [report.feeds[0]!.podcast!.id] });
		expect(progress.pending).toBe([...queued.values()].reduce((n, kinds) => n + kinds.length, 0));
	});

	it('queues nothing again when a re-import changed nothing and the work is done', async () => {
		await t.db.update(jobs).set({ status: 'done' });
		const report = await importFeeds(t.db, [feed()], { fetch: localOnlyFetch });
		expect(report.feeds[0]!.episodes.unchanged).toBe(wrappedFiles.length);
		expect((await jobProgress(t.db)).pending).toBe(0);
	});

	it('queues the demo content’s vectors and questions once, then nothing more', async () => {
		const demo = await createTestDb(kind, { seed: true });
		try {
			const demoEpisodes = await demo.db.select({ id: episodes.id }).from(episodes);
			expect(await enqueueMissingWork(demo.db)).toBe(2 * demoEpisodes.length);
			expect(await enqueueMissingWork(demo.db)).toBe(0);
			const counts = (await jobProgress(demo.db)).kinds.map((k) => [k.kind, k.queued]);
			expect(counts).toEqual([
				['questions', demoEpisodes.length],
				['vectors', demoEpisodes.length]
			]);
		} finally {
			await demo.close();
		}
	});
});
