/**
 * Rendered responses kept in memory until the content changes. Every page and endpoint here is a function of the
 * content in the database (no cookies, no sessions, nothing that depends on the time), and every write of content
 * is announced (content-events.ts; from other servers through content-sync.ts), so a rendered answer stays right
 * until a change it shows is announced: each answer keeps the tags of what it shows (cache-tags.ts: episode, show and
 * question ids, "search"), and a change drops only the answers it alters (untagged ones on every change). A hit skips the load functions, the queries and
 * the rendering: what is left is SvelteKit's routing and the copy to the socket.
 *
 * Pages carry their Content-Security-Policy as hashes of their inline scripts (svelte.config.js), not a nonce, so a
 * kept page is the same bytes for everyone and is answered as it was stored. Only 200 answers to plain GETs are kept. Nothing is answered from memory unless `isCurrent` agrees (content-sync.ts:
 * the change log is being followed: listening, and read within the last few seconds), so an outage shows as it would without a cache,
 * and whatever was missed meanwhile is dropped when the server listens again.
 */
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync, constants as zlib } from 'node:zlib';
import type { RequestEvent } from '@sveltejs/kit';
import { changeAlters, type CacheTags } from './cache-tags';
import { onContentChange, type ContentChange } from './content-events';
import { useContentMemos } from './content-memo';
import { HeldMemory, useHeldMemory } from './held-memory';

export interface ResponseCacheOptions {
	/** Bytes of bodies kept at most; the least recently used go first. */
	maxBytes: number;
	/**
	 * Asked before every answer from memory (content-sync.ts): false means answer as if nothing were kept (changes
	 * may be going unheard, or the database has gone away, which readers should see as they would without a cache).
	 */
	isCurrent?: () => boolean | Promise<boolean>;
}

/** An answer from memory: status, headers (without content-length) and body. */
export interface CachedAnswer {
	status: number;
	headers: [string, string][];
	body: Uint8Array<ArrayBuffer>;
	/** The body gzip-compressed (zlib's default level, as the compression middleware makes it), when kept so. */
	readonly gzip?: Uint8Array;
	/** The body brotli-compressed, when kept so (a filled `?t=` moment). */
	readonly br?: Uint8Array;
	/** The body's length, known without unzipping it. */
	readonly bodyBytes?: number;
	/**
	 * The body, unzipped if it is kept compressed, without holding the unzipped copy hot (`body` holds it): for work
	 * that reads it once, as filling a `?t=` moment does.
	 */
	bodyOnce?(): Uint8Array<ArrayBuffer>;
}

/** Bodies shorter than this are kept as they are (the server does not compress them either). */
const COMPRESS_FROM_BYTES = 1024;

/**
 * How a filled `?t=` moment is kept: brotli at quality 1. Most moments are asked for once or twice, so each is filled
 * and compressed for its first visitor: gzipped at zlib's default level, that was a quarter of the server's CPU under
 * the realistic mix (0.52 ms for a 58 kB moment, 10.1 kB). Brotli quality 1 takes 0.11 ms for 11.2 kB, and browsers
 * and crawlers (`gzip, deflate, br`) get those bytes as they are; a client that takes gzip alone gets a gzip copy made
 * once (fast-path.ts), one that takes neither the body unpacked. Kept pages, compressed once each, stay gzip.
 */
const FILLED_BROTLI = { params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } };

/**
 * A kept answer. Its body is kept gzip-compressed when that is smaller, as pages are (a 58 kB episode page in 12 kB):
 * RESPONSE_CACHE_MB then holds four to five times as many pages. A client that accepts gzip gets those bytes as they
 * are; one that does not, the body unzipped (a tenth of a millisecond for a page). A filled `?t=` moment is kept
 * brotli-compressed instead (FILLED_BROTLI), and sent so to the clients that take brotli.
 */
