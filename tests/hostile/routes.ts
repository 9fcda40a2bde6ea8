/**
 * Property tests over every route parameter, query string and form field the site takes, against the real server:
 * random and adversarial values (path tricks, broken percent-encoding, lone surrogates, huge numbers, template and
 * SQL syntax, control characters). No answer may be a 5xx, every answer must come within the deadline, and the
 * server's memory must stay put. Then the oversized inputs: each gets its 4xx. Seeded and bounded, so a failure
 * names a request that reproduces it. Not a test file: tests/hostile/http.test.ts runs it against its server.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, type HostileSite } from './site';

const RUNS = { numRuns: 30, seed: 6_2026 };
const EPISODE = '/podcasts/running-explained/running-isnt-therapy';

/** Values chosen to break parsers, routers and queries. */
const ADVERSARIAL = [
	'', ' ', '.', '..', '../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', '%00', '\u0000', '\r\nSet-Cookie: x=1', '<script>alert(1)</script>',
	"' OR 1=1 --", "'; DROP TABLE episodes; --", '${7*7}', '{{7*7}}', '__proto__', 'constructor', 'null', 'undefined', '[]', '{}',
	'1e309', '-1', '-0', 'NaN', 'Infinity', '0x10', '99999999999999999999', '9'.repeat(400), '1:2:3:4:5', '::::', '1h'.repeat(300), '1,2,3',
	'754,', ',754', '١٢:٣٤', '😀', '\uD800', '\uDFFF', 'a'.repeat(3000), 'running explained', 'running-explained', 'sarah-strong', '%', '%zz', '%C3%28', '%E0%A4%A'
];
const text = fc.oneof(
	fc.constantFrom(...ADVERSARIAL),
	fc.string({ unit: 'binary', maxLength: 60 }),
	fc.string({ unit: 'grapheme', maxLength: 30 }),
	fc.integer().map(String),
	fc.double().map(String)
);

/** Percent-encodes every byte of `value`'s UTF-8 but the unreserved ones (lone surrogates become U+FFFD). */
function encode(value: string): string {
	return [...Buffer.from(value, 'utf8')].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** A path segment or query value: usually encoded, sometimes raw broken encoding that decoders trip on. */
const part = fc.oneof(
	{ weight: 4, arbitrary: text.map(encode) },
	{ weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%C3%28', '%E0%A4%A', '%2F', '%00', '..', '.', '%FF%FE', '%uD800') }
);
const query = (names: string[]) =>
	fc.array(fc.tuple(fc.constantFrom(...names), part), { maxLength: 5 }).map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));
/** Header values fetch accepts (visible ASCII); anything else it refuses before sending. */
const headerValue = fc.oneof(fc.constantFrom(...ADVERSARIAL).filter((v) => /^[\x20-\x7e]*$/.test(v)), fc.string({ unit: 'binary-ascii', maxLength: 60 }).filter((v) => /^[\x20-\x7e]*$/.test(v)));

