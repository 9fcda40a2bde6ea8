import { describe, expect, it } from 'vitest';
import { FailureLimiter } from '../../src/lib/server/failure-limiter';

describe('FailureLimiter', () => {
	function limiter(maxKeys?: number) {
		let now = 1_000_000;
		const l = new FailureLimiter({ maxFailures: 3, windowMs: 60_000, maxKeys, now: () => now });
		return { l, advance: (ms: number) => (now += ms) };
	}

	it('lets an address try until it has failed maxFailures times in the window, then says how long to wait', () => {
		const { l, advance } = limiter();
		for (let i = 0; i < 3; i++) {
			expect(l.retryAfterSeconds('a')).toBe(0);
			l.recordFailure('a');
			advance(10_000);
		}
		// Failures at 0 s, 10 s and 20 s; now 30 s: the first leaves the window at 60 s.
		expect(l.retryAfterSeconds('a')).toBe(30);
		expect(l.retryAfterSeconds('b')).toBe(0);
	});

	it('lets it try again once the oldest failure has left the window', () => {
		const { l, advance } = limiter();
		for (let i = 0; i < 3; i++) l.recordFailure('a');
		advance(59_999);
		expect(l.retryAfterSeconds('a')).toBe(1);
		advance(1);
		expect(l.retryAfterSeconds('a')).toBe(0);
	});

	it('forgets an address that succeeded', () => {
		const { l } = limiter();
		for (let i = 0; i < 3; i++) l.recordFailure('a');
		l.clear('a');
		expect(l.retryAfterSeconds('a')).toBe(0);
	});

	it('remembers at most maxKeys addresses, forgetting the longest quiet first', () => {
		const { l } = limiter(2);
		for (let i = 0; i < 3; i++) l.recordFailure('old');
		for (let i = 0; i < 3; i++) l.recordFailure('middle');
		for (let i = 0; i < 3; i++) l.recordFailure('new');
		expect(l.retryAfterSeconds('old')).toBe(0);
		expect(l.retryAfterSeconds('middle')).toBeGreaterThan(0);
		expect(l.retryAfterSeconds('new')).toBeGreaterThan(0);
	});
});
