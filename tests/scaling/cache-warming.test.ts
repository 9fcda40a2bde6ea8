/**
 * The production server fills its response cache ahead of visitors (cache-warmer.ts): after a start, and again after
 * a change, the first visitor of a question or episode page is answered from memory with the current content. And an
 * episode page's moments (`?t=`), rendered from the episode's data kept per content version (content-memo.ts), still
 * each carry their own moment, never another's, and show a change at once.
 */
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { startFileServer, type FileServer } from '../import/helpers/file-server';

const TOKEN = 'warm it up';
const EPISODE = '/podcasts/running-explained/running-isnt-therapy';
const QUESTION_PAGE = /href="(\/questions\/[^"?#]+)"/;

/** Waits (by polling the server's log) until it has warmed its cache `times` times in all. */
async function warmed(server: TestServer, times = 1): Promise<void> {
	for (let i = 0; i < 600; i++) {
		if ((server.output().match(/\[cache\] warmed /g) ?? []).length >= times) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`the server never reported warming its cache ${times} time(s); its output:\n${server.output().slice(-3000)}`);
}

const page = async (server: TestServer, pathname: string) => {
	const response = await fetch(new URL(pathname, server.url), { headers: { accept: 'text/html' } });
	return { response, html: await response.text() };
};

describe('a warmed response cache', () => {
	let server: TestServer;
	let files: FileServer;

	beforeAll(async () => {
		files = await startFileServer(path.join(import.meta.dirname, '../import/fixtures'));
		server = await startServer({ env: { ADMIN_TOKEN: TOKEN } });
	}, 240_000);
	afterAll(async () => {
		await server?.stop();
		await files?.close();
	});

	it('answers the first visitor of an episode page and of a question page from memory once it has warmed', async () => {
		// Warming begins with the first visit (it learns the address visitors use from it).
		const home = await page(server, '/');
		expect(home.response.status).toBe(200);
		await warmed(server);
		const episode = await page(server, EPISODE);
		expect(episode.response.headers.get('x-cache')).toBe('hit');
		expect(parse(episode.html).querySelector('h1')?.text).toBeTruthy();
		const question = QUESTION_PAGE.exec(episode.html)?.[1];
		expect(question, 'the episode page links a question').toBeTruthy();
		const questionPage = await page(server, question!);
		expect(questionPage.response.status).toBe(200);
		expect(questionPage.response.headers.get('x-cache')).toBe('hit');
	}, 120_000);

	it('gives each moment of an episode its own start and preview, and the plain page none', async () => {
		const plain = await page(server, EPISODE);
		const at90 = await page(server, `${EPISODE}?t=90`);
		const at200 = await page(server, `${EPISODE}?t=200`);
		const plainAgain = await page(server, `${EPISODE}?utm=1`);
		const canonical = (html: string) => parse(html).querySelector('link[rel="canonical"]')?.getAttribute('href');
		expect(canonical(at90.html)).toMatch(/\?t=90$/);
		expect(canonical(at200.html)).toMatch(/\?t=200$/);
		expect(at90.html).toContain('Starting at 1:30');
		expect(at200.html).toContain('Starting at 3:20');
		expect(at200.html).not.toContain('Starting at 1:30');
		for (const html of [plain.html, plainAgain.html]) {
			expect(canonical(html)).not.toContain('?t=');
			expect(html).not.toContain('Starting at');
		}
		// The same episode otherwise.
		const heading = (html: string) => parse(html).querySelector('h1')?.text;
		expect(heading(at90.html)).toBe(heading(plain.html));
	});

	it('shows an import on the next visit, moments included, and warms the new pages', async () => {
		const warmingsBefore = (server.output().match(/\[cache\] warmed /g) ?? []).length;
		const response = await fetch(new URL('/admin/import', server.url), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: server.url.replace(/^http:/, 'https:') },
			body: new URLSearchParams({ token: TOKEN, feeds: files.url('quirky-feed.xml') })
		});
		expect(response.status).toBe(200);
		const shows = await (await fetch(new URL('/api/search?q=contour', server.url), { headers: { accept: 'application/json' } })).json();
		const segment = shows.segments.find((s: { title: string }) => s.title === 'What a contour is');
		expect(segment, 'the imported episode is searchable').toBeTruthy();
		const episodeUrl = new URL(segment.url, server.url);
		const moment = await page(server, `${episodeUrl.pathname}?t=5`);
		expect(moment.response.status).toBe(200);
		expect(moment.html).toContain('What a contour is');
		await warmed(server, warmingsBefore + 1);
		const first = await page(server, episodeUrl.pathname);
		expect(first.response.headers.get('x-cache')).toBe('hit');
		expect(first.html).toContain('What a contour is');
	}, 120_000);
});
