/**
 * Our feed out, read back by our own importer: importing every show's /feed.xml (with its chapters and transcript
 * files, fetched over HTTP from the real server) into an empty database gives back the same episodes, segments,
 * cues and people, hostile text included.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import { episodePeople, episodes, people, podcasts, segments, transcriptCues } from '../../src/lib/server/db/schema';
import { demoContent } from '../../src/lib/server/demo/content';
import { importFeed } from '../../src/lib/server/import/import-feeds';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { serveShareSite } from './site';
import { HOSTILE, insertHostileContent } from './support';

/** Everything a listener sees of a show's episodes, in a form two databases can be compared by. */
async function snapshotShow(db: Db, podcastId: number, origin: string) {
	const rows = await db.select().from(episodes).where(eq(episodes.podcastId, podcastId)).orderBy(asc(episodes.guid));
	return Promise.all(
		rows.map(async (e) => ({
			guid: e.guid,
			title: e.title,
			season: e.season,
			episodeNumber: e.episodeNumber,
			publishedAt: e.publishedAt?.toISOString() ?? null,
			durationSeconds: e.durationSeconds,
			// Stored site-relative for the demo audio; the feed (and so the import) has it absolute.
			audioUrl: e.audioUrl ? new URL(e.audioUrl, origin).toString() : null,
			audioMimeType: e.audioMimeType,
			segments: await db
				.select({ startSeconds: segments.startSeconds, endSeconds: segments.endSeconds, title: segments.title })
				.from(segments)
				.where(eq(segments.episodeId, e.id))
				.orderBy(asc(segments.startSeconds)),
			cues: await db
				.select({ startSeconds: transcriptCues.startSeconds, endSeconds: transcriptCues.endSeconds, speaker: transcriptCues.speaker, text: transcriptCues.text })
				.from(transcriptCues)
				.where(eq(transcriptCues.episodeId, e.id))
				.orderBy(asc(transcriptCues.position)),
			people: await db
				.select({ name: people.name, role: episodePeople.role })
				.from(episodePeople)
				.innerJoin(people, eq(people.id, episodePeople.personId))
				.where(eq(episodePeople.episodeId, e.id))
				.orderBy(asc(episodePeople.position))
		}))
	);
}

/** Transcript text as it was written: one line, single spaces (a cue is one paragraph in VTT and SRT). */
function normalized(snapshot: Awaited<ReturnType<typeof snapshotShow>>) {
	return snapshot.map((e) => ({ ...e, cues: e.cues.map((c) => ({ ...c, text: c.text.replace(/\s+/g, ' ').trim() })) }));
}

describe.each(databaseKinds)('importing our own feeds on %s', (kind) => {
	const site = serveShareSite(kind);
	let source: TestDb;
	let target: TestDb;
	beforeAll(async () => {
		// The server's database is its own; this one holds the same content (demo + hostile) to compare against.
		source = await createTestDb(kind, { seed: true });
		await insertHostileContent(source.db);
		target = await createTestDb(kind);
	});
	afterAll(async () => {
		await source?.close();
		await target?.close();
	});

	const shows = [...demoContent.shows.map((s) => s.slug), HOSTILE.podcast];

	it.each(shows)('gives back the episodes, segments, cues and people of %s', async (slug) => {
		const feedUrl = `${site.url}/podcasts/${slug}/feed.xml`;
		const report = await importFeed(target.db, feedUrl);
		expect(report.error ?? null).toBeNull();
		expect(report.files.failed).toEqual([]);
		const [original] = await source.db.select({ id: podcasts.id, title: podcasts.title }).from(podcasts).where(eq(podcasts.slug, slug));
		const [imported] = await target.db.select({ id: podcasts.id, title: podcasts.title }).from(podcasts).where(eq(podcasts.feedUrl, feedUrl));
		expect(imported!.title).toBe(original!.title);
		const expected = normalized(await snapshotShow(source.db, original!.id, site.url));
		const actual = await snapshotShow(target.db, imported!.id, site.url);
		expect(actual.length).toBe(expected.length);
		expect(actual).toEqual(expected);
	});
});
