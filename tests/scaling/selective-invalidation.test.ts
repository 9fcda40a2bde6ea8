/**
 * A content change drops only the kept answers that show what changed (cache-tags.ts): on a production server on
 * PostgreSQL, a write made by another process (this one, through the outbox triggers and content-sync.ts) leaves the
 * pages of other episodes answered from memory, while the changed episode's pages show the change at once.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';

interface EpisodeRow {
	id: number;
	path: string;
	title: string;
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('selective invalidation of kept pages on PostgreSQL', () => {
	let database: TestDb;
	let server: TestServer;
	let edited: EpisodeRow;
	let other: EpisodeRow;
	let deleted: EpisodeRow;

	const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[]));
	const get = (pathname: string) => fetch(new URL(pathname, server.url), { headers: { accept: 'text/html' }, signal: AbortSignal.timeout(10_000) });
	/** Asks until `seen` holds (a change reaches the server through the outbox within a second or two). */
	async function waitFor(pathname: string, seen: (response: Response, html: string) => boolean): Promise<{ response: Response; html: string }> {
		for (let i = 0; i < 200; i++) {
			const response = await get(pathname);
			const html = await response.text();
			if (seen(response, html)) return { response, html };
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		throw new Error(`${pathname} never showed the change. The server's output:\n${server.output().slice(-3000)}`);
	}

	beforeAll(async () => {
		database = await createTestDb('postgres', { seed: true });
		// No warming: what is kept is only what these requests put there.
		server = await startServer({ databaseUrl: database.url, env: { RESPONSE_CACHE_WARM: '0' } });
		const episodes = rowsOf<EpisodeRow>(
			await database.db.execute(
				sql`select e.id, '/podcasts/' || p.slug || '/' || e.slug as path, e.title from episodes e join podcasts p on p.id = e.podcast_id order by e.id limit 3`
			)
		);
		[edited, other, deleted] = episodes as [EpisodeRow, EpisodeRow, EpisodeRow];
	});
	afterAll(async () => {
		await server?.stop();
		await database?.close();
	});

	it('keeps another episode\'s page (and its moments) from memory while the edited episode shows its new title', async () => {
		const kept = [other.path, `${other.path}?t=30`, edited.path, `${edited.path}?t=30`];
		for (const p of kept) await get(p);
		for (const p of kept) expect((await get(p)).headers.get('x-cache')).toBe('hit');

		await database.db.execute(sql`update episodes set title = ${`${edited.title} (revised)`} where id = ${edited.id}`);
		const { html } = await waitFor(edited.path, (_r, html) => html.includes(`${edited.title} (revised)`));
		expect(html).toContain(`${edited.title} (revised)`);
		// The moment is made from the episode page rendered after the edit (moment-page.ts): the new title, never the old.
		const moment = await get(`${edited.path}?t=30`);
		const momentHtml = await moment.text();
		expect(momentHtml).toContain(`${edited.title} (revised)`);
		expect(momentHtml).not.toContain(`${edited.title} ·`);

		for (const p of [other.path, `${other.path}?t=30`]) {
			const answer = await get(p);
			expect(answer.headers.get('x-cache')).toBe('hit');
			expect(await answer.text()).toContain(other.title);
		}
	});

	it('drops a deleted episode\'s pages: the next visitor gets 404, not the kept page', async () => {
		await get(deleted.path);
		expect((await get(deleted.path)).headers.get('x-cache')).toBe('hit');
		await database.db.execute(sql`delete from episodes where id = ${deleted.id}`);
		const { response } = await waitFor(deleted.path, (response) => response.status === 404);
		expect(response.status).toBe(404);
		// The deletion took its question links with it, which related questions anywhere may show: others render again.
		expect((await get(other.path)).status).toBe(200);
	});

	it('exits by itself once it has shut down cleanly', async () => {
		await server.stop();
		const { code } = await server.exited;
		expect(code).toBe(0);
		expect(server.output()).toContain('shut down cleanly');
	});
});
