/**
 * An episode page at a moment (`?t=`) answered from the kept page without `t` (moment-page.ts), on the real production
 * server: the same bytes and the same headers (its inline script's hash in the Content-Security-Policy, its ETag) as
 * the moment rendered from scratch, for moments at a segment's or a sentence's start, ranges, the very start, the end
 * and past it, and every kind of `t` the page cannot use; then what a reader without JavaScript needs is in it.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBrowser, launchBrowser } from '../helpers/browser';
import { startServer, type TestServer } from '../helpers/server';

const EPISODE = '/podcasts/running-explained/running-isnt-therapy';
/** The demo episode: 50:00 long, segments starting at 0, 3:00, 8:00, 12:00 ...; a sentence starts at 12:28 (748 s). */
const MOMENTS = [
	'754', // inside a segment and a sentence
	'720', // a segment's first second
	'748', // a sentence's first second
	'0', // the very start: "Starting at 0:00", no fragment
	'754,800', // a range
	'12:34.5', // a fraction, as a clock
	'1h', // past the end of a 50-minute episode
	'3000', // the end itself: past it
	'2999.9', // the last moment there is
	',800', // an open start
	'', // nothing: the page itself
	'abc', // not a time
	'800,754', // a range that ends before it starts
	'1,2,3', // three times
	'<script>alert("&")</script>', // what must be escaped in the notice and in the page's data
	'x'.repeat(60) // cut short in the notice
];
/** The headers two answers of one page share (not the date, the connection, the cache mark). */
const compared = (response: Response) =>
	[...response.headers].filter(([name]) => !['date', 'keep-alive', 'connection', 'x-cache', 'transfer-encoding', 'content-length'].includes(name));
/** The same, but for the ETag: a moment made from the kept page has its own (momentEtag), not a hash of the page. */
const comparedButEtag = (response: Response) => compared(response).filter(([name]) => name !== 'etag');

