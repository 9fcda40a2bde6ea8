/**
 * Pages and answers from memory, on the real production server: a repeated request is answered by the response cache
 * (through fast-path.ts, before SvelteKit) with the same bytes and headers as the first, except a CSP nonce of its own,
 * and an import makes the next request show the new content.
 */
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { startFileServer, type FileServer } from '../import/helpers/file-server';

const TOKEN = 'cache me if you can';
const EPISODE = '/podcasts/running-explained/running-isnt-therapy';
const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
/** The headers that do not change between two answers of the same page. */
const stable = (response: Response) =>
	[...response.headers].filter(([name]) => !['date', 'content-security-policy', 'keep-alive', 'etag', 'content-length', 'transfer-encoding'].includes(name));

describe('answers from memory on the production server', () => {
	let server: TestServer;
	let files: FileServer;

	beforeAll(async () => {
		files = await startFileServer(path.join(import.meta.dirname, '../import/fixtures'));
		server = await startServer({ env: { ADMIN_TOKEN: TOKEN } });
	});
	afterAll(async () => {
		await server?.stop();
		await files?.close();
	});

	const get = (pathname: string, accept = 'text/html') => fetch(new URL(pathname, server.url), { headers: { accept } });

	it('answers a page again with the same page and headers, and a nonce of its own that its scripts carry', async () => {
		const first = await get(EPISODE);
		const firstHtml = await first.text();
		const nonces = new Set([nonceOf(first)]);
		for (let i = 0; i < 3; i++) {
			const again = await get(EPISODE);
			const html = await again.text();
			const nonce = nonceOf(again)!;
			expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
			nonces.add(nonce);
			expect(stable(again)).toEqual(stable(first));
			expect(again.headers.get('etag')).toBeNull(); // each answer is another page, by its nonce
			expect(again.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy')!.replaceAll(nonceOf(first)!, nonce));
			expect(html).toBe(firstHtml.replaceAll(nonceOf(first)!, nonce));
			const scripts = parse(html).querySelectorAll('script[nonce]');
			expect(scripts.length).toBeGreaterThan(0);
			for (const script of scripts) expect(script.getAttribute('nonce')).toBe(nonce);
		}
		expect(nonces.size).toBe(4);
	});

	it('keeps the security headers: pages may not be framed, the embed may', async () => {
		for (let i = 0; i < 2; i++) {
			const page = await get(EPISODE);
			expect(page.headers.get('x-frame-options')).toBe('DENY');
			expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
			expect(page.headers.get('x-content-type-options')).toBe('nosniff');
			const embed = await get(`/embed${EPISODE}`);
			expect(embed.status).toBe(200);
			expect(embed.headers.get('x-frame-options')).toBeNull();
			expect(embed.headers.get('content-security-policy')).not.toContain("frame-ancestors 'none'");
		}
	});

	it('answers JSON again byte for byte', async () => {
		const first = await (await get('/api/search?q=running+therapy', 'application/json')).text();
		const again = await get('/api/search?q=running+therapy', 'application/json');
		expect(again.headers.get('content-type')).toMatch(/^application\/json/);
		expect(await again.text()).toBe(first);
	});

	it('shows an import on the next request', async () => {
		const before = await (await get('/api/search?q=contour', 'application/json')).json();
		expect(before.segments.map((s: { title: string }) => s.title)).not.toContain('What a contour is');
		await get('/api/search?q=contour', 'application/json'); // answered from memory now

		const response = await fetch(new URL('/admin/import', server.url), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: server.url.replace(/^http:/, 'https:') },
			body: new URLSearchParams({ token: TOKEN, feeds: files.url('quirky-feed.xml') })
		});
		expect(response.status).toBe(200);
		const after = await (await get('/api/search?q=contour', 'application/json')).json();
		expect(after.segments.map((s: { title: string }) => s.title)).toContain('What a contour is');
	});
});
