/**
 * `npm run jobs`: what the background work is doing (counts per kind, running jobs with their progress, failed ones
 * with their error). `npm run jobs -- watch` refreshes until nothing is queued or running;
 * `npm run jobs -- requeue KIND [--all]` runs a kind again: its failed jobs and work done by an older method version,
 * or with --all every done job of that kind too (after a change to the method that its version does not show).
 */
import { getConfig } from '../src/lib/server/config';
import { createDb } from '../src/lib/server/db/client';
import { runMigrations } from '../src/lib/server/db/migrate';
import { findJobKind, formatJobProgress, jobKinds, jobProgress, requeueKind } from '../src/lib/server/jobs';

const USAGE = [
	'usage: npm run jobs                        counts per kind, running jobs with progress, failed jobs with their error',
	'       npm run jobs -- watch               the same, refreshed every 2 s until nothing is queued or running',
	'       npm run jobs -- requeue KIND [--all]  run KIND again: failed and outdated jobs (--all: every done one too)',
	`kinds: ${jobKinds.map((k) => `${k.name} (version ${k.version})`).join(', ')}`
].join('\n');

const args = process.argv.slice(2).filter((a) => a !== '--');
const [command = 'status', ...rest] = args;
if (['-h', '--help', 'help'].includes(command)) {
	console.log(USAGE);
	process.exit(0);
}
if (!['status', 'watch', 'requeue'].includes(command) || (command === 'requeue' && !rest.filter((a) => a !== '--all').length)) {
	console.error(command === 'requeue' ? 'jobs: requeue needs a kind, such as: npm run jobs -- requeue chapters' : `jobs: unknown command "${command}"`);
	console.error(USAGE);
	process.exit(2);
}

const registered = jobKinds.map((k) => k.name);
const handle = await createDb(getConfig().databaseUrl).catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : String(error));
	console.error('jobs: with the site running on the embedded database, follow the jobs on /admin/jobs instead.');
	process.exit(1);
});
try {
	await runMigrations(handle);
	if (command === 'requeue') {
		const kind = rest.find((a) => a !== '--all')!;
		const all = rest.includes('--all');
		const known = findJobKind(kind);
		if (!known) console.error(`jobs: no worker here runs "${kind}" (known: ${registered.join(', ')}); its jobs are queued anyway.`);
		const queued = await requeueKind(handle.db, kind, { version: known?.version, all });
		console.log(`${queued} ${kind} job(s) queued again${all ? '' : ' (failed ones and those done by an older method; --all for every one)'}`);
	} else {
		for (;;) {
			const progress = await jobProgress(handle.db);
			console.log(formatJobProgress(progress, { registered }).join('\n'));
			if (command !== 'watch' || progress.pending === 0) break;
			await new Promise((resolve) => setTimeout(resolve, 2000));
			console.log('');
		}
	}
} finally {
	await handle.close();
}
