/**
 * Answers from the response cache before a request enters SvelteKit. For an answer that is already in memory,
 * adapter-node's work (a web Request made from the Node request, the route matched, a web Response streamed back
 * into the Node response) costs more than the answer itself: measured at about 200 µs of 250 per hit, it held a
 * cached /api/search at a fifth of what a plain Node server does with the same bytes. Hits are written straight to
 * the Node response instead; everything else (every miss, every request the cache would not answer) goes on to
 * adapter-node untouched.
 *
 * adapter-node offers no hook before its handler, so this wraps `http.createServer` once, from hooks `init`, which
 * adapter-node runs before it creates its server (build/index.js imports handler.js, whose top-level await runs init).
 * The server it creates looks in the cache first. The key is the one `handle` uses (response-cache.ts), computed from
 * the same origin adapter-node gives SvelteKit; when that origin depends on proxy headers (PROTOCOL_HEADER,
 * HOST_HEADER, PORT_HEADER), the fast path stays off rather than guess.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { cacheKey, type ResponseCache } from './response-cache';
import { applySecurityHeaders } from './security-headers';

export interface FastPathEnv {
	ORIGIN?: string;
	PROTOCOL_HEADER?: string;
	HOST_HEADER?: string;
	PORT_HEADER?: string;
}

let installed = false;

/** Makes the HTTP server adapter-node is about to create answer cache hits itself. Returns false when it cannot. */
export function installFastPath(cache: ResponseCache, env: FastPathEnv): boolean {
	if (installed) return true;
	if (env.PROTOCOL_HEADER || env.HOST_HEADER || env.PORT_HEADER) return false;
	const origin = env.ORIGIN ? new URL(env.ORIGIN).origin : null;
	installed = true;

	let draining = false;
	// While shutting down, adapter-node closes keep-alive connections as their requests end, which it only sees for
	// requests it handles: from the signal on, hand everything to it.
	for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => (draining = true));

	const createServer = http.createServer;
	http.createServer = function (this: unknown, ...args: unknown[]) {
		const server = (createServer as (...a: unknown[]) => http.Server).apply(this, args);
		const emit = server.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
		server.emit = function (this: http.Server, event: string | symbol, ...rest: unknown[]): boolean {
			if (event !== 'request' || draining) return emit.call(this, event, ...rest);
			const [req, res] = rest as [IncomingMessage, ServerResponse];
			const url = urlOf(req, origin);
			const key = url && cacheKey(req.method, url, (name) => header(req, name));
			if (!key || !cache.has(key)) return emit.call(this, event, ...rest);
			void cache.answer(key).then(
				(hit) => {
					if (!hit) return void emit.call(this, event, ...rest);
					for (const [name, value] of hit.headers) res.setHeader(name, value);
					applySecurityHeaders(url.pathname, {
						get: (name) => (res.getHeader(name) as string | undefined) ?? null,
						set: (name, value) => res.setHeader(name, value)
					});
					res.setHeader('content-length', hit.body.byteLength);
					res.writeHead(hit.status).end(hit.body);
				},
				() => void emit.call(this, event, ...rest)
			);
			return true;
		} as typeof server.emit;
		return server;
	} as typeof http.createServer;
	return true;
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
