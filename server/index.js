/**
 * The site's HTTP server: a small Node server around adapter-node's request handler (build/handler.js, as SvelteKit's
 * "Custom server" documentation describes), owning what does not belong in a request handler:
 * - compression of pages, JSON and feeds (brotli or gzip, as the client accepts; audio is left as it is);
 * - the security headers every response starts with, static files included, and answers from the response cache
 *   before SvelteKit and before compression (a kept page's brotli and gzip bodies are made once and kept with it), both
 *   handed over by the app at start-up (src/lib/server/fast-path.ts): nothing of Node is patched;
 * - graceful shutdown: on SIGTERM or SIGINT it stops accepting, lets requests in flight finish (SHUTDOWN_TIMEOUT
 *   seconds at most), then tells the app to close its database (the `sveltekit:shutdown` event);
 * - several processes on one port (SERVER_PROCESSES, PostgreSQL only; node:cluster): this process then only starts and
 *   watches them. The first one starts alone (it checks the configuration, migrates, seeds), and says how many the
 *   checked configuration asks for (src/lib/server/config.ts); the others start once it listens. Each is an instance
 *   as a second server would be: its own search index and response cache, following the others' writes through the
 *   change log (content-sync.ts), claiming background jobs through the database. SIGTERM or SIGINT stops them all,
 *   each gracefully; one that dies after it listened is replaced.
 * Configuration: HOST, PORT, SHUTDOWN_TIMEOUT as adapter-node reads them; BUILD_DIR where the build is (./build);
 * SERVER_PROCESSES (read and checked by the app's configuration module).
 */
import cluster from 'node:cluster';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import compression from 'compression';

const shutdownSeconds = Number(process.env.SHUTDOWN_TIMEOUT || 30);
const asked = (process.env.SERVER_PROCESSES ?? '').trim();

if (cluster.isPrimary && asked !== '' && asked !== '1') startProcesses();
else await serve();

/** The primary of several processes: starts the first, then as many more as it says, and stops them all on a signal. */
function startProcesses() {
	let wanted = 1;
	let stopping = false;
	let announced = false;
	let firstUrl = '';
	/** The first visitor's origin, once a process has seen it. */
	let origin = null;
	/** Workers (by id) that listen. */
	const listening = new Set();
	const start = (first) => {
		const worker = cluster.fork();
		let listened = false;
		worker.on('message', (message) => {
			// The first visitor's origin, seen by one process: the others warm their caches under it too.
			if (message?.type === 'origin') {
				origin = message;
				for (const other of Object.values(cluster.workers ?? {})) if (other && other !== worker) other.send(message);
				return;
			}
			if (message?.type !== 'listening') return;
			listened = true;
			if (origin) worker.send(origin); // a process started after the first visitor (a replacement)
			listening.add(worker.id);
			if (first) {
				// The first process read and checked the configuration: it says how many there are to be.
				wanted = message.processes;
				firstUrl = message.url;
				for (let i = 1; i < wanted; i++) start(false);
			}
			if (!announced && listening.size >= wanted) {
				announced = true;
				console.log(`Listening on ${firstUrl} (${wanted} processes: ${Object.values(cluster.workers ?? {}).map((w) => w?.process.pid).join(', ')}; server/index.js ${process.pid} watches them)`);
			}
		});
		worker.on('exit', (code, signal) => {
			listening.delete(worker.id);
			if (stopping) {
				if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
				return;
			}
			if (!listened) {
				// A bad configuration value, a database that cannot be opened: it said why; the others would too.
				console.error(`server: process ${worker.process.pid} stopped before it listened (code ${code}, signal ${signal}); stopping`);
				process.exitCode = code || 1;
				stopAll();
				return;
			}
			console.error(`server: process ${worker.process.pid} stopped (code ${code}, signal ${signal}); starting another`);
			start(false);
		});
	};
	const stopAll = () => {
		stopping = true;
		const workers = Object.values(cluster.workers ?? {});
		if (workers.length === 0) process.exit(process.exitCode ?? 0);
		for (const worker of workers) worker?.process.kill('SIGTERM');
		// Each process waits SHUTDOWN_TIMEOUT seconds at most for its requests; past that and some slack, they are ended.
		setTimeout(() => {
			for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
		}, (shutdownSeconds + 10) * 1000).unref();
	};
	process.on('SIGTERM', stopAll);
	process.on('SIGINT', stopAll);
	start(true);
}

