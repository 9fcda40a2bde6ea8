/**
 * Artwork as visitors and link previews meet it, on the production server over a database an import filled (a show
 * with art, one episode with its own, a show without): /art answers WebP at each size with a strong ETag and 304;
 * the home page, the shows list, the show page and its episode rows, and the embed show our own copies; Open Graph
 * and JSON-LD name them as absolute URLs. In Chromium, the images on those pages load. On PGlite and PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/lib/server/db/client';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { importFeed } from '../../src/lib/server/import/import-feeds';
import { ARTWORK_SIZES, artworkPath } from '../../src/lib/paths';
import { describeBrowser, launchBrowser } from '../helpers/browser';
import { createTestDb, databaseKinds, type DatabaseKind, type TestDb } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';
import { localOnlyFetch, startFileServer, type FileServer } from '../import/helpers/file-server';
import { artworkFeed, runArtworkJobs, solidImage } from './support';

const SHOW = 'the-kettle-hour';
const OWN = 'an-episode-with-its-own-art';
const PLAIN = 'an-episode-without-art';
const BARE = 'bare-show';

/** A database (of `kind`) holding the imported shows with their artwork stored, and the URL a server reaches it by. */
async function importedDatabase(kind: DatabaseKind, files: FileServer): Promise<{ url: string; close(): Promise<void> }> {
	const fill = async (db: TestDb['db']) => {
		for (const feed of ['kettle.xml', 'bare.xml']) expect((await importFeed(db, files.url(feed), { fetch: localOnlyFetch })).warnings).toEqual([]);
		expect(await runArtworkJobs(db)).toEqual(new Map());
	};
	if (kind === 'postgres') {
		const t = await createTestDb('postgres');
		await fill(t.db);
		return { url: t.url, close: () => t.close() };
	}
	// PGlite in a folder: filled here, closed, then opened by the server.
	const dir = mkdtempSync(path.join(tmpdir(), 'artwork-site-'));
	const handle = await createDb(`pglite://${dir}`);
	await runMigrations(handle);
	await fill(handle.db);
	await handle.close();
	return { url: `pglite://${dir}`, close: async () => rmSync(dir, { recursive: true, force: true }) };
}

