/**
 * `npm run questions:link`: recomputes every question's automatic links from the search index. Editorial links are
 * pinned and left as they are. A running server keeps its own copy of the links in memory: restart it to pick
 * these up (writes made through the site update it directly).
 */
import { createDb } from '../src/lib/server/db/client';
import { runMigrations } from '../src/lib/server/db/migrate';
import { SearchService } from '../src/lib/server/search/service';

const handle = await createDb(process.env.DATABASE_URL);
try {
	await runMigrations(handle);
	let started = performance.now();
	const service = await SearchService.build(handle.db);
	const stats = service.index.stats();
	console.log(`indexed ${stats.segments} segments and ${stats.questions} questions in ${Math.round(performance.now() - started)} ms`);
	started = performance.now();
	const result = await service.recomputeAutoLinks();
	console.log(`linked ${result.questions} questions to ${result.links} segments automatically in ${Math.round(performance.now() - started)} ms`);
} finally {
	await handle.close();
}
