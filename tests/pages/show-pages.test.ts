/**
 * A big real show (Giant Bombcast, 730 episodes, 2008-2019) imported through the admin form: its page lists the
 * newest 50 episodes, pages back through the rest without overlap, jumps to a year, and names bad page numbers.
 */
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { realdataDir } from '../helpers/environment';
import { startServer, type TestServer } from '../helpers/server';
import { startFileServer, type FileServer } from '../import/helpers/file-server';

const TOKEN = 'show pages token';
const SHOW = '/podcasts/giant-bombcast';

describe.each(databaseKinds)('a 730-episode show on %s', (kind) => {
	let server: TestServer;
	let files: FileServer;
	let database: TestDb | undefined;

	const get = async (pathname: string) => {
		const response = await fetch(new URL(pathname, server.url), { headers: { accept: 'text/html' } });
		const html = await response.text();
		return { status: response.status, html, doc: parse(html) };
	};
	const episodeLinks = (doc: HTMLElement) => doc.querySelectorAll('ul.card-list a[href^="/podcasts/giant-bombcast/"]').map((a) => a.getAttribute('href')!);
	const dates = (doc: HTMLElement) => doc.querySelectorAll('ul.card-list time').map((t) => t.getAttribute('datetime')!);

	beforeAll(async () => {
		files = await startFileServer(`${realdataDir}/feeds`);
		let databaseUrl = 'pglite://memory';
		if (kind === 'postgres') {
			database = await createTestDb('postgres');
			databaseUrl = database.url;
		}
		server = await startServer({ databaseUrl, env: { ADMIN_TOKEN: TOKEN } });
		const imported = await fetch(`${server.url}/admin/import`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: server.url.replace(/^http:/, 'https:') },
			body: new URLSearchParams({ token: TOKEN, feeds: files.url('giantbomb-huge-730-items.rss') })
		});
		expect(imported.status, await imported.text()).toBe(200);
	}, 180_000);
	afterAll(async () => {
		await server?.stop();
		await files?.close();
		await database?.close();
	});

	it('shows the newest 50 episodes first and says where the reader is', async () => {
		const page = await get(SHOW);
		expect(page.status).toBe(200);
		expect(episodeLinks(page.doc)).toHaveLength(50);
		expect(page.doc.querySelector('ul.card-list a')!.text).toContain('Giant Bombcast 603: Call of Tuesday');
		const shown = dates(page.doc);
		expect([...shown].sort().reverse()).toEqual(shown);
		expect(page.doc.querySelector('main')!.text).toContain('1–50 of 730, newest first');
		const pager = page.doc.querySelector('nav[aria-label="Episode pages"]')!;
		expect(pager.text).toContain('Page 1 of 15');
		expect(pager.querySelector('a[rel="prev"]')).toBeNull();
		expect(pager.querySelector('a[rel="next"]')!.getAttribute('href')).toBe(`${SHOW}?page=2#episodes-heading`);
	});

	it('pages back through every episode exactly once, the last page holding the oldest', async () => {
		const seen = new Set<string>();
		let previousOldest = '9999';
		for (let n = 1; n <= 15; n++) {
			const page = await get(n === 1 ? SHOW : `${SHOW}?page=${n}`);
			expect(page.status, `page ${n}`).toBe(200);
			for (const link of episodeLinks(page.doc)) seen.add(link);
			const shown = dates(page.doc);
			expect(shown[0]! <= previousOldest, `page ${n} starts after the page before ends`).toBe(true);
			previousOldest = shown.at(-1)!;
			if (n > 1) {
				const canonical = new URL(page.doc.querySelector('link[rel="canonical"]')!.getAttribute('href')!);
				expect(canonical.pathname + canonical.search).toBe(`${SHOW}?page=${n}`);
				expect(page.doc.querySelector('section[aria-labelledby="show-questions-heading"]')).toBeNull();
			}
		}
		expect(seen.size).toBe(730);
		expect(previousOldest.startsWith('2008-02-18')).toBe(true);
	});

	it('jumps to the page where a year begins', async () => {
		const page = await get(SHOW);
		const years = page.doc.querySelectorAll('nav[aria-label="Episodes by year"] a');
		expect(years.map((a) => a.text)).toEqual(['2019', '2018', '2017', '2016', '2015', '2014', '2013', '2012', '2011', '2010', '2009', '2008']);
		const jump = years.find((a) => a.text === '2012')!.getAttribute('href')!;
		const target = await get(jump);
		const shown = dates(target.doc);
		const first2012 = shown.findIndex((d) => d.startsWith('2012'));
		expect(first2012, `${jump} holds episodes of 2012`).toBeGreaterThanOrEqual(0);
		// The newest 2012 episode is on this page: anything before it on the page is from 2013.
		expect(shown.slice(0, first2012).every((d) => d.startsWith('2013'))).toBe(true);
		if (first2012 === 0) {
			const before = await get(jump.replace(/page=(\d+)/, (_m, p: string) => `page=${Number(p) - 1}`));
			expect(dates(before.doc).at(-1)!.startsWith('2013')).toBe(true);
		}
	});

	it('names a page past the end and a page number that is not one', async () => {
		const past = await get(`${SHOW}?page=16`);
		expect(past.status).toBe(404);
		expect(past.doc.querySelector('main')!.text).toContain('This show has 15 pages of episodes; there is no page 16.');
		const bad = await get(`${SHOW}?page=two`);
		expect(bad.status).toBe(400);
		expect(bad.doc.querySelector('main')!.text).toContain('"page" must be a page number (1, 2, 3 ...), not "two".');
	});
});
