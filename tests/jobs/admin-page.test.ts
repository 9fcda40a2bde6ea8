/**
 * /admin/jobs on the real production server, on a database that holds jobs in every state (PGlite directory, and
 * PostgreSQL when TEST_DATABASE_URL is set): signed-out visitors and wrong tokens are refused, the counts, progress
 * bars and errors are on the page without JavaScript, re-run queues the kind again, and a cross-site POST changes
 * nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/lib/server/db/client';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { episodes, jobs, podcasts, segments } from '../../src/lib/server/db/schema';
import { seedDemoContent } from '../../src/lib/server/demo/seed';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';

const TOKEN = 'jobs-page-token-8c2d';
const ERROR = 'attempt 5: the encoder ran out of memory on a 9-hour episode';

/** Jobs as a busy site has them: done, queued, one running at 3 of 8, one failed with its error. */
async function storeJobs(db: Db): Promise<{ runningTitle: string }> {
	const rows = await db.select({ id: episodes.id, title: episodes.title }).from(episodes).orderBy(episodes.id);
	const [a, b, c, d] = rows;
	const future = new Date(Date.now() + 3600_000);
	await db.insert(jobs).values([
		{ kind: 'vectors', episodeId: a!.id, status: 'done', attempts: 1 },
		{ kind: 'vectors', episodeId: b!.id, status: 'queued' },
		{ kind: 'vectors', episodeId: c!.id, status: 'running', attempts: 1, lockedBy: 'worker-on-host-7', lockedUntil: future, progressDone: 3, progressTotal: 8 },
		{ kind: 'chapters', episodeId: d!.id, status: 'failed', attempts: 5, lastError: ERROR }
	]);
	return { runningTitle: c!.title };
}

describe.each(databaseKinds)('/admin/jobs on %s', (kind) => {
	let server: TestServer;
	let close: () => Promise<void>;
	let runningTitle = '';
	let cookie = '';

	const get = async (withCookie = true) => {
		const response = await fetch(new URL('/admin/jobs', server.url), { redirect: 'manual', headers: { accept: 'text/html', ...(withCookie && cookie ? { cookie } : {}) } });
		const html = await response.text();
		return { status: response.status, doc: parse(html), text: parse(html).querySelector('body')?.text.replace(/\s+/g, ' ') ?? '', cacheControl: response.headers.get('cache-control') };
	};
	const siteOrigin = () => server.url.replace(/^http:/, 'https:');
	const post = async (target: string, fields: Record<string, string>, { origin = siteOrigin(), withCookie = true } = {}) => {
		const response = await fetch(new URL(target, server.url), {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin, ...(withCookie && cookie ? { cookie } : {}) },
			body: new URLSearchParams(fields).toString()
		});
		const html = await response.text();
		return { status: response.status, setCookie: response.headers.get('set-cookie'), text: parse(html).text.replace(/\s+/g, ' ') };
	};

	beforeAll(async () => {
		if (kind === 'postgres') {
			const t: TestDb = await createTestDb('postgres', { seed: true });
			({ runningTitle } = await storeJobs(t.db));
			close = () => t.close();
			server = await startServer({ databaseUrl: t.url, env: { ADMIN_TOKEN: TOKEN, WORKER: '0' } });
		} else {
			// The server must be the only process on a PGlite directory: the jobs are stored first, then it opens it.
			const dir = mkdtempSync(path.join(tmpdir(), 'jobs-page-'));
			const handle = await createDb(`pglite://${dir}`);
			await runMigrations(handle);
			await seedDemoContent(handle.db);
			({ runningTitle } = await storeJobs(handle.db));
			await handle.close();
			server = await startServer({ databaseUrl: `pglite://${dir}`, env: { ADMIN_TOKEN: TOKEN, WORKER: '0', SEARCH_SNAPSHOT_DIR: path.join(dir, 'search') } });
			close = async () => rmSync(dir, { recursive: true, force: true });
		}
	}, 180_000);
	afterAll(async () => {
		await server?.stop();
		await close?.();
	});

	it('answers 401 with a sign-in form to a visitor who is not signed in, and never lets a cache keep the page', async () => {
		const page = await get(false);
		expect(page.status).toBe(401);
		expect(page.text).toContain('Sign in with the admin token to see the background jobs');
		const input = page.doc.querySelector('form[action="/admin?/signin"] input[name=token]')!;
		expect(page.doc.querySelector(`label[for=${input.id}]`)?.text).toBe('Admin token');
		expect(page.doc.querySelector('form input[name=next]')?.getAttribute('value')).toBe('/admin/jobs');
		expect(page.text).not.toContain(ERROR);
	});

	it('refuses a wrong token, and a re-run posted with one changes nothing', async () => {
		const wrong = await post('/admin?/signin', { token: 'not-the-token' }, { withCookie: false });
		expect(wrong.status).toBe(403);
		expect(wrong.setCookie).toBeNull();
		const rerun = await post('/admin/jobs?/requeue', { kind: 'chapters', token: 'not-the-token' }, { withCookie: false });
		expect(rerun.status).toBe(403);
		expect(rerun.text).toContain('That admin token is not right');
		// (The next test, signed in, still finds the chapters job failed with its error.)
	});

	it('shows, once signed in, the counts per kind, the running job’s progress bar and the failed job’s error', async () => {
		const signIn = await post('/admin?/signin', { token: TOKEN, next: '/admin/jobs' }, { withCookie: false });
		expect(signIn.status).toBe(303);
		cookie = signIn.setCookie!.split(';')[0]!;
		const page = await get();
		expect(page.status).toBe(200);
		expect(page.cacheControl).toBe('no-store');
		const row = (name: string) =>
			page.doc
				.querySelectorAll('table')[0]!
				.querySelectorAll('tbody tr')
				.find((tr) => tr.querySelector('th')?.text.trim().startsWith(name))!
				.querySelectorAll('td')
				.slice(0, 4)
				.map((td) => td.text.trim());
		expect(row('vectors')).toEqual(['1', '1', '1', '0']); // queued, running, done, failed
		expect(row('chapters')).toEqual(['0', '0', '0', '1']);
		const bar = page.doc.querySelector('progress')!;
		expect(bar.getAttribute('max')).toBe('8');
		expect(bar.getAttribute('value')).toBe('3');
		const label = page.doc.querySelector(`label[for=${bar.id}]`)!.text.replace(/\s+/g, ' ');
		expect(label).toContain('vectors');
		expect(label).toContain(runningTitle);
		expect(label).toContain('3 of 8 (38 %)');
		expect(page.text).toContain(ERROR);
		expect(page.text).toContain('2 job(s) queued or running');
	});

	it('refuses a cross-site re-run even with the editor’s cookie', async () => {
		const crossSite = await post('/admin/jobs?/requeue', { kind: 'chapters' }, { origin: 'https://evil.example' });
		expect(crossSite.status).toBe(403);
		expect((await get()).text).toContain(ERROR);
	});

	it('re-runs a kind from its form: the failed job is queued again, its error cleared', async () => {
		const rerun = await post('/admin/jobs?/requeue', { kind: 'chapters' });
		expect(rerun.status).toBe(200);
		expect(rerun.text).toContain('1 chapters job queued again.');
		const page = await get();
		expect(page.text).not.toContain(ERROR);
		expect(page.text).toContain('No job has failed.');
	});
});