class Entry implements CachedAnswer {
	readonly gzip?: Uint8Array;
	readonly br?: Uint8Array;
	readonly #plain?: Uint8Array<ArrayBuffer>;
	/** The body unzipped, held while `#hot` keeps it (recently answered to a client that needs it plain). */
	#unzipped?: Uint8Array<ArrayBuffer>;
	/** How many times the body was unzipped for `body`. */
	#unpacked = 0;
	#hot?: HeldMemory;
	/** Bytes held. */
	readonly bytes: number;
	readonly bodyBytes: number;
	constructor(
		readonly status: number,
		readonly headers: [string, string][],
		body: Uint8Array<ArrayBuffer>,
		/** What it shows; undefined: anything (dropped on every change). */
		readonly tags?: CacheTags,
		/** Makes the answer for a variant of this page from it (an episode page's `?t=` moments, moment-page.ts). */
		readonly variants?: PageVariants,
		/** Where an unzipped body is held for a while; without it, the body is unzipped every time. */
		hot?: HeldMemory,
		/** How the body is kept compressed: gzip (pages), or brotli at quality 1 (filled moments, FILLED_BROTLI). */
		encoding: 'gzip' | 'br' = 'gzip'
	) {
		this.#hot = hot;
		const packed = body.byteLength < COMPRESS_FROM_BYTES ? null : encoding === 'br' ? brotliCompressSync(body, FILLED_BROTLI) : gzipSync(body);
		if (!packed || packed.byteLength >= body.byteLength) this.#plain = body;
		else if (encoding === 'br') this.br = packed;
		else this.gzip = packed;
		this.bytes = (this.gzip ?? this.br ?? body).byteLength + (variants?.bytes ?? 0);
		this.bodyBytes = body.byteLength;
		// While the body is at hand unzipped: what filling a variant needs of it is found now, not on the first fill.
		variants?.prepare?.(this, body);
	}
	get body(): Uint8Array<ArrayBuffer> {
		if (this.#plain) return this.#plain;
		if (this.#unzipped) {
			this.#hot?.touch(this);
			return this.#unzipped;
		}
		const body = this.#unpack();
		// Held from its second read on: one 58 kB body held for a page read once pushes out of the held room the
		// five ~11 kB `?t=` moments it could have held instead, each filled again when it is asked for again (under
		// bench:http's realistic mix, where a tenth of clients take no compression, most moments asked for again were).
		if (this.#hot && ++this.#unpacked >= 2) {
			this.#unzipped = body;
			this.#hot.hold(this, body.byteLength, () => (this.#unzipped = undefined));
		}
		return body;
	}

	/**
	 * The body without holding it hot. Filling a moment reads its page once: held, the page's 58 kB unzipped pushed
	 * out of the held room the ~11 kB moments filled from it, so that most moments asked for again were filled again
	 * (under bench:http's mix, most moment requests were fills). A page held hot for a plain client is used as it is.
	 */
	bodyOnce(): Uint8Array<ArrayBuffer> {
		return this.#plain ?? this.#unzipped ?? this.#unpack();
	}

	/**
	 * The body unpacked into one buffer of its known length: zlib's sync calls otherwise fill 16 kB pieces and join
	 * them (a 58 kB page unzipped in 110 µs that way, 65 µs in one piece, measured one at a time).
	 */
	#unpack(): Uint8Array<ArrayBuffer> {
		const chunkSize = Math.max(1024, this.bodyBytes + 64);
		const body = this.gzip ? gunzipSync(this.gzip, { chunkSize }) : brotliDecompressSync(this.br!, { chunkSize });
		return new Uint8Array(body.buffer, body.byteOffset, body.byteLength) as Uint8Array<ArrayBuffer>;
	}

	/** Lets go of the unzipped body (the entry is dropped or replaced). */
	forget(): void {
		this.#hot?.release(this);
	}
}

