/**
 * Builds a drizzle database for a URL. postgres:// and postgresql:// go to a real server through postgres.js;
 * pglite:///dir and pglite://memory (and no URL at all) use the embedded PGlite. Nothing outside this file knows
 * which one it got: both are a drizzle `PgDatabase` over the same schema and the same migrations.
 */
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { lockDataDir } from './pglite-lock';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle: the same query API as Db, used by writes that must land whole or not at all. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DbTarget =
	| { kind: 'postgres'; url: string }
	| { kind: 'pglite'; dataDir: string | null /* null: in memory */ };

export interface DbHandle {
	db: Db;
	target: DbTarget;
	/**
	 * Who writes through this handle: its sessions' application_name on PostgreSQL, which the outbox triggers record
	 * with every change (content-sync.ts skips its own). Unique per handle, so two servers never share one.
	 */
	origin: string;
	/** Runs raw SQL outside drizzle (migrations, LISTEN, test set-up). */
	close(): Promise<void>;
}

/** How a server's origin (its sessions' application_name) begins. */
export const SERVER_ORIGIN_PREFIX = 'podcast-moments server ';

export const DEFAULT_PGLITE_DIR = './data/pglite';

/** Reads a DATABASE_URL-style string; an empty or missing one means the embedded database in ./data/pglite. */
export function parseDatabaseUrl(url: string | undefined | null): DbTarget {
	const value = url?.trim();
	if (!value) return { kind: 'pglite', dataDir: DEFAULT_PGLITE_DIR };
	if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value };
	if (/^pglite:/i.test(value)) {
		const rest = value.replace(/^pglite:(\/\/)?/i, '');
		if (rest === '' || rest === 'memory' || rest === 'memory/') return { kind: 'pglite', dataDir: null };
		return { kind: 'pglite', dataDir: decodeURIComponent(rest) };
	}
	throw new Error(
		`DATABASE_URL: "${value.replace(/:[^:@/]*@/, ':***@')}" is not a database URL this site understands. ` +
			'Use postgres://user:password@host:5432/db, pglite:///path/to/dir, pglite://memory, or leave it unset.'
	);
}

/** Opens a database. The caller owns the handle and closes it. */
export async function createDb(url?: string | null, options: { maxConnections?: number; server?: boolean } = {}): Promise<DbHandle> {
	const target = parseDatabaseUrl(url);
	// A server's origin says so: servers derive what follows from their own writes, and claim scripts' (content-sync.ts).
	const origin = `${options.server ? SERVER_ORIGIN_PREFIX : 'podcast-moments '}${randomUUID().slice(0, 8)}`;
	if (target.kind === 'postgres') {
		const client = postgres(target.url, {
			max: options.maxConnections ?? 10,
			// A database that does not answer (host down, packets dropped) fails the request within a second, not
			// postgres.js's default 30 s (nor the 5 s this was, which added up to 19 s over a page's queries): the reader
			// gets the 503 page (hooks.server.ts) at once. A database on a healthy network connects in milliseconds.
			connect_timeout: 0.8,
			onnotice: () => {}, // "extension already exists" and the like are not worth a log line
			connection: { application_name: origin }
		});
		const db = drizzlePostgres(client, { schema, casing: 'snake_case' }) as unknown as Db;
		return { db, target, origin, close: () => client.end({ timeout: 5 }) };
	}
	let unlock = () => {};
	if (target.dataDir) {
		const { mkdir } = await import('node:fs/promises');
		await mkdir(target.dataDir, { recursive: true });
		unlock = lockDataDir(target.dataDir, options.server ? 'server' : 'command'); // refuses a second process on the same directory (pglite-lock.ts)
	}
	try {
		const client = await PGlite.create(target.dataDir ?? undefined, { extensions: { btree_gist } });
		const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
		return { db, target, origin, close: () => client.close().finally(unlock) };
	} catch (error) {
		unlock();
		throw error;
	}
}
