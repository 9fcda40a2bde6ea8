/**
 * A feed server closes an idle kept-alive connection after a few seconds (Node's default is 5 s). When the importer
 * was busy meanwhile (writing a big feed), the close has not been noticed yet and the next request goes out on the
 * dead socket. Re-importing a 5,000-item feed failed this way with "the connection was dropped" every time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressPolicy, guardedFetch, parseAddressRanges } from '../../src/lib/server/net';

// The feed server is another process, as a real one is: its clock keeps running while this one is busy.
const SERVER = `
const server = require('node:http').createServer((req, res) => res.writeHead(200).end('answer ' + ++server.answered));
server.answered = 0;
server.keepAliveTimeout = 2000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;
let server: ChildProcess;
let origin: string;

beforeAll(async () => {
	server = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
	const [port] = (await once(server.stdout!, 'data')) as [Buffer];
	origin = `http://127.0.0.1:${port.toString().trim()}`;
});
afterAll(() => {
	server.kill();
});

/** Keeps the event loop busy, as a long synchronous write does: nothing notices the server closing the socket. */
function busyFor(ms: number): void {
	const until = performance.now() + ms;
	while (performance.now() < until);
}

describe('a fetch on a feed’s behalf after the server dropped its idle connection', () => {
	it('gets its answer on a new connection instead of failing', async () => {
		const fetchFeed = guardedFetch(new AddressPolicy(parseAddressRanges('127.0.0.1/32')));
		const first = await fetchFeed(`${origin}/feed.xml`);
		expect(await first.text()).toBe('answer 1');
		busyFor(3000); // the server closes the kept connection after 2 s; this process does not look until now
		const second = await fetchFeed(`${origin}/feed.xml`);
		expect(second.status).toBe(200);
		expect(await second.text()).toBe('answer 2');
	});
});