/**
 * The share of RESPONSE_CACHE_MB that may hold hot answers as they are sent: the unzipped bodies of the pages most
 * recently answered to clients that do not take gzip, and the `?t=` moments most recently filled. Under load those
 * were the cost of a hit (a 58 kB page unzipped, a moment filled and hashed again for every request, ~1 ms each).
 * Hot answers only take the room kept pages leave (they go first when a page needs it), so they never cost a page
 * its place; half of 64 MB holds ~550, which Zipf-like traffic asks for again and again.
 */
const HOT_SHARE = 1 / 2;

/** A `?t=` moment as it was filled, kept hot (HeldMemory) until its page's content changes. */
interface FilledVariant {
	answer: CachedAnswer;
	tags?: CacheTags;
}

/**
 * What a page can answer for URLs that are variants of it (the same path with other parameters), without rendering:
 * set by its load function on `locals.pageVariants`, kept with the page's answer. `fill` gives null for a URL it
 * cannot answer (which is then rendered).
 */
export interface PageVariants {
	/** Whether `url` (the page's path with parameters) is one of its variants. */
	matches(url: URL): boolean;
	fill(page: CachedAnswer, url: URL): CachedAnswer | null;
	/**
	 * Called once when the page is kept, with its body as rendered: works out what filling its variants needs of the
	 * body (moment-page.ts: the slots' offsets), so a first fill does not search the page again.
	 */
	prepare?(page: CachedAnswer, body: Uint8Array<ArrayBuffer>): void;
	/** The page itself, made from the answer rendered for its variant `url` (null: cannot). */
	page(variant: CachedAnswer, url: URL): CachedAnswer | null;
	/** About how many bytes of memory what it keeps to fill variants takes: counted against the cache's limit with the page. */
	readonly bytes: number;
}

/** Types worth keeping: what the site renders. Audio (byte ranges, megabytes) is served as it comes. */
const CACHEABLE_TYPE = /^(text\/html|application\/json|application\/(rss\+)?xml|text\/(plain|vtt|xml)|application\/x-subrip|application\/json\+oembed)\b/;
/** Types whose rendered answer is sent in the gzip it is kept in, to clients that take it (what the server compresses too). */
const SENT_AS_KEPT = /^(text\/html|application\/json)\b/;
/** Larger bodies are not worth a slot. */
const MAX_ENTRY_BYTES = 1024 * 1024;
/** Changes remembered for answers being rendered across them; one rendered across more is not kept. */
const RECENT_CHANGES = 64;

/** An in-memory cache of rendered responses; a content change drops those that show what changed. */
export class ResponseCache {
	#entries = new Map<string, Entry>();
	#bytes = 0;
	/** Bumped by every clear and change: a response rendered across one that alters it is not kept. */
	#generation = 0;
	/** The latest changes, the last at generation `#generation` (a clear is `null`: it alters everything). */
	#recent: (ContentChange | null)[] = [];
	#hits = 0;
	#misses = 0;
	/** What is held beside the kept answers (unzipped pages, filled moments, compressed copies, recent search results), within a share of the limit. */
	readonly #held: HeldMemory;
	/** The `?t=` moments filled lately, by key, while `#held` holds them. */
	#filled = new Map<string, FilledVariant>();
	/** Misses being rendered, by key: the same key asked for meanwhile waits for that rendering (single flight). */
	#rendering = new Map<string, Promise<CachedAnswer | null>>();
	#shared = 0;

	constructor(private readonly options: ResponseCacheOptions) {
		this.#held = new HeldMemory(Math.floor(options.maxBytes * HOT_SHARE), () => this.options.maxBytes - this.#bytes);
	}

	/**
	 * Memory held beside the kept answers, within the same limit (let go of first, least recently used first): the
	 * cache's own hot answers, and what others keep of the same content (compressed copies a hit sends, fast-path.ts;
	 * recent search results, search/recent-results.ts).
	 */
	get held(): HeldMemory {
		return this.#held;
	}

	/** Bytes of bodies kept at most. */
	get maxBytes(): number {
		return this.options.maxBytes;
	}

