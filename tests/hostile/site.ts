/**
 * The production server for the hostile-input suites: the demo content plus the hostile feed (imported by the real
 * importer) and rows, on an embedded database on disk (prepared here, then served by the server process). The admin
 * form is on, and the client address comes from X-Forwarded-For so that tests can be several clients. Not a test file.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { createDb } from '../../src/lib/server/db/client';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { episodes } from '../../src/lib/server/db/schema';
import { seedDemoContent } from '../../src/lib/server/demo/seed';
import { importFeeds } from '../../src/lib/server/import/import-feeds';
import { startServer, type TestServer } from '../helpers/server';
import { freePort } from '../share/support';
import { insertHostileRows, writeHostileFeed } from './payloads';

export const ADMIN_TOKEN = 'hostile-suite admin token, long enough';

export interface HostileSite {
	readonly url: string;
	readonly server: TestServer;
	/** Where the hostile show and its one episode live (their slugs, as the importer made them). */
	readonly show: string;
	readonly episode: string;
	/** A request with a deadline: a hang fails the test instead of stalling it. */
	fetch(pathname: string, init?: RequestInit & { timeoutMs?: number }): Promise<Response>;
	/** The server's resident memory in kB (Linux /proc), or null elsewhere. */
	memoryKb(): Promise<number | null>;
}

export function serveHostileSite(): HostileSite {
	let server: TestServer | undefined;
	let dir: string | undefined;
	let show = '';
	let episode = '';
	beforeAll(async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'pm-hostile-'));
		const databaseUrl = `pglite://${path.join(dir, 'db')}`;
		const handle = await createDb(databaseUrl);
		try {
			await runMigrations(handle);
			await seedDemoContent(handle.db);
			const report = await importFeeds(handle.db, [await writeHostileFeed(path.join(dir, 'feed'))]);
			const feed = report.feeds[0]!;
			if (!feed.ok) throw new Error(`tests: the hostile feed did not import: ${feed.error}`);
			show = feed.podcast!.slug;
			const [row] = await handle.db.select({ slug: episodes.slug }).from(episodes).where(eq(episodes.podcastId, feed.podcast!.id));
			episode = row!.slug;
			await insertHostileRows(handle.db, episode);
		} finally {
			await handle.close();
		}
		const port = await freePort();
		server = await startServer({
			databaseUrl,
			env: {
				PORT: String(port),
				ORIGIN: `http://127.0.0.1:${port}`,
				ADMIN_TOKEN,
				ADDRESS_HEADER: 'x-forwarded-for',
				XFF_DEPTH: '1'
			}
		});
	}, 180_000);
	afterAll(async () => {
		await server?.stop();
		if (dir) await rm(dir, { recursive: true, force: true });
	});
	return {
		get url() {
			if (!server) throw new Error('tests: the server has not started');
			return server.url;
		},
		get server() {
			if (!server) throw new Error('tests: the server has not started');
			return server;
		},
		get show() {
			return show;
		},
		get episode() {
			return episode;
		},
		fetch(pathname, { timeoutMs = 10_000, ...init } = {}) {
			return fetch(new URL(pathname, this.url), { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), ...init });
		},
		async memoryKb() {
			try {
				const status = await readFile(`/proc/${this.server.pid}/status`, 'utf8');
				return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) || null;
			} catch {
				return null;
			}
		}
	};
}
