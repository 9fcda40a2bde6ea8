/**
 * The page and browser suites drive the real production build. This builds it once per test run when build/ is
 * missing or older than the sources, then copies it to a snapshot of this run's own, so that someone rebuilding
 * build/ while the tests run cannot pull files out from under a running server. Suites find the snapshot with
 * `inject('serverBuildDir')` (tests/helpers/server.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The production build this run's servers start from (a copy of build/). */
		serverBuildDir: string;
	}
}

const root = path.resolve(import.meta.dirname, '..');
const buildDir = path.join(root, 'build');
const snapshotsDir = path.join(root, 'node_modules/.cache/podcast-moments-tests');
/** What the build is made from; the server reads drizzle/ at run time, so it is not here. */
const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

function newestSourceTime(entry: string): number {
	if (!existsSync(entry)) return 0;
	const stat = statSync(entry);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const name of readdirSync(entry)) newest = Math.max(newest, newestSourceTime(path.join(entry, name)));
	return newest;
}

/** build/ as it stands is usable: it exists and nothing it is made from changed after it was written. */
function buildIsFresh(): boolean {
	const marker = path.join(buildDir, 'handler.js');
	if (!existsSync(marker) || !existsSync(path.join(buildDir, 'index.js'))) return false;
	const sources = Math.max(...SOURCES.map((s) => newestSourceTime(path.join(root, s))));
	return statSync(marker).mtimeMs >= sources;
}

/** Runs a shell command under the shared build lock when flock exists (other people may be building this tree). */
function underBuildLock(command: string): void {
	const hasFlock = spawnSync('sh', ['-c', 'command -v flock'], { stdio: 'ignore' }).status === 0;
	const [file, args] = hasFlock ? ['flock', ['/tmp/build.lock', 'sh', '-c', command]] : ['sh', ['-c', command]];
	try {
		// vitest sets NODE_ENV=test, and Vite builds with NODE_ENV as it finds it: a build made with it has `dev` true
		// (no shutdown handler, no static-file headers, no response cache). Build what production runs.
		execFileSync(file, args as string[], { cwd: root, stdio: 'pipe', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } });
	} catch (error) {
		const e = error as { stdout?: Buffer; stderr?: Buffer };
		const output = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
		throw new Error(`tests: could not build the site for the page and browser suites (${command}):\n${output}`);
	}
}

/**
 * Vitest runs this setup once for the root and once for each project, each time in a fresh module, so the run's
 * snapshot is remembered in the environment of the (one) main process rather than in a variable.
 */
const SNAPSHOT_ENV = 'PODCAST_MOMENTS_TEST_BUILD';

function prepareSnapshot(): string {
	const known = process.env[SNAPSHOT_ENV];
	if (known && existsSync(path.join(known, 'index.js'))) return known;
	// Snapshots of runs that were killed before their teardown.
	if (existsSync(snapshotsDir)) {
		for (const name of readdirSync(snapshotsDir)) {
			const dir = path.join(snapshotsDir, name);
			if (Date.now() - statSync(dir).mtimeMs > 6 * 3600_000) rmSync(dir, { recursive: true, force: true });
		}
	}
	const target = path.join(snapshotsDir, `build-${process.pid}-${Date.now()}`);
	const build = buildIsFresh() ? '' : 'npx vite build && ';
	if (build) console.log('tests: building the site (build/ is missing or older than src/)');
	const started = performance.now();
	underBuildLock(`${build}mkdir -p '${snapshotsDir}' && cp -R build '${target}'`);
	if (build) console.log(`tests: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	process.env[SNAPSHOT_ENV] = target;
	return target;
}

export default function setup(project: TestProject): () => void {
	const dir = prepareSnapshot();
	project.provide('serverBuildDir', dir);
	// Teardowns run once every test has finished; the first removes the snapshot, the others find it gone.
	return () => {
		rmSync(dir, { recursive: true, force: true });
		delete process.env[SNAPSHOT_ENV];
	};
}