/** One process serving the site: alone, or one of several (a cluster worker). */
async function serve() {
	const buildDir = path.resolve(process.env.BUILD_DIR || path.join(path.dirname(fileURLToPath(import.meta.url)), '../build'));
	const host = process.env.HOST || '0.0.0.0';
	const port = Number(process.env.PORT ?? 3000);

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
	/** @type {http.Server[]} */
	const servers = [];

	/** @type {http.RequestListener} */
	const onRequest = (req, res) => {
		res.once('close', () => {
			if (stopping) for (const server of servers) server.closeIdleConnections();
		});
		// An answer from memory goes out at once, compressed as the middleware would (the compressed bytes kept with it).
		if (!stopping && bridge.answerNow(req, res, hitCompression)) return;
		bridge.secure(req, res);
		compress(/** @type {any} */ (req), /** @type {any} */ (res), () => {
			// While stopping, everything goes to adapter-node, which closes keep-alive connections as requests end.
			if (stopping) return handler(req, res);
			bridge.answer(req, res, () => handler(req, res));
		});
	};

	const server = http.createServer(onRequest);
	servers.push(server);
	const listen = (/** @type {http.Server} */ s, /** @type {import('node:net').ListenOptions} */ options) =>
		new Promise((resolve, reject) => {
			s.once('error', reject);
			s.listen(options, () => resolve(/** @type {import('node:net').AddressInfo} */ (s.address())));
		});
	const address = await listen(server, { port, host });
	const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	const url = `http://${shown}:${address.port}`;
	let loopback = `http://${['0.0.0.0', '::'].includes(address.address) ? '127.0.0.1' : shown}:${address.port}`;
	if (cluster.isWorker) {
		// The shared port hands each connection to any of the processes; the cache warmer asks this one for pages, so it
		// gets a loopback port of its own (not shared).
		const own = http.createServer(onRequest);
		servers.push(own);
		const ownAddress = await listen(own, { port: 0, host: '127.0.0.1', exclusive: true });
		loopback = `http://127.0.0.1:${ownAddress.port}`;
		process.send?.({ type: 'listening', url, processes: bridge.processes ?? 1 });
		// The app warms its cache under the origin its first visitor uses; the others learn it from whichever sees it.
		bridge.onFirstOrigin = (origin) => process.send?.({ type: 'origin', origin });
		process.on('message', (message) => {
			if (/** @type {any} */ (message)?.type === 'origin') bridge.sawOrigin?.(/** @type {any} */ (message).origin);
		});
		console.log(`[server] process ${process.pid} listening`);
	} else {
		console.log(`Listening on ${url}`);
	}
	// The app warms its response cache by asking this server for pages (src/lib/server/cache-warmer.ts).
	bridge.listening?.(loopback);
	if (process.env.ADDRESS_HEADER && (!cluster.isWorker || cluster.worker?.id === 1)) {
		console.warn(`ADDRESS_HEADER=${process.env.ADDRESS_HEADER}: client addresses are taken from that header, which anyone can send; this port must be reachable only through the proxy that sets it.`);
	}

	/** Stops accepting, lets requests in flight finish, then has the app close its database. */
	function shutDown(reason) {
		if (stopping) return;
		stopping = true;
		let open = servers.length;
		const force = setTimeout(() => {
			for (const s of servers) s.closeAllConnections();
		}, shutdownSeconds * 1000);
		for (const s of servers) {
			s.closeIdleConnections();
			s.close(() => {
				if (--open > 0) return;
				clearTimeout(force);
				process.emit(/** @type {any} */ ('sveltekit:shutdown'), reason);
				// A worker's channel to the primary would keep it alive: let go of it (as a disconnect it asked for, which
				// Node's cluster does not answer with an immediate exit), so the process ends once the app has closed its database.
				if (cluster.isWorker && process.connected) cluster.worker?.disconnect();
			});
		}
	}

	process.on('SIGTERM', shutDown);
	process.on('SIGINT', shutDown);
}
