/**
 * The ceiling for the HTTP benchmark: a plain Node http server that answers each path with bytes it holds in
 * memory (the real server's responses, captured beforehand), and does nothing else. Run as a child process
 * (`tsx bench/lib/ceiling-server.ts responses.json`); it prints "Listening on ..." like adapter-node.
 * Responses are keyed by `ceilingKey(accept-encoding, path)`: the same URL answers a client that takes brotli with the
 * brotli bytes the site sent for it, and one that sends no Accept-Encoding with the plain bytes, so the comparison
 * stays like for like whatever the clients accept.
 * Import only its type from elsewhere (`import type`), which does not run it.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ceilingKey } from './ceiling-key';

/** A captured response: status, headers, body (base64). */
export interface CapturedResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

/** What the ceiling answers: responses, and for each key (ceiling-key.ts) the index of its response (many URLs share one). */
export interface CapturedResponses {
	responses: CapturedResponse[];
	keys: Record<string, number>;
}

const captured = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as CapturedResponses;
const answers = captured.responses.map((r) => {
	const body = Buffer.from(r.body, 'base64');
	return { status: r.status, headers: { ...r.headers, 'content-length': String(body.length) }, body };
});
const responses = new Map(Object.entries(captured.keys).map(([key, index]) => [key, answers[index]!]));
const server = createServer((req, res) => {
	const encoding = req.headers['accept-encoding'];
	const response = responses.get(ceilingKey(Array.isArray(encoding) ? encoding.join(', ') : encoding, req.url ?? ''));
	if (!response) return void res.writeHead(404).end();
	res.writeHead(response.status, response.headers).end(response.body);
});
server.listen(0, '127.0.0.1', () => console.log(`Listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.once('SIGTERM', () => {
	server.close(() => process.exit(0));
	server.closeAllConnections();
});
