/**
 * One client cannot starve others through search (issue 15, point 1): past its share of searches in progress, or
 * past its turns, a client is told 429 with Retry-After, while another client is still served.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { limitedSearchResponse, searchLimits, TokenBucketLimiter } from '../../src/lib/server/search/client-limit';

const from = (address: string) => ({ getClientAddress: () => address, platform: undefined }) as unknown as RequestEvent;

describe('search limits per client', () => {
	it('answers 429 with Retry-After to a client with too many searches in progress, and still serves another client', async () => {
		const release: (() => void)[] = [];
		const slow = () => new Promise<Response>((done) => release.push(() => done(new Response('found'))));
		const held = Array.from({ length: searchLimits().running.perClient }, () => limitedSearchResponse(from('203.0.113.7'), slow));

		const refused = await limitedSearchResponse(from('203.0.113.7'), async () => new Response('found'));
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect((await refused.json()).error).toMatch(/too many searches/i);

		const other = await limitedSearchResponse(from('198.51.100.2'), async () => new Response('found'));
		expect(other.status).toBe(200);
		expect(await other.text()).toBe('found');

		release.forEach((r) => r());
		for (const answer of await Promise.all(held)) expect(answer.status).toBe(200);
		// Its searches done, the first client is served again.
		expect((await limitedSearchResponse(from('203.0.113.7'), async () => new Response('found'))).status).toBe(200);
	});

	it('gives a client its burst, then turns back at the set rate, each client in its own bucket', () => {
		let now = 0;
		const turns = new TokenBucketLimiter({ burst: 3, perSecond: 2, now: () => now });
		expect([1, 2, 3].map(() => turns.take('a'))).toEqual([0, 0, 0]);
		expect(turns.take('a')).toBe(1); // out of turns: try again in a second
		expect(turns.take('b')).toBe(0);
		now += 500; // half a second: one turn back at 2 a second
		expect(turns.take('a')).toBe(0);
		expect(turns.take('a')).toBeGreaterThan(0);
	});
});
