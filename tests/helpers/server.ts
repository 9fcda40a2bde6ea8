/**
 * The real production server (`node server/index.js` around the adapter-node build) on 127.0.0.1 and a free port, on the database a
 * suite gives it. The build comes from tests/global-build.ts, which builds it when needed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';

export interface TestServer {
	/** http://127.0.0.1:PORT, without a trailing slash. */
	url: string;
	/** Everything the server printed so far (for failure messages). */
	output(): string;
	/** The server's process id (to read its memory, or signal it). */
	pid: number;
	/** Settles when the process has exited, with how it exited. */
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	stop(): Promise<void>;
}

export interface StartOptions {
	/** DATABASE_URL for the server; `pglite://memory` (a fresh demo database) unless given. */
	databaseUrl?: string;
	env?: Record<string, string>;
	/** How long to wait for "Listening on": PGlite migrates and loads the demo first. */
	timeoutMs?: number;
}

const root = path.resolve(import.meta.dirname, '../..');

/** Starts the server and resolves once it listens; rejects with its output if it exits or never listens. */
export async function startServer({ databaseUrl = 'pglite://memory', env = {}, timeoutMs = 90_000 }: StartOptions = {}): Promise<TestServer> {
	const buildDir = inject('serverBuildDir');
	if (!buildDir) throw new Error('tests: no server build was provided; is tests/global-build.ts in vitest globalSetup?');
	const child = spawn(process.execPath, [path.join(root, 'server/index.js')], {
		cwd: root,
		env: {
			...process.env,
			NODE_ENV: 'production',
			HOST: '127.0.0.1',
			PORT: '0',
			BUILD_DIR: buildDir,
			DATABASE_URL: databaseUrl,
			MIGRATIONS_DIR: path.join(root, 'drizzle'),
			SHUTDOWN_TIMEOUT: '1',
			// No background worker unless a suite asks for one (WORKER: '1'): computing the demo's vectors would load
			// the CPU and change search results while other suites measure and assert them.
			WORKER: '0',
			// One process unless a suite asks for more (tests/scaling/server-processes.test.ts).
			SERVER_PROCESSES: '1',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal }))
	);
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));

	const url = await new Promise<string>((resolve, reject) => {
		let settled = false;
		const timer = setTimeout(() => fail(`did not start listening within ${timeoutMs / 1000} s`), timeoutMs);
		function fail(why: string) {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			child.kill('SIGKILL');
			reject(new Error(`tests: the server ${why}. Its output:\n${output}`));
		}
		child.stdout!.on('data', () => {
			const match = /Listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (match && !settled) {
				settled = true;
				clearTimeout(timer);
				resolve(match[1]!);
			}
		});
		child.once('exit', (code, signal) => fail(`exited (code ${code}, signal ${signal}) before listening`));
		child.once('error', (error) => fail(`could not be started: ${error.message}`));
	});

	return { url, output: () => output, pid: child.pid!, exited, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
	await exited;
	clearTimeout(timer);
}