export function describeRouteProperties(site: HostileSite): void {
	const failures: string[] = [];

	/** One request; records a 5xx or a timeout (with the request, to reproduce it) and returns the status. */
	async function probe(pathname: string, init: RequestInit = {}, { readBody = true } = {}): Promise<number> {
		const label = `${init.method ?? 'GET'} ${pathname.slice(0, 200)}${pathname.length > 200 ? '…' : ''}`;
		try {
			const response = await fetch(`${site.url}${pathname}`, { redirect: 'manual', signal: AbortSignal.timeout(8000), ...init });
			if (readBody) await response.arrayBuffer();
			else await response.body?.cancel();
			// oEmbed answers 501 for a format it does not offer, as its specification asks.
			const expected501 = response.status === 501 && pathname.startsWith('/oembed');
			if (response.status >= 500 && !expected501) failures.push(`${label} answered ${response.status}`);
			return response.status;
		} catch (error) {
			failures.push(`${label} failed: ${(error as Error).name === 'TimeoutError' ? 'no answer within 8 s' : String((error as Error).cause ?? error)}`);
			return 0;
		}
	}

	async function check<T>(property: fc.IAsyncProperty<T>) {
		failures.length = 0;
		await fc.assert(property, RUNS);
		expect(failures).toEqual([]);
	}

	describe('every route parameter, query string and form field, with hostile values', () => {
		let memoryBefore: number | null = null;

		it('warms up, and notes the server\'s memory', async () => {
			for (const path of ['/', EPISODE, '/search?q=sleep', '/api/search?q=sleep', '/questions/can-running-serve-as-therapy']) expect(await probe(path)).toBe(200);
			memoryBefore = await site.memoryKb();
		});

		it('show and episode pages, with any slug and any t', () =>
			check(
				fc.asyncProperty(part, part, query(['t', 't', 'utm_source']), async (show, episode, q) => {
					await probe(`/podcasts/${show}`);
					await probe(`/podcasts/${show}/${episode}${q}`);
					await probe(`${EPISODE}${q}`);
				})
			));

		it('the files of an episode and a show: chapters, transcripts, feed', () =>
			check(
				fc.asyncProperty(part, part, fc.constantFrom('chapters.json', 'transcript.vtt', 'transcript.srt'), async (show, episode, file) => {
					await probe(`/podcasts/${show}/${episode}/${file}`);
					await probe(`/podcasts/${show}/feed.xml`);
				})
			));

		it('embeds, questions and people', () =>
			check(
				fc.asyncProperty(part, part, query(['t', 'origin']), async (a, b, q) => {
					await probe(`/embed/podcasts/${a}/${b}${q}`);
					await probe(`/embed${EPISODE}${q}`);
					await probe(`/embed/questions/${a}`);
					await probe(`/questions/${a}`);
					await probe(`/people/${b}`);
				})
			));

		it('the demo audio, with any names and any Range header', () =>
			check(
				fc.asyncProperty(part, part, fc.oneof(headerValue, headerValue.map((v) => `bytes=${v}`), fc.constantFrom('bytes=0-', 'bytes=-1', 'bytes=99999999999-', 'bytes=5-1', 'bytes=0-1,2-3')), async (a, b, range) => {
					await probe(`/audio/demo/${a}/${b}.wav`, { headers: { range } }, { readBody: false });
					await probe(`/audio/demo/running-explained/running-isnt-therapy.wav`, { headers: { range } }, { readBody: false });
				})
			));

		it('search and the search API, with any q, limit, show and person, given any number of times', () =>
			check(
				fc.asyncProperty(query(['q', 'q', 'limit', 'show', 'person', 'page']), headerValue, async (q, accept) => {
					await probe(`/search${q}`, { headers: { accept } });
					await probe(`/api/search${q}`);
				})
			));

		it('oEmbed, with any url, format, maxwidth and maxheight', () =>
			check(
				fc.asyncProperty(
					fc.oneof(part, fc.tuple(part, part, part).map(([a, b, t]) => encodeURIComponent(`${site.url}/podcasts/${a}/${b}?t=`) + t)),
					query(['format', 'maxwidth', 'maxheight']),
					async (url, q) => {
						await probe(`/oembed?url=${url}${q ? `&${q.slice(1)}` : ''}`);
					}
				)
			));

		it('the admin import form, with any token, feeds and extra fields, from any address', () =>
			check(
				fc.asyncProperty(
					fc.oneof(text, fc.constant(ADMIN_TOKEN)),
					// Addresses are taken out: with the right token they would be fetched, and tests stay on this machine.
					fc.oneof(text, fc.array(text, { maxLength: 15 }).map((lines) => lines.join('\n'))).map((f) => f.replace(/https?:\/\/\S*/gi, 'http://127.0.0.1:9/x.xml')),
					fc.array(fc.tuple(text, text), { maxLength: 3 }),
					fc.ipV4(),
					fc.boolean(),
					async (token, feeds, extra, address, sameOrigin) => {
						const body = new URLSearchParams([['token', token], ['feeds', feeds], ...extra]);
						const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', 'x-forwarded-for': address };
						if (sameOrigin) headers.origin = site.url;
						await probe('/admin/import', { method: 'POST', headers, body });
						await probe('/admin/import', { method: 'POST', headers: { ...headers, 'content-type': 'multipart/form-data; boundary=x' }, body: feeds });
					}
				)
			));

		it('any other path, method and body', () =>
			check(
				fc.asyncProperty(fc.array(part, { minLength: 1, maxLength: 4 }), fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'), text, async (parts, method, body) => {
					const init: RequestInit = { method, headers: { 'x-forwarded-for': '192.0.2.1' } };
					if (method !== 'GET') init.body = body;
					await probe(`/${parts.join('/')}`, init);
				})
			));

		it('leaves the server\'s memory where it was (within 100 MB)', async () => {
			const after = await site.memoryKb();
			if (memoryBefore === null || after === null) return; // no /proc here
			console.log(`hostile routes: server memory ${Math.round(memoryBefore / 1024)} MB before, ${Math.round(after / 1024)} MB after`);
			expect(after - memoryBefore).toBeLessThan(100 * 1024);
		});
	});

	describe('oversized input', () => {
		it('answers a long address with 414, and one past what Node reads with 431', async () => {
			expect(await probe(`/api/search?q=${'a'.repeat(10_000)}`)).toBe(414);
			expect(await probe(`/podcasts/${'a'.repeat(9000)}`)).toBe(414);
			// Node refuses a request head over 16 kB before the app sees it: 431 Request Header Fields Too Large.
			expect([414, 431]).toContain(await probe(`/search?q=${'a'.repeat(20_000)}`));
		});

		it('answers a 2 MB form post with 413, with or without a length', async () => {
			const big = `token=x&feeds=${'a'.repeat(2 * 1024 * 1024)}`;
			const headers = { 'content-type': 'application/x-www-form-urlencoded', origin: site.url, accept: 'text/html', 'x-forwarded-for': '192.0.2.2' };
			expect(await probe('/admin/import', { method: 'POST', headers, body: big })).toBe(413);
			const chunked = new ReadableStream<Uint8Array>({
				start(controller) {
					for (let i = 0; i < 32; i++) controller.enqueue(new TextEncoder().encode('a'.repeat(64 * 1024)));
					controller.close();
				}
			});
			expect(await probe('/admin/import', { method: 'POST', headers, body: chunked, duplex: 'half' } as RequestInit)).toBe(413);
		});
	});
}
