/**
 * The site's HTTP server: a small Node server around adapter-node's request handler (build/handler.js, as SvelteKit's
 * "Custom server" documentation describes), owning what does not belong in a request handler:
 * - compression of pages, JSON and feeds (brotli or gzip, as the client accepts; audio is left as it is);
 * - the security headers every response starts with, static files included, and answers from the response cache
 *   before SvelteKit and before compression (a kept page's brotli and gzip bodies are made once and kept with it), both
 *   handed over by the app at start-up (src/lib/server/fast-path.ts): nothing of Node is patched;
 * - graceful shutdown: on SIGTERM or SIGINT it stops accepting, lets requests in flight finish (SHUTDOWN_TIMEOUT
 *   seconds at most), then tells the app to close its database (the `sveltekit:shutdown` event).
 * Configuration: HOST, PORT, SHUTDOWN_TIMEOUT as adapter-node reads them; BUILD_DIR where the build is (./build).
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import compression from 'compression';

const buildDir = path.resolve(process.env.BUILD_DIR || path.join(path.dirname(fileURLToPath(import.meta.url)), '../build'));
const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
const shutdownSeconds = Number(process.env.SHUTDOWN_TIMEOUT || 30);

// Importing the handler runs the app's start-up (hooks.server.ts init): configuration, database, search index.
const { handler } = await import(pathToFileURL(path.join(buildDir, 'handler.js')).href);
/** @type {import('../src/lib/server/fast-path').ServerBridge | undefined} */
const bridge = /** @type {any} */ (globalThis)[Symbol.for('podcast-moments.server-bridge')];
if (!bridge) throw new Error('server: the app did not hand over its bridge (src/lib/server/fast-path.ts); is this a production build?');

// Quality 4 for brotli (the package's default) compresses a 400 kB show page about as well as gzip 6, in less time.
const compress = compression({ threshold: 1024 });
/** @type {import('../src/lib/server/fast-path').ServerCompression} */
const hitCompression = {
	compressible: (type) => compression.filter(/** @type {any} */ ({}), /** @type {any} */ ({ getHeader: () => type })),
	thresholdBytes: 1024,
	brotliQuality: 4
};
let stopping = false;
let inFlight = 0;

const server = http.createServer((req, res) => {
	inFlight++;
	res.once('close', () => {
		inFlight--;
		if (stopping) server.closeIdleConnections();
	});
	// An answer from memory goes out at once, compressed as the middleware would (the compressed bytes kept with it).
	if (!stopping && bridge.answerNow(req, res, hitCompression)) return;
	bridge.secure(req, res);
	compress(/** @type {any} */ (req), /** @type {any} */ (res), () => {
		// While stopping, everything goes to adapter-node, which closes keep-alive connections as requests end.
		if (stopping) return handler(req, res);
		bridge.answer(req, res, () => handler(req, res));
	});
});

server.listen(port, host, () => {
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	console.log(`Listening on http://${shown}:${address.port}`);
	// The app warms its response cache by asking this server for pages (src/lib/server/cache-warmer.ts).
	const loopback = ['0.0.0.0', '::'].includes(address.address) ? '127.0.0.1' : shown;
	bridge.listening?.(`http://${loopback}:${address.port}`);
	if (process.env.ADDRESS_HEADER) console.warn(`ADDRESS_HEADER=${process.env.ADDRESS_HEADER}: client addresses are taken from that header, which anyone can send; this port must be reachable only through the proxy that sets it.`);
});

/** Stops accepting, lets requests in flight finish, then has the app close its database. */
function shutDown(reason) {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	const force = setTimeout(() => server.closeAllConnections(), shutdownSeconds * 1000);
	server.close(() => {
		clearTimeout(force);
		process.emit(/** @type {any} */ ('sveltekit:shutdown'), reason);
	});
}

process.on('SIGTERM', shutDown);
process.on('SIGINT', shutDown);
