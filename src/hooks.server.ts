import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { env } from '$env/dynamic/private';
import { getConfig } from '$lib/server/config';
import { startContentSync, type ContentSync } from '$lib/server/content-sync';
import { closeAppDb, openAppDb } from '$lib/server/db';
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '$lib/server/db/availability';
import { isRefusedInput, REFUSED_INPUT_MESSAGE } from '$lib/server/db/input-errors';
import { registerServerBridge } from '$lib/server/fast-path';
import { enqueueMissingWork, jobKinds, startWorker, type Worker } from '$lib/server/jobs';
import { injectPageMeta } from '$lib/server/page-meta';
import { createAppResponseCache, type ResponseCache } from '$lib/server/response-cache';
import { initSearch, resetSearch } from '$lib/server/search';
import { applySecurityHeaders } from '$lib/server/security-headers';

/** Longest path plus query string answered; longer ones get 414. The longest real one (an oEmbed lookup) is far shorter. */
const MAX_URL_CHARACTERS = 8192;

/**
 * Opens the database (migrations, demo content on first start) and builds the search index from it, before the
 * first request is answered. The index is then kept current by content-change events, never rebuilt per request.
 */
let contentSync: ContentSync | null = null;
let responseCache: ResponseCache | null = null;
let worker: Worker | null = null;

export const init: ServerInit = async () => {
	// Every variable is read and checked first: a bad value stops the server here, naming it (config.ts).
	const config = getConfig();
	if (!dev) {
		// server/index.js emits this on SIGTERM/SIGINT once it has stopped listening and in-flight requests have
		// finished; closing the pool then lets the process exit by itself, with code 0.
		process.once('sveltekit:shutdown' as 'SIGTERM', () => void shutDown());
	}
	const started = performance.now();
	const app = await openAppDb({ log: (m) => console.log(`[db] ${m}`) });
	const { target, db } = app;
	const where = target.kind === 'postgres' ? 'PostgreSQL' : target.dataDir ? `PGlite in ${target.dataDir}` : 'PGlite in memory';
	console.log(`[db] ready on ${where} in ${Math.round(performance.now() - started)} ms`);
	// Other servers on the same PostgreSQL follow this one's writes, and this one theirs, through the change log
	// (content_outbox, written by triggers; NOTIFY only wakes the readers).
	// Started before the index so that changes committed while it is being built are not lost.
	contentSync = await startContentSync(app, { listen: true, log: (m) => console.log(`[sync] ${m}`) });
	await initSearch(db, { log: (m) => console.log(`[search] ${m}`) });
	// Background work (chapters, vectors ...) in this process too, unless WORKER=0; on PGlite this is the only worker.
	if (config.worker) {
		const queued = await enqueueMissingWork(db).catch((e: unknown) => (console.error(`[jobs] queueing missing work failed: ${String(e)}`), 0));
		if (queued) console.log(`[jobs] ${queued} job(s) queued for content that never had its background work`);
		worker = startWorker(db, { kinds: jobKinds, log: (m) => console.log(`[jobs] ${m}`) });
	}
	// Rendered pages and answers, kept until what they show changes (RESPONSE_CACHE_MB, default 64; 0 turns it off).
	if (!dev && config.responseCacheBytes > 0) {
		responseCache = createAppResponseCache(config.responseCacheBytes, () => contentSync?.isCurrent() ?? false);
	}
	if (!dev) {
		// Our server (server/index.js) answers hits before SvelteKit (adapter-node's request and response conversion
		// costs more than they do), and gives static files the security headers.
		const { ORIGIN, PROTOCOL_HEADER, HOST_HEADER, PORT_HEADER } = env;
		registerServerBridge(responseCache, { ORIGIN, PROTOCOL_HEADER, HOST_HEADER, PORT_HEADER });
	}
};

async function shutDown(): Promise<void> {
	// The running job is handed back, to be resumed at the next start; stopped first, so it writes nothing after.
	await worker?.stop().catch((e: unknown) => console.error(`[jobs] stopping the worker failed: ${String(e)}`));
	resetSearch();
	try {
		await contentSync?.stop(); // its listening connection would otherwise keep the process alive
		await closeAppDb();
		console.log('[db] closed; shut down cleanly');
	} catch (error) {
		console.error(`[db] closing the database on shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
		process.exitCode = 1;
	}
}

/**
 * A database that is away is not a bug: the request is marked so that `handle` answers 503 with Retry-After, and
 * the log gets one line instead of a stack trace. Nor is a value PostgreSQL cannot take (a NUL in a slug): that is
 * the request's, and answered 400. Other server errors are logged in full and shown as "Internal Error".
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (isDatabaseUnavailable(error)) {
		event.locals.databaseUnavailable = true;
		const cause = describeCause(error);
		console.warn(`[db] unavailable while answering ${event.request.method} ${event.url.pathname}: ${cause}`);
		return { message: DATABASE_UNAVAILABLE_MESSAGE, unavailable: true };
	}
	if (isRefusedInput(error)) {
		event.locals.refusedInput = true;
		console.warn(`[db] refused a value from ${event.request.method} ${event.url.pathname.slice(0, 200)}: ${describeCause(error)}`);
		return { message: REFUSED_INPUT_MESSAGE };
	}
	if (status >= 500) console.error(error); // a 404 or 405 is the visitor's, not ours
	return { message };
};

/** Size limits, the database-away answer, and the headers every response carries. */
export const handle: Handle = async ({ event, resolve }) => {
	// Link-preview and search-engine tags are rendered on the server only (page-meta.ts says why).
	const render = (e: RequestEvent) => resolve(e, { transformPageChunk: injectPageMeta(e.locals) });
	let response =
		event.url.pathname.length + event.url.search.length > MAX_URL_CHARACTERS
			? new Response(`That address is longer than ${MAX_URL_CHARACTERS} characters; nothing here needs one so long.`, {
					status: 414,
					headers: { 'content-type': 'text/plain; charset=utf-8' }
				})
			: await (responseCache ? responseCache.resolve(event, render) : render(event));
	if (event.locals.databaseUnavailable && response.status >= 500) response = asServiceUnavailable(response);
	else if (event.locals.refusedInput && response.status >= 500) response = withStatus(response, 400, 'Bad Request');
	applySecurityHeaders(event.url.pathname, response.headers, response.status);
	return response;
};

/** The error page (HTML, or JSON for API clients) SvelteKit rendered, as a 503 that tells clients when to retry. */
function asServiceUnavailable(response: Response): Response {
	return withStatus(response, 503, 'Service Unavailable', { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) });
}

/** The same body under another status; never cached, since it describes this one request. */
function withStatus(response: Response, status: number, statusText: string, extra: Record<string, string> = {}): Response {
	const headers = new Headers(response.headers);
	for (const [name, value] of Object.entries(extra)) headers.set(name, value);
	headers.set('cache-control', 'no-store');
	return new Response(response.body, { status, statusText, headers });
}

function describeCause(error: unknown): string {
	for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
		const { code, message } = e as { code?: unknown; message?: unknown };
		if (code) return `${String(code)}${typeof message === 'string' ? ` (${message.slice(0, 160)})` : ''}`;
	}
	return error instanceof Error ? error.message.slice(0, 160) : String(error);
}
