import type { Handle, ServerInit } from '@sveltejs/kit';
import { startContentSync, type ContentSync } from '$lib/server/content-sync';
import { openAppDb } from '$lib/server/db';
import { initSearch } from '$lib/server/search';

/**
 * Opens the database (migrations, demo content on first start) and builds the search index from it, before the
 * first request is answered. The index is then kept current by content-change events, never rebuilt per request.
 */
let contentSync: ContentSync | null = null;

export const init: ServerInit = async () => {
	const started = performance.now();
	const app = await openAppDb({ log: (m) => console.log(`[db] ${m}`) });
	const { target, db } = app;
	const where = target.kind === 'postgres' ? 'PostgreSQL' : target.dataDir ? `PGlite in ${target.dataDir}` : 'PGlite in memory';
	console.log(`[db] ready on ${where} in ${Math.round(performance.now() - started)} ms`);
	// Other servers on the same PostgreSQL hear this one's writes, and this one theirs (NOTIFY; nothing on PGlite).
	// Started before the index so that changes committed while it is being built are not lost.
	contentSync = await startContentSync(app, { listen: true, log: (m) => console.log(`[sync] ${m}`) });
	await initSearch(db, { log: (m) => console.log(`[search] ${m}`) });
};

/** Headers every response carries; the page CSP itself comes from svelte.config.js. */
export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	if (!event.url.pathname.startsWith('/embed/')) {
		// Only embed routes may be framed by other sites.
		response.headers.set('x-frame-options', 'DENY');
		response.headers.append('content-security-policy', "frame-ancestors 'none'");
	}
	return response;
};
