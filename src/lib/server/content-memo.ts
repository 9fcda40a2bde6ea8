/**
 * Work done for a page that depends only on the content (an episode's rows, its readable transcript, its related
 * questions), kept until the content changes, so that the variants of one page (`?t=` moments, a request the
 * response cache may not answer) do not repeat it. A content change drops the values it alters (by `tagsOf`, as the
 * response cache drops answers, cache-tags.ts; all of them without `tagsOf`), and it is used only while the response cache may answer (`isCurrent`, registered by createAppResponseCache): with no
 * cache configured, in development, or while changes may be going unheard, everything is computed per request.
 */
import { changeAlters, type CacheTags } from './cache-tags';
import { onContentChange, type ContentChange } from './content-events';

/** Whether kept work may be used now; set by the response cache (response-cache.ts), absent means never. */
let currentness: (() => boolean | Promise<boolean>) | null = null;

/** Called once by createAppResponseCache: memos follow the same rule as the cache they sit behind. */
export function useContentMemos(isCurrent: () => boolean | Promise<boolean>): void {
	currentness = isCurrent;
}

/**
 * Whether work kept per content version may be used now (the rule above): for memos kept elsewhere, such as the
 * search service's recent results (search/service.ts).
 */
export async function contentMemosInUse(): Promise<boolean> {
	return currentness ? await currentness() : false;
}

export interface ContentMemo<T> {
	/** The kept value for `key`, or `compute()`'s (kept when it is not null and no change came meanwhile). */
	get(key: string, compute: () => Promise<T | null>): Promise<T | null>;
	/** Drops everything. */
	clear(): void;
	readonly size: number;
}

/**
 * A memo of at most `maxBytes` (as `sizeOf` estimates them), least recently used dropped first; `tagsOf` says what a
 * value shows, so that a change drops only the values it alters.
 */
export function createContentMemo<T>({
	maxBytes,
	sizeOf,
	tagsOf
}: {
	maxBytes: number;
	sizeOf: (value: T) => number;
	tagsOf?: (value: T) => CacheTags;
}): ContentMemo<T> {
	const entries = new Map<string, { value: T; bytes: number; tags?: CacheTags }>();
	let bytes = 0;
	/** Bumped by every change: a value computed across one may hold the old content and is not kept. */
	let generation = 0;
	const clear = () => {
		entries.clear();
		bytes = 0;
		generation++;
	};
	onContentChange((change: ContentChange) => {
		for (const [key, entry] of entries) {
			if (!changeAlters(change, entry.tags)) continue;
			entries.delete(key);
			bytes -= entry.bytes;
		}
		generation++;
	});
	return {
		clear,
		get size() {
			return entries.size;
		},
		async get(key, compute) {
			const current = currentness ? await currentness() : false;
			const kept = current ? entries.get(key) : undefined;
			if (kept) {
				entries.delete(key); // most recently used last
				entries.set(key, kept);
				return kept.value;
			}
			const started = generation;
			const value = await compute();
			if (value === null || !current || started !== generation) return value;
			const size = sizeOf(value);
			if (size > maxBytes) return value;
			entries.set(key, { value, bytes: size, tags: tagsOf?.(value) });
			bytes += size;
			for (const [k, e] of entries) {
				if (bytes <= maxBytes) break;
				entries.delete(k);
				bytes -= e.bytes;
			}
			return value;
		}
	};
}