	/** Drops everything. */
	clear(): void {
		this.#held.clear();
		this.#entries.clear();
		this.#bytes = 0;
		this.#remember(null);
	}

	/** Drops the answers `change` alters (what they show, or untracked); returns how many were dropped. */
	drop(change: ContentChange): number {
		let dropped = 0;
		for (const [key, entry] of this.#entries) {
			if (!changeAlters(change, entry.tags)) continue;
			this.#entries.delete(key);
			this.#bytes -= entry.bytes;
			entry.forget();
			dropped++;
		}
		for (const filled of [...this.#filled.values()]) if (changeAlters(change, filled.tags)) this.#held.release(filled);
		this.#remember(change);
		return dropped;
	}

	#remember(change: ContentChange | null): void {
		this.#generation++;
		this.#recent.push(change);
		if (this.#recent.length > RECENT_CHANGES) this.#recent.shift();
	}

	/** Whether a change since `generation` alters an answer showing `tags` (or is too far back to tell). */
	#changedSince(generation: number, tags: CacheTags | undefined): boolean {
		const since = this.#generation - generation;
		if (since === 0) return false;
		if (since > this.#recent.length) return true;
		return this.#recent.slice(-since).some((change) => change === null || changeAlters(change, tags));
	}

	/** Entries, bytes, hits and misses so far. */
	stats() {
		return { entries: this.#entries.size, bytes: this.#bytes, hotBytes: this.#held.bytes, hits: this.#hits, misses: this.#misses, shared: this.#shared };
	}

	/** Whether something is kept under this key (a quick test before `answer`). */
	has(key: string): boolean {
		return this.#entries.has(key) || this.#filled.has(key) || this.#variantOf(key) !== null;
	}

	/** For a key with parameters whose page without them is kept and answers it as a variant: that page. */
	#variantOf(key: string): { page: Entry; pageKey: string; url: URL } | null {
		const query = key.indexOf('?');
		if (query < 0 || !key.startsWith('h ')) return null;
		const pageKey = key.slice(0, query);
		const page = this.#entries.get(pageKey);
		if (!page?.variants) return null;
		const url = new URL(key.slice(2));
		return page.variants.matches(url) ? { page, pageKey, url } : null;
	}

	/** The answer a kept page makes for `key` as its variant (not kept itself: it is made again each time), or null. */
	#fillVariant(key: string): CachedAnswer | null {
		const filled = this.#filled.get(key);
		if (filled) {
			this.#held.touch(filled);
			return filled.answer;
		}
		const variant = this.#variantOf(key);
		if (!variant) return null;
		const answer = variant.page.variants!.fill(variant.page, variant.url);
		if (!answer) return null;
		this.#touch(variant.pageKey, variant.page);
		// Kept hot as it was filled (it shows what its page shows), gzip-compressed as kept pages are: asked again, it
		// is sent as it is to the clients that take gzip (most), and a moment takes ~10 kB of the held room, not ~58.
		const entry = new Entry(answer.status, answer.headers, answer.body, variant.page.tags, undefined, this.#held, 'br');
		const kept: FilledVariant = { answer: entry, tags: variant.page.tags };
		this.#filled.set(key, kept);
		this.#held.hold(kept, entry.bytes, () => {
			if (this.#filled.get(key) === kept) this.#filled.delete(key);
			entry.forget();
		});
		return entry;
	}

	/** What is kept under `key`, ready to send, if `isCurrent` agrees; otherwise null. */
	async answer(key: string): Promise<CachedAnswer | null> {
		const hit = await this.#lookup(key);
		if (!hit || hit === 'not now') return null;
		this.#hits++;
		return hit;
	}

	/**
	 * What is kept under `key`, told at once: the entry (counted as a hit), null when nothing may be answered from
	 * memory, or undefined when `isCurrent` answers with a promise (then ask `answer`).
	 */
	answerNow(key: string): CachedAnswer | null | undefined {
		const entry = this.#entries.get(key);
		if (!entry && !this.has(key)) return null;
		const current = this.options.isCurrent?.() ?? true;
		if (current === false) return null;
		if (current !== true) {
			void current.catch(() => {}); // `answer` asks again
			return undefined;
		}
		if (!entry) {
			const filled = this.#fillVariant(key);
			if (filled) this.#hits++;
			return filled;
		}
		this.#touch(key, entry);
		this.#hits++;
		return entry;
	}

	/** Answers from memory when it can; otherwise resolves the request and keeps the answer if it may. */
	async resolve(event: RequestEvent, resolve: (event: RequestEvent) => Response | Promise<Response>): Promise<Response> {
		// The request's own URL, not event.url: SvelteKit strips `/__data.json` (and its invalidation parameter) from
		// event.url, so a client-side navigation's data request would share its page's key and be answered with HTML.
		const url = new URL(event.request.url);
		const key = this.options.maxBytes > 0 ? cacheKey(event.request.method, url, (name) => event.request.headers.get(name)) : null;
		if (!key) return (await this.#revalidate(event, url)) ?? resolve(event);
		const hit = await this.answer(key);
		// Marked, as caches do, so that operators (and bench:http) can tell an answer from memory from a rendered one.
		if (hit) return new Response(hit.body, { status: hit.status, headers: [...hit.headers, ['x-cache', 'hit']] });
		// The same key already being rendered (a popular new search arrives on many connections at once): wait for
		// that rendering rather than run the same search and render again. Shared only if it was kept, i.e. it is the
		// answer the next request would get from memory; otherwise (an error, a 429, rendered across a change) each
		// request is rendered for itself.
		const rendering = this.#rendering.get(key);
		if (rendering) {
			const shared = await rendering;
			if (shared) {
				this.#shared++;
				return new Response(shared.body, { status: shared.status, headers: shared.headers });
			}
		}
		this.#misses++;
		if (rendering) return this.#render(event, resolve, key, url);
		let done: (kept: CachedAnswer | null) => void = () => {};
		this.#rendering.set(key, new Promise((resolve) => (done = resolve)));
		let kept: CachedAnswer | null = null;
		try {
			const response = await this.#render(event, resolve, key, url, (answer) => (kept = answer));
			return response;
		} finally {
			this.#rendering.delete(key);
			done(kept);
		}
	}

	/**
	 * A 304 for a revalidation (If-None-Match) of what is kept with that very ETag, as SvelteKit would answer it; null
	 * otherwise (then SvelteKit answers). Needed for moments made from a kept page: their ETag is not SvelteKit's hash
	 * of the page (moment-page.ts), so SvelteKit would answer their revalidation with the whole page again.
	 */
	async #revalidate(event: RequestEvent, url: URL): Promise<Response | null> {
		const tag = event.request.headers.get('if-none-match');
		if (tag === null || this.options.maxBytes <= 0) return null;
		const key = cacheKey(event.request.method, url, (name) => (name === 'if-none-match' ? null : event.request.headers.get(name)));
		const hit = key ? await this.#lookup(key) : undefined;
		if (!hit || hit === 'not now') return null;
		const etag = hit.headers.find(([name]) => name === 'etag')?.[1];
		if (etag === undefined || etag !== tag) return null;
		this.#hits++;
		return new Response(null, { status: 304, headers: { etag, 'x-cache': 'hit' } });
	}

	/** Renders a miss and keeps the answer if it may (`onKept` is told the answer kept). */
	async #render(
		event: RequestEvent,
		resolve: (event: RequestEvent) => Response | Promise<Response>,
		key: string,
		url: URL,
		onKept: (answer: CachedAnswer) => void = () => {}
	): Promise<Response> {
		const generation = this.#generation;
		const response = await resolve(event);
		if (!mayKeep(response)) return response;
		const tags = event.locals?.cacheTags;
		const variants = event.locals?.pageVariants;
		const entry = await toEntry(response);
		/** The entry kept for this very answer (not a page made from a moment), when one is. */
		let kept: Entry | undefined;
		// Rendered across a change that alters it, it may hold the content from before: answered, not kept.
		if (entry.body.byteLength <= MAX_ENTRY_BYTES && !this.#changedSince(generation, tags)) {
			// A page's variants (an episode's `?t=` moments) are answered from the page as it is without parameters:
			// that is what is kept, made from the variant when the variant was asked for first.
			const query = key.indexOf('?');
			// (only pages: a data request for the same path carries the load function's variants too)
			const pageVariants = variants && (entry.headers.find(([name]) => name === 'content-type')?.[1] ?? '').startsWith('text/html') ? variants : undefined;
			if (pageVariants && url.search === '') this.#put(key, new Entry(entry.status, entry.headers, entry.body, tags, pageVariants, this.#held));
			else if (pageVariants && query >= 0 && key.startsWith('h ') && pageVariants.matches(url)) {
				const made = this.#entries.has(key.slice(0, query)) ? null : pageVariants.page(entry, url);
				if (made) this.#put(key.slice(0, query), new Entry(made.status, made.headers, made.body, tags, pageVariants, this.#held));
				else this.#put(key, (kept = new Entry(entry.status, entry.headers, entry.body, tags, undefined, this.#held)));
			} else this.#put(key, (kept = new Entry(entry.status, entry.headers, entry.body, tags, undefined, this.#held)));
			onKept(entry);
		}
		// Kept gzip-compressed, it is sent so to a client that takes gzip as well as brotli (browsers, crawlers) or gzip
		// alone: the server's compression (server/index.js) leaves an answer already encoded as it is, so a miss is
		// compressed once, to be kept, rather than once more for the wire (brotli: ~1 ms for a search page). As hits are.
		if (kept?.gzip && SENT_AS_KEPT.test(entry.headers.find(([name]) => name === 'content-type')?.[1] ?? '')) {
			const encoding = chooseEncoding(event.request.headers.get('accept-encoding') ?? undefined);
			if (encoding === 'either' || encoding === 'gzip') {
				return new Response(kept.gzip as Uint8Array<ArrayBuffer>, { status: entry.status, headers: [...entry.headers, ['content-encoding', 'gzip']] });
			}
		}
		return new Response(entry.body, { status: entry.status, headers: entry.headers });
	}

