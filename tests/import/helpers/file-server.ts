/**
 * A small HTTP server on 127.0.0.1 for import tests: serves a folder (and extra routes a test adds), so feeds and
 * their chapter and transcript files go through the importer's real fetch path.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface FileServer {
	/** http://127.0.0.1:port, no trailing slash. */
	origin: string;
	/** The URL of a path under the served folder. */
	url(relativePath: string): string;
	/** Adds or replaces a route for an exact path (checked before the folder). */
	route(pathname: string, handler: Route): void;
	/** Every path requested, in order. */
	requests: string[];
	close(): Promise<void>;
}

const TYPES: Record<string, string> = {
	'.xml': 'application/rss+xml; charset=utf-8',
	'.rss': 'application/rss+xml; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.vtt': 'text/vtt; charset=utf-8',
	'.srt': 'application/x-subrip; charset=utf-8',
	'.html': 'text/html; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8'
};

/** Serves `root` (when given) on a free port of 127.0.0.1. */
export async function startFileServer(root: string | null = null): Promise<FileServer> {
	const routes = new Map<string, Route>();
	const requests: string[] = [];
	const server = createServer(async (req, res) => {
		const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
		requests.push(pathname);
		try {
			const route = routes.get(pathname);
			if (route) return void (await route(req, res));
			if (!root) throw Object.assign(new Error('no folder'), { code: 'ENOENT' });
			const file = path.join(root, pathname);
			if (!file.startsWith(root)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
			const body = await readFile(file);
			res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': body.length });
			res.end(body);
		} catch (error) {
			const missing = (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR';
			res.writeHead(missing ? 404 : 500, { 'content-type': 'text/plain' });
			res.end(missing ? 'not found' : String(error));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		url: (relativePath) => `${origin}/${relativePath.split('/').map(encodeURIComponent).join('/')}`,
		route: (pathname, handler) => void routes.set(pathname, handler),
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

/** A fetch that refuses every host but 127.0.0.1 at once: tests never reach the internet (feeds link to it). */
export const localOnlyFetch = async (input: string, init?: RequestInit): Promise<Response> => {
	const host = new URL(input).hostname;
	if (host !== '127.0.0.1') {
		throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('offline'), { code: 'ENOTFOUND' }) });
	}
	return fetch(input, init);
};
