/** `npm run db:migrate`: applies drizzle/ migrations to DATABASE_URL (or the embedded database). */
import { createDb } from '../src/lib/server/db/client';
import { runMigrations } from '../src/lib/server/db/migrate';
import { getConfig } from '../src/lib/server/config';

const handle = await createDb(getConfig().databaseUrl);
try {
	await runMigrations(handle);
	console.log('migrations applied');
} finally {
	await handle.close();
}
