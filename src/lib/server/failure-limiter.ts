/**
 * Counts failed attempts (a wrong admin token) per client address in a sliding window kept in memory, so a guesser
 * is slowed to a handful of tries per window, and across all addresses too (`maxOverall`): addresses can be many
 * (a botnet, or X-Forwarded-For rotated when the app port is reachable directly behind ADDRESS_HEADER), the token is
 * one. One server process keeps its own counts: behind a load balancer each instance allows its own handful, which
 * is still far too few to guess a token.
 */
import type { RequestEvent } from '@sveltejs/kit';

export interface FailureLimiterOptions {
	/** Failures allowed within the window; the next attempt is refused until the oldest one leaves it. */
	maxFailures: number;
	windowMs: number;
	/** Addresses remembered at most; the longest-quiet ones are forgotten first, so memory stays bounded. */
	maxKeys?: number;
	/** Failures allowed within the window from all addresses together; unlimited when not given. */
	maxOverall?: number;
	now?: () => number;
}


export class FailureLimiter {
	readonly #failures = new Map<string, number[]>();
	readonly #max: number;
	readonly #windowMs: number;
	readonly #maxKeys: number;
	readonly #maxOverall: number;
	readonly #overall: number[] = [];
	readonly #now: () => number;

	constructor({ maxFailures, windowMs, maxKeys = 10_000, maxOverall = Infinity, now = Date.now }: FailureLimiterOptions) {
		this.#max = maxFailures;
		this.#maxOverall = maxOverall;
		this.#windowMs = windowMs;
		this.#maxKeys = maxKeys;
		this.#now = now;
	}

	/** Seconds until `key` may try again; 0 when it may try now. */
	retryAfterSeconds(key: string): number {
		return Math.max(this.#wait(this.#recent(key), this.#max), this.#wait(this.#recentOverall(), this.#maxOverall));
	}

	#wait(times: number[], max: number): number {
		if (times.length < max) return 0;
		return Math.max(1, Math.ceil((times[times.length - max]! + this.#windowMs - this.#now()) / 1000));
	}

	#recentOverall(): number[] {
		const since = this.#now() - this.#windowMs;
		while (this.#overall.length && this.#overall[0]! <= since) this.#overall.shift();
		return this.#overall;
	}

	/** Notes a failed attempt by `key`. */
	recordFailure(key: string): void {
		if (Number.isFinite(this.#maxOverall)) {
			const overall = this.#recentOverall();
			overall.push(this.#now());
			if (overall.length > this.#maxOverall) overall.splice(0, overall.length - this.#maxOverall);
		}
		const times = this.#recent(key);
		times.push(this.#now());
		this.#failures.delete(key); // re-inserted last: Map order is then least recently failed first
		this.#failures.set(key, times.slice(-this.#max));
		while (this.#failures.size > this.#maxKeys) this.#failures.delete(this.#failures.keys().next().value!);
	}

	/** Forgets `key`'s failures (after it succeeded). */
	clear(key: string): void {
		this.#failures.delete(key);
	}

	#recent(key: string): number[] {
		const since = this.#now() - this.#windowMs;
		return (this.#failures.get(key) ?? []).filter((t) => t > since);
	}
}

/** Wrong admin tokens: five per address and fifty from everyone together per quarter hour. */
export const adminTokenFailures = new FailureLimiter({ maxFailures: 5, maxOverall: 50, windowMs: 15 * 60_000 });

/**
 * The address a limiter counts a request under. Behind ADDRESS_HEADER, adapter-node throws when a request lacks
 * the header (it came to the app port directly, or the proxy does not set it): that request is counted under the
 * address it connected from instead of failing with a 500.
 */
export function clientAddressOf(event: Pick<RequestEvent, 'getClientAddress' | 'platform'>): string {
	try {
		return event.getClientAddress();
	} catch {
		const socket = (event.platform as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket;
		return socket?.remoteAddress ?? 'unknown';
	}
}
