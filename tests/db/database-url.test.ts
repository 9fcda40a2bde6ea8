import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDb, DEFAULT_PGLITE_DIR, parseDatabaseUrl } from '../../src/lib/server/db/client';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { podcasts } from '../../src/lib/server/db/schema';

describe('parseDatabaseUrl', () => {
	it('sends postgres:// and postgresql:// URLs to a real PostgreSQL, unchanged', () => {
		expect(parseDatabaseUrl('postgres://postgres@127.0.0.1:5432/test')).toEqual({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/test' });
		expect(parseDatabaseUrl(' postgresql://u:p@db.internal/site ')).toEqual({ kind: 'postgres', url: 'postgresql://u:p@db.internal/site' });
	});

	it('reads pglite:///dir as an embedded database in that directory', () => {
		expect(parseDatabaseUrl('pglite:///var/lib/podcasts')).toEqual({ kind: 'pglite', dataDir: '/var/lib/podcasts' });
		expect(parseDatabaseUrl('pglite://./data/other')).toEqual({ kind: 'pglite', dataDir: './data/other' });
		expect(parseDatabaseUrl('pglite:///tmp/with%20space')).toEqual({ kind: 'pglite', dataDir: '/tmp/with space' });
	});

	it('reads pglite://memory as an embedded database that lives in memory', () => {
		expect(parseDatabaseUrl('pglite://memory')).toEqual({ kind: 'pglite', dataDir: null });
		expect(parseDatabaseUrl('pglite:')).toEqual({ kind: 'pglite', dataDir: null });
	});

	it('uses the embedded database in ./data/pglite when unset or blank', () => {
		for (const value of [undefined, null, '', '   ']) {
			expect(parseDatabaseUrl(value)).toEqual({ kind: 'pglite', dataDir: DEFAULT_PGLITE_DIR });
		}
	});

	it('explains what to write instead of a URL it does not understand, without printing the password', () => {
		expect(() => parseDatabaseUrl('mysql://admin:hunter2@db/site')).toThrow(
			/^DATABASE_URL: "mysql:\/\/admin:\*\*\*@db\/site" is not a database URL this site understands\. Use postgres:\/\//
		);
		expect(() => parseDatabaseUrl('mysql://admin:hunter2@db/site')).not.toThrow(/hunter2/);
		expect(() => parseDatabaseUrl('localhost:5432')).toThrow(/pglite:\/\/memory, or leave it unset/);
	});
});

describe('createDb', () => {
	it('keeps an embedded database in its directory across restarts', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'pm-pglite-'));
		try {
			const first = await createDb(`pglite://${dir}`);
			await runMigrations(first);
			await first.db.insert(podcasts).values({ slug: 'kept', title: 'Kept' });
			await first.close();
			const second = await createDb(`pglite://${dir}`);
			const [row] = await second.db.select({ n: count() }).from(podcasts);
			expect(row!.n).toBe(1);
			await second.close();
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('refuses junk before opening anything', async () => {
		await expect(createDb('sqlite:///tmp/x.db')).rejects.toThrow(/^DATABASE_URL: "sqlite:\/\/\/tmp\/x.db" is not a database URL/);
	});
});
