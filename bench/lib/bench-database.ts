/**
 * The benchmark's database, seeded with the synthetic corpus once and kept: PGlite in data/bench/ (by default), or
 * the PostgreSQL at DATABASE_URL. A PGlite copy is keyed by corpus size, seed and migrations, so a schema change
 * or another size gets a fresh one; a PostgreSQL database is seeded only when it holds no shows.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { createDb, type DbHandle } from '../../src/lib/server/db/client';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { podcasts } from '../../src/lib/server/db/schema';
import { seedCorpus } from './seed-corpus';
import type { SyntheticCorpus } from './synthetic';

const root = path.resolve(import.meta.dirname, '../..');
/** Bump when seed-corpus.ts writes something different. */
const SEED_VERSION = 1;

export interface BenchDatabase {
	/** DATABASE_URL for the server. */
	url: string;
	/** SEARCH_SNAPSHOT_DIR for the server: its own, so a restart on the same corpus restores the index. */
	snapshotDir: string;
	/** Where it lives, for the report. */
	description: string;
}

/** Returns a database holding the corpus, seeding it first when needed. */
export async function prepareBenchDatabase(
	corpus: SyntheticCorpus,
	key: string,
	databaseUrl: string | undefined,
	log: (message: string) => void
): Promise<BenchDatabase> {
	if (databaseUrl) {
		const handle = await createDb(databaseUrl);
		try {
			await runMigrations(handle);
			const [row] = await handle.db.select({ n: count() }).from(podcasts);
			if ((row?.n ?? 0) === 0) await seed(handle, corpus, log);
			else log(`the database at DATABASE_URL already holds ${row!.n} shows: using it as it is`);
		} finally {
			await handle.close();
		}
		return { url: databaseUrl, snapshotDir: path.join(root, 'data/bench/search-postgres'), description: 'PostgreSQL (DATABASE_URL)' };
	}

	const journal = readFileSync(path.join(root, 'drizzle/meta/_journal.json'));
	const hash = createHash('sha256').update(journal).update(`${key} seed ${SEED_VERSION}`).digest('hex').slice(0, 12);
	const dir = path.join(root, 'data/bench', `pglite-${hash}`);
	const marker = path.join(dir, 'SEEDED');
	if (existsSync(marker)) {
		log(`using the seeded PGlite database in ${path.relative(root, dir)}`);
	} else {
		// Seeded beside, then moved into place: a run killed halfway never leaves a half-seeded database to reuse.
		const partial = `${dir}.partial`;
		rmSync(partial, { recursive: true, force: true });
		const handle = await createDb(`pglite://${partial}`);
		try {
			await runMigrations(handle);
			await seed(handle, corpus, log);
		} finally {
			await handle.close();
		}
		writeFileSync(path.join(partial, 'SEEDED'), `${key}\n`);
		rmSync(dir, { recursive: true, force: true });
		renameSync(partial, dir);
	}
	return { url: `pglite://${dir}`, snapshotDir: `${dir}-search`, description: `PGlite in ${path.relative(root, dir)}` };
}

async function seed(handle: DbHandle, corpus: SyntheticCorpus, log: (message: string) => void): Promise<void> {
	log(`seeding ${corpus.segments.length.toLocaleString('en')} segments ...`);
	const started = performance.now();
	const counts = await seedCorpus(handle.db, corpus, (m) => log(`  ${m}`));
	log(
		`seeded ${counts.shows} shows, ${counts.episodes} episodes, ${counts.segments} segments, ${counts.cues} cues and ` +
			`${counts.questions} questions in ${((performance.now() - started) / 1000).toFixed(1)} s`
	);
}