describe('the site’s own worker (WORKER=1) on an embedded database', () => {
	let server: TestServer;
	let dir: string;
	let cookie = '';

	beforeAll(async () => {
		// One small show of our own, never through the background steps: the site queues its work at start and runs it.
		dir = mkdtempSync(path.join(tmpdir(), 'jobs-site-worker-'));
		const handle = await createDb(`pglite://${dir}`);
		await runMigrations(handle);
		const [show] = await handle.db.insert(podcasts).values({ slug: 'garden-hour', title: 'Garden Hour' }).returning();
		const [episode] = await handle.db.insert(episodes).values({ podcastId: show!.id, slug: 'tomatoes', guid: 'garden-hour:tomatoes', title: 'Growing tomatoes on a balcony', durationSeconds: 600 }).returning();
		await handle.db.insert(segments).values({ episodeId: episode!.id, position: 0, startSeconds: 0, endSeconds: 600, title: 'Tomatoes in pots', summary: 'Which varieties grow well in a pot on a sunny balcony, and how often to water them.' });
		await handle.close();
		server = await startServer({ databaseUrl: `pglite://${dir}`, env: { ADMIN_TOKEN: TOKEN, WORKER: '1', SEED_DEMO: '0', SEARCH_SNAPSHOT_DIR: path.join(dir, 'search') } });
		const signIn = await fetch(new URL('/admin?/signin', server.url), {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url.replace(/^http:/, 'https:') },
			body: new URLSearchParams({ token: TOKEN, next: '/admin/jobs' }).toString()
		});
		cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
	}, 180_000);
	afterAll(async () => {
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	it('queues the episode’s vectors and questions at start, runs them, and shows them done; stops cleanly', async () => {
		const doneCounts = async () => {
			const html = await (await fetch(new URL('/admin/jobs', server.url), { headers: { cookie } })).text();
			const rows = parse(html).querySelectorAll('table')[0]!.querySelectorAll('tbody tr');
			return Object.fromEntries(rows.map((tr) => [tr.querySelector('th')!.text.trim().split(/\s+/)[0], tr.querySelectorAll('td')[2]!.text.trim()]));
		};
		const deadline = Date.now() + 90_000;
		let counts = await doneCounts();
		while ((counts.vectors !== '1' || counts.questions !== '1') && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			counts = await doneCounts();
		}
		expect(counts).toMatchObject({ vectors: '1', questions: '1' });
		expect(server.output()).toMatch(/\[jobs\] 2 job\(s\) queued for content that never had its background work/);
		expect(server.output()).toMatch(/\[jobs\] vectors #\d+ \(episode \d+\) done in \d+ ms/);
		await server.stop();
		expect((await server.exited).code).toBe(0);
		expect(server.output()).toContain('shut down cleanly');
	}, 120_000);
});
