import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder, runMigrations } from '../../src/lib/server/db/migrate';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { queryRows, sql, tableCounts } from './support';

/** The committed migrations, as drizzle-kit's journal lists them. */
const journal: { entries: { tag: string }[] } = JSON.parse(readFileSync(path.join(migrationsFolder(), 'meta/_journal.json'), 'utf8'));

describe.each(databaseKinds)('migrations on %s', (kind) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(kind);
	});
	afterAll(() => t?.close());

	it('creates every table the site uses, empty', async () => {
		const tables = await queryRows<{ table_name: string }>(
			t.db,
			sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`
		);
		expect(tables.map((r) => r.table_name)).toEqual(
			expect.arrayContaining([
				'episode_people',
				'episodes',
				'people',
				'podcasts',
				'question_segments',
				'questions',
				'segments',
				'transcript_cues'
			])
		);
		expect(Object.values(await tableCounts(t.db)).every((n) => n === 0)).toBe(true);
	});

	it('installs btree_gist and the no-overlap rule on segments', async () => {
		const extensions = await queryRows<{ extname: string }>(t.db, sql`select extname from pg_extension`);
		expect(extensions.map((e) => e.extname)).toContain('btree_gist');
		const constraints = await queryRows<{ conname: string; contype: string }>(
			t.db,
			sql`select conname, contype from pg_constraint where conrelid = 'segments'::regclass`
		);
		expect(constraints).toContainEqual({ conname: 'segments_no_overlap', contype: 'x' });
		const triggers = await queryRows<{ tgname: string }>(
			t.db,
			sql`select tgname from pg_trigger where not tgisinternal order by tgname`
		);
		expect(triggers.map((r) => r.tgname)).toEqual(expect.arrayContaining(['episodes_keep_segments_inside', 'segments_inside_episode']));
	});

	it('records each committed migration once, and applying them again changes nothing', async () => {
		const before = await queryRows<{ hash: string }>(t.db, sql`select hash from drizzle.__drizzle_migrations order by id`);
		expect(journal.entries.length).toBeGreaterThanOrEqual(2);
		expect(before).toHaveLength(journal.entries.length);
		await runMigrations(t.handle);
		const after = await queryRows<{ hash: string }>(t.db, sql`select hash from drizzle.__drizzle_migrations order by id`);
		expect(after).toEqual(before);
	});

	it('refuses to run from a folder without migrations, with an error rather than silence', async () => {
		await expect(runMigrations(t.handle, '/nonexistent/migrations')).rejects.toThrow();
	});
});
