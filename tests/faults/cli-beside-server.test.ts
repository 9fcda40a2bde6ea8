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

const root = path.resolve(import.meta.dirname, '../..');
const FEED = path.join(realdataDir, 'feeds/apple-sample-feed.xml');
const describeWithFiles = existsSync(FEED) || process.env.CI === 'true' ? describe : describe.skip;

/** Runs `npm run import -- FEED` as a user would (the same script), and collects what it printed. */
function runImport(databaseUrl: string): Promise<{ code: number | null; output: string }> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', FEED], {
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
