/**
 * An import whose transcript server is slow does not make the site wait: every download is done before the feed's
 * transaction opens (import-feeds.ts), so on PGlite, where one open transaction holds every other query back, a
 * page's query made while a file is still trickling in is answered before that download has even finished.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFeed } from '../../src/lib/server/import/import-feeds';
import { listPodcasts } from '../../src/lib/server/podcasts';
import { createTestDb, type TestDb } from '../helpers/db';
import { localOnlyFetch, startFileServer, type FileServer } from '../import/helpers/file-server';

const ITEMS = 3;
/** The last item's transcript arrives in this many pieces, one every PIECE_MS. */
const PIECES = 8;
const PIECE_MS = 400;

function transcript(n: number): string {
	return `WEBVTT\n\n0.500 --> 4.000\n<v Ada>Welcome to slow episode ${n}.\n\n4.000 --> 9.000\n<v Ada>Today we trickle number ${n}.\n`;
}

function feed(base: string): string {
	const items = Array.from({ length: ITEMS }, (_, i) => {
		const n = i + 1;
		return `<item>
      <title>Slow episode ${n}</title>
      <guid isPermaLink="false">slow-${n}</guid>
      <pubDate>${new Date(Date.UTC(2024, 0, n)).toUTCString()}</pubDate>
      <enclosure url="${base}/audio/${n}.mp3" length="1000" type="audio/mpeg"/>
      <podcast:transcript url="${base}/files/slow-${n}.vtt" type="text/vtt"/>
    </item>`;
	});
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>The Slow Server Show</title>
    <link>${base}/</link>
    <description>Its transcripts take their time.</description>
    ${items.join('\n')}
  </channel>
</rss>`;
}

describe('an import whose transcript downloads slowly (PGlite)', () => {
	let t: TestDb;
	let files: FileServer;
	let slowRequested!: () => void;
	const requested = new Promise<void>((resolve) => (slowRequested = resolve));
	let slowSent!: () => void;
	const sent = new Promise<'download finished'>((resolve) => (slowSent = () => resolve('download finished')));

	beforeAll(async () => {
		t = await createTestDb('pglite', { seed: true });
		files = await startFileServer();
		files.route('/slow.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(files.url('').replace(/\/$/, ''))));
		for (let n = 1; n < ITEMS; n++) files.route(`/files/slow-${n}.vtt`, (_req, res) => res.writeHead(200, { 'content-type': 'text/vtt' }).end(transcript(n)));
		files.route(`/files/slow-${ITEMS}.vtt`, async (_req, res) => {
			slowRequested();
			const body = transcript(ITEMS);
			const size = Math.ceil(body.length / PIECES);
			res.writeHead(200, { 'content-type': 'text/vtt' });
			for (let i = 0; i < PIECES; i++) {
				res.write(body.slice(i * size, (i + 1) * size));
				await new Promise((resolve) => setTimeout(resolve, PIECE_MS));
			}
			res.end();
			slowSent();
		});
	});
	afterAll(async () => {
		await files?.close();
		await t?.close();
	});

	it('answers a page query made during the download before the download finishes, and the import completes', async () => {
		// One item per chunk, so that the old importer had written (and held open) its transaction before the last file.
		const importing = importFeed(t.db, files.url('slow.xml'), { fetch: localOnlyFetch, limits: { readChunkItems: 1, writeChunkItems: 1 } });
		await requested;
		const page = listPodcasts(t.db).then((shows) => ({ shows: shows.map((s) => s.title) }));
		expect(await Promise.race([page, sent])).toEqual({ shows: expect.not.arrayContaining(['The Slow Server Show']) });
		const report = await importing;
		expect(report.error).toBeNull();
		expect(report.episodes.added).toBe(ITEMS);
		expect((await listPodcasts(t.db)).map((s) => s.title)).toContain('The Slow Server Show');
	});
});
