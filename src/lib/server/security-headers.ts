/**
 * The security headers every response carries, pages, endpoints, errors and static files alike. Pages get their
 * Content-Security-Policy (hashes of their own inline scripts, nothing else inline) from SvelteKit
 * (svelte.config.js); everything else gets a policy that allows nothing to run. Only /embed/ pages may be framed by
 * other sites. SvelteKit's answers get them in hooks.server.ts; the rest (static files, adapter-node's own errors)
 * start with them in server/index.js, through fast-path.ts.
 */

/** What responses that SvelteKit gives no policy of its own get: JSON, feeds, audio, plain-text errors, static files. */
export const NON_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** Whether other sites may put this path in a frame (the embeddable player and question card only). */
export function mayBeFramed(pathname: string): boolean {
	return pathname.startsWith('/embed/');
}

/**
 * Adds the headers to a response's headers (a Headers object, or a Node response through `set`). A 304 gets no
 * policy: a browser copies a 304's headers onto the copy it kept, so the policy for non-pages would replace a page's
 * own and block its scripts and images (see `withoutPolicyOn304`).
 */
export function applySecurityHeaders(
	pathname: string,
	headers: { get(name: string): string | null | undefined; set(name: string, value: string): void },
	status?: number
): void {
	headers.set('x-content-type-options', 'nosniff');
	headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	const framed = mayBeFramed(pathname);
	if (status === NOT_MODIFIED) {
		if (!framed) headers.set('x-frame-options', 'DENY');
		return;
	}
	const csp = headers.get('content-security-policy');
	const policies = [csp || NON_PAGE_CSP];
	if (!framed) {
		headers.set('x-frame-options', 'DENY');
		// Applied twice to one response (the server's defaults, then a cached answer's own headers), it says it once.
		if (!policies[0]!.includes('frame-ancestors')) policies.push("frame-ancestors 'none'");
	}
	headers.set('content-security-policy', policies.join('; '));
}

const NOT_MODIFIED = 304;

/**
 * For the Node server, which sets the headers before anyone knows the status: takes the policy off again if this
 * response turns out to be a 304 (from SvelteKit's ETag check or the static files), for the reason above. It wraps
 * this one response's writeHead, as compression middleware does; nothing shared is patched.
 */
export function withoutPolicyOn304(res: import('node:http').ServerResponse): void {
	const writeHead = res.writeHead;
	res.writeHead = function (this: typeof res, statusCode: number, ...rest: unknown[]) {
		if (statusCode === NOT_MODIFIED) res.removeHeader('content-security-policy');
		return (writeHead as (...args: unknown[]) => typeof res).call(this, statusCode, ...rest);
	} as typeof res.writeHead;
}
