/**
 * /ask and /ask/answer.json over HTTP on the production server (demo content): the page answers without
 * JavaScript, hostile questions get an inert page or a clear 400, and asking is counted (only when asked, not while
 * typing) without anything about who asked, as an editor sees it on /admin/asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorSessionValue } from '../../src/lib/server/editor/session';
import { startServer, type TestServer } from '../helpers/server';

const TOKEN = 'answers-test-token-0123456789';

describe('/ask over HTTP', () => {
	let server: TestServer;
	const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
	const ask = (q: string, headers?: Record<string, string>) => get(`/ask?q=${encodeURIComponent(q)}`, headers);

	beforeAll(async () => {
		server = await startServer({ env: { ADMIN_TOKEN: TOKEN } });
	}, 120_000);
	afterAll(async () => {
		await server?.stop();
	});

	it('renders an answer without JavaScript: quotes, numbered citations playing their sentence, sources with players', async () => {
		const response = await ask('Can running be a kind of therapy?');
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('<title>Can running be a kind of therapy? · Podcast Moments</title>');
		expect(html).toContain('What was said');
		const citation = /<a class="cite[^"]*" href="([^"]+)"[^>]*>\[1\]<\/a>/.exec(html);
		expect(citation?.[1]).toMatch(/^\/podcasts\/[^?]+\?t=\d+(\.\d)?,\d+(\.\d)?$/);
		expect(html).toMatch(/<audio[^>]+src="[^"]+#t=\d/);
		expect(html).toContain('<form method="GET" action="/ask"');
	}, 120_000); // the first answer loads the sentence encoder, on a machine busy with the server's own start-up work

	it('says plainly when nothing answers, offering the nearest questions', async () => {
		const html = await (await ask('What is the best recipe for lasagna?')).text();
		expect(html).toContain('No good answer');
		expect(html).toContain('The nearest questions we can answer');
		expect(html).not.toContain('What was said');
	});

	it('prints HTML in a question as text', async () => {
		const response = await ask('<script>alert(1)</script><img src=x onerror=alert(2)> why run?');
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).not.toContain('<script>alert(1)');
		expect(html).not.toContain('<img src=x');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
	});

	it('refuses a 10,000-character question and control characters: a clear 414 or 400, or an inert page saying why', async () => {
		// 10,000 characters do not fit in an address the site answers: a plain 414 that says so.
		const huge = await ask('how '.repeat(2500));
		expect(huge.status).toBe(414);
		expect(await huge.text()).toMatch(/longer than 8192 characters/);
		// One that fits but is no question: the page says why and prints none of it; the JSON endpoint answers 400.
		const long = 'how '.repeat(400);
		const page = await ask(long);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('a question may have at most 300');
		expect(html).not.toContain(long.slice(0, 400));
		const json = await get(`/ask/answer.json?q=${encodeURIComponent(long)}`);
		expect(json.status).toBe(400);
		expect((await json.json()).error).toMatch(/at most 300/);
		const control = await get(`/ask/answer.json?q=${encodeURIComponent('sleep\u0000\u001b[2J')}`);
		expect(control.status).toBe(400);
		expect((await control.json()).error).toMatch(/control characters/);
		expect(await (await ask('sleep\u0007')).text()).toContain('control characters');
	});

	it('answers as JSON while typing', async () => {
		const response = await get(`/ask/answer.json?q=${encodeURIComponent('how do I calm my nerves before a race')}`);
		expect(response.status).toBe(200);
		const answer = await response.json();
		expect(answer.status).toBe('answered');
		expect(answer.citations[0].url).toMatch(/\?t=[\d.]+,[\d.]+$/);
	});

	it('counts a question each time it is asked, not while typing, and keeps nothing about who asked', async () => {
		await ask('Why do runners cry at the finish line?', { 'user-agent': 'Tester-One/1.0', 'x-forwarded-for': '203.0.113.7' });
		await ask('why do runners cry at the finish line', { 'user-agent': 'Tester-Two/2.0', 'x-forwarded-for': '198.51.100.9' });
		await get(`/ask/answer.json?q=${encodeURIComponent('Only typed, never asked: do shoes matter?')}`);
		const admin = await get('/admin/asked', { cookie: `pm_editor=${editorSessionValue(TOKEN)}` });
		expect(admin.status).toBe(200);
		const html = await admin.text();
		const row = /<tr>\s*<td>Why do runners cry at the finish line\?<\/td>\s*<td>(\d+)<\/td>/.exec(html);
		expect(row?.[1]).toBe('2');
		expect(html).not.toContain('do shoes matter');
		for (const trace of ['Tester-One', 'Tester-Two', '203.0.113.7', '198.51.100.9']) expect(html).not.toContain(trace);
	});
});
