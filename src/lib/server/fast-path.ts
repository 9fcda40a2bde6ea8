/**
 * What the site's own HTTP server (server/index.js) asks of the app before handing a request to adapter-node's
 * handler: the security headers every response starts with (so that static files and adapter-node's own error
 * answers carry them too; SvelteKit's answers set their own in hooks.server.ts), and answers already in the response
 * cache. For an answer in memory, adapter-node's work (a web Request made from the Node request, the route matched,
 * a web Response streamed back) costs more than the answer itself: measured at about 200 µs of 250 per hit.
 *
 * The server is plain JavaScript outside the Vite build and the cache lives inside it, so the app hands these two
 * functions over once, at start-up, under a registered symbol (`SERVER_BRIDGE`); nothing of Node is patched. The
 * cache key is the one `handle` uses (response-cache.ts), computed from the same origin adapter-node gives SvelteKit;
 * when that origin depends on proxy headers (PROTOCOL_HEADER, HOST_HEADER, PORT_HEADER), hits go through SvelteKit.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { createCacheWarmer } from './cache-warmer';
import { getConfig } from './config';
import { cacheKey, chooseEncoding, type CachedAnswer, type ResponseCache } from './response-cache';
import { applySecurityHeaders, withoutPolicyOn304 } from './security-headers';

/** The registered symbol server/index.js looks the bridge up by. */
export const SERVER_BRIDGE = Symbol.for('podcast-moments.server-bridge');

export interface ServerBridge {
	/** Sets the headers every response starts with. */
	secure(req: IncomingMessage, res: ServerResponse): void;
	/**
	 * Answers from the response cache at once, before compression and the security headers are set up, when it can:
	 * the answer's headers (its own, the security headers, the compression middleware's Vary) are worked out once per
	 * kept answer, and its brotli and gzip bodies made the first time a client asks for them. Returns false when the
	 * request is for the handler (or `answer`) instead. `compression` says what the server's compression would do.
	 */
	answerNow(req: IncomingMessage, res: ServerResponse, compression: ServerCompression): boolean;
	/** Answers from the response cache, or calls `next` for the handler to answer. */
	answer(req: IncomingMessage, res: ServerResponse, next: () => void): void;
	/**
	 * The server listens; `loopback` reaches this very process from this machine (http://127.0.0.1:PORT; with several
	 * processes, a port of its own, since the shared one hands a connection to any of them).
	 */
	listening?(loopback: string): void;
	/** How many processes serve the site (SERVER_PROCESSES, checked by config.ts); server/index.js starts the rest. */
	processes?: number;
	/**
	 * Set by the server when it is one of several processes: told the origin of the first visitor this process sees,
	 * so that the others warm their caches under it too (they may not get a request until traffic spreads to them).
	 */
	onFirstOrigin?: (origin: string) => void;
	/** The origin another process saw first (see onFirstOrigin): warming here can begin under it. */
	sawOrigin(origin: string): void;
}

/** What the server's compression middleware does with a response (server/index.js). */
export interface ServerCompression {
	/** Whether it compresses a body of this content type (the middleware's filter). */
	compressible(contentType: string): boolean;
	/** Bodies shorter than this are sent as they are. */
	thresholdBytes: number;
	/** Brotli quality. */
	brotliQuality: number;
}

/** A kept answer as a hit sends it, per encoding; made once per kept answer (it goes when the answer is dropped). */
interface Prepared {
	headers: OutgoingHttpHeaders;
	/** Whether the compression middleware would compress it for a client that asks. */
	compress: boolean;
	br?: Uint8Array;
	gzip?: Uint8Array;
	/** What the copies are held as (HeldMemory): within the cache's limit, let go of when it needs the room. */
	readonly brHeld: object;
	readonly gzipHeld: object;
}

export interface FastPathEnv {
	ORIGIN?: string;
	PROTOCOL_HEADER?: string;
	HOST_HEADER?: string;
	PORT_HEADER?: string;
}

