/**
 * `npm run questions:link`: recomputes every question's automatic links from the search index. Editorial links are
 * pinned and left as they are. Servers running on the same PostgreSQL are told (content-sync.ts) and re-read them;
 * a server on PGlite cannot share its database with this script, so stop it first.
 */
import { contentChanged } from '../src/lib/server/content-events';
import { startContentSync } from '../src/lib/server/content-sync';
import { createDb } from '../src/lib/server/db/client';
import { runMigrations } from '../src/lib/server/db/migrate';
import { SearchService } from '../src/lib/server/search';
import { getConfig } from '../src/lib/server/config';

const handle = await createDb(getConfig().databaseUrl);
try {
	await runMigrations(handle);
	let started = performance.now();
	const service = await SearchService.build(handle.db);
	const stats = service.index.stats();
	console.log(`indexed ${stats.segments} segments and ${stats.questions} questions in ${Math.round(performance.now() - started)} ms`);
	started = performance.now();
	const result = await service.recomputeAutoLinks();
	console.log(`linked ${result.questions} questions to ${result.links} segments automatically in ${Math.round(performance.now() - started)} ms`);
	const sync = await startContentSync(handle, { log: (m) => console.error(`[sync] ${m}`) });
	await contentChanged({ questionIds: [...service.index.questions.keys()] });
	await sync.stop();
} finally {
	await handle.close();
}
