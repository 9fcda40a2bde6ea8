/**
 * The security headers every response carries, pages, endpoints, errors and static files alike. Pages get their
 * Content-Security-Policy (nonces, no inline scripts) from SvelteKit (svelte.config.js); everything else gets a
 * policy that allows nothing to run. Only /embed/ pages may be framed by other sites.
 */
import { ServerResponse } from 'node:http';

/** What responses that SvelteKit gives no policy of its own get: JSON, feeds, audio, plain-text errors, static files. */
export const NON_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** Whether other sites may put this path in a frame (the embeddable player and question card only). */
export function mayBeFramed(pathname: string): boolean {
	return pathname.startsWith('/embed/');
}

/** Adds the headers to a response's headers (a Headers object, or a Node response through `set`). */
export function applySecurityHeaders(
	pathname: string,
	headers: { get(name: string): string | null | undefined; set(name: string, value: string): void }
): void {
	headers.set('x-content-type-options', 'nosniff');
	headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	const framed = mayBeFramed(pathname);
	const csp = headers.get('content-security-policy');
	const policies = [csp || NON_PAGE_CSP];
	if (!framed) {
		headers.set('x-frame-options', 'DENY');
		policies.push("frame-ancestors 'none'");
	}
	headers.set('content-security-policy', policies.join('; '));
}

let installed = false;

/**
 * adapter-node serves build/client (scripts, styles, the favicon) itself, before SvelteKit's `handle` runs, and
 * answers a few malformed requests ("Bad Request") the same way. There is no option for their headers, so this
 * gives every Node response in this process the same headers just before its head is written, unless `handle`
 * already did. Called once at start-up in production (hooks.server.ts); the dev server is left alone.
 */
export function applySecurityHeadersToStaticFiles(): void {
	if (installed) return;
	installed = true;
	const writeHead = ServerResponse.prototype.writeHead;
	ServerResponse.prototype.writeHead = function (this: ServerResponse, ...args: unknown[]) {
		if (!this.headersSent && !this.hasHeader('x-content-type-options')) {
			let pathname = '/';
			try {
				pathname = new URL(this.req?.url ?? '/', 'http://x').pathname;
			} catch {
				// A request line too broken to parse: it gets the strictest headers.
			}
			applySecurityHeaders(pathname, {
				get: (name) => {
					const value = this.getHeader(name);
					return value === undefined ? null : String(value);
				},
				set: (name, value) => this.setHeader(name, value)
			});
		}
		return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
	} as typeof writeHead;
}
