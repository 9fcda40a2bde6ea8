import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { cacheKey, ResponseCache } from '../../src/lib/server/response-cache';

function event(path: string): RequestEvent {
	const url = new URL(path, 'http://site.example');
	return { url, request: new Request(url, { headers: { accept: 'application/json' } }) } as unknown as RequestEvent;
}

function renderer() {
	const calls = { count: 0 };
	const resolve = async () => {
		calls.count++;
		return new Response(`{"n":${calls.count}}`, { headers: { 'content-type': 'application/json' } });
	};
	return { resolve, calls };
}

describe('the response cache key of search routes', () => {
	it('serves a search with an unknown extra parameter from memory instead of searching again', async () => {
		const cache = new ResponseCache({ maxBytes: 1 << 20 });
		const { resolve, calls } = renderer();
		await cache.resolve(event('/api/search?q=running&limit=50'), resolve);
		for (const extra of ['&z=1', '&z=2', '&cachebuster=abc', '&utm_source=x&z=9']) {
			const answer = await cache.resolve(event(`/api/search?q=running&limit=50${extra}`), resolve);
			expect(await answer.text()).toBe('{"n":1}');
		}
		// Same parameters in another order: the same search.
		await cache.resolve(event('/api/search?limit=50&zz=1&q=running'), resolve);
		expect(calls.count).toBe(1);
		expect(cache.stats()).toMatchObject({ entries: 1, hits: 5, misses: 1 });
	});

	it('still tells apart searches that differ in a parameter the route reads', async () => {
		const cache = new ResponseCache({ maxBytes: 1 << 20 });
		const { resolve, calls } = renderer();
		for (const q of ['/api/search?q=running', '/api/search?q=sleep', '/api/search?q=running&limit=5', '/api/search?q=running&show=a', '/api/search?q=running&q=sleep']) {
			await cache.resolve(event(q), resolve);
		}
		expect(calls.count).toBe(5);
	});

	it('keys the search page and its data request by what they read, other routes by their whole address', () => {
		const key = (path: string) => cacheKey('GET', new URL(path, 'http://site.example'), () => null);
		expect(key('/search?q=a&z=1')).toBe(key('/search?q=a'));
		expect(key('/search/__data.json?q=a&z=1&x-sveltekit-invalidated=01')).toBe(key('/search/__data.json?q=a&x-sveltekit-invalidated=01'));
		expect(key('/search/__data.json?q=a&x-sveltekit-invalidated=01')).not.toBe(key('/search/__data.json?q=a'));
		expect(key('/podcasts/a/b?t=10')).not.toBe(key('/podcasts/a/b?t=20'));
	});
});
