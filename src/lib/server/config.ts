/**
 * The site's configuration: every environment variable it reads, read here once and checked. A bad value stops
 * the server at start with the variable's name, the value and what is allowed, rather than being quietly taken as
 * something else (RESPONSE_CACHE_MB=64MB used to turn the cache off without a word). Services take the values they
 * need as arguments; only start-up code (hooks.server.ts, scripts/) and this module look at the environment.
 */
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDatabaseUrl, type DbTarget } from './db/client';
import { parseAddressRanges, type AddressRange } from './net/address-policy';

export interface Config {
	/** DATABASE_URL as given (unset: the embedded database in ./data/pglite). */
	databaseUrl: string | undefined;
	database: DbTarget;
	/** SEED_DEMO: load the demo content into an empty database. */
	seedDemo: boolean;
	/** ADMIN_TOKEN: null turns the admin pages off. */
	adminToken: string | null;
	/** SEARCH_SNAPSHOT_DIR. */
	searchSnapshotDir: string;
	/** RESPONSE_CACHE_MB in bytes; 0 turns the cache off. */
	responseCacheBytes: number;
	/** RESPONSE_CACHE_WARM: fill the response cache with question and episode pages after start and after changes. */
	responseCacheWarm: boolean;
	/** MIGRATIONS_DIR, resolved. */
	migrationsDir: string;
	/** WORKER: whether the web process runs a background worker too. */
	worker: boolean;
	/**
	 * SERVER_PROCESSES: how many Node processes `npm start` (server/index.js) serves from, sharing its port (node:cluster).
	 * 1 (the default) on any database; more only on PostgreSQL, where each process is an instance as a second server
	 * would be (its own search index and response cache, changes followed through the change log). `auto`: one per
	 * core on PostgreSQL, 1 on the embedded database.
	 */
	serverProcesses: number;
	/** ORIGIN: the public URL, when set. */
	origin: string | null;
	/**
	 * IMPORT_ALLOW_PRIVATE: address ranges on the operator's own network (or this machine) that feeds may be fetched
	 * from. Empty (the default): only public addresses, so a feed cannot make the server fetch from inside.
	 */
	importAllowPrivate: AddressRange[];
	/**
	 * Searches per client (by address): SEARCH_CONCURRENCY in progress at once; turns from a bucket of SEARCH_BURST
	 * refilled at SEARCH_PER_SECOND a second. Answers from the response cache take no turn.
	 */
	searchLimits: { concurrency: number; burst: number; perSecond: number };
}

export class ConfigError extends Error {
	constructor(message: string) {
		super(`configuration: ${message}`);
		this.name = 'ConfigError';
	}
}

type Env = Record<string, string | undefined>;

/** A value as the shell gives it: surrounding spaces dropped, empty taken as unset. */
function value(env: Env, name: string): string | undefined {
	const raw = env[name]?.trim();
	return raw ? raw : undefined;
}

function bad(name: string, given: string, allowed: string): ConfigError {
	return new ConfigError(`${name}="${given}" is not allowed: ${allowed}.`);
}

function flag(env: Env, name: string, fallback: boolean): boolean {
	const given = value(env, name);
	if (given === undefined) return fallback;
	if (/^(1|true|yes|on)$/i.test(given)) return true;
	if (/^(0|false|no|off)$/i.test(given)) return false;
	throw bad(name, given, 'use 1 (on) or 0 (off)');
}

function wholeNumber(env: Env, name: string, fallback: number, max: number, allowed: string, min = 0): number {
	const given = value(env, name);
	if (given === undefined) return fallback;
	if (!/^\d+$/.test(given) || Number(given) > max || Number(given) < min) throw bad(name, given, allowed);
	return Number(given);
}

/** The most SERVER_PROCESSES may ask for: more processes than this only share the same cores and database. */
const MAX_SERVER_PROCESSES = 64;

