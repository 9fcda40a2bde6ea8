/** `npm run db:seed`: loads the demo content (idempotent: run it again and nothing changes). */
import { createDb } from '../src/lib/server/db/client';
import { runMigrations } from '../src/lib/server/db/migrate';
import { seedDemoContent } from '../src/lib/server/demo/seed';
import { getConfig } from '../src/lib/server/config';

const handle = await createDb(getConfig().databaseUrl);
try {
	await runMigrations(handle);
	const r = await seedDemoContent(handle.db);
	console.log(`demo content loaded: ${r.podcasts} shows, ${r.episodes} episodes, ${r.segments} segments, ${r.cues} cues, ${r.questions} questions`);
} finally {
	await handle.close();
}
