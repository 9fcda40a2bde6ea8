/**
 * The importer as editors and listeners meet it, on the real production server: the admin form (off without
 * ADMIN_TOKEN, refusing a wrong token, importing and summarising with the right one), then the imported show's
 * people pages and the guest links on its episode page.
 */
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, createTestDb, type TestDb } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';
import { startFileServer, type FileServer } from './helpers/file-server';

const TOKEN = 'correct horse battery staple';
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

async function get(server: TestServer, pathname: string) {
	const response = await fetch(new URL(pathname, server.url), { redirect: 'manual' });
	const html = await response.text();
	return { status: response.status, doc: parse(html), text: squash(parse(html).querySelector('body')?.text ?? '') };
}

async function postForm(server: TestServer, fields: Record<string, string>) {
	const response = await fetch(new URL('/admin/import', server.url), {
		method: 'POST',
		// SvelteKit refuses cross-site form posts, so send the origin the server believes it has: adapter-node assumes
		// https when neither ORIGIN nor a protocol header is set (production sets ORIGIN).
		// A browser asks for HTML; with no preference SvelteKit answers a form post with JSON for enhanced forms.
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: server.url.replace(/^http:/, 'https:') },
		body: new URLSearchParams(fields)
	});
	const html = await response.text();
	return { status: response.status, doc: parse(html), text: squash(parse(html).querySelector('body')?.text ?? '') };
}

describe('the admin import form without ADMIN_TOKEN', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer({ env: { ADMIN_TOKEN: '' } });
	});
	afterAll(() => server?.stop());

	it('is off, and says how to turn it on', async () => {
		const page = await get(server, '/admin/import');
		expect(page.status).toBe(404);
		expect(page.text).toContain('The import form is off. Set ADMIN_TOKEN on the server to turn it on.');
		const post = await postForm(server, { token: '', feeds: 'http://127.0.0.1/x.xml' });
		expect(post.status).toBe(404);
	});
});

describe.each(databaseKinds)('importing from the admin form on %s', (kind) => {
	let server: TestServer;
	let files: FileServer;
	let database: TestDb | undefined;
	const feedUrl = () => files.url('quirky-feed.xml');

	beforeAll(async () => {
		files = await startFileServer(path.join(import.meta.dirname, 'fixtures'));
		let databaseUrl = 'pglite://memory';
		if (kind === 'postgres') {
			database = await createTestDb('postgres');
			databaseUrl = database.url;
		}
		server = await startServer({ databaseUrl, env: { ADMIN_TOKEN: TOKEN } });
	});
	afterAll(async () => {
		await server?.stop();
		await files?.close();
		await database?.close();
	});

	it('shows a plain form with labelled fields', async () => {
		const page = await get(server, '/admin/import');
		expect(page.status).toBe(200);
		const form = page.doc.querySelector('form[method="POST"]')!;
		expect(form.querySelector('label[for="feeds"]')!.text).toBe('Feed addresses, one per line');
		expect(form.querySelector('input#token')!.getAttribute('type')).toBe('password');
	});

	it('refuses a wrong token and imports nothing', async () => {
		const page = await postForm(server, { token: 'guess', feeds: feedUrl() });
		expect(page.status).toBe(403);
		expect(page.text).toContain('That admin token is not right. Nothing was imported.');
		expect((await get(server, '/podcasts')).text).not.toContain('Kettle & Compass');
	});

	it('refuses local paths', async () => {
		const page = await postForm(server, { token: TOKEN, feeds: '/etc/passwd' });
		expect(page.status).toBe(400);
		expect(page.text).toContain('"/etc/passwd" is not an http(s) address.');
	});

	it('imports with the right token and shows the same summary as the command', async () => {
		const page = await postForm(server, { token: TOKEN, feeds: `${feedUrl()}\n${files.url('broken-feed.xml')}` });
		expect(page.status).toBe(200);
		const summary = page.doc.querySelector('section[aria-labelledby="summary-heading"]')!;
		expect(squash(summary.querySelector('[role="status"]')!.text)).toBe('1 of 2 feed(s) imported.');
		const [kettle, broken] = summary.querySelectorAll('article');
		expect(squash(kettle!.querySelector('h3')!.text)).toBe('Kettle & Compass (show added)');
		expect(squash(kettle!.text)).toContain('Episodes 4 added, 0 updated, 0 unchanged, 1 skipped');
		expect(squash(kettle!.text)).toContain('line 6: undefined entity "&gtgt;" read as "&gt;"');
		expect(squash(broken!.text)).toContain(`import: feed "${files.url('broken-feed.xml')}" line 11: not well-formed XML`);
		expect(page.doc.querySelector('input#token')!.getAttribute('value')).toBeUndefined();

		const again = await postForm(server, { token: TOKEN, feeds: feedUrl() });
		expect(squash(again.text)).toContain('Nothing changed since the last import.');
	});

	it('gives each person a page with their episodes and the moments they speak', async () => {
		const page = await get(server, '/people/cora-vance');
		expect(page.status).toBe(200);
		expect(page.doc.querySelector('h1')!.text).toBe('Cora Vance');
		expect(page.doc.querySelector('a[href="https://maps.example/cora"]')).not.toBeNull();
		const episodes = page.doc.querySelectorAll('section[aria-labelledby="episodes-heading"] li');
		expect(episodes.map((li) => squash(li.querySelector('a')!.text))).toEqual(['Reading contour lines']);
		expect(squash(episodes[0]!.text)).toContain('Kettle & Compass · guest');
		// Cora speaks (as "Cora") in the cold open and in "What a contour is".
		const moments = page.doc.querySelectorAll('section[aria-labelledby="moments-heading"] li a.time');
		expect(moments.map((a) => a.getAttribute('href'))).toEqual([
			'/podcasts/kettle-compass/reading-contour-lines?t=0',
			'/podcasts/kettle-compass/reading-contour-lines?t=95'
		]);
		expect(squash(moments[1]!.querySelector('.visually-hidden')!.text)).toBe('Play from');
		expect(moments[1]!.text.trim().endsWith('1:35')).toBe(true);
	});

	it('links the guests and hosts on the episode page to their pages', async () => {
		const page = await get(server, '/podcasts/kettle-compass/reading-contour-lines');
		expect(page.doc.querySelector('a[href="/people/cora-vance"]')!.text).toBe('Cora Vance');
		expect(page.doc.querySelector('a[href="/people/ada-lindqvist"]')!.text).toBe('Ada Lindqvist');
		expect(page.text).toContain('With Cora Vance');
	});

	it('answers 404 for someone who is not there', async () => {
		const page = await get(server, '/people/nobody-at-all');
		expect(page.status).toBe(404);
		expect(page.text).toContain('There is no one called "nobody-at-all" here.');
	});
});
