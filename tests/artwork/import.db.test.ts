/**
 * Artwork through a real import from a feed server on 127.0.0.1: the show's image fetched and stored at every size
 * during the import, an episode's own image by the 'artwork' job, an episode naming its show's image storing
 * nothing, a show without art answered by a placeholder, a re-import fetching nothing again, and images that are not
 * images, too large or too many pixels leaving a warning while the import succeeds. On PGlite and PostgreSQL.
 */
import { and, eq, isNull } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findArtwork } from '../../src/lib/server/artwork';
import { artwork, episodes, jobs } from '../../src/lib/server/db/schema';
import { importFeed } from '../../src/lib/server/import/import-feeds';
import { ARTWORK_SIZES } from '../../src/lib/paths';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { localOnlyFetch, startFileServer, type FileServer } from '../import/helpers/file-server';
import { artworkFeed, centreColour, pngClaiming, runArtworkJobs, solidImage } from './support';

const RED: [number, number, number] = [220, 30, 30];
const BLUE: [number, number, number] = [20, 40, 200];
const near = (actual: number[], expected: number[]) => actual.every((v, i) => Math.abs(v - expected[i]!) <= 12);

describe.each(databaseKinds)('show and episode artwork on %s', (kind) => {
	let t: TestDb;
	let files: FileServer;
	const images = new Map<string, { type: string; body: Buffer }>();
	const serve = (name: string, type: string, body: Buffer) => {
		images.set(name, { type, body });
		files.route(`/${name}`, (_req, res) => res.writeHead(200, { 'content-type': type, 'content-length': body.length }).end(body));
	};
	const feed = (name: string, xml: string) => files.route(`/${name}`, (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(xml));
	const fetches = (name: string) => files.requests.filter((p) => p === `/${name}`).length;

	beforeAll(async () => {
		t = await createTestDb(kind);
		files = await startFileServer();
		// A landscape PNG for the show (cropped square), a JPEG for one episode.
		serve('show.png', 'image/png', await solidImage('png', 1200, 800, 'rgb(220,30,30)'));
		serve('episode.jpg', 'image/jpeg', await solidImage('jpeg', 700, 700, 'rgb(20,40,200)'));
		feed(
			'kettle.xml',
			artworkFeed('The Kettle Hour', files.url('show.png'), [
				{ guid: 'own', title: 'An episode with its own art', image: files.url('episode.jpg') },
				{ guid: 'same', title: 'An episode naming the show art', image: files.url('show.png') },
				{ guid: 'none', title: 'An episode without art' }
			])
		);
		feed('bare.xml', artworkFeed('Bare Show', null, [{ guid: 'b1', title: 'Plain' }]));
	}, 60_000);
	afterAll(async () => {
		await files?.close();
		await t?.close();
	});

	it('stores the show image at every size during the import, and queues only the episode with its own', async () => {
		const report = await importFeed(t.db, files.url('kettle.xml'), { fetch: localOnlyFetch });
		expect(report.ok).toBe(true);
		expect(report.warnings).toEqual([]);
		expect(fetches('show.png')).toBe(1);
		for (const size of ARTWORK_SIZES) {
			const answer = (await findArtwork(t.db, report.podcast!.slug, null, size))!;
			const meta = await sharp(answer.bytes).metadata();
			expect([meta.format, meta.width, meta.height]).toEqual(['webp', size, size]);
			expect(near(await centreColour(answer.bytes), RED)).toBe(true);
			expect(answer.maxAgeSeconds).toBe(86_400);
		}
		const queued = await t.db
			.select({ guid: episodes.guid })
			.from(jobs)
			.innerJoin(episodes, eq(episodes.id, jobs.episodeId))
			.where(eq(jobs.kind, 'artwork'));
		expect(queued.map((q) => q.guid)).toEqual(['own']);
		// Before the job runs, the episode's address answers the show's art, kept only briefly.
		const before = (await findArtwork(t.db, report.podcast!.slug, 'an-episode-with-its-own-art', 300))!;
		expect(near(await centreColour(before.bytes), RED)).toBe(true);
		expect(before.maxAgeSeconds).toBe(60);
	});

	it('gives the episode its own art once the job has run; the others answer the show’s', async () => {
		expect(await runArtworkJobs(t.db)).toEqual(new Map());
		const slug = 'the-kettle-hour';
		const own = (await findArtwork(t.db, slug, 'an-episode-with-its-own-art', 600))!;
		expect(near(await centreColour(own.bytes), BLUE)).toBe(true);
		expect((await sharp(own.bytes).metadata()).width).toBe(600);
		const show = (await findArtwork(t.db, slug, null, 600))!;
		expect(own.etag).not.toBe(show.etag);
		for (const episode of ['an-episode-naming-the-show-art', 'an-episode-without-art']) {
			expect((await findArtwork(t.db, slug, episode, 600))!.etag).toBe(show.etag);
		}
		// One row for the show, one for the episode with its own image: the episode naming the show's stores nothing.
		expect(await t.db.$count(artwork)).toBe(2);
		expect(fetches('episode.jpg')).toBe(1);
	});

	it('fetches nothing again when a re-import names the same images', async () => {
		const report = await importFeed(t.db, files.url('kettle.xml'), { fetch: localOnlyFetch });
		expect(report.ok).toBe(true);
		expect(await runArtworkJobs(t.db)).toEqual(new Map());
		expect([fetches('show.png'), fetches('episode.jpg')]).toEqual([1, 1]);
	});

	it('answers a placeholder for a show without art, and nothing for shows and episodes that do not exist', async () => {
		const report = await importFeed(t.db, files.url('bare.xml'), { fetch: localOnlyFetch });
		expect(report.warnings).toEqual([]);
		const tile = (await findArtwork(t.db, 'bare-show', null, 300))!;
		const meta = await sharp(tile.bytes).metadata();
		expect([meta.format, meta.width, meta.height]).toEqual(['webp', 300, 300]);
		expect(tile.etag).toMatch(/^"p\d+-/);
		expect(tile.maxAgeSeconds).toBe(86_400);
		// The same tile every time: a show keeps its colour and initials.
		expect((await findArtwork(t.db, 'bare-show', 'plain', 300))!.etag).toBe(tile.etag);
		expect(await findArtwork(t.db, 'no-such-show', null, 300)).toBeNull();
		expect(await findArtwork(t.db, 'bare-show', 'no-such-episode', 300)).toBeNull();
	});

	it('warns, names the image and still imports when the show image is not an image, too large or too many pixels', async () => {
		serve('page.png', 'image/png', Buffer.from('<!doctype html><title>Not found</title>'));
		serve('huge.png', 'image/png', await solidImage('png', 400, 400, '#0a0'));
		serve('bomb.png', 'image/png', await pngClaiming(20_000, 20_000));
		const cases = [
			['page.png', 'not an image'],
			['huge.png', 'larger than the 1 kB limit'],
			['bomb.png', '20000 x 20000 pixels']
		] as const;
		for (const [name, reason] of cases) {
			feed(`${name}.xml`, artworkFeed(`Broken ${name}`, files.url(name), [{ guid: `x-${name}`, title: 'One' }]));
			const report = await importFeed(t.db, files.url(`${name}.xml`), { fetch: localOnlyFetch, limits: { imageBytes: 1024 } });
			expect(report.ok, name).toBe(true);
			expect(report.episodes.added).toBe(1);
			expect(report.warnings, name).toEqual([
				expect.stringMatching(new RegExp(`^show artwork ${files.url(name).replace(/[.?]/g, '\\$&')} not used: .*${reason}.*the show gets a generated placeholder`))
			]);
			const stored = await t.db.select().from(artwork).where(and(eq(artwork.podcastId, report.podcast!.id), isNull(artwork.episodeId)));
			expect(stored).toEqual([]);
			expect((await findArtwork(t.db, report.podcast!.slug, null, 96))!.etag).toMatch(/^"p\d+-/);
		}
	});

	it('keeps the stored show art when the new address fails, and fetches again when the address changes', async () => {
		feed('kettle.xml', artworkFeed('The Kettle Hour', files.url('page.png'), [{ guid: 'own', title: 'An episode with its own art', image: files.url('episode.jpg') }]));
		const failed = await importFeed(t.db, files.url('kettle.xml'), { fetch: localOnlyFetch });
		expect(failed.ok).toBe(true);
		expect(failed.warnings).toEqual([expect.stringContaining('the artwork stored before is kept')]);
		expect(near(await centreColour((await findArtwork(t.db, 'the-kettle-hour', null, 96))!.bytes), RED)).toBe(true);

		feed('kettle.xml', artworkFeed('The Kettle Hour', files.url('episode.jpg'), [{ guid: 'own', title: 'An episode with its own art', image: files.url('episode.jpg') }]));
		const changed = await importFeed(t.db, files.url('kettle.xml'), { fetch: localOnlyFetch });
		expect(changed.warnings).toEqual([]);
		expect(near(await centreColour((await findArtwork(t.db, 'the-kettle-hour', null, 96))!.bytes), BLUE)).toBe(true);
		// The episode's image is now its show's: the job removes its own copy.
		expect(await runArtworkJobs(t.db)).toEqual(new Map());
		const own = await t.db.select({ id: artwork.id }).from(artwork).innerJoin(episodes, eq(episodes.id, artwork.episodeId)).where(eq(episodes.guid, 'own'));
		expect(own).toEqual([]);
	});
});
