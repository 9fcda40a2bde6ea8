/**
 * One process at a time on an embedded database directory. PGlite is PostgreSQL compiled into this process: two
 * processes that open the same directory each believe they own its files, and the second one's writes are lost or
 * corrupt the store (issue 13: a command-line import beside a running `npm start` reported "show added" and the show
 * was gone after a restart). So the opener takes a lock file in the directory, naming its process; a second opener
 * is refused with what to do instead. A lock left by a process that no longer runs (a crash, a kill -9) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

const LOCK_FILE = 'podcast-moments.lock';

/** Who is refused: a command (an import, a seed ...) beside the site, or the site beside a command. */
export type Opener = 'command' | 'server';

export class DatabaseInUseError extends Error {
	constructor(
		readonly dataDir: string,
		readonly holder: { pid: number; command: string },
		opener: Opener = 'command'
	) {
		super(
			`database: the embedded database in ${dataDir} is open in another process (pid ${holder.pid}: ${holder.command}). ` +
				'PGlite lets one process at a time use a directory, and writing beside it would lose data. ' +
				(opener === 'server'
					? 'Let that command finish (an import ends by itself) or stop it, then start the site again; or use '
					: 'Stop that process first, or import through the running site (/admin/import, with ADMIN_TOKEN set), or use ') +
				'PostgreSQL (DATABASE_URL=postgres://...), where any number of processes share the database.'
		);
		this.name = 'DatabaseInUseError';
	}
}

interface Holder {
	pid: number;
	host: string;
	command: string;
}

/** Takes the directory's lock for this process; returns its release. Throws DatabaseInUseError when another live process holds it. */
export function lockDataDir(dataDir: string, opener: Opener = 'command'): () => void {
	const file = path.join(dataDir, LOCK_FILE);
	const me: Holder = { pid: process.pid, host: hostname(), command: process.argv.slice(1).map((a) => path.basename(a)).join(' ') || 'node' };
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			const fd = openSync(file, 'wx');
			writeSync(fd, JSON.stringify(me));
			closeSync(fd);
			return () => releaseIfMine(file);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const holder = readHolder(file);
		if (holder && holder.pid !== process.pid && isAlive(holder)) throw new DatabaseInUseError(dataDir, holder, opener);
		// Stale (its process is gone) or unreadable (a crash mid-write): take it over.
		rmSync(file, { force: true });
	}
	throw new Error(`database: could not take the lock ${file}; remove it if no other process uses ${dataDir}`);
}

function readHolder(file: string): Holder | null {
	try {
		const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
		return typeof value.pid === 'number' ? { pid: value.pid, host: String(value.host ?? ''), command: String(value.command ?? '') } : null;
	} catch {
		return null;
	}
}

/** A holder on another machine (a shared disk) is taken as alive: we cannot see its processes. */
function isAlive(holder: Holder): boolean {
	if (holder.host && holder.host !== hostname()) return true;
	try {
		process.kill(holder.pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function releaseIfMine(file: string): void {
	if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
}