	/** The entry to answer with, if there is one and `isCurrent` agrees ('not now' when it does not). */
	async #lookup(key: string): Promise<CachedAnswer | undefined | 'not now'> {
		if (!this.has(key)) return undefined;
		const current = this.options.isCurrent?.() ?? true;
		if (current === false || (current !== true && !(await current))) return 'not now';
		const entry = this.#entries.get(key); // undefined when a change dropped it while we asked
		if (entry) this.#touch(key, entry);
		return entry ?? this.#fillVariant(key) ?? undefined;
	}

	/** Marks an entry most recently used: Map keeps insertion order, so eviction takes the first. */
	#touch(key: string, entry: Entry): void {
		this.#entries.delete(key);
		this.#entries.set(key, entry);
	}

	#put(key: string, entry: Entry): void {
		const old = this.#entries.get(key);
		if (old) {
			this.#bytes -= old.bytes;
			old.forget();
		}
		this.#entries.delete(key); // most recently used last
		this.#entries.set(key, entry);
		this.#bytes += entry.bytes;
		// Hot answers go first: they are copies of what is kept, or made from it again in a millisecond.
		this.#held.shrinkTo(this.options.maxBytes - this.#bytes);
		for (const [k, e] of this.#entries) {
			if (this.#bytes <= this.options.maxBytes) break;
			this.#entries.delete(k);
			this.#bytes -= e.bytes;
			e.forget();
		}
	}
}