describe.each(databaseKinds)('artwork on the site, on %s', (kind) => {
	let files: FileServer;
	let database: { url: string; close(): Promise<void> };
	let server: TestServer;
	const get = (pathname: string, headers: Record<string, string> = {}) => fetch(new URL(pathname, server.url), { headers });
	const page = async (pathname: string): Promise<HTMLElement> => {
		const response = await get(pathname);
		expect(response.status, pathname).toBe(200);
		return parse(await response.text());
	};
	const jsonLd = (doc: HTMLElement) => JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.text) as { image?: string };

	beforeAll(async () => {
		files = await startFileServer();
		const show = await solidImage('png', 1200, 800, 'rgb(220,30,30)');
		const own = await solidImage('jpeg', 700, 700, 'rgb(20,40,200)');
		files.route('/show.png', (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(show));
		files.route('/own.jpg', (_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(own));
		const kettle = artworkFeed('The Kettle Hour', files.url('show.png'), [
			{ guid: 'own', title: 'An episode with its own art', image: files.url('own.jpg') },
			{ guid: 'plain', title: 'An episode without art' }
		]);
		files.route('/kettle.xml', (_req, res) => res.writeHead(200).end(kettle));
		files.route('/bare.xml', (_req, res) => res.writeHead(200).end(artworkFeed('Bare Show', null, [{ guid: 'b1', title: 'Plain' }])));
		database = await importedDatabase(kind, files);
		server = await startServer({ databaseUrl: database.url, env: { SEED_DEMO: '0' } });
	}, 120_000);
	afterAll(async () => {
		await server?.stop();
		await files?.close();
		await database?.close();
	});

	it('answers WebP of the right size for shows and episodes, with the episode’s own art where it has one', async () => {
		const etags = new Map<string, string>();
		for (const [show, episode] of [[SHOW, null], [SHOW, OWN], [SHOW, PLAIN], [BARE, null]] as const) {
			for (const size of ARTWORK_SIZES) {
				const response = await get(artworkPath(show, episode, size));
				expect(response.status).toBe(200);
				expect(response.headers.get('content-type')).toBe('image/webp');
				expect(response.headers.get('x-content-type-options')).toBe('nosniff');
				expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
				const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
				expect([meta.format, meta.width, meta.height]).toEqual(['webp', size, size]);
				etags.set(`${show}/${episode}/${size}`, response.headers.get('etag')!);
			}
		}
		expect(etags.get(`${SHOW}/${PLAIN}/600`)).toBe(etags.get(`${SHOW}/null/600`));
		expect(etags.get(`${SHOW}/${OWN}/600`)).not.toBe(etags.get(`${SHOW}/null/600`));
		expect(etags.get(`${BARE}/null/300`)).toMatch(/^"p\d+-/);
		expect((await get(`/art/podcasts/${SHOW}/97.webp`)).status).toBe(404);
		expect((await get(`/art/podcasts/no-such-show/96.webp`)).status).toBe(404);
		expect((await get(`/art/podcasts/${SHOW}/no-such-episode/96.webp`)).status).toBe(404);
	});

	it('answers 304 without a body when the browser’s copy is current', async () => {
		for (const address of [artworkPath(SHOW, null, 300), artworkPath(BARE, null, 300)]) {
			const first = await get(address);
			const etag = first.headers.get('etag')!;
			expect(etag).toMatch(/^"[^"]+"$/);
			const again = await get(address, { 'if-none-match': etag });
			expect(again.status).toBe(304);
			expect(await again.text()).toBe('');
			expect((await get(address, { 'if-none-match': '"something-else"' })).status).toBe(200);
		}
	});

	it('names our own artwork in og:image and JSON-LD on show and episode pages, as absolute URLs', async () => {
		const show = await page(`/podcasts/${SHOW}`);
		// The origin the server believes it has (adapter-node assumes https without ORIGIN), as its canonical URL says.
		const origin = new URL(show.querySelector('link[rel="canonical"]')!.getAttribute('href')!).origin;
		const showImage = new URL(artworkPath(SHOW, null, 600), origin).toString();
		expect(show.querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe(showImage);
		expect(jsonLd(show).image).toBe(showImage);
		const episode = await page(`/podcasts/${SHOW}/${OWN}`);
		const episodeImage = new URL(artworkPath(SHOW, OWN, 600), origin).toString();
		expect(jsonLd(episode).image).toBe(episodeImage);
		expect(episode.querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe(episodeImage);
	});

	it('shows the artwork on the home page, the shows list, the show page with its episode rows, and the embed', async () => {
		const sources = (doc: HTMLElement) => doc.querySelectorAll('img').map((img) => img.getAttribute('src'));
		const home = await page('/');
		expect(sources(home)).toEqual(expect.arrayContaining([artworkPath(SHOW, null, 96), artworkPath(BARE, null, 96), artworkPath(SHOW, OWN, 96)]));
		expect(sources(await page('/podcasts'))).toEqual(expect.arrayContaining([artworkPath(SHOW, null, 96), artworkPath(BARE, null, 96)]));
		const show = await page(`/podcasts/${SHOW}`);
		const header = show.querySelector('img[fetchpriority="high"]')!;
		expect([header.getAttribute('src'), header.getAttribute('alt')]).toEqual([artworkPath(SHOW, null, 300), 'Cover art of The Kettle Hour']);
		// The row of an episode without art of its own shows the show's file, shared by every such row.
		expect(sources(show)).toEqual(expect.arrayContaining([artworkPath(SHOW, OWN, 96), artworkPath(SHOW, null, 96)]));
		expect(sources(show)).not.toContain(artworkPath(SHOW, PLAIN, 96));
		for (const img of show.querySelectorAll('img')) expect([img.getAttribute('width'), img.getAttribute('height')]).not.toContain(undefined);
		expect(sources(await page(`/embed/podcasts/${SHOW}/${OWN}`))).toContain(artworkPath(SHOW, OWN, 96));
	});

	// One browser pass is enough: what the browser gets does not depend on the database.
	if (kind === 'pglite') describeBrowser('in Chromium', () => {
		let browser: Browser;
		beforeAll(async () => {
			browser = await launchBrowser();
		}, 60_000);
		afterAll(() => browser?.close());

		it('loads every artwork image on the home, shows, show, episode and embed pages', { timeout: 60_000 }, async () => {
			const context = await browser.newContext({ baseURL: server.url });
			try {
				const tab = await context.newPage();
				for (const pathname of ['/', '/podcasts', `/podcasts/${SHOW}`, `/podcasts/${SHOW}/${OWN}`, `/embed/podcasts/${SHOW}/${OWN}`]) {
					await tab.goto(pathname, { waitUntil: 'load' });
					const images = tab.locator('img[src^="/art/"]');
					// Lazy images load when scrolled to; every one is brought into view and must decode.
					for (const img of await images.all()) await img.scrollIntoViewIfNeeded();
					const loaded = await images.evaluateAll((list) =>
						Promise.all(
							(list as HTMLImageElement[]).map(async (img) => {
								await img.decode().catch(() => {});
								return { src: img.getAttribute('src'), width: img.naturalWidth };
							})
						)
					);
					expect(loaded.length, pathname).toBeGreaterThan(0);
					for (const image of loaded) expect(image.width, `${pathname}: ${image.src}`).toBeGreaterThan(0);
				}
				// What the player hands the lock screen (Media Session artwork: the episode's address at every size) loads
				// at its size, from this origin.
				// In a fresh context: revisiting a page revalidates it, and the 304 carries another policy (a 304 for a page gets the non-page CSP: reported).
				const fresh = await (await browser.newContext({ baseURL: server.url })).newPage();
				await fresh.goto(`/podcasts/${SHOW}/${OWN}`, { waitUntil: 'load' });
				const lockScreen = await fresh.evaluate(
					(sources) =>
						Promise.all(
							sources.map(
								(src) =>
									new Promise<number[]>((resolve) => {
										const img = document.createElement('img');
										img.onload = img.onerror = () => resolve([img.naturalWidth, img.naturalHeight]);
										img.src = src;
										document.body.append(img);
									})
							)
						),
					ARTWORK_SIZES.map((size) => artworkPath(SHOW, OWN, size))
				);
				expect(lockScreen).toEqual(ARTWORK_SIZES.map((size) => [size, size]));
				await fresh.context().close();
			} finally {
				await context.close();
			}
		});
	});
});
