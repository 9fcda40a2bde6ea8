/**
 * Several server processes on one port (SERVER_PROCESSES, server/index.js with node:cluster): each is an instance as a
 * second server would be, so a change written through one must reach pages answered by the other, and stopping the
 * server must stop them all cleanly. PostgreSQL only; on PGlite (one process owns the store) the setting is refused.
 */
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrenOf } from '../../bench/lib/child-processes';
import { createTestDb, type TestDb } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';
import { startFileServer, type FileServer } from '../import/helpers/file-server';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/import/fixtures');
const TOKEN = 'two processes, one port';

interface Answer {
	status: number;
	body: string;
	fromMemory: boolean;
}

/** A GET on a connection of its own: the server's processes take new connections in turn. */
function getAlone(url: string, accept = 'application/json'): Promise<Answer> {
	return new Promise((resolve, reject) => {
		http
			.get(url, { agent: false, headers: { accept, connection: 'close' }, timeout: 10_000 }, (response) => {
				let body = '';
				response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, body, fromMemory: response.headers['x-cache'] === 'hit' }));
			})
			.on('error', reject);
	});
}

const titles = (answer: Answer) => (JSON.parse(answer.body) as { segments: { title: string }[] }).segments.map((s) => s.title);

describe.skipIf(!process.env.TEST_DATABASE_URL || process.platform !== 'linux')('two server processes on PostgreSQL (SERVER_PROCESSES=2)', () => {
	let database: TestDb;
	let server: TestServer;
	let files: FileServer;

	beforeAll(async () => {
		database = await createTestDb('postgres', { seed: true });
		files = await startFileServer(fixtures);
		// No warming: a process's first answer to a URL is then rendered by it, which shows that both answer.
		server = await startServer({ databaseUrl: database.url, env: { SERVER_PROCESSES: '2', ADMIN_TOKEN: TOKEN, RESPONSE_CACHE_WARM: '0' } });
	}, 120_000);
	afterAll(async () => {
		await server?.stop();
		await files?.close();
		await database?.close();
	});

	it('serves pages from two processes on one port', async () => {
		expect(server.output()).toMatch(/Listening on http:\/\/127\.0\.0\.1:\d+ \(2 processes/);
		expect(childrenOf(server.pid)).toHaveLength(2);
		const answers: Answer[] = [];
		for (let i = 0; i < 6; i++) answers.push(await getAlone(`${server.url}/api/search?q=running+therapy`));
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
		// Each process renders the answer once and keeps it in its own cache: two rendered, the rest from memory.
		expect(answers.filter((a) => !a.fromMemory)).toHaveLength(2);
		const page = await getAlone(`${server.url}/people`);
		expect(page.status).toBe(200);
	});

	it('shows an import made through one process in the answers of both', async () => {
		for (let i = 0; i < 4; i++) expect(titles(await getAlone(`${server.url}/api/search?q=contour`))).not.toContain('What a contour is');
		// The admin import form, posted on a connection of its own: one of the two processes writes it.
		const written = await fetch(`${server.url}/admin/import`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: server.url.replace(/^http:/, 'https:'), connection: 'close' },
			body: new URLSearchParams({ token: TOKEN, feeds: files.url('quirky-feed.xml') })
		});
		expect(written.status).toBe(200);
		expect(await written.text()).toContain('Kettle');
		// Until six answers in a row (three from each process, which take connections in turn) show it.
		const deadline = Date.now() + 15_000;
		let inARow = 0;
		while (inARow < 6) {
			if (Date.now() > deadline) throw new Error(`the import did not reach both processes within 15 s. Output:\n${server.output().slice(-3000)}`);
			inARow = titles(await getAlone(`${server.url}/api/search?q=contour`)).includes('What a contour is') ? inARow + 1 : 0;
			if (inARow === 0) await new Promise((resolve) => setTimeout(resolve, 50));
		}
		// The episode page it added, from both.
		for (let i = 0; i < 4; i++) expect((await getAlone(`${server.url}/podcasts/kettle-compass/reading-contour-lines`)).status).toBe(200);
	}, 60_000);

	it('stops every process cleanly on SIGTERM', async () => {
		const children = childrenOf(server.pid);
		await server.stop();
		expect(await server.exited).toEqual({ code: 0, signal: null });
		expect(server.output().match(/\[db\] closed; shut down cleanly/g)).toHaveLength(2);
		for (const pid of children) expect(() => process.kill(pid, 0)).toThrow();
	}, 60_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('warming with two processes', () => {
	it('warms both processes\' caches after one visitor, whichever process answered it', async () => {
		const database = await createTestDb('postgres', { seed: true });
		const server = await startServer({ databaseUrl: database.url, env: { SERVER_PROCESSES: '2' } });
		try {
			expect((await getAlone(`${server.url}/robots.txt`)).status).toBe(200);
			const deadline = Date.now() + 30_000;
			while ((server.output().match(/\[cache\] warmed \d+ page/g) ?? []).length < 2) {
				if (Date.now() > deadline) throw new Error(`both processes did not warm within 30 s. Output:\n${server.output().slice(-3000)}`);
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			// Each process answers an episode page from memory on its first visit (connections are taken in turn).
			const first: Answer[] = [];
			for (let i = 0; i < 4; i++) first.push(await getAlone(`${server.url}/podcasts/running-explained/running-isnt-therapy`, 'text/html'));
			expect(first.map((a) => a.fromMemory)).toEqual([true, true, true, true]);
		} finally {
			await server.stop();
			await database.close();
		}
	}, 90_000);
});

describe('SERVER_PROCESSES on the embedded database', () => {
	it('refuses more than one process, saying why and what to use', async () => {
		const started = startServer({ env: { SERVER_PROCESSES: '2' }, timeoutMs: 60_000 });
		await expect(started).rejects.toThrow(/SERVER_PROCESSES="2" is not allowed: more than one process needs PostgreSQL/);
	}, 90_000);
});
