/**
 * The security headers on every kind of response, and the admin token's defences. Not a test file:
 * tests/hostile/http.test.ts runs it against its server.
 */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, type HostileSite } from './site';

const EPISODE = '/podcasts/running-explained/running-isnt-therapy';

/** The directives of a Content-Security-Policy header (several policies joined by commas count as one list). */
function directives(csp: string): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const directive of csp.split(/[;,]/)) {
		const [name, ...values] = directive.trim().split(/\s+/);
		if (name) map.set(name.toLowerCase(), [...(map.get(name.toLowerCase()) ?? []), ...values]);
	}
	return map;
}

export function describeSecurityHeaders(site: HostileSite): void {
	describe('security headers', () => {
		it('are on every response: pages, endpoints, files, static assets, errors and 404s', async () => {
			const home = parse(await (await site.fetch('/')).text());
			const asset = home.querySelector('link[rel="stylesheet"]')!.getAttribute('href')!; // served by adapter-node, not SvelteKit
			const requests: [string, RequestInit?][] = [
				['/'],
				[EPISODE],
				['/search?q=sleep'],
				['/api/search?q=sleep'],
				['/api/search'], // 400
				['/podcasts/running-explained/feed.xml'],
				[`${EPISODE}/transcript.vtt`],
				['/audio/demo/running-explained/running-isnt-therapy.wav', { headers: { range: 'bytes=0-99' } }],
				['/oembed?url=nope'], // 404 text
				['/sitemap.xml'],
				['/robots.txt'],
				['/favicon.svg'],
				[new URL(asset, `${site.url}/`).pathname],
				['/_app/immutable/nope.js'],
				['/no/such/page'],
				['/podcasts/running-explained/nope'],
				['/search', { method: 'DELETE' }], // 405
				[`/podcasts/${'a'.repeat(9000)}`] // 414
			];
			// Twice: the second answer to a page may come from the response cache, which must keep the headers.
			for (const [path, init] of [...requests, ...requests]) {
				const response = await site.fetch(path, init);
				await response.body?.cancel();
				const where = `${init?.method ?? 'GET'} ${path.slice(0, 60)} (${response.status})`;
				expect(response.headers.get('x-content-type-options'), where).toBe('nosniff');
				expect(response.headers.get('referrer-policy'), where).toBe('strict-origin-when-cross-origin');
				expect(response.headers.get('x-frame-options'), where).toBe('DENY');
				const csp = directives(response.headers.get('content-security-policy') ?? '');
				expect(csp.get('frame-ancestors'), where).toEqual(["'none'"]);
				const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
				expect(scripts.length, where).toBeGreaterThan(0);
				expect(scripts, where).not.toContain("'unsafe-inline'");
				expect(scripts, where).not.toContain("'unsafe-eval'");
			}
		});

		it('let only the embeds be framed by other sites', async () => {
			for (const path of [`/embed${EPISODE}`, '/embed/questions/can-running-serve-as-therapy']) {
				const response = await site.fetch(path);
				expect(response.status, path).toBe(200);
				expect(response.headers.get('x-frame-options'), path).toBeNull();
				expect(directives(response.headers.get('content-security-policy')!).has('frame-ancestors'), path).toBe(false);
				expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
			}
		});

		it('give pages a policy whose scripts are our own files and the inline ones it names by hash', async () => {
			const response = await site.fetch(EPISODE);
			const csp = directives(response.headers.get('content-security-policy')!);
			expect(csp.get('script-src')).toContain("'self'");
			expect(csp.get('script-src')!.some((v) => v.startsWith("'sha256-"))).toBe(true);
			expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
			expect(csp.get('object-src')).toEqual(["'none'"]);
			expect(csp.get('base-uri')).toEqual(["'self'"]);
		});
	});

	describe('the admin token', () => {
		const post = (address: string, token: string, feeds = 'http://127.0.0.1:9/x.xml') =>
			site.fetch('/admin/import', {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: site.url, 'x-forwarded-for': address },
				body: new URLSearchParams({ token, feeds })
			});

		it('is needed, and a wrong one imports nothing', async () => {
			const response = await post('198.51.100.1', 'not the token');
			expect(response.status).toBe(403);
			expect(await response.text()).toContain('That admin token is not right. Nothing was imported.');
		});

		it('refuses an address after five wrong tokens in a quarter hour, the right token too, with Retry-After', async () => {
			const guesser = '198.51.100.7';
			for (let i = 0; i < 5; i++) expect((await post(guesser, `guess ${i}`)).status).toBe(403);
			const refused = await post(guesser, 'guess 6');
			expect(refused.status).toBe(429);
			const retryAfter = Number(refused.headers.get('retry-after'));
			expect(retryAfter).toBeGreaterThan(800);
			expect(retryAfter).toBeLessThanOrEqual(900);
			expect(parse(await refused.text()).querySelector('[role="alert"]')!.text).toBe('Too many wrong admin tokens from your address. Try again in 15 minute(s).');
			// Once refused, even the right token waits: a guesser cannot tell a hit from a miss.
			expect((await post(guesser, ADMIN_TOKEN, '/etc/passwd')).status).toBe(429);
		});

		it('counts each address on its own: another one is not held up', async () => {
			const other = '198.51.100.8';
			expect((await post(other, 'wrong')).status).toBe(403);
			const accepted = await post(other, ADMIN_TOKEN, '/etc/passwd'); // the token is right; the feed is then refused
			expect(accepted.status).toBe(400);
			expect(await accepted.text()).toContain('"/etc/passwd" is not an http(s) address.');
		});
	});
}
