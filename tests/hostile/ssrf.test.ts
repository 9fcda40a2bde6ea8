/**
 * A feed cannot make the site fetch from its own machine or network (SSRF), on the real production server: the
 * operator allows one local address (IMPORT_ALLOW_PRIVATE=127.0.0.2/32, where the "outside" feed server listens),
 * and an internal service on 127.0.0.1 holds secrets. Transcripts and chapters pointing at the internal service, in
 * every spelling and through a redirect from the allowed host, are refused with "refused: private address", the
 * internal service is never asked, and nothing of it reaches the site's pages, files or search.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';

const TOKEN = 'ssrf-admin-token';
const SECRET = 'quartermaster7secret';
const SECRET_VTT = `WEBVTT\n\n00:00.000 --> 00:05.000\nThe ${SECRET} password of the internal service.\n`;
const SECRET_CHAPTERS = JSON.stringify({ version: '1.2.0', chapters: [{ startTime: 0, title: `Chapter ${SECRET}` }] });
const GOOD_VTT = 'WEBVTT\n\n00:00.000 --> 00:05.000\nWelcome to the lighthouse keeper almanac episode.\n';

interface Answer {
	status: number;
	body: string;
	headers?: Record<string, string>;
}

async function listen(host: string, handle: (path: string) => Answer) {
	const requests: string[] = [];
	const server = createServer((req, res) => {
		requests.push(req.url ?? '');
		const answer = handle(req.url ?? '/');
		res.writeHead(answer.status, { 'content-type': 'text/plain; charset=utf-8', ...answer.headers });
		res.end(answer.body);
	});
	await new Promise<void>((resolve) => server.listen(0, host, resolve));
	return { server, requests, origin: `http://${host}:${(server.address() as AddressInfo).port}` };
}

function item(guid: string, title: string, files: string): string {
	return `<item><title>${title}</title><guid>${guid}</guid><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>
<enclosure url="https://cdn.example.org/${guid}.mp3" length="1000" type="audio/mpeg"/><itunes:duration>600</itunes:duration>${files}</item>`;
}

describe('fetching on a feed’s behalf (SSRF)', () => {
	let site: TestServer;
	let internal: Awaited<ReturnType<typeof listen>>;
	let outside: Awaited<ReturnType<typeof listen>>;
	let report = '';

	beforeAll(async () => {
		internal = await listen('127.0.0.1', (p) => ({ status: 200, body: p.endsWith('.json') ? SECRET_CHAPTERS : SECRET_VTT }));
		const port = new URL(internal.origin).port;
		const transcript = (url: string) => `<podcast:transcript url="${url}" type="text/vtt"/>`;
		const feed = () => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
<channel><title>Lighthouse Almanac</title><link>https://lighthouse.example.org/</link><description>Keepers talk.</description><language>en</language>
${item('direct', 'Direct', transcript(`${internal.origin}/secret.vtt`) + `<podcast:chapters url="http://2130706433:${port}/c.json" type="application/json+chapters"/>`)}
${item('hex', 'Hex', transcript(`http://0x7f000001:${port}/secret.vtt`))}
${item('short', 'Short', transcript(`http://127.1:${port}/secret.vtt`))}
${item('name', 'Name', transcript(`http://localhost:${port}/secret.vtt`))}
${item('mapped', 'Mapped', transcript(`http://[::ffff:127.0.0.1]:${port}/secret.vtt`))}
${item('redirect', 'Redirect', transcript(`${outside.origin}/moved.vtt`))}
${item('allowed', 'Allowed', transcript(`${outside.origin}/good.vtt`))}
</channel></rss>`;
		outside = await listen('127.0.0.2', (p): Answer => {
			if (p === '/feed.xml') return { status: 200, body: feed(), headers: { 'content-type': 'application/rss+xml' } };
			if (p === '/moved.vtt') return { status: 302, body: '', headers: { location: `${internal.origin}/secret.vtt` } };
			if (p === '/good.vtt') return { status: 200, body: GOOD_VTT, headers: { 'content-type': 'text/vtt' } };
			return { status: 404, body: 'not found' };
		});
		site = await startServer({ env: { ADMIN_TOKEN: TOKEN, IMPORT_ALLOW_PRIVATE: '127.0.0.2/32' } });
		report = await importThroughForm(site, `${outside.origin}/feed.xml\n${internal.origin}/feed.xml`);
	}, 120_000);
	afterAll(async () => {
		await site?.stop();
		for (const s of [internal?.server, outside?.server] as (Server | undefined)[]) s?.closeAllConnections(), s?.close();
	});

	it('never asks the internal service, in any spelling of its address or through a redirect', () => {
		expect(internal.requests).toEqual([]);
		expect(outside.requests).toContain('/moved.vtt');
	});

	it('reports each refused file and the refused feed as "refused: private address", without a word of what answered', () => {
		expect(report).toContain('1 of 2 feed(s) imported.');
		expect(report.match(/refused: private address/g)?.length).toBeGreaterThanOrEqual(8);
		expect(report).toContain(`feed "${internal.origin}/feed.xml": could not be fetched: refused: private address`);
		expect(report).not.toContain(SECRET);
		expect(report).not.toMatch(/refused the connection|HTTP \d{3}/);
	});

	it('publishes nothing of the internal answers, and imports the file from the allowed address', async () => {
		const found = await (await fetch(`${site.url}/api/search?q=${SECRET}`)).json();
		expect({ segments: found.segments, episodes: found.episodes }).toEqual({ segments: [], episodes: [] });
		const allowed = await (await fetch(`${site.url}/api/search?q=lighthouse%20keeper%20almanac`)).json();
		expect(JSON.stringify(allowed)).toContain('lighthouse keeper almanac');
		const show = await (await fetch(`${site.url}/podcasts/lighthouse-almanac`)).text();
		expect(show).toContain('Redirect');
		const kept = await fetch(`${site.url}/podcasts/lighthouse-almanac/allowed/transcript.vtt`);
		expect(await kept.text()).toContain('lighthouse keeper almanac');
		for (const episode of ['direct', 'redirect']) {
			for (const file of ['transcript.vtt', 'chapters.json']) {
				const response = await fetch(`${site.url}/podcasts/lighthouse-almanac/${episode}/${file}`);
				expect(await response.text()).not.toContain(SECRET);
			}
		}
	});
});

async function importThroughForm(site: TestServer, feeds: string): Promise<string> {
	const response = await fetch(new URL('/admin/import', site.url), {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: site.url.replace(/^http:/, 'https:') },
		body: new URLSearchParams({ token: TOKEN, feeds })
	});
	const html = await response.text();
	if (response.status !== 200) throw new Error(`tests: the import form answered ${response.status}: ${html.slice(0, 500)}`);
	return html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}
