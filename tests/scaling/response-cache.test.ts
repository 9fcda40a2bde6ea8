import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { tagPage, type CacheTag } from '../../src/lib/server/cache-tags';
import { contentChanged } from '../../src/lib/server/content-events';
import { createAppResponseCache, ResponseCache, type CachedAnswer } from '../../src/lib/server/response-cache';
import { RecentResults } from '../../src/lib/server/search/recent-results';
import type { SearchResults } from '../../src/lib/search-results';

const HASH = 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

function event(path: string, { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}): RequestEvent {
	const url = new URL(path, 'http://site.example');
	return { url, locals: {}, request: new Request(url, { method, headers: { accept: 'text/html', ...headers } }) } as unknown as RequestEvent;
}

/** A resolve that renders a page whose script its policy allows by hash, counting how often it was called. */
function renderer(init: { status?: number; headers?: Record<string, string>; body?: string } = {}) {
	const calls = { count: 0 };
	const resolve = async () => {
		calls.count++;
		return new Response(init.body ?? `<script>go(${calls.count})</script><p>é</p>`, {
			status: init.status ?? 200,
			headers: { 'content-type': 'text/html', 'content-security-policy': `script-src 'self' '${HASH}'`, ...init.headers }
		});
	};
	return { resolve, calls };
}