/**
 * The key a request is kept under, or null when it must not be answered from memory. From its parts rather than a
 * RequestEvent, so that fast-path.ts computes the same key from a Node request.
 */
export function cacheKey(method: string | undefined, url: URL, header: (name: string) => string | null | undefined): string | null {
	if (method !== 'GET') return null;
	if (url.pathname.startsWith('/admin')) return null;
	// A revalidation (If-None-Match) is SvelteKit's to answer, with its 304.
	for (const name of ['authorization', 'cookie', 'range', 'if-none-match']) if (header(name) != null) return null;
	// SvelteKit answers a route with both a page and an endpoint by the Accept header: keep the two apart.
	const html = (header('accept') ?? '').includes('text/html') ? 'h' : 'o';
	return `${html} ${keyedHref(url)}`;
}

/**
 * Parameters each cached route reads (search/params.ts for the search routes; SvelteKit's own for a data request).
 * Any other parameter changes nothing in the answer, so it must not make a new key: otherwise `&z=1`, `&z=2`, ...
 * would render the (costly) search every time and fill the cache with copies (issue 15, point 1).
 */
const PARAMETERS_READ: Record<string, readonly string[]> = {
	'/search': ['q', 'limit', 'show', 'person'],
	'/search/__data.json': ['q', 'limit', 'show', 'person', 'x-sveltekit-invalidated', 'x-sveltekit-trailing-slash'],
	'/api/search': ['q', 'limit', 'show', 'person']
};

