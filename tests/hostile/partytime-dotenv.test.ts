/**
 * The importer never reads a .env file in the working directory: podcast-partytime calls dotenv when it loads,
 * which would copy such a file into process.env, settings the operator never gave. Run in a process of its own
 * whose working directory holds a .env, parsing a feed as an import does.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('parsing a feed in a directory holding a .env file', () => {
	it('leaves the environment as the operator gave it', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'dotenv-'));
		try {
			await writeFile(path.join(dir, '.env'), 'ADMIN_TOKEN=from-a-stray-env-file\nIMPORT_PROBE=leaked\n');
			const feedModule = pathToFileURL(path.join(root, 'src/lib/server/import/feed.ts')).href;
			const script = `const { parsePodcastFeed } = await import(${JSON.stringify(feedModule)});
const feed = parsePodcastFeed('<rss version="2.0"><channel><title>T</title><item><title>E</title><enclosure url="https://x.example/a.mp3" type="audio/mpeg"/></item></channel></rss>', 'probe');
console.log(JSON.stringify({ items: feed.items.length, probe: process.env.IMPORT_PROBE ?? null, token: process.env.ADMIN_TOKEN ?? null }));`;
			const env = { ...process.env };
			delete env.ADMIN_TOKEN;
			delete env.IMPORT_PROBE;
			const loader = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;
			const { stdout } = await promisify(execFile)(process.execPath, ['--import', loader, '--input-type=module', '-e', script], { cwd: dir, env, timeout: 60_000 });
			expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual({ items: 1, probe: null, token: null });
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});
