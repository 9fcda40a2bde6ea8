/**
 * `npm run editor -- <command>`: the editors' tools on the command line, against DATABASE_URL (or the embedded
 * database). `npm run editor -- --help` lists the commands. Changes are logged as from the pages, and servers on the
 * same PostgreSQL hear them (their search indexes follow). Exits 1 when the command could not be done, 2 for usage.
 */
import { startContentSync } from '../src/lib/server/content-sync';
import { getConfig } from '../src/lib/server/config';
import { createDb } from '../src/lib/server/db/client';
import { runMigrations } from '../src/lib/server/db/migrate';
import { isEditorError, runEditorCommand } from '../src/lib/server/editor';

const args = process.argv.slice(2);
const handle = await createDb(getConfig().databaseUrl);
try {
	await runMigrations(handle);
	const sync = await startContentSync(handle, { log: (m) => console.error(`[sync] ${m}`) });
	try {
		console.log(await runEditorCommand(handle.db, args));
	} catch (error) {
		if (!isEditorError(error)) throw error;
		console.error(error.message);
		process.exitCode = /no command|give |usage/.test(error.message) ? 2 : 1;
	} finally {
		await sync.stop();
	}
} finally {
	await handle.close();
}
