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
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createCacheWarmer } from './cache-warmer';
import { getConfig } from './config';
import { cacheKey, type ResponseCache } from './response-cache';
import { applySecurityHeaders, withoutPolicyOn304 } from './security-headers';

/** The registered symbol server/index.js looks the bridge up by. */
export const SERVER_BRIDGE = Symbol.for('podcast-moments.server-bridge');

export interface ServerBridge {
	/** Sets the headers every response starts with. */
	secure(req: IncomingMessage, res: ServerResponse): void;
	/** Answers from the response cache, or calls `next` for the handler to answer. */
	answer(req: IncomingMessage, res: ServerResponse, next: () => void): void;
	/** The server listens; `loopback` reaches it from this machine (http://127.0.0.1:PORT). */
	listening?(loopback: string): void;
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
	const bridge: ServerBridge = {
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
			if (url && warmer) warmer.sawOrigin(url.origin);
			if (!cache || !url || !key || !cache.has(key)) return next();
			void cache.answer(key).then(
				(hit) => {
					if (!hit) return next();
					for (const [name, value] of hit.headers) res.setHeader(name, value);
					bridge.secure(req, res);
					res.setHeader('x-cache', 'hit');
					res.setHeader('content-length', hit.body.byteLength);
					res.writeHead(hit.status).end(hit.body);
				},
				() => next()
			);
		},
		listening(loopback) {
			warmer?.listening(loopback);
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
