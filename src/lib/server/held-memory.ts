/**
 * Memory that is not a kept answer but copies of what the response cache keeps, or work made from the same content
 * (response-cache.ts's hot answers, the compressed copies a hit sends, recent search results): held within
 * RESPONSE_CACHE_MB, so that the cache's limit is what the process holds for all of them.
 */

/**
 * Memory held beside the response cache, least recently used let go first: each item is held with its size and a
 * function that lets it go. Its bytes count against the cache's limit (the cache lets go of them before it drops
 * kept pages).
 */
export class HeldMemory {
	#held = new Map<object, { bytes: number; release: () => void }>();
	bytes = 0;
	constructor(
		readonly maxBytes: number,
		/** Bytes the cache may still give (its limit less what its kept answers take). */
		private readonly room: () => number
	) {}

	/** Holds `item` (`bytes` of memory) until `release` is called to let it go (replacing an earlier hold of it). */
	hold(item: object, bytes: number, release: () => void): void {
		this.release(item);
		if (bytes > this.maxBytes) return release();
		this.#held.set(item, { bytes, release });
		this.bytes += bytes;
		this.shrinkTo(Math.min(this.maxBytes, this.room()));
	}

	/** Marks `item` most recently used. */
	touch(item: object): void {
		const held = this.#held.get(item);
		if (!held) return;
		this.#held.delete(item); // most recently used last
		this.#held.set(item, held);
	}

	/** Lets go of `item` now (its release function is called). */
	release(item: object): void {
		const held = this.#held.get(item);
		if (!held) return;
		this.#held.delete(item);
		this.bytes -= held.bytes;
		held.release();
	}

	/** Lets go of the least recently used until at most `bytes` are held. */
	shrinkTo(bytes: number): void {
		for (const item of this.#held.keys()) {
			if (this.bytes <= Math.max(0, bytes)) break;
			this.release(item);
		}
	}

	/** Lets go of everything. */
	clear(): void {
		this.shrinkTo(0);
	}
}

let app: HeldMemory | null = null;

/** Called once by createAppResponseCache: what the app holds beside its response cache is counted there. */
export function useHeldMemory(held: HeldMemory | null): void {
	app = held;
}

/** Where the app holds memory beside its response cache; null when it has none (then nothing is held). */
export function appHeldMemory(): HeldMemory | null {
	return app;
}
