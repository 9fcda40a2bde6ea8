/**
 * The import command beside a running server on the embedded database (issue 13): PGlite is one process's database,
 * so a second process writing the same directory lost its import and, once, corrupted the store. The command is
 * refused with what to do instead, the running site is untouched, and the same import works once the server stops.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realdataDir } from '../helpers/environment';
import { startServer, type TestServer } from '../helpers/server';
import { startFileServer, type FileServer } from '../import/helpers/file-server';

const root = path.resolve(import.meta.dirname, '../..');
const FEED = path.join(realdataDir, 'feeds/apple-sample-feed.xml');
const describeWithFiles = existsSync(FEED) || process.env.CI === 'true' ? describe : describe.skip;

/** Runs `npm run import -- FEED` as a user would (the same script), and collects what it printed. */
function runImport(databaseUrl: string, feed = FEED): Promise<{ code: number | null; output: string }> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', feed], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: databaseUrl },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describeWithFiles('the import command beside a running server on PGlite', () => {
	let dir: string;
	let server: TestServer | undefined;

	beforeAll(async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'pm-cli-beside-'));
	});
	afterAll(async () => {
		await server?.stop();
		await rm(dir, { recursive: true, force: true });
	});

	it('is refused with what to do instead, loses nothing, and works once the server has stopped', async () => {
		const databaseUrl = `pglite://${dir}`;
		server = await startServer({ databaseUrl });
		const showLinks = async () => [...(await fetch(`${server!.url}/podcasts`).then((r) => r.text())).matchAll(/href="(\/podcasts\/[^"]+)"/g)].map((m) => m[1]);
		const before = await showLinks();
		expect(before.length).toBeGreaterThan(0);

		const refused = await runImport(databaseUrl);
		expect(refused.code, refused.output).not.toBe(0);
		expect(refused.output).toMatch(/is open in another process \(pid \d+/);
		expect(refused.output).toContain('/admin/import');
		expect(refused.output).not.toMatch(/show added/i);

		// The running site is untouched and still answers from the same store.
		expect(await showLinks()).toEqual(before);

		await server.stop();
		server = undefined;
		const imported = await runImport(databaseUrl);
		expect(imported.code, imported.output).toBe(0);

		// A server started on the same directory sees the show: nothing was lost, nothing corrupted.
		server = await startServer({ databaseUrl });
		const after = await showLinks();
		expect(after).toEqual(expect.arrayContaining(before));
		expect(after.length).toBe(before.length + 1);
	}, 180_000);
});

/** A small made-up feed, served only once the test lets it go (so the import is held at its download). */
function heldFeed(): string {
	const items = [1, 2].map(
		(n) => `<item><title>Held episode ${n}</title><guid isPermaLink="false">held-${n}</guid>
      <pubDate>${new Date(Date.UTC(2024, 0, n)).toUTCString()}</pubDate>
      <enclosure url="https://audio.example/held-${n}.mp3" length="1000" type="audio/mpeg"/>
      <description>&lt;p&gt;00:00 Hello&lt;/p&gt;&lt;p&gt;05:00 Goodbye&lt;/p&gt;</description></item>`
	);
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The Held Feed Show</title><link>https://held.example/</link>
<description>Arrives when the test says so.</description>${items.join('')}</channel></rss>`;
}

describe('the site started while the import command runs on PGlite', () => {
	let dir: string;
	let files: FileServer;
	let server: TestServer | undefined;

	beforeAll(async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'pm-server-beside-'));
		files = await startFileServer();
	});
	afterAll(async () => {
		await server?.stop();
		await files?.close();
		await rm(dir, { recursive: true, force: true });
	});

	it('refuses to start, naming the import and what to do, and the import it waited for is all there afterwards', async () => {
		const databaseUrl = `pglite://${dir}`;
		let letGo!: () => void;
		const released = new Promise<void>((resolve) => (letGo = resolve));
		let requested!: () => void;
		const downloading = new Promise<void>((resolve) => (requested = resolve));
		files.route('/held.xml', async (_req, res) => {
			requested();
			await released;
			res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(heldFeed());
		});
		const importing = runImport(databaseUrl, files.url('held.xml'));
		await downloading; // the command has the database open and is fetching the feed

		const refusal = await startServer({ databaseUrl }).then(
			(started) => ((server = started), 'started'),
			(error: Error) => error.message
		);
		expect(refusal).toMatch(/is open in another process \(pid \d+: import\.ts/);
		expect(refusal).toContain('Let that command finish');
		expect(refusal).not.toContain('/admin/import');

		letGo();
		const imported = await importing;
		expect(imported.code, imported.output).toBe(0);
		expect(imported.output).toContain('show added');

		server = await startServer({ databaseUrl });
		const shows = await fetch(`${server.url}/podcasts`).then((r) => r.text());
		expect(shows).toContain('The Held Feed Show');
	}, 240_000);
});
