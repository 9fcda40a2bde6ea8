/**
 * The ceiling for the HTTP benchmark: a plain Node http server that answers each path with bytes it holds in
 * memory (the real server's responses, captured beforehand), and does nothing else. Run as a child process
 * (`tsx bench/lib/ceiling-server.ts responses.json`); it prints "Listening on ..." like adapter-node.
 * Import only its type from elsewhere (`import type`), which does not run it.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A captured response: status, headers, body (base64). */
export interface CapturedResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

const captured = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Record<string, CapturedResponse>;
const responses = new Map(
	Object.entries(captured).map(([path, r]) => {
		const body = Buffer.from(r.body, 'base64');
		return [path, { status: r.status, headers: { ...r.headers, 'content-length': String(body.length) }, body }];
	})
);
const server = createServer((req, res) => {
	const response = responses.get(req.url ?? '');
	if (!response) return void res.writeHead(404).end();
	res.writeHead(response.status, response.headers).end(response.body);
});
server.listen(0, '127.0.0.1', () => console.log(`Listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.once('SIGTERM', () => {
	server.close(() => process.exit(0));
	server.closeAllConnections();
});
