/**
 * The production build for benchmarks: builds it when build/ is missing or older than the sources (under the shared
 * build lock), and starts it (`node server/index.js` around a copy of build/) on a database, on 127.0.0.1 and a free port.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

function newest(entry: string): number {
	if (!existsSync(entry)) return 0;
	const stat = statSync(entry);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newest(path.join(entry, name))));
}

/**
 * Builds the site unless build/ is newer than everything it is made from, then copies it (both under the shared build
 * lock) so that someone rebuilding build/ meanwhile cannot pull files out from under the running server. The copy
 * lives inside node_modules/ so the build still finds its packages. Returns the copy and a function removing it.
 */
export function snapshotBuild(log: (message: string) => void): { dir: string; remove(): void } {
	// Another build (an earlier commit's, for a before-and-after in one session): used as it is, and left in place.
	const given = process.env.BENCH_BUILD_DIR;
	if (given) {
		if (!existsSync(path.join(given, 'handler.js'))) throw new Error(`bench: BENCH_BUILD_DIR="${given}" holds no build (no handler.js)`);
		log(`using the build in ${given} (BENCH_BUILD_DIR)`);
		return { dir: path.resolve(given), remove: () => {} };
	}
	const marker = path.join(root, 'build/handler.js');
	const fresh = existsSync(marker) && statSync(marker).mtimeMs >= Math.max(...SOURCES.map((s) => newest(path.join(root, s))));
	if (!fresh) log('building the site (build/ is missing or older than the sources) ...');
	const dir = path.join(root, 'node_modules/.cache/podcast-moments-bench', `build-${process.pid}`);
	// The client manifest (which chunk imports which) comes along, for bench:weight; it is not part of build/.
	const manifest = '.svelte-kit/output/client/.vite/manifest.json';
	const command =
		`${fresh ? '' : 'npx vite build >/dev/null && '}rm -rf '${dir}' && mkdir -p '${path.dirname(dir)}' && cp -R build '${dir}'` +
		` && if [ -f ${manifest} ]; then cp ${manifest} '${dir}/client-manifest.json'; fi`;
	const hasFlock = spawnSync('sh', ['-c', 'command -v flock'], { stdio: 'ignore' }).status === 0;
	const started = performance.now();
	// NODE_ENV other than production (vitest's "test", a developer's shell) would make Vite build with `dev` true.
	execFileSync(hasFlock ? 'flock' : 'sh', hasFlock ? ['/tmp/build.lock', 'sh', '-c', command] : ['-c', command], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, NODE_ENV: 'production' }
	});
	if (!fresh) log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunningServer {
	url: string;
	pid: number;
	output(): string;
	stop(): Promise<void>;
}

/** Starts a Node script that prints "Listening on http://127.0.0.1:PORT" and resolves once it does. */
export async function startListening(args: string[], env: Record<string, string>, timeoutMs = 300_000): Promise<RunningServer> {
	const child = spawn(process.execPath, args, {
		cwd: root,
		env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => fail(`did not listen within ${timeoutMs / 1000} s`), timeoutMs);
		function fail(why: string) {
			clearTimeout(timer);
			child.kill('SIGKILL');
			reject(new Error(`bench: ${args.join(' ')} ${why}. Its output:\n${output.slice(-4000)}`));
		}
		child.stdout!.on('data', () => {
			const match = /Listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]!);
			}
		});
		child.once('exit', (code) => fail(`exited with code ${code}`));
	});
	return {
		url,
		pid: child.pid!,
		output: () => output,
		stop: async () => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		}
	};
}

/** The site's production build (a snapshotBuild copy) on a database. */
export function startProductionServer(buildDir: string, databaseUrl: string, env: Record<string, string> = {}): Promise<RunningServer> {
	const server = path.resolve(import.meta.dirname, '../../server/index.js');
	// BENCH_NODE_ARGS: flags for the site's Node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, which NODE_OPTIONS refuses).
	const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
	return startListening([...nodeArgs, server], { BUILD_DIR: buildDir, DATABASE_URL: databaseUrl, SEED_DEMO: '0', ...env });
}
