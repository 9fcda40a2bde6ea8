/**
 * `npm run import` and the background work it queues, as a user runs it (scripts/import.ts in its own process, on an
 * embedded database in a directory, the feed served on 127.0.0.1 with a real transcript from ../shared/realdata):
 * without --wait it says what it queued and how to follow it; with --wait it runs the work and reports it done.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/lib/server/db/client';
import { jobProgress } from '../../src/lib/server/jobs';
import { realdataDir } from '../helpers/environment';
import { startFileServer, type FileServer } from '../import/helpers/file-server';

const root = path.resolve(import.meta.dirname, '../..');
const TRANSCRIPT = 'transcripts/podcastindex-buzzsprout-example-voice-tags.vtt';

function feedXml(transcriptUrl: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>Sound Check</title>
    <link>https://sound-check.example/</link>
    <description>A show whose only episode has a transcript and nothing else.</description>
    <language>en-us</language>
    <item>
      <title>Recording at home</title>
      <guid isPermaLink="false">sound-check-1</guid>
      <itunes:duration>30</itunes:duration>
      <enclosure url="https://audio.example/sound-check-1.mp3" length="1" type="audio/mpeg"/>
      <description>Tips for recording at home.</description>
      <podcast:transcript url="${transcriptUrl}" type="text/vtt"/>
    </item>
  </channel>
</rss>`;
}

function runImport(args: string[], databaseUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: databaseUrl, MIGRATIONS_DIR: path.join(root, 'drizzle'), SEED_DEMO: '0' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
	child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
	return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run import and its background work', () => {
	let server: FileServer;
	let dir: string;
	const url = () => `pglite://${dir}`;

	beforeAll(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'jobs-import-cli-'));
		server = await startFileServer(realdataDir);
		server.route('/sound-check.xml', (_req, res) => res.writeHead(200).end(feedXml(server.url(TRANSCRIPT))));
	});
	afterAll(async () => {
		await server?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('says what it queued and how to follow it, and leaves it queued for the site’s worker', async () => {
		const result = await runImport([`${server.origin}/sound-check.xml`], url());
		expect(result.code, result.stderr).toBe(0);
		expect(result.stderr).toContain('background work queued: chapters 0/1 done');
		expect(result.stderr).toContain('It runs when the site starts');
		expect(result.stderr).toContain('--wait');
		const handle = await createDb(url());
		try {
			const progress = await jobProgress(handle.db);
			expect(progress.kinds.map((k) => [k.kind, k.queued])).toEqual([['chapters', 1]]);
		} finally {
			await handle.close();
		}
	}, 120_000);

	it('with --wait, runs the chapters and what follows them here, and reports them done', async () => {
		// Imported again with nothing changed: the queued chapters job is still there, and --wait runs it.
		const result = await runImport([`${server.origin}/sound-check.xml`, '--wait'], url());
		expect(result.code, result.stderr).toBe(0);
		expect(result.stderr).toMatch(/background work: chapters 1\/1 done, questions 1\/1 done, vectors 1\/1 done\s*$/);
		const handle = await createDb(url());
		try {
			const progress = await jobProgress(handle.db);
			expect(progress.pending).toBe(0);
			expect(progress.failed).toEqual([]);
		} finally {
			await handle.close();
		}
	}, 240_000);
});
