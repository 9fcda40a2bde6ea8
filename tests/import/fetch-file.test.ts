import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWithLimits } from '../../src/lib/server/import/fetch-file';
import { startFileServer, type FileServer } from './helpers/file-server';

const limits = { timeoutMs: 2_000, maxBytes: 1_000, maxRedirects: 3 };

describe('fetchWithLimits', () => {
	let server: FileServer;
	beforeAll(async () => {
		server = await startFileServer();
		server.route('/ok', (_req, res) => res.end('hello'));
		server.route('/moved', (_req, res) => res.writeHead(301, { location: '/hop' }).end());
		server.route('/hop', (_req, res) => res.writeHead(302, { location: `${server.origin}/ok` }).end());
		server.route('/loop', (_req, res) => res.writeHead(302, { location: '/loop2' }).end());
		server.route('/loop2', (_req, res) => res.writeHead(302, { location: '/loop' }).end());
		for (let i = 0; i < 5; i++) server.route(`/chain${i}`, (_req, res) => res.writeHead(302, { location: `/chain${i + 1}` }).end());
		server.route('/big-declared', (_req, res) => res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000)));
		server.route('/big-chunked', (_req, res) => {
			res.writeHead(200);
			for (let i = 0; i < 10; i++) res.write('y'.repeat(200));
			res.end();
		});
		server.route('/slow', () => {}); // never answers
		server.route('/gone', (_req, res) => res.writeHead(410, 'Gone').end());
	});
	afterAll(() => server.close());

	it('follows redirects and reports where the content was found', async () => {
		const fetched = await fetchWithLimits(`${server.origin}/moved`, limits);
		expect(new TextDecoder().decode(fetched.bytes)).toBe('hello');
		expect(fetched.finalUrl).toBe(`${server.origin}/ok`);
	});

	it('stops at a redirect loop and at too many redirects', async () => {
		await expect(fetchWithLimits(`${server.origin}/loop`, limits)).rejects.toThrow(/redirect loop/);
		await expect(fetchWithLimits(`${server.origin}/chain0`, limits)).rejects.toThrow('more than 3 redirects');
	});

	it('refuses files over the size limit, whether or not the server declares the length', async () => {
		await expect(fetchWithLimits(`${server.origin}/big-declared`, limits)).rejects.toThrow(/larger than the 1000 bytes limit/);
		await expect(fetchWithLimits(`${server.origin}/big-chunked`, limits)).rejects.toThrow(/larger than the 1000 bytes limit/);
	});

	it('gives up after the deadline', async () => {
		await expect(fetchWithLimits(`${server.origin}/slow`, { ...limits, timeoutMs: 300 })).rejects.toThrow('timed out after 0.3 s');
	});

	it('says what the server answered, and when nothing answers at all', async () => {
		await expect(fetchWithLimits(`${server.origin}/gone`, limits)).rejects.toThrow('HTTP 410 Gone');
		const closed = await startFileServer();
		await closed.close();
		await expect(fetchWithLimits(`${closed.origin}/feed.xml`, limits)).rejects.toThrow('the server refused the connection');
		await expect(fetchWithLimits('ftp://example.com/x', limits)).rejects.toThrow(/not an http\(s\) address/);
	});
});
