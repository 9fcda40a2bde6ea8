/**
 * Searches answered lately, by request, so that one query costs one search however it is asked for: the search page,
 * its client-side data request and the API answer of one query are three URLs (three misses of the response cache),
 * and a popular new query arrives on several connections at once. Each request's results are worked out once and
 * shared while they are being worked out and after.
 *
 * Results are a function of the index (and of whether the meaning engine is ready, part of the key), so they are kept
 * only while the index does not change: `invalidate()` (called by the search service before and after it applies a
 * change or rewrites links) drops them all, and results worked out across an invalidation are not kept. Callers get
 * the same object as everyone asking the same thing: they must not change it.
 *
 * Kept results are held within the response cache's limit (held-memory.ts: RESPONSE_CACHE_MB counts them, and lets go
 * of the least recently used when it needs the room), each counted at about twice its JSON's length.
 */
import type { SearchResults } from '../../search-results';
import { appHeldMemory, type HeldMemory } from '../held-memory';
import type { SearchRequest } from './results';

/** Requests remembered at most, least recently asked for dropped first (a result is ~10-60 kB of objects). */
export const RECENT_RESULTS = 512;

export class RecentResults {
	readonly #kept = new Map<string, Promise<SearchResults>>();
	/** Bumped by every invalidation: results worked out across one are not kept. */
	#version = 0;

	constructor(
		readonly maxEntries = RECENT_RESULTS,
		/** Where kept results are held (counted); null: not counted (no response cache), bounded by `maxEntries` alone. */
		readonly held: () => HeldMemory | null = appHeldMemory
	) {}

	/** Requests remembered (with those being worked out). */
	get size(): number {
		return this.#kept.size;
	}

	/** The results for `key`: the kept ones, the ones being worked out, or `compute()`'s (then kept). */
	get(key: string, compute: () => Promise<SearchResults>): Promise<SearchResults> {
		const kept = this.#kept.get(key);
		if (kept) {
			this.#kept.delete(key); // most recently asked for last
			this.#kept.set(key, kept);
			this.held()?.touch(kept);
			return kept;
		}
		const version = this.#version;
		const computing = compute();
		this.#kept.set(key, computing);
		if (this.#kept.size > this.maxEntries) this.#forget(this.#kept.keys().next().value!);
		const forget = () => {
			if (this.#kept.get(key) === computing) this.#forget(key);
		};
		computing.then((results) => {
			// Worked out across a change of the index: answered (to those who asked meanwhile), not kept.
			if (version !== this.#version || this.#kept.get(key) !== computing) return forget();
			this.held()?.hold(computing, 2 * JSON.stringify(results).length, forget);
		}, forget);
		return computing;
	}

	#forget(key: string): void {
		const kept = this.#kept.get(key);
		this.#kept.delete(key);
		if (kept) this.held()?.release(kept);
	}

	/** Forgets everything (the index is about to change, or has changed). */
	invalidate(): void {
		this.#version++;
		for (const key of [...this.#kept.keys()]) this.#forget(key);
	}
}

/** What makes two requests the same search: the query as searched, the filters, the limit, and the engines in play. */
export function recentResultsKey(query: string, request: SearchRequest, meaningReady: boolean): string {
	const { filter = {}, filterSlugs, limit } = request;
	return JSON.stringify([query, filter.podcastId ?? null, filter.personId ?? null, filterSlugs?.show ?? null, filterSlugs?.person ?? null, limit ?? null, meaningReady]);
}
