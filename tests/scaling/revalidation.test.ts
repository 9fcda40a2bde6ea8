/**
 * Revalidation on the real production server: a browser that asks again with If-None-Match gets a 304, and that 304
 * carries no Content-Security-Policy. Browsers copy a 304's headers onto the copy they kept, so a policy meant for
 * non-pages on it would block the kept page's own scripts and images (artwork, the player) the next time it is shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';

describe('a 304 leaves the kept copy its own policy', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => {
		await server?.stop();
	});

	const get = (pathname: string, headers: Record<string, string> = {}) => fetch(new URL(pathname, server.url), { headers });

	for (const [kind, pathname] of [
		['a page', '/podcasts/running-explained/running-isnt-therapy'],
		['a static file', '/favicon.svg'],
		['an image', '/art/podcasts/running-explained/96.webp']
	] as const) {
		it(`answers ${kind} again with 304 and no policy`, async () => {
			const first = await get(pathname);
			expect(first.status).toBe(200);
			await first.arrayBuffer();
			const etag = first.headers.get('etag');
			expect(etag).toBeTruthy();
			const again = await get(pathname, { 'if-none-match': etag! });
			expect(again.status).toBe(304);
			expect(again.headers.get('content-security-policy')).toBeNull();
			expect(again.headers.get('x-content-type-options')).toBe('nosniff');
		});
	}
});
