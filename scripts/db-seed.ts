/** `npm run db:seed`: loads the demo content (idempotent: run it again and nothing changes). */
import { createDb } from '../src/lib/server/db/client';
import { runMigrations } from '../src/lib/server/db/migrate';
import { seedDemoContent } from '../src/lib/server/demo/seed';
import { getConfig } from '../src/lib/server/config';
import { enqueueMissingWork } from '../src/lib/server/jobs';

const handle = await createDb(getConfig().databaseUrl);
try {
	await runMigrations(handle);
	const r = await seedDemoContent(handle.db);
	console.log(`demo content loaded: ${r.podcasts} shows, ${r.episodes} episodes, ${r.segments} segments, ${r.cues} cues, ${r.questions} questions`);
	// Its vectors and mined questions are computed in the background (the site's worker, or npm run worker).
	const queued = await enqueueMissingWork(handle.db);
	if (queued) console.log(`${queued} background job(s) queued (vectors, questions); see npm run jobs`);
} finally {
	await handle.close();
}
