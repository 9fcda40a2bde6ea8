/**
 * Counts failed attempts (a wrong admin token) per client address in a sliding window kept in memory, so a guesser
 * is slowed to a handful of tries per window. One server process keeps its own counts: behind a load balancer each
 * instance allows its own handful, which is still far too few to guess a token.
 */

export interface FailureLimiterOptions {
	/** Failures allowed within the window; the next attempt is refused until the oldest one leaves it. */
	maxFailures: number;
	windowMs: number;
	/** Addresses remembered at most; the longest-quiet ones are forgotten first, so memory stays bounded. */
	maxKeys?: number;
	now?: () => number;
}

export class FailureLimiter {
	readonly #failures = new Map<string, number[]>();
	readonly #max: number;
	readonly #windowMs: number;
	readonly #maxKeys: number;
	readonly #now: () => number;

	constructor({ maxFailures, windowMs, maxKeys = 10_000, now = Date.now }: FailureLimiterOptions) {
		this.#max = maxFailures;
		this.#windowMs = windowMs;
		this.#maxKeys = maxKeys;
		this.#now = now;
	}

	/** Seconds until `key` may try again; 0 when it may try now. */
	retryAfterSeconds(key: string): number {
		const times = this.#recent(key);
		if (times.length < this.#max) return 0;
		return Math.max(1, Math.ceil((times[times.length - this.#max]! + this.#windowMs - this.#now()) / 1000));
	}

	/** Notes a failed attempt by `key`. */
	recordFailure(key: string): void {
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

/** Wrong admin tokens: five per address per quarter hour. */
export const adminTokenFailures = new FailureLimiter({ maxFailures: 5, windowMs: 15 * 60_000 });
