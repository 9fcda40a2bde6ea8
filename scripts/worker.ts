/**
 * `npm run worker`: a background worker on its own (chapters, vectors, mined questions ...), beside or instead of
 * the one the site runs. Any number may run against one PostgreSQL. On the embedded PGlite store the site's own
 * worker is the one, and this refuses while the site has the database open. Stops cleanly on SIGTERM or Ctrl-C.
 */
import { getConfig } from '../src/lib/server/config';
import { jobKinds } from '../src/lib/server/jobs';
import { runWorkerProcess, WorkerRefusedError } from '../src/lib/server/jobs/worker-process';

if (process.argv.slice(2).some((a) => a === '-h' || a === '--help')) {
	console.error('usage: npm run worker   (runs background jobs until SIGTERM or Ctrl-C; see npm run jobs for their progress)');
	process.exit(0);
}

try {
	await runWorkerProcess({ databaseUrl: getConfig().databaseUrl, kinds: jobKinds });
} catch (error) {
	if (!(error instanceof WorkerRefusedError)) throw error;
	console.error(error.message);
	process.exitCode = 1;
}
