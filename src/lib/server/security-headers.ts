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
		// Applied twice to one response (the server's defaults, then a cached answer's own headers), it says it once.
		if (!policies[0]!.includes('frame-ancestors')) policies.push("frame-ancestors 'none'");
	}
	headers.set('content-security-policy', policies.join('; '));
}
