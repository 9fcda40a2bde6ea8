/**
 * An import whose transcript server is slow does not make the site wait: every download is done before the feed's
 * transaction opens (import-feeds.ts), so on PGlite, where one open transaction holds every other query back, a
 * page's query made while a file is still trickling in is answered before that download has even finished.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFeed } from '../../src/lib/server/import/import-feeds';
import { listPodcasts } from '../../src/lib/server/podcasts';
import { createTestDb, type TestDb } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';
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
	}, 240_000);
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

/**
 * The same as a visitor sees it: the production server imports (admin form) a feed whose own download dribbles in over
 * several seconds, and pages asked for meanwhile, rendered ones included (a cookie keeps the response cache out), are
 * answered while the import is still going on. How fast they are is bench/import-latency.ts's figure (p99 < 100 ms).
 */
describe('pages while the server imports a feed that arrives slowly (PGlite)', () => {
	const TOKEN = 'slow feed token';
	/** The feed arrives in this many pieces, one every PIECE_MS: about 8 s, longer than the pages below take. */
	const FEED_PIECES = 20;
	let server: TestServer;
	let files: FileServer;

	beforeAll(async () => {
		files = await startFileServer();
		files.route('/dribble.xml', async (_req, res) => {
			const body = feed(files.url('').replace(/\/$/, ''));
			const size = Math.ceil(body.length / FEED_PIECES);
			res.writeHead(200, { 'content-type': 'application/rss+xml' });
			for (let i = 0; i < FEED_PIECES; i++) {
				res.write(body.slice(i * size, (i + 1) * size));
				await new Promise((resolve) => setTimeout(resolve, PIECE_MS));
			}
			res.end();
		});
		for (let n = 1; n <= ITEMS; n++) files.route(`/files/slow-${n}.vtt`, (_req, res) => res.writeHead(200, { 'content-type': 'text/vtt' }).end(transcript(n)));
		server = await startServer({ env: { ADMIN_TOKEN: TOKEN }, timeoutMs: 200_000 });
	}, 240_000);
	afterAll(async () => {
		await server?.stop();
		await files?.close();
	});

	it('answers pages, rendered and from memory, while the import is in progress, and shows the show once it is done', async () => {
		let finished = false;
		const importing = fetch(new URL('/admin/import', server.url), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: server.url.replace(/^http:/, 'https:') },
			body: new URLSearchParams({ token: TOKEN, feeds: files.url('dribble.xml') })
		}).finally(() => (finished = true));
		const answeredDuringImport: string[] = [];
		for (const [i, pathname] of ['/', '/podcasts/running-explained', '/podcasts/running-explained/running-isnt-therapy', '/search?q=running'].entries()) {
			const response = await fetch(new URL(pathname, server.url), { headers: { accept: 'text/html', ...(i % 2 ? { cookie: 'render=1' } : {}) } });
			expect(response.status).toBe(200);
			expect(await response.text()).toContain('Running');
			if (!finished) answeredDuringImport.push(pathname);
		}
		expect(answeredDuringImport).toHaveLength(4);
		expect((await importing).status).toBe(200);
		const shows = await (await fetch(new URL('/', server.url), { headers: { accept: 'text/html' } })).text();
		expect(shows).toContain('The Slow Server Show');
	}, 120_000);
});
