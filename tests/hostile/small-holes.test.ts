/**
 * Smaller holes a hostile run found (issue 15, point 5), on the real production server behind ADDRESS_HEADER:
 * a search for U+FDFA, a feed whose bad values (script enclosures, year 10000 and 0000, durations of 1e308 and
 * Infinity, 5,000 chapters, an enclosure on the demo audio route) must cost it only those values, a request without the address header, and a token
 * guesser rotating X-Real-IP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { startFileServer, type FileServer } from '../import/helpers/file-server';

const TOKEN = 'small-holes-admin-token';
const SECRET_SCHEMES = /javascript:|vbscript:|data:audio/i;

function item(title: string, { enclosure = `https://cdn.example.org/${encodeURIComponent(title)}.mp3`, pubDate = 'Mon, 01 Jan 2024 10:00:00 GMT', duration = '600', extra = '' } = {}) {
	return `<item><title>${title}</title><guid>${title}</guid><pubDate>${pubDate}</pubDate>
<enclosure url="${enclosure}" length="1000" type="audio/mpeg"/><itunes:duration>${duration}</itunes:duration>${extra}</item>`;
}

const podlove = `<psc:chapters version="1.2"><psc:chapter start="00:00:00" title="Opening"/><psc:chapter start="00:05:00" title="Middle"/></psc:chapters>`;
const manyChapters = JSON.stringify({
	version: '1.2.0',
	chapters: Array.from({ length: 5_000 }, (_, i) => ({ startTime: i * 2, title: `Chapter ${i + 1}` }))
});

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:psc="http://podlove.org/simple-chapters">
<channel><title>Bad Values Hour</title><link>https://bad-values.example.org/</link><description>Every value wrong once.</description><language>en</language>
${item('Script audio', { enclosure: 'javascript:alert(document.cookie)' })}
${item('Data audio', { enclosure: 'data:audio/mpeg;base64,SUQzBAAAAAAA' })}
${item('VB audio', { enclosure: ' VBScript:msgbox(1)' })}
${item('Far future', { pubDate: 'Mon, 01 Jan 10000 10:00:00 GMT' })}
${item('Year zero', { pubDate: 'Sat, 01 Jan 0000 10:00:00 GMT' })}
${item('Endless', { duration: 'Infinity', extra: podlove })}
${item('Huge', { duration: '1e308', extra: podlove })}
${item('Many chapters', { duration: '20000', extra: '<podcast:chapters url="many.json" type="application/json+chapters"/>' })}
${item('Plain')}
${item('Demo copy', { enclosure: '/audio/demo/bad-values-hour/demo-copy.wav', duration: '99:00:00' })}
</channel></rss>`;

describe('small holes on a server behind ADDRESS_HEADER', () => {
	let site: TestServer;
	let files: FileServer;
	let report = '';

	beforeAll(async () => {
		files = await startFileServer();
		files.route('/feed.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED));
		files.route('/many.json', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(manyChapters));
		site = await startServer({ env: { ADMIN_TOKEN: TOKEN, ADDRESS_HEADER: 'x-real-ip' } });
		const imported = await postImport(site, TOKEN, '192.0.2.1');
		expect(imported.status, imported.text.slice(0, 2000)).toBe(200);
		report = imported.text;
	}, 120_000);
	afterAll(async () => {
		await site?.stop();
		await files?.close();
	});

	async function postImport(server: TestServer, token: string, address: string | null) {
		const response = await fetch(new URL('/admin/import', server.url), {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html',
				origin: server.url.replace(/^http:/, 'https:'),
				...(address ? { 'x-real-ip': address } : {})
			},
			body: new URLSearchParams({ token, feeds: `${files.origin}/feed.xml` })
		});
		const html = await response.text();
		return { status: response.status, text: html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ') };
	}

	it('answers a search for U+FDFA or U+FDFB on both search routes instead of a 500', async () => {
		for (const q of ['\uFDFA', '\uFDFB', 'running \uFDFA therapy']) {
			const api = await fetch(`${site.url}/api/search?q=${encodeURIComponent(q)}`);
			expect(api.status, q).toBe(200);
			const page = await fetch(`${site.url}/search?q=${encodeURIComponent(q)}`);
			expect(page.status, q).toBe(200);
		}
		const mixed = await (await fetch(`${site.url}/api/search?q=${encodeURIComponent('running \uFDFA therapy')}`)).json();
		expect(mixed.segments.length).toBeGreaterThan(0);
	});

	it('imports the feed with its bad values dropped, naming each item in the report', () => {
		expect(report).toContain('1 of 1 feed(s) imported.');
		expect(report).toContain('item 1 "Script audio" (line 4) skipped: the enclosure url is a "javascript:" address, not http(s) audio');
		expect(report).toContain('item 2 "Data audio" (line 6) skipped: the enclosure url is a "data:" address');
		expect(report).toContain('item 3 "VB audio" (line 8) skipped: the enclosure url is a "vbscript:" address');
		expect(report).toContain('item 4 "Far future": publication date "Mon, 01 Jan 10000 10:00:00 GMT" is outside the years 1900 to 2199 and was dropped');
		expect(report).toContain('item 5 "Year zero": publication date "Sat, 01 Jan 0000 10:00:00 GMT" is outside');
		expect(report).toContain('item 6 "Endless": duration "Infinity" is not a length up to 100 hours and was dropped');
		expect(report).toContain('item 7 "Huge": duration "1e308" is not a length');
		expect(report).toContain('item 8 "Many chapters": 4500 chapter(s) past the first 500 not kept');
		expect(report).toMatch(/Episodes 7 added/);
	});

	it('publishes no script or data enclosure and no absurd date or length', async () => {
		const feed = await (await fetch(`${site.url}/podcasts/bad-values-hour/feed.xml`)).text();
		expect(feed).toContain('Plain');
		expect(feed).not.toMatch(SECRET_SCHEMES);
		expect(feed).not.toMatch(/1e\+?308|Infinity|10000|\b0000\b/);
		const show = await (await fetch(`${site.url}/podcasts/bad-values-hour`)).text();
		expect(show).not.toMatch(/1e\+?308|Infinity|10000|\b0000\b/);
		const chapters = await (await fetch(`${site.url}/podcasts/bad-values-hour/many-chapters/chapters.json`)).json();
		expect(chapters.chapters.length).toBe(500);
	});

	it('synthesises demo audio only for the demo episodes, at their own length', async () => {
		const copy = await fetch(`${site.url}/audio/demo/bad-values-hour/demo-copy.wav`, { headers: { range: 'bytes=0-99' } });
		expect(copy.status).toBe(404);
		expect(await copy.text()).toContain('only the demo shows have generated audio');
		const demo = await fetch(`${site.url}/audio/demo/running-explained/running-isnt-therapy.wav`, { headers: { range: 'bytes=0-99' } });
		expect(demo.status).toBe(206);
		expect(demo.headers.get('content-range')).toBe(`bytes 0-99/${44 + 3000 * 8000}`); // 50 minutes of 8 kHz 8-bit mono
		await demo.arrayBuffer();
	});

	it('answers a request without the address header (app port reached directly) as it would with it, and says so at start-up', async () => {
		const direct = await postImport(site, 'wrong token', null);
		expect(direct.status).toBe(403);
		expect(direct.text).toContain('That admin token is not right.');
		expect(site.output()).toContain('this port must be reachable only through the proxy that sets it');
	});

	it('limits wrong admin tokens across addresses, so rotating X-Real-IP does not void the limit', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 60 && !statuses.includes(429); i++) statuses.push((await postImport(site, `guess ${i}`, `198.51.100.${i + 1}`)).status);
		expect(statuses).toContain(429);
		expect(statuses.filter((s) => s === 403).length).toBeLessThanOrEqual(50);
		// A new address is refused too while the guessing lasts.
		expect((await postImport(site, 'another guess', '203.0.113.77')).status).toBe(429);
	});
});
