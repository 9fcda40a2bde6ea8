/**
 * Searches per client, as a token bucket kept in memory (issue 15, point 1): a search that misses the response cache
 * costs CPU on the one event loop every visitor shares, so one client sending uncachable searches as fast as it can
 * must run out of turns while everyone else is still served. A burst covers a person typing in the live search box;
 * past it, a client gets a steady rate and a 429 with Retry-After. Clients are told apart by failure-limiter.ts's
 * `clientAddressOf` (ADDRESS_HEADER behind a proxy). One process keeps its own buckets.
 */
import { error, json, type RequestEvent } from '@sveltejs/kit';
import { getConfig } from '../config';
import { clientAddressOf } from '../failure-limiter';

export interface TokenBucketOptions {
	/** Searches a client may make at once after a quiet spell. */
	burst: number;
	/** Searches per second a client gets back. */
	perSecond: number;
	/** Clients remembered at most; the longest-quiet are forgotten first (a forgotten client starts full). */
	maxKeys?: number;
	now?: () => number;
}

export class TokenBucketLimiter {
	readonly #buckets = new Map<string, { tokens: number; at: number }>();
	readonly #burst: number;
	readonly #perMs: number;
	readonly #maxKeys: number;
	readonly #now: () => number;

	constructor({ burst, perSecond, maxKeys = 10_000, now = Date.now }: TokenBucketOptions) {
		this.#burst = burst;
		this.#perMs = perSecond / 1000;
		this.#maxKeys = maxKeys;
		this.#now = now;
	}

	/** Takes one turn for `key`: 0 when granted, else the whole seconds until a turn is back. */
	take(key: string): number {
		const now = this.#now();
		const old = this.#buckets.get(key);
		const tokens = old ? Math.min(this.#burst, old.tokens + (now - old.at) * this.#perMs) : this.#burst;
		this.#buckets.delete(key); // most recently used last: eviction takes the first
		if (tokens < 1) {
			this.#buckets.set(key, { tokens, at: now });
			return Math.max(1, Math.ceil((1 - tokens) / this.#perMs / 1000));
		}
		this.#buckets.set(key, { tokens: tokens - 1, at: now });
		if (this.#buckets.size > this.#maxKeys) this.#buckets.delete(this.#buckets.keys().next().value as string);
		return 0;
	}
}

/**
 * Searches one client may have in progress at once. A search awaits its query encoding (a worker), so without this a
 * client opening many connections queues many searches ahead of everyone else; with it, each client waits its turn.
 */
export class ConcurrencyLimiter {
	readonly #running = new Map<string, number>();
	constructor(readonly perClient: number) {}

	/** Runs `work` as one of `key`'s searches, or returns null at once when `key` already has its share running. */
	async run<T>(key: string, work: () => Promise<T>): Promise<T | null> {
		const running = this.#running.get(key) ?? 0;
		if (running >= this.perClient) return null;
		this.#running.set(key, running + 1);
		try {
			return await work();
		} finally {
			const left = (this.#running.get(key) ?? 1) - 1;
			if (left > 0) this.#running.set(key, left);
			else this.#running.delete(key);
		}
	}
}

/**
 * The app's limits, from the configuration (SEARCH_CONCURRENCY, default 2 in progress at once per client; a burst of
 * SEARCH_BURST, default 300, refilled at SEARCH_PER_SECOND, default 30): generous for people and benches on one
 * address, a ceiling for a client that sends uncachable searches without pause. Made on first use, after start-up
 * has checked the configuration.
 */
let limits: { running: ConcurrencyLimiter; turns: TokenBucketLimiter } | null = null;
export function searchLimits() {
	const { concurrency, burst, perSecond } = getConfig().searchLimits;
	limits ??= { running: new ConcurrencyLimiter(concurrency), turns: new TokenBucketLimiter({ burst, perSecond }) };
	return limits;
}

const message = (seconds: number) => `Too many searches from this address; try again in ${seconds} s.`;
type ClientEvent = Pick<RequestEvent, 'getClientAddress' | 'platform'>;

/** Runs an endpoint's search within the client's limits, or answers 429 JSON with Retry-After. */
export async function limitedSearchResponse(event: ClientEvent, work: () => Promise<Response>): Promise<Response> {
	const client = clientAddressOf(event);
	const refuse = (wait: number) =>
		json({ error: message(wait) }, { status: 429, headers: { 'retry-after': String(wait), 'cache-control': 'no-store' } });
	const wait = searchLimits().turns.take(client);
	if (wait > 0) return refuse(wait);
	return (await searchLimits().running.run(client, work)) ?? refuse(1);
}

/** Runs a page load's search within the client's limits, or throws SvelteKit's 429 error page with Retry-After. */
export async function limitedSearchLoad<T>(event: ClientEvent & Pick<RequestEvent, 'setHeaders'>, work: () => Promise<T>): Promise<T> {
	const client = clientAddressOf(event);
	const refuse = (wait: number): never => {
		event.setHeaders({ 'retry-after': String(wait), 'cache-control': 'no-store' });
		error(429, message(wait));
	};
	const wait = searchLimits().turns.take(client);
	if (wait > 0) refuse(wait);
	const result = await searchLimits().running.run(client, async () => ({ value: await work() }));
	return result ? result.value : refuse(1);
}