/** The URL with only the parameters its route reads, in a fixed order (repeats kept: the route reports them). */
function keyedHref(url: URL): string {
	const read = PARAMETERS_READ[url.pathname];
	if (!read) return url.href;
	const kept = new URLSearchParams();
	for (const name of read) for (const value of url.searchParams.getAll(name)) kept.append(name, value);
	const search = kept.toString();
	return `${url.origin}${url.pathname}${search ? `?${search}` : ''}`;
}

/**
 * The encoding a hit is sent in for this Accept-Encoding, when it is one a hit can give here: brotli, gzip, either
 * (both as welcome: the one at hand), or none (no header); null for anything else (deflate or identity preferred,
 * q-values the compression middleware would weigh otherwise), which then goes the slow way.
 */
export function chooseEncoding(accept: string | undefined): 'br' | 'gzip' | 'either' | 'identity' | null {
	if (accept === undefined) return 'identity';
	const q = new Map<string, number>();
	for (const part of accept.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
		q.set(name, weight ? Number(weight[1]) : 1);
	}
	const of = (name: string) => q.get(name) ?? q.get('*') ?? 0;
	const br = of('br');
	const gzip = of('gzip');
	const best = Math.max(br, gzip);
	if (best <= 0 || of('deflate') > best || (q.has('identity') && q.get('identity')! > best)) return null;
	return br === gzip ? 'either' : br > gzip ? 'br' : 'gzip';
}

function mayKeep(response: Response): boolean {
	if (response.status !== 200 || response.headers.has('set-cookie') || !response.body) return false;
	if (/\b(no-store|private)\b/.test(response.headers.get('cache-control') ?? '')) return false;
	return CACHEABLE_TYPE.test(response.headers.get('content-type') ?? '');
}

async function toEntry(response: Response): Promise<CachedAnswer> {
	const headers = [...response.headers].filter(([name]) => name !== 'content-length');
	return { status: response.status, headers, body: new Uint8Array(await response.arrayBuffer()) };
}

/**
 * The app's response cache: each content change drops the answers it alters. Create it after the search index has
 * subscribed to changes, so that pages rendered after a drop see the index (and the automatic question links) updated.
 */
export function createAppResponseCache(maxBytes: number, isCurrent: () => boolean | Promise<boolean>): ResponseCache {
	const cache = new ResponseCache({ maxBytes, isCurrent });
	onContentChange((change) => void cache.drop(change));
	// Recent search results are held within the cache's limit too.
	useHeldMemory(cache.held);
	// Work kept per content version behind the cache (content-memo.ts) is used under the same rule.
	useContentMemos(isCurrent);
	return cache;
}