/** Hands the server its bridge: security headers always, cache hits when a cache is given and the origin is plain. */
export function registerServerBridge(cache: ResponseCache | null, env: FastPathEnv): void {
	const plainOrigin = !(env.PROTOCOL_HEADER || env.HOST_HEADER || env.PORT_HEADER);
	const origin = env.ORIGIN ? new URL(env.ORIGIN).origin : null;
	// Pages are warmed under the origin visitors use (cache-warmer.ts): ORIGIN, or else the first visitor's.
	const warmer =
		cache && getConfig().responseCacheWarm && (origin || plainOrigin)
			? createCacheWarmer(cache, { maxBytes: cache.maxBytes, log: (m) => console.log(`[cache] ${m}`) })
			: null;
	if (origin) warmer?.sawOrigin(origin);
	let firstOrigin = origin !== null;
	/** A visitor's origin: the warmer's (it keeps the first), and the other processes' when it is the first. */
	const seen = (visitorOrigin: string) => {
		warmer!.sawOrigin(visitorOrigin);
		if (firstOrigin) return;
		firstOrigin = true;
		bridge.onFirstOrigin?.(visitorOrigin);
	};
	const prepared = new WeakMap<CachedAnswer, Prepared>();
	/** Keeps a compressed copy of a hit with it, held within the cache's limit (let go when memory is needed). */
	const holdCopy = (ready: Prepared, encoding: 'br' | 'gzip', copy: Uint8Array) => {
		ready[encoding] = copy;
		cache!.held.hold(encoding === 'br' ? ready.brHeld : ready.gzipHeld, copy.byteLength, () => {
			if (ready[encoding] === copy) ready[encoding] = undefined;
		});
	};
	/** The key of a request the cache may answer, or null. */
	const keyOf = (req: IncomingMessage): string | null => {
		const url = cache && plainOrigin ? urlOf(req, origin) : null;
		if (url && warmer) seen(url.origin);
		return url && cacheKey(req.method, url, (name) => header(req, name));
	};
	const bridge: ServerBridge = {
		answerNow(req, res, compression) {
			const key = cache && keyOf(req);
			if (!key) return false;
			let encoding = chooseEncoding(req.headers['accept-encoding']);
			if (encoding === null) return false; // one the middleware negotiates otherwise (deflate, identity first): leave it to it
			const hit = cache!.answerNow(key);
			if (!hit) return false;
			let ready = prepared.get(hit);
			if (!ready) prepared.set(hit, (ready = prepare(hit, pathnameOf(req), compression)));
			let body: Uint8Array | undefined;
			const headers = { ...ready.headers };
			// Of two encodings the client likes as well (`gzip, deflate, br`, what browsers and crawlers send), the one
			// already at hand: a kept page is kept gzip-compressed, so it is sent as it is, where brotli would cost a
			// compression per page (~1 ms at quality 4, 35 % of the CPU under the realistic mix) for ~3 % fewer bytes; a
			// filled `?t=` moment is kept brotli-compressed (quality 1, response-cache.ts), and is sent so.
			if (encoding === 'either') encoding = hit.gzip ? 'gzip' : 'br';
			if (ready.compress && encoding === 'br') {
				if (hit.br) body = hit.br; // kept so: counted with the answer
				else if (ready.br) cache!.held.touch(ready.brHeld);
				else {
					const plain = hit.body;
					const br = brotliCompressSync(plain, { params: { [zlib.BROTLI_PARAM_QUALITY]: compression.brotliQuality, [zlib.BROTLI_PARAM_SIZE_HINT]: plain.byteLength } });
					holdCopy(ready, 'br', br);
				}
				body ??= ready.br;
				headers['content-encoding'] = 'br';
			} else if (ready.compress && encoding === 'gzip') {
				if (hit.gzip) body = hit.gzip; // kept so: counted with the answer
				else if (ready.gzip) cache!.held.touch(ready.gzipHeld);
				else holdCopy(ready, 'gzip', gzipSync(hit.body));
				body ??= ready.gzip;
				headers['content-encoding'] = 'gzip';
			}
			body ??= hit.body;
			headers['content-length'] = body.byteLength;
			res.writeHead(hit.status, headers).end(body);
			return true;
		},
		secure(req, res) {
			applySecurityHeaders(pathnameOf(req), {
				get: (name) => (res.getHeader(name) as string | undefined) ?? null,
				set: (name, value) => res.setHeader(name, value)
			});
			withoutPolicyOn304(res);
		},
		answer(req, res, next) {
			const url = cache && plainOrigin ? urlOf(req, origin) : null;
			const key = url && cacheKey(req.method, url, (name) => header(req, name));
			if (url && warmer) seen(url.origin);
			if (!cache || !url || !key || !cache.has(key)) return next();
			void cache.answer(key).then(
				(hit) => {
					if (!hit) return next();
					for (const [name, value] of hit.headers) res.setHeader(name, value);
					bridge.secure(req, res);
					res.setHeader('x-cache', 'hit');
					const body = hit.body;
					res.setHeader('content-length', body.byteLength);
					res.writeHead(hit.status).end(body);
				},
				() => next()
			);
		},
		listening(loopback) {
			warmer?.listening(loopback);
		},
		processes: getConfig().serverProcesses,
		sawOrigin(other) {
			firstOrigin = true;
			warmer?.sawOrigin(other);
		}
	};
	(globalThis as Record<symbol, unknown>)[SERVER_BRIDGE] = bridge;
}