/** SERVER_PROCESSES, checked: a number of processes, or `auto` (one per core on PostgreSQL); more than 1 only on PostgreSQL. */
function processCount(env: Env, database: DbTarget): number {
	const given = value(env, 'SERVER_PROCESSES');
	if (given === undefined) return 1;
	if (/^auto$/i.test(given)) return database.kind === 'postgres' ? Math.max(1, Math.min(MAX_SERVER_PROCESSES, os.availableParallelism())) : 1;
	const count = wholeNumber(env, 'SERVER_PROCESSES', 1, MAX_SERVER_PROCESSES, `a whole number of processes from 1 to ${MAX_SERVER_PROCESSES}, or auto (one per core)`, 1);
	if (count > 1 && database.kind !== 'postgres') {
		throw bad('SERVER_PROCESSES', given, 'more than one process needs PostgreSQL (DATABASE_URL=postgres://...): the embedded database (PGlite) belongs to one process; use 1, or auto');
	}
	return count;
}

/** Reads and checks the configuration; throws ConfigError naming the first bad variable. */
export function readConfig(env: Env = process.env): Config {
	const databaseUrl = value(env, 'DATABASE_URL');
	let database: DbTarget;
	try {
		database = parseDatabaseUrl(databaseUrl);
	} catch (error) {
		throw new ConfigError((error as Error).message);
	}
	const cacheMegabytes = wholeNumber(env, 'RESPONSE_CACHE_MB', 64, 65_536, 'a whole number of megabytes such as 64 (no unit), or 0 to turn the cache off');
	const migrationsDir = path.resolve(value(env, 'MIGRATIONS_DIR') ?? 'drizzle');
	if (!existsSync(migrationsDir) || !statSync(migrationsDir).isDirectory()) {
		throw bad('MIGRATIONS_DIR', migrationsDir, 'a directory holding the drizzle migrations (the drizzle/ folder of this repository)');
	}
	const origin = value(env, 'ORIGIN') ?? null;
	if (origin !== null && !/^https?:\/\/[^/\s]+\/?$/i.test(origin)) {
		throw bad('ORIGIN', origin, 'the public address with scheme and host only, such as https://podcasts.example.org');
	}
	let importAllowPrivate: AddressRange[];
	try {
		importAllowPrivate = parseAddressRanges(value(env, 'IMPORT_ALLOW_PRIVATE') ?? '');
	} catch (error) {
		const allowed = 'address ranges separated by commas, such as 10.0.0.0/8,192.168.1.20/32,fd00::/8';
		throw bad('IMPORT_ALLOW_PRIVATE', value(env, 'IMPORT_ALLOW_PRIVATE')!, `${(error as Error).message}; use ${allowed}`);
	}
	const searchLimits = {
		concurrency: wholeNumber(env, 'SEARCH_CONCURRENCY', 2, 1000, 'a whole number of searches from 1 to 1000', 1),
		burst: wholeNumber(env, 'SEARCH_BURST', 300, 1_000_000, 'a whole number of searches from 1', 1),
		perSecond: wholeNumber(env, 'SEARCH_PER_SECOND', 30, 1_000_000, 'a whole number of searches a second from 1', 1)
	};
	const serverProcesses = processCount(env, database);
	wholeNumber(env, 'PORT', 3000, 65_535, 'a port number from 0 to 65535');
	wholeNumber(env, 'SHUTDOWN_TIMEOUT', 30, 86_400, 'a whole number of seconds');
	return {
		databaseUrl,
		database,
		seedDemo: flag(env, 'SEED_DEMO', true),
		adminToken: value(env, 'ADMIN_TOKEN') ?? null,
		searchSnapshotDir: value(env, 'SEARCH_SNAPSHOT_DIR') ?? './data/search',
		responseCacheBytes: cacheMegabytes * 1024 * 1024,
		responseCacheWarm: flag(env, 'RESPONSE_CACHE_WARM', true),
		migrationsDir,
		worker: flag(env, 'WORKER', true),
		serverProcesses,
		origin,
		importAllowPrivate,
		searchLimits
	};
}

let current: Config | null = null;

/** The process's configuration, read on first use (start-up reads it first, so a bad value stops the server there). */
export function getConfig(): Config {
	current ??= readConfig();
	return current;
}