describe('ResponseCache', () => {
	it('answers a repeated GET from memory with the same bytes and headers, rendering it once', async () => {
		const cache = new ResponseCache({ maxBytes: 1 << 20 });
		const { resolve, calls } = renderer();
		const first = await cache.resolve(event('/podcasts/a/b'), resolve);
		expect(await first.text()).toBe(`<script>go(1)</script><p>é</p>`);
		for (let i = 0; i < 3; i++) {
			const hit = await cache.resolve(event('/podcasts/a/b'), resolve);
			expect(hit.headers.get('content-security-policy')).toBe(`script-src 'self' '${HASH}'`);
			expect(await hit.text()).toBe(`<script>go(1)</script><p>é</p>`);
		}
		expect(calls.count).toBe(1);
		expect(cache.stats()).toMatchObject({ entries: 1, hits: 3, misses: 1 });
	});

	it('keeps pages compressed, so its size holds several times as many pages, each answered whole', async () => {
		// Ten 50 kB pages (text compresses as real pages do) in a cache of 100 kB: kept as they are, two would fit.
		const cache = new ResponseCache({ maxBytes: 100_000 });
		const pageOf = (n: number) => `<!doctype html><main>${Array.from({ length: 1000 }, (_, i) => `<p>Episode ${n}, sentence ${i}.</p>`).join('')}</main>`;
		for (let n = 0; n < 10; n++) {
			expect(pageOf(n).length).toBeGreaterThan(30_000);
			await cache.resolve(event(`/podcasts/show/${n}`), async () => new Response(pageOf(n), { headers: { 'content-type': 'text/html' } }));
		}
		expect(cache.stats().entries).toBe(10);
		expect(cache.stats().bytes).toBeLessThanOrEqual(100_000);
		for (let n = 0; n < 10; n++) {
			const again = await cache.resolve(event(`/podcasts/show/${n}`), async () => new Response('rendered again'));
			expect(await again.text()).toBe(pageOf(n));
		}
		expect(cache.stats()).toMatchObject({ hits: 10, misses: 10 });
	});

	it('answers a page\'s variants from the kept page, but never a data request from a kept data answer', async () => {
		const cache = new ResponseCache({ maxBytes: 1 << 20 });
		const variants = {
			matches: (url: URL) => url.searchParams.has('t'),
			fill: (page: { status: number; headers: [string, string][]; body: Uint8Array<ArrayBuffer> }, url: URL) => ({
				...page,
				body: new TextEncoder().encode(`${new TextDecoder().decode(page.body)} at ${url.searchParams.get('t')}`)
			}),
			page: () => null
		};
		const withVariants = (path: string, accept: string, body: string, type: string) =>
			cache.resolve({ ...event(path, { headers: { accept } }), locals: { pageVariants: variants } } as unknown as RequestEvent, async () => new Response(body, { headers: { 'content-type': type } }));
		await withVariants('/podcasts/a/b', 'text/html', 'the page', 'text/html');
		const moment = await cache.resolve(event('/podcasts/a/b?t=5'), async () => new Response('rendered'));
		expect(await moment.text()).toBe('the page at 5');
		expect(moment.headers.get('x-cache')).toBe('hit');
		// A data answer (JSON) kept for the same load function is no page to fill.
		await withVariants('/podcasts/a/c/__data.json', 'text/html', '{"type":"data"}', 'application/json');
		const data = await cache.resolve(event('/podcasts/a/c/__data.json?t=5'), async () => new Response('{"rendered":true}', { headers: { 'content-type': 'application/json' } }));
		expect(await data.text()).toBe('{"rendered":true}');
	});

	it('never answers a client-side navigation\'s data request with its page, nor the page with the data', async () => {
		const cache = new ResponseCache({ maxBytes: 1 << 20 });
		const page = renderer();
		const data = renderer({ body: '{"type":"data"}', headers: { 'content-type': 'application/json' } });
		// SvelteKit strips /__data.json from event.url; the request keeps it.
		const dataEvent = (accept: string) => {
			const url = new URL('http://site.example/people');
			return { url, request: new Request('http://site.example/people/__data.json', { headers: { accept } }) } as unknown as RequestEvent;
		};
		await cache.resolve(event('/people', { headers: { accept: '*/*' } }), page.resolve);
		const answer = await cache.resolve(dataEvent('*/*'), data.resolve);
		expect(answer.headers.get('content-type')).toBe('application/json');
		expect(await answer.text()).toBe('{"type":"data"}');
		const again = await cache.resolve(event('/people', { headers: { accept: '*/*' } }), page.resolve);
		expect(again.headers.get('content-type')).toBe('text/html');
	});

	it('keeps different addresses, hosts and Accept kinds apart', async () => {
		const cache = new ResponseCache({ maxBytes: 1 << 20 });
		const { resolve, calls } = renderer();
		await cache.resolve(event('/search?q=a'), resolve);
		await cache.resolve(event('/search?q=b'), resolve);
		await cache.resolve(event('http://other.example/search?q=a'), resolve);
		await cache.resolve(event('/search?q=a', { headers: { accept: 'application/json' } }), resolve);
		expect(calls.count).toBe(4);
	});

	it('does not keep what must not be kept', async () => {
		const cache = new ResponseCache({ maxBytes: 1 << 20 });
		const cases: [RequestEvent, ReturnType<typeof renderer>][] = [
			[event('/x', { method: 'POST' }), renderer()],
			[event('/admin/import'), renderer()],
			[event('/x', { headers: { cookie: 'a=b' } }), renderer()],
			[event('/x', { headers: { range: 'bytes=0-1' } }), renderer()],
			[event('/x', { headers: { 'if-none-match': '"abc"' } }), renderer()],
			[event('/y'), renderer({ status: 404 })],
			[event('/z'), renderer({ headers: { 'cache-control': 'no-store' } })],
			[event('/w'), renderer({ headers: { 'set-cookie': 'a=b' } })],
			[event('/audio.wav'), renderer({ headers: { 'content-type': 'audio/wav' } })]
		];
		for (const [e, { resolve, calls }] of cases) {
			await cache.resolve(e, resolve);
			await cache.resolve(e, resolve);
			expect(calls.count, `${e.request.method} ${e.url.pathname}`).toBe(2);
		}
		expect(cache.stats().entries).toBe(0);
	});

	it('forgets everything when the content changes, and never keeps a page rendered across the change', async () => {
		const cache = createAppResponseCache(1 << 20, () => true);
		const { resolve, calls } = renderer();
		await cache.resolve(event('/a'), resolve);
		await contentChanged({ episodeIds: [1] });
		await cache.resolve(event('/a'), resolve);
		expect(calls.count).toBe(2);

		// A render that straddles a change may hold the old content: it is answered, not kept.
		const slow = async () => {
			await contentChanged({ questionIds: [1] });
			return resolve();
		};
		await cache.resolve(event('/b'), slow);
		await cache.resolve(event('/b'), resolve);
		expect(calls.count).toBe(4);
	});

	it('drops on a change only the answers that show what changed (and untagged ones, and search answers)', async () => {
		const cache = createAppResponseCache(1 << 20, () => true);
		const { resolve, calls } = renderer();
		const pages: [string, CacheTag[]][] = [
			['/podcasts/a/one', ['episode:901', 'show:91', 'questions']],
			['/podcasts/a/one?t=30', ['episode:901', 'show:91', 'questions']],
			['/podcasts/b/two', ['episode:902', 'show:92', 'questions']],
			['/questions/q', ['question:951', 'questions', 'episode:902', 'show:92']],
			['/search?q=x', ['search']],
			['/people', []]
		];
		const render = async (path: string) => {
			const tags = pages.find(([p]) => p === path)![1];
			const e = event(path);
			const before = calls.count;
			await cache.resolve(e, (ev) => {
				if (tags.length) tagPage(ev.locals, ...tags);
				return resolve();
			});
			return calls.count > before; // rendered, not from memory
		};
		const renderedAfter = async (change: Parameters<typeof contentChanged>[0]) => {
			for (const [p] of pages) await render(p);
			await contentChanged(change);
			const rendered: string[] = [];
			for (const [p] of pages) if (await render(p)) rendered.push(p);
			return rendered;
		};
		expect(await renderedAfter({ episodeIds: [901] })).toEqual(['/podcasts/a/one', '/podcasts/a/one?t=30', '/search?q=x', '/people']);
		expect(await renderedAfter({ podcastIds: [92], episodeIds: [902] })).toEqual(['/podcasts/b/two', '/questions/q', '/search?q=x', '/people']);
		// Related questions are chosen from all questions: any question's change can alter them.
		expect(await renderedAfter({ questionIds: [999] })).toEqual(['/podcasts/a/one', '/podcasts/a/one?t=30', '/podcasts/b/two', '/questions/q', '/search?q=x', '/people']);
		expect(await renderedAfter({ episodeIds: [777] })).toEqual(['/search?q=x', '/people']);
	});

	it('keeps an answer rendered across a change that does not alter it, not one across a change that does', async () => {
		const cache = createAppResponseCache(1 << 20, () => true);
		const { resolve, calls } = renderer();
		const across = (change: Parameters<typeof contentChanged>[0]) => async (ev: RequestEvent) => {
			tagPage(ev.locals, 'episode:801');
			await contentChanged(change);
			return resolve();
		};
		await cache.resolve(event('/podcasts/c/one'), across({ episodeIds: [802] }));
		await cache.resolve(event('/podcasts/c/one'), resolve);
		expect(calls.count).toBe(1);
		await cache.resolve(event('/podcasts/c/two'), across({ episodeIds: [801] }));
		await cache.resolve(event('/podcasts/c/two'), resolve);
		expect(calls.count).toBe(3);
	});

	it('answers from memory only while isCurrent agrees (changes heard, database answering)', async () => {
		let current: boolean | Promise<boolean> = true;
		const cache = new ResponseCache({ maxBytes: 1 << 20, isCurrent: () => current });
		const { resolve, calls } = renderer();
		await cache.resolve(event('/a'), resolve);
		current = false;
		await cache.resolve(event('/a'), resolve);
		current = Promise.resolve(false);
		await cache.resolve(event('/a'), resolve);
		expect(calls.count).toBe(3);
		current = Promise.resolve(true);
		await cache.resolve(event('/a'), resolve);
		current = true;
		await cache.resolve(event('/a'), resolve);
		expect(calls.count).toBe(3);
	});

	it('tells at once what the server may send from memory, and leaves a pending isCurrent to answer()', async () => {
		let current: boolean | Promise<boolean> = true;
		const cache = new ResponseCache({ maxBytes: 1 << 20, isCurrent: () => current });
		const { resolve } = renderer();
		const key = 'h http://site.example/a';
		expect(cache.answerNow(key)).toBeNull();
		await cache.resolve(event('/a'), resolve);
		expect(new TextDecoder().decode(cache.answerNow(key)!.body)).toBe('<script>go(1)</script><p>é</p>');
		current = false;
		expect(cache.answerNow(key)).toBeNull();
		current = Promise.resolve(true);
		expect(cache.answerNow(key)).toBeUndefined();
		expect(await cache.answer(key)).not.toBeNull();
		expect(cache.stats()).toMatchObject({ hits: 2 });
	});

	it('stays within its size, dropping the least recently used first', async () => {
		const body = 'x'.repeat(1000);
		const cache = new ResponseCache({ maxBytes: 2500 });
		const { resolve, calls } = renderer({ body, headers: { 'content-security-policy': "default-src 'self'" } });
		await cache.resolve(event('/1'), resolve);
		await cache.resolve(event('/2'), resolve);
		await cache.resolve(event('/1'), resolve); // /1 is now the most recent
		await cache.resolve(event('/3'), resolve); // evicts /2
		expect(cache.stats()).toMatchObject({ entries: 2, bytes: 2000 });
		await cache.resolve(event('/1'), resolve);
		expect(calls.count).toBe(3);
		await cache.resolve(event('/2'), resolve);
		expect(calls.count).toBe(4);
	});

	it('renders a miss once for requests that arrive together, each getting the whole answer', async () => {
		const cache = new ResponseCache({ maxBytes: 1 << 20 });
		let release: () => void = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const { resolve, calls } = renderer();
		const slow = async () => {
			await gate; // the search runs while the other requests arrive
			return resolve();
		};
		const answers = [cache.resolve(event('/search?q=new'), slow), cache.resolve(event('/search?q=new'), slow), cache.resolve(event('/search?q=new'), slow)];
		release();
		const bodies = await Promise.all(answers.map(async (a) => [(await a).status, (await a).headers.get('content-type'), await (await a).text()]));
		expect(bodies).toEqual(Array(3).fill([200, 'text/html', '<script>go(1)</script><p>é</p>']));
		expect(calls.count).toBe(1);
		expect(cache.stats()).toMatchObject({ misses: 1, shared: 2 });
	});

	it('never shares a rendering between a page and its data request, nor an answer that is not kept', async () => {
		const cache = new ResponseCache({ maxBytes: 1 << 20 });
		let release: () => void = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const page = renderer();
		const data = renderer({ body: '{"type":"data"}', headers: { 'content-type': 'application/json' } });
		const after = (r: () => Promise<Response>) => async () => {
			await gate;
			return r();
		};
		const dataEvent = { url: new URL('http://site.example/search?q=a'), locals: {}, request: new Request('http://site.example/search/__data.json?q=a', { headers: { accept: 'text/html' } }) } as unknown as RequestEvent;
		const both = [cache.resolve(event('/search?q=a'), after(page.resolve)), cache.resolve(dataEvent, after(data.resolve))];
		release();
		const [html, json] = await Promise.all(both);
		expect(await html!.text()).toBe('<script>go(1)</script><p>é</p>');
		expect(await json!.text()).toBe('{"type":"data"}');
		expect([page.calls.count, data.calls.count]).toEqual([1, 1]);

		// A refusal (429: too many searches from that address) is that client's: the next request is rendered for itself.
		let refuse = true;
		let open: () => void = () => {};
		const second = new Promise<void>((resolve) => (open = resolve));
		const limited = renderer();
		const maybeRefused = async () => {
			await second;
			if (refuse) {
				refuse = false;
				return new Response('Too many searches', { status: 429, headers: { 'content-type': 'text/html' } });
			}
			return limited.resolve();
		};
		const answers = [cache.resolve(event('/search?q=b'), maybeRefused), cache.resolve(event('/search?q=b'), maybeRefused)];
		open();
		expect(await Promise.all(answers.map(async (a) => (await a).status))).toEqual([429, 200]);
	});

	it('keeps hot pages unzipped and hot moments filled, within its size, until a change alters them', async () => {
		const cache = createAppResponseCache(600_000, () => true);
		const pageOf = (version: number) => `<!doctype html><main>${Array.from({ length: 2000 }, (_, i) => `<p>Version ${version}, sentence ${i}.</p>`).join('')}</main>`;
		let version = 1;
		let fills = 0;
		const variants = {
			matches: (url: URL) => url.searchParams.has('t'),
			fill: (page: { status: number; headers: [string, string][]; body: Uint8Array<ArrayBuffer> }, url: URL) => {
				fills++;
				return { ...page, body: new TextEncoder().encode(`${new TextDecoder().decode(page.body)} at ${url.searchParams.get('t')}`) };
			},
			page: () => null,
			bytes: 0
		};
		const render = (ev: RequestEvent) => {
			tagPage(ev.locals, 'episode:701');
			ev.locals.pageVariants = variants;
			const t = ev.url.searchParams.get('t');
			return new Response(t === null ? pageOf(version) : `${pageOf(version)} at ${t}`, { headers: { 'content-type': 'text/html' } });
		};
		const get = async (path: string) => (await cache.resolve(event(path), render)).text();
		await get('/podcasts/h/one');
		expect(cache.stats().hotBytes).toBe(0); // kept gzip-compressed, nothing unzipped yet
		expect(await get('/podcasts/h/one')).toBe(pageOf(1));
		// Unzipped, not held: a page asked for once by a client without gzip is not worth the room of five moments.
		expect(cache.stats().hotBytes).toBe(0);
		expect(await get('/podcasts/h/one')).toBe(pageOf(1));
		expect(cache.stats().hotBytes).toBe(pageOf(1).length); // asked for again: held
		expect(await get('/podcasts/h/one')).toBe(pageOf(1));
		// A moment is filled once, then sent as it was filled.
		expect(await get('/podcasts/h/one?t=12')).toBe(`${pageOf(1)} at 12`);
		expect(await get('/podcasts/h/one?t=12')).toBe(`${pageOf(1)} at 12`);
		expect(await get('/podcasts/h/one?t=13')).toBe(`${pageOf(1)} at 13`);
		expect(fills).toBe(2);
		const { bytes, hotBytes } = cache.stats();
		expect(hotBytes).toBeGreaterThan(0);
		expect(bytes + hotBytes).toBeLessThanOrEqual(600_000); // half of the size at most, counted within it
		expect(hotBytes).toBeLessThanOrEqual(300_000);

		// The episode changes: neither the page nor its moments are sent from before.
		version = 2;
		await contentChanged({ episodeIds: [701] });
		expect(cache.stats().hotBytes).toBe(0);
		expect(await get('/podcasts/h/one?t=12')).toBe(`${pageOf(2)} at 12`);
		expect(await get('/podcasts/h/one')).toBe(pageOf(2));
		expect(await get('/podcasts/h/one?t=12')).toBe(`${pageOf(2)} at 12`);
		// A change elsewhere leaves them.
		await contentChanged({ episodeIds: [702] });
		const fillsBefore = fills;
		expect(await get('/podcasts/h/one?t=12')).toBe(`${pageOf(2)} at 12`);
		expect(fills).toBe(fillsBefore);
	});

	it('fills moments from a page without holding the page unzipped, so the held room keeps the moments', async () => {
		const cache = createAppResponseCache(600_000, () => true);
		const page = `<!doctype html><main>${Array.from({ length: 2000 }, (_, i) => `<p>Sentence ${i}.</p>`).join('')}</main>`;
		let fills = 0;
		const variants = {
			matches: (url: URL) => url.searchParams.has('t'),
			fill: (kept: CachedAnswer, url: URL) => {
				fills++;
				return { ...kept, body: new TextEncoder().encode(`${new TextDecoder().decode(kept.bodyOnce!())} at ${url.searchParams.get('t')}`) };
			},
			page: () => null,
			bytes: 0
		};
		const render = (ev: RequestEvent) => {
			tagPage(ev.locals, 'episode:703');
			ev.locals.pageVariants = variants;
			return new Response(page, { headers: { 'content-type': 'text/html' } });
		};
		const get = async (path: string) => (await cache.resolve(event(path), render)).text();
		await get('/podcasts/h/three');
		for (const t of ['1', '2', '3']) expect(await get(`/podcasts/h/three?t=${t}`)).toBe(`${page} at ${t}`);
		// Three moments held, each kept compressed; the 30 kB page they were filled from is not held unzipped.
		expect(cache.stats().hotBytes).toBeGreaterThan(0);
		expect(cache.stats().hotBytes).toBeLessThan(page.length);
		for (const t of ['1', '2', '3']) expect(await get(`/podcasts/h/three?t=${t}`)).toBe(`${page} at ${t}`);
		expect(fills).toBe(3);
	});

	it('lets hot answers go before any kept page loses its place', async () => {
		const cache = new ResponseCache({ maxBytes: 100_000 });
		// 20 kB of hexadecimal: kept gzip-compressed at about half, unzipped in full when hot.
		const bodyOf = (n: number) => Array.from({ length: 20_000 }, (_, i) => ((n * 7919 + i * i * 31) % 16).toString(16)).join('');
		const get = async (n: number) => (await cache.resolve(event(`/podcasts/x/${n}`), async () => new Response(bodyOf(n), { headers: { 'content-type': 'text/html' } }))).text();
		for (let n = 0; n < 3; n++) await get(n);
		for (let n = 0; n < 3; n++) expect(await get(n)).toBe(bodyOf(n));
		expect(cache.stats().hotBytes).toBe(0); // read once: not held
		for (let n = 0; n < 3; n++) expect(await get(n)).toBe(bodyOf(n));
		expect(cache.stats().hotBytes).toBeGreaterThan(0);
		for (let n = 3; n < 7; n++) await get(n);
		const { entries, bytes, hotBytes } = cache.stats();
		expect(entries).toBe(7); // every page kept: the hot copies made room
		expect(bytes + hotBytes).toBeLessThanOrEqual(100_000);
		for (let n = 0; n < 7; n++) expect(await get(n)).toBe(bodyOf(n));
		expect(cache.stats()).toMatchObject({ hits: 13, misses: 7 });
	});

	it('holds recent search results within its size, beside its pages, letting the least recently used go first', async () => {
		const cache = new ResponseCache({ maxBytes: 200_000 });
		const recent = new RecentResults(512, () => cache.held);
		// About 20 kB of JSON each, so about 40 kB held: half the cache's size holds two.
		const resultsOf = (n: number) =>
			({ query: `query ${n}`, segments: Array.from({ length: 400 }, (_, i) => ({ id: i, text: `segment ${n}.${i} text` })) }) as unknown as SearchResults;
		let searches = 0;
		const search = (n: number) => recent.get(`query ${n}`, async () => (searches++, resultsOf(n)));
		for (let n = 0; n < 20; n++) await search(n);
		await Promise.resolve(); // the last one is held once worked out
		expect(searches).toBe(20);
		expect(recent.size).toBeLessThan(20);
		expect(recent.size).toBeGreaterThan(0);
		expect(cache.stats().hotBytes).toBeGreaterThan(0);
		expect(cache.stats().hotBytes).toBeLessThanOrEqual(100_000);
		await search(19); // the latest is still kept
		expect(searches).toBe(20);
		await search(0); // the first was let go
		expect(searches).toBe(21);

		// Pages need the room: the results go first, and the whole stays within the size.
		const heldBefore = recent.size;
		// Pages of pseudo-random hexadecimal, about 10 kB each kept gzip-compressed, until they take three quarters.
		const bodyOf = (n: number) => {
			let x = n + 1;
			return Array.from({ length: 20_000 }, () => ((x = (x * 1103515245 + 12345) % 2147483648) >> 16) % 16)
				.map((d) => d.toString(16))
				.join('');
		};
		let pages = 0;
		while (cache.stats().bytes < 150_000) {
			await cache.resolve(event(`/podcasts/y/${pages++}`), async () => new Response(bodyOf(pages), { headers: { 'content-type': 'text/html' } }));
			const { bytes, hotBytes } = cache.stats();
			expect(bytes + hotBytes).toBeLessThanOrEqual(200_000);
		}
		expect(cache.stats().entries).toBe(pages); // every page kept: the results made room
		expect(recent.size).toBeLessThan(heldBefore);
	});
});