describe('moment pages made from the kept episode page', () => {
	let server: TestServer;

	beforeAll(async () => {
		server = await startServer({ env: { RESPONSE_CACHE_WARM: '0' } });
	});
	afterAll(async () => {
		await server?.stop();
	});

	const url = (t: string | null, path = EPISODE) => `${server.url}${path}${t === null ? '' : `?t=${encodeURIComponent(t)}`}`;
	/** As a visitor asks (answered from memory when it can). */
	const visit = (t: string | null, path?: string) => fetch(url(t, path), { headers: { accept: 'text/html' } });
	/** Rendered from scratch: a cookie keeps the response cache out. */
	const render = (t: string | null, path?: string) => fetch(url(t, path), { headers: { accept: 'text/html', cookie: 'fresh=1' } });

	it('answers every moment from memory with the very bytes and headers a rendering gives, and an ETag of its own', async () => {
		expect((await visit(null)).headers.get('x-cache')).toBeNull(); // rendered, and kept
		const etags = new Map<string, string>();
		for (const t of MOMENTS) {
			const filled = await visit(t);
			const rendered = await render(t);
			expect(filled.status, t).toBe(200);
			expect(filled.headers.get('x-cache'), `t=${t} answered from memory`).toBe('hit');
			expect(await filled.text(), `t=${t}`).toBe(await rendered.text());
			expect(comparedButEtag(filled), `t=${t}`).toEqual(comparedButEtag(rendered));
			etags.set(t, filled.headers.get('etag')!);
		}
		// One ETag per moment, the same every time it is asked for (filled again or sent as it was kept).
		expect(new Set(etags.values()).size).toBe(MOMENTS.length);
		for (const t of MOMENTS) {
			const again = await visit(t);
			expect(again.headers.get('etag'), `t=${t}`).toBe(etags.get(t));
		}
		// A browser revalidating its copy of a moment is told it is current; one holding another moment's is not.
		const revalidate = (t: string, etag: string) => fetch(url(t), { headers: { accept: 'text/html', 'if-none-match': etag } });
		const current = await revalidate('754', etags.get('754')!);
		expect(current.status).toBe(304);
		expect(current.headers.get('content-security-policy')).toBeNull();
		const stale = await revalidate('754', etags.get('720')!);
		expect(stale.status).toBe(200);
		expect(await stale.text()).toBe(await (await render('754')).text());
	});

	it('keeps the episode page when a moment is asked for first, and answers the page and its other moments from it', async () => {
		const other = '/podcasts/coaching-corner/race-day-nerves';
		const first = await visit('1:00', other);
		expect(first.status).toBe(200);
		expect(first.headers.get('x-cache')).toBeNull();
		const page = await visit(null, other);
		expect(page.headers.get('x-cache')).toBe('hit');
		const rendered = await render(null, other);
		expect(await page.text()).toBe(await rendered.text());
		expect(compared(page)).toEqual(compared(rendered));
		for (const t of ['1:00', '95', 'soon', '5:00,6:00']) {
			const filled = await visit(t, other);
			expect(filled.headers.get('x-cache'), t).toBe('hit');
			expect(await filled.text(), t).toBe(await (await render(t, other)).text());
		}
	});

	it('gives readers without JavaScript the moment: the notice, the audio from there, the share link, the sentence marked', async () => {
		await visit(null);
		const response = await visit('754');
		expect(response.headers.get('x-cache')).toBe('hit');
		const html = await response.text();
		const page = parse(html);
		expect(page.querySelector('[role="status"]')!.textContent).toBe('Starting at 12:34.');
		const noscript = page.querySelectorAll('noscript').map((n) => n.innerHTML).join('\n');
		expect(noscript).toContain('running-isnt-therapy.wav#t=754"');
		expect(noscript).toContain(`value="${server.url.replace('http:', 'https:')}${EPISODE}?t=754"`);
		expect(page.querySelector('a.sentence[aria-current="true"]')!.getAttribute('href')).toBe('?t=748');
		expect(page.querySelector('li[aria-current="true"] h3')!.textContent).toBe('Mindful Running: Breath, Footsteps and Surroundings');
		expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toMatch(/\?t=754$/);
		// The page's data says where to start, and the policy allows the script that carries it.
		const policy = response.headers.get('content-security-policy')!;
		const scripts = page.querySelectorAll('script:not([src]):not([type="application/ld+json"])');
		expect(scripts.some((s) => s.rawText.includes('start:{start:754,end:null}'))).toBe(true);
		for (const script of scripts) expect(policy).toContain(`'sha256-${createHash('sha256').update(script.rawText).digest('base64')}'`);
	});

	it('says what was wrong with a t it cannot use, escaped, and plays from the start', async () => {
		await visit(null);
		const response = await visit('<b>soon</b>');
		expect(response.headers.get('x-cache')).toBe('hit');
		const html = await response.text();
		expect(html).not.toContain('<b>soon</b>');
		const notice = parse(html).querySelector('p.notice')!;
		expect(notice.textContent).toBe('"<b>soon</b>" is not a time we understand; try 754, 12:34, 1:02:03 or 1h2m3s. Playing from the start.');
		expect(parse(html).querySelector('link[rel="canonical"]')!.getAttribute('href')).not.toContain('?t=');
	});

	it('sends a moment compressed as the client asks, the same page once unpacked', async () => {
		await visit(null);
		for (const t of ['754', '1:00', 'abc']) {
			const rendered = await (await render(t)).text();
			for (const encoding of ['gzip', 'br'] as const) {
				const answer = await getRaw(url(t), { accept: 'text/html', 'accept-encoding': encoding });
				expect(answer.headers['x-cache'], `${t} ${encoding}`).toBe('hit');
				expect(answer.headers['content-encoding'], `${t} ${encoding}`).toBe(encoding);
				const unpacked = encoding === 'gzip' ? gunzipSync(answer.body) : brotliDecompressSync(answer.body);
				expect(unpacked.toString('utf8'), `${t} ${encoding}`).toBe(rendered);
			}
		}
	});

	it('answers a moment\'s client-side data request with its data, never with the kept page', async () => {
		await visit(null);
		await visit('754');
		for (const query of ['?t=754', '?t=754&x-sveltekit-invalidated=01']) {
			for (let i = 0; i < 2; i++) {
				const response = await fetch(`${server.url}${EPISODE}/__data.json${query}`, { headers: { accept: '*/*' } });
				expect(response.status, query).toBe(200);
				expect(response.headers.get('content-type'), query).toMatch(/^application\/json/);
				expect(await response.text(), query).toContain('start');
			}
		}
	});
});

/** A GET through node:http, so that the body comes as it was sent (fetch unpacks it). */
function getRaw(href: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
	return new Promise((resolve, reject) => {
		http.get(href, { headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
			response.on('error', reject);
		}).on('error', reject);
	});
}

describeBrowser('a moment made from the kept page, in a real browser', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer({ env: { RESPONSE_CACHE_WARM: '0' } });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('runs the page\'s inline script under its Content-Security-Policy and starts at the moment', async () => {
		await (await fetch(`${server.url}${EPISODE}`, { headers: { accept: 'text/html' } })).text(); // kept
		const browser = await launchBrowser();
		try {
			const page = await browser.newPage();
			const violations: string[] = [];
			page.on('console', (message) => {
				if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
			});
			await page.addInitScript(() => {
				document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violated: ${e.violatedDirective}`));
			});
			const response = await page.goto(`${server.url}${EPISODE}?t=754`);
			expect(response!.headers()['x-cache']).toBe('hit');
			expect(response!.headers()['content-encoding']).toBeTruthy(); // compressed, as a browser asks for it
			// The inline script sets SvelteKit's start-up object, then the app starts and hydrates the page.
			await page.waitForFunction(() => Object.keys(window).some((key) => key.startsWith('__sveltekit_')));
			await page.waitForLoadState('networkidle');
			expect(await page.getByRole('status').first().textContent()).toBe('Starting at 12:34.');
			expect(await page.title()).toBeTruthy();
			expect(violations).toEqual([]);
		} finally {
			await browser.close();
		}
	});
});