function pathnameOf(req: IncomingMessage): string {
	try {
		return new URL(req.url ?? '/', 'http://x').pathname;
	} catch {
		return '/'; // a request line too broken to parse gets the strictest headers
	}
}

/**
 * The headers a hit is sent with, in the order the slow path set them: the security headers, the answer's own, the
 * security headers again over them (as SvelteKit's answers get them), `x-cache`, and the compression middleware's Vary.
 */
function prepare(hit: CachedAnswer, pathname: string, compression: ServerCompression): Prepared {
	const headers = new Map<string, string>();
	const target = { get: (name: string) => headers.get(name) ?? null, set: (name: string, value: string) => void headers.set(name, value) };
	applySecurityHeaders(pathname, target);
	for (const [name, value] of hit.headers) headers.set(name, value);
	applySecurityHeaders(pathname, target);
	headers.set('x-cache', 'hit');
	const type = headers.get('content-type');
	const transform = !/(?:^|,)\s*no-transform\s*(?:,|$)/.test(headers.get('cache-control') ?? '');
	const compressible = type !== undefined && compression.compressible(type) && transform;
	if (compressible) {
		const vary = headers.get('vary');
		if (!vary) headers.set('vary', 'Accept-Encoding');
		else if (vary !== '*' && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary)) headers.set('vary', `${vary}, Accept-Encoding`);
	}
	return { headers: Object.fromEntries(headers), compress: compressible && (hit.bodyBytes ?? hit.body.byteLength) >= compression.thresholdBytes, brHeld: {}, gzipHeld: {} };
}

/** The URL SvelteKit would give a Node request; null when it is not a plain GET or its origin is not plain. */
function urlOf(req: IncomingMessage, origin: string | null): URL | null {
	if (req.method !== 'GET' || !req.url?.startsWith('/')) return null;
	const host = req.headers.host;
	// adapter-node's default origin: https, and the Host header (one, plain).
	const base = origin ?? (host && !host.includes(',') ? `https://${host}` : null);
	if (!base) return null;
	try {
		return new URL(base + req.url); // as adapter-node makes it (not new URL(path, base), which reads //x as a host)
	} catch {
		return null;
	}
}

function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value.join(', ') : value;
}
