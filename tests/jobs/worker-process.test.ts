/**
 * The worker as a process of its own, as `npm run worker` runs it (scripts/worker.ts and its runner), on PGlite in a
 * directory and on PostgreSQL when TEST_DATABASE_URL is set: killed mid-job (kill -9), its job is taken over once
 * the lease runs out and finished by another worker; stopped with SIGTERM, it hands the job back and exits 0; and on
 * PGlite, `npm run worker` beside another process on the same directory is refused with what to do.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../src/lib/server/db/client';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { episodes, jobs } from '../../src/lib/server/db/schema';
import { seedDemoContent } from '../../src/lib/server/demo/seed';
import { enqueueJob, startWorker, type JobKind } from '../../src/lib/server/jobs';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';

const root = path.resolve(import.meta.dirname, '../..');

interface Child {
	process: ChildProcess;
	output(): string;
	exited: Promise<number | null>;
}

function spawnScript(script: string, databaseUrl: string, env: Record<string, string> = {}): Child {
	const child = spawn(process.execPath, ['--import', 'tsx', script], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: databaseUrl, MIGRATIONS_DIR: path.join(root, 'drizzle'), ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.setEncoding('utf8').on('data', (c: string) => (output += c));
	child.stderr!.setEncoding('utf8').on('data', (c: string) => (output += c));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	return { process: child, output: () => output, exited };
}

async function waitForOutput(child: Child, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!pattern.test(child.output())) {
		if (Date.now() > deadline || child.process.exitCode !== null) throw new Error(`no ${pattern} from the worker; its output:\n${child.output()}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

describe.each(databaseKinds)('npm run worker on %s', (kind) => {
	let url: string;
	let cleanup: () => Promise<void>;
	let episodeId: number;
	/** PostgreSQL: the test's own connection, open throughout. PGlite: opened only while no worker process runs. */
	let pg: TestDb | null = null;

	async function withDb<T>(work: (db: DbHandle['db']) => Promise<T>): Promise<T> {
		if (pg) return work(pg.db);
		const handle = await createDb(url);
		try {
			return await work(handle.db);
		} finally {
			await handle.close();
		}
	}
	const slowJob = () => withDb(async (db) => (await db.select().from(jobs).where(eq(jobs.kind, 'slow')))[0]!);

	beforeAll(async () => {
		if (kind === 'postgres') {
			pg = await createTestDb('postgres', { seed: true });
			url = pg.url;
			cleanup = () => pg!.close();
		} else {
			const dir = mkdtempSync(path.join(tmpdir(), 'jobs-worker-'));
			url = `pglite://${dir}`;
			const handle = await createDb(url);
			await runMigrations(handle);
			await seedDemoContent(handle.db);
			await handle.close();
			cleanup = async () => rmSync(dir, { recursive: true, force: true });
		}
		episodeId = await withDb(async (db) => (await db.select({ id: episodes.id }).from(episodes).limit(1))[0]!.id);
	}, 120_000);
	afterAll(async () => cleanup?.());

	it('resumes the job of a worker killed mid-way (kill -9) and finishes it', async () => {
		await withDb((db) => enqueueJob(db, 'slow', episodeId, 1));
		const child = spawnScript('tests/jobs/fixtures/slow-worker.ts', url);
		await waitForOutput(child, /step 3 of 20/);
		child.process.kill('SIGKILL');
		await child.exited;

		const abandoned = await slowJob();
		expect(abandoned).toMatchObject({ status: 'running', attempts: 1 });
		expect(abandoned.progressDone).toBeGreaterThanOrEqual(3);
		expect(abandoned.lockedBy).toContain(`:${child.process.pid}:`);

		// Another worker (here, in this process) takes it over once the dead one's two-second lease has run out.
		await withDb(async (db) => {
			const steps: number[] = [];
			const finishing: JobKind = { name: 'slow', version: 1, run: async (ctx) => void steps.push(ctx.episodeId) };
			const worker = startWorker(db, { kinds: [finishing], pollMs: 100, log: () => {} });
			const deadline = Date.now() + 20_000;
			while ((await db.select().from(jobs).where(eq(jobs.kind, 'slow')))[0]!.status !== 'done' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
			await worker.stop();
			expect(steps).toEqual([episodeId]);
		});
		const finished = await slowJob();
		expect(finished).toMatchObject({ status: 'done', attempts: 2, lockedBy: null });
	}, 90_000);

	it('stops on SIGTERM: no new job, the running one handed back untouched, exit code 0', async () => {
		await withDb((db) => enqueueJob(db, 'slow', episodeId, 1, { contentChanged: true }));
		const child = spawnScript('tests/jobs/fixtures/slow-worker.ts', url);
		await waitForOutput(child, /step 2 of 20/);
		child.process.kill('SIGTERM');
		expect(await child.exited).toBe(0);
		expect(child.output()).toContain('SIGTERM: no new jobs');
		expect(child.output()).toContain('handed back to be resumed');
		expect(child.output()).not.toContain('step 20 of 20');
		expect(await slowJob()).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null, lastError: null });
	}, 90_000);

	// PostgreSQL has no such limit: any number of workers share it (the tests above run two).
	if (kind === 'pglite') it('refuses to open a PGlite directory another process holds, saying what to do instead', async () => {
		const holder = spawnScript('tests/jobs/fixtures/slow-worker.ts', url, { STEPS: '1000' });
		try {
			await waitForOutput(holder, /step 1 of 1000/);
			const second = spawnScript('scripts/worker.ts', url);
			expect(await second.exited).toBe(1);
			expect(second.output()).toContain(`is open in another process (pid ${holder.process.pid}`);
			expect(second.output()).toContain('the site (npm start) runs the background work itself');
		} finally {
			holder.process.kill('SIGTERM');
			await holder.exited;
		}
	}, 90_000);
});
