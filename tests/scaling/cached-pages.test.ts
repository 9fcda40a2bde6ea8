/**
 * Pages and answers from memory, on the real production server: a repeated request is answered by the response cache
 * (through fast-path.ts, before SvelteKit) with the same bytes and headers as the first (scripts are allowed by hash),
 * and an import makes the next request show the new content.
 */
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { startFileServer, type FileServer } from '../import/helpers/file-server';

const TOKEN = 'cache me if you can';
const EPISODE = '/podcasts/running-explained/running-isnt-therapy';
/** The headers that do not change between two answers of the same page. */
const stable = (response: Response) =>
	[...response.headers].filter(([name]) => !['date', 'content-security-policy', 'keep-alive', 'etag', 'content-length', 'transfer-encoding', 'x-cache'].includes(name));

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

	it('answers a page again with the same bytes and headers, its scripts allowed by hash (no per-reader nonce)', async () => {
		const first = await get(EPISODE);
		const firstHtml = await first.text();
		const csp = first.headers.get('content-security-policy')!;
		expect(csp).toMatch(/script-src[^;]*'sha256-[A-Za-z0-9+/=]+'/);
		expect(csp).not.toContain('nonce-');
		for (let i = 0; i < 3; i++) {
			const again = await get(EPISODE);
			expect(stable(again)).toEqual(stable(first));
			expect(again.headers.get('content-security-policy')).toBe(csp);
			expect(await again.text()).toBe(firstHtml);
		}
		// Every inline script the page runs is one the policy names by its hash.
		const { createHash } = await import('node:crypto');
		const scripts = parse(firstHtml).querySelectorAll('script:not([src]):not([type="application/ld+json"])');
		expect(scripts.length).toBeGreaterThan(0);
		for (const script of scripts) expect(csp).toContain(`'sha256-${createHash('sha256').update(script.rawText).digest('base64')}'`);
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

	it('compresses pages, JSON and feeds as the client accepts, first answer and answers from memory alike, but not audio', async () => {
		const { request } = await import('node:http');
		const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
		const raw = (pathname: string, encoding: string, accept = 'text/html') =>
			new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
				const req = request(new URL(pathname, server.url), { headers: { accept, 'accept-encoding': encoding } }, (res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
				});
				req.on('error', reject).end();
			});
		const plain = await (await get('/podcasts/sleep-and-recovery-lab')).text();
		for (let i = 0; i < 2; i++) {
			const br = await raw('/podcasts/sleep-and-recovery-lab', 'br');
			expect(br.encoding).toBe('br');
			expect(brotliDecompressSync(br.body).toString()).toBe(plain);
			expect(br.body.byteLength).toBeLessThan(Buffer.byteLength(plain) / 3);
			const gzip = await raw('/podcasts/sleep-and-recovery-lab', 'gzip');
			expect(gzip.encoding).toBe('gzip');
			expect(gunzipSync(gzip.body).toString()).toBe(plain);
		}
		const json = await raw('/api/search?q=sleep', 'gzip', 'application/json');
		expect(json.encoding).toBe('gzip');
		expect(typeof JSON.parse(gunzipSync(json.body).toString())).toBe('object');
		const feed = await raw('/podcasts/running-explained/feed.xml', 'gzip', '*/*');
		expect(feed.encoding).toBe('gzip');
		expect(gunzipSync(feed.body).toString()).toContain('<rss');
		const audio = await raw('/audio/demo/running-explained/running-isnt-therapy.wav', 'gzip, br', '*/*');
		expect(audio.encoding).toBeUndefined();
	});

	it('answers from memory in whatever encoding each client asks for, each decoding to the same page, sized and marked Vary', async () => {
		const { request } = await import('node:http');
		const { brotliDecompressSync, gunzipSync, inflateSync } = await import('node:zlib');
		const raw = (encoding: string | null) =>
			new Promise<{ headers: import('node:http').IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
				const headers: Record<string, string> = { accept: 'text/html' };
				if (encoding !== null) headers['accept-encoding'] = encoding;
				const req = request(new URL(EPISODE, server.url), { headers }, (res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
				});
				req.on('error', reject).end();
			});
		const plain = (await raw(null)).body.toString();
		const decode: Record<string, (b: Buffer) => Buffer> = { br: brotliDecompressSync, gzip: gunzipSync, deflate: inflateSync, identity: (b) => b };
		// A browser's `gzip, deflate, br` likes both as well: it gets the gzip the page is kept in, not a brotli made for it.
		const cases: [string | null, string][] = [[null, 'identity'], ['br', 'br'], ['gzip, deflate, br', 'gzip'], ['gzip', 'gzip'], ['br;q=0.5, gzip', 'gzip'], ['deflate', 'deflate'], ['identity', 'identity']];
		for (let round = 0; round < 2; round++) {
			for (const [asked, expected] of cases) {
				const { headers, body } = await raw(asked);
				expect(headers['x-cache'], `accept-encoding ${asked}`).toBe('hit');
				expect(headers['content-encoding'] ?? 'identity', `accept-encoding ${asked}`).toBe(expected);
				expect(headers.vary).toMatch(/accept-encoding/i);
				expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
				if (headers['content-length']) expect(Number(headers['content-length'])).toBe(body.byteLength);
				expect(decode[expected]!(body).toString(), `accept-encoding ${asked}`).toBe(plain);
			}
		}
	});

	it('sends a page rendered for its first visitor in the gzip it is kept in to a browser, and brotli to a client that takes brotli alone', async () => {
		const { request } = await import('node:http');
		const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
		const raw = (pathname: string, encoding: string, accept: string) =>
			new Promise<{ headers: import('node:http').IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
				const req = request(new URL(pathname, server.url), { headers: { accept, 'accept-encoding': encoding } }, (res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
				});
				req.on('error', reject).end();
			});
		for (const [pathname, accept] of [['/search?q=cadence+drills', 'text/html'], ['/api/search?q=cadence+drills', 'application/json']] as const) {
			const first = await raw(pathname, 'gzip, deflate, br', accept);
			expect(first.headers['x-cache'], pathname).toBeUndefined(); // rendered for this request
			expect(first.headers['content-encoding'], pathname).toBe('gzip');
			expect(first.headers.vary).toMatch(/accept-encoding/i);
			const again = await raw(pathname, 'gzip, deflate, br', accept);
			expect(again.headers['x-cache'], pathname).toBe('hit');
			expect(again.body.equals(first.body), pathname).toBe(true); // the very bytes kept
			expect(gunzipSync(first.body).toString()).toBe((await (await get(pathname, accept)).text()));
		}
		const brOnly = await raw('/search?q=interval+sessions', 'br', 'text/html');
		expect(brOnly.headers['x-cache']).toBeUndefined();
		expect(brOnly.headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(brOnly.body).toString()).toContain('</html>');
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
