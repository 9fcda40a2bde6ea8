/**
 * `npm run editor`: the commands on the demo content (the same functions as the pages), and the script itself on an
 * embedded database of its own, with its exit codes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askedQuestions, episodes, podcasts, questions, segments } from '../../src/lib/server/db/schema';
import { runEditorCommand } from '../../src/lib/server/editor';
import { getEpisodePage } from '../../src/lib/server/episodes';
import { createTestDb, type TestDb } from '../helpers/db';

const root = path.resolve(import.meta.dirname, '../..');

describe('the editor commands on the demo content', () => {
	let t: TestDb;
	const run = (...args: string[]) => runEditorCommand(t.db, args);

	beforeAll(async () => {
		t = await createTestDb('pglite', { seed: true });
	});
	afterAll(async () => {
		await t?.close();
	});

	it('creates, edits, shows, merges and deletes questions', async () => {
		expect(await run('question', 'create', 'Can I run every day?', '--alt', 'Is daily running OK?', '--featured')).toBe(
			'created question ' + (await t.db.select().from(questions).where(eq(questions.slug, 'can-i-run-every-day')))[0]!.id + ' at /questions/can-i-run-every-day'
		);
		await run('question', 'edit', 'can-i-run-every-day', '--text', 'Is it OK to run every day?', '--answer', 'Most runners need easy days.');
		const shown = await run('question', 'show', 'can-i-run-every-day');
		expect(shown.split('\n').slice(1, 4)).toEqual(['Is it OK to run every day?', '  also: Is daily running OK?', 'answer: Most runners need easy days.']);

		await run('question', 'create', 'Should I run daily?');
		expect(await run('question', 'merge', 'should-i-run-daily', 'can-i-run-every-day')).toMatch(/^merged question \d+ into question \d+$/);
		expect(await run('question', 'show', 'can-i-run-every-day')).toContain('  also: Should I run daily?');
		await expect(run('question', 'show', 'should-i-run-daily')).rejects.toThrow('Editor: there is no question "should-i-run-daily".');

		await expect(run('question', 'delete', 'can-i-run-every-day')).rejects.toThrow('add --yes to delete');
		await run('question', 'delete', 'can-i-run-every-day', '--yes');
		expect(await run('question', 'list', 'every day')).toBe('No question matches.');
	});

	it('pins with a moment, reorders and unpins citations', async () => {
		const [q] = await t.db.select().from(questions).where(eq(questions.slug, 'why-are-rest-days-important-for-runners'));
		const [segment] = await t.db.select().from(segments).where(eq(segments.title, 'Welcome and Meet Sarah Strong'));
		await run('pin', String(q!.id), String(segment!.id), '--from', '0:10', '--to', '40');
		const shown = await run('question', 'show', String(q!.id));
		const pinnedLines = shown.split('\n').filter((l) => /^\[\d+\] segment \d+ \((editorial|mined)\)/.test(l));
		expect(pinnedLines.at(-1)).toMatch(new RegExp(`^\\[\\d+\\] segment ${segment!.id} \\(editorial\\) Welcome and Meet Sarah Strong .* moment 10-40 s$`));
		const order = pinnedLines.map((l) => Number(/segment (\d+)/.exec(l)![1]));
		await run('reorder', String(q!.id), [...order].reverse().join(','));
		expect((await run('question', 'show', String(q!.id))).split('\n').find((l) => l.startsWith('[1]'))).toContain(`segment ${segment!.id} `);
		await run('unpin', String(q!.id), String(segment!.id));
		expect(await run('question', 'show', String(q!.id))).not.toContain(`segment ${segment!.id} `);
	});

	it('edits a segment, and refuses an overlap with a clear message, changing nothing', async () => {
		const [episode] = await t.db.select().from(episodes).where(eq(episodes.slug, 'race-day-nerves'));
		const list = await t.db.select().from(segments).where(eq(segments.episodeId, episode!.id)).orderBy(asc(segments.startSeconds));
		await run('segment', 'edit', String(list[0]!.id), '--title', 'Nerves, named', '--end', String(list[0]!.endSeconds - 5));
		expect((await run('episode', 'segments', String(episode!.id))).split('\n')[0]).toBe(`${list[0]!.id}\t${list[0]!.startSeconds}-${list[0]!.endSeconds - 5} s\tedited\tNerves, named`);
		const before = await run('episode', 'segments', String(episode!.id));
		await expect(run('segment', 'edit', String(list[1]!.id), '--end', String(list[2]!.endSeconds))).rejects.toThrow(/would vanish/);
		await expect(run('segment', 'edit', String(list[1]!.id), '--start', 'soon')).rejects.toThrow('--start "soon" is not a time');
		expect(await run('episode', 'segments', String(episode!.id))).toBe(before);
	});

	it('hides and deletes episodes and shows, lists and promotes asked questions, and prints the log', async () => {
		const [episode] = await t.db.select().from(episodes).where(eq(episodes.slug, 'race-day-nerves'));
		await run('episode', 'hide', String(episode!.id));
		expect(await getEpisodePage(t.db, 'coaching-corner', 'race-day-nerves')).toBeNull();
		expect(await run('shows')).toMatch(/\tcoaching-corner\t3 episode\(s\), 1 hidden\t/);
		await run('episode', 'unhide', String(episode!.id));
		expect(await getEpisodePage(t.db, 'coaching-corner', 'race-day-nerves')).not.toBeNull();
		await expect(run('episode', 'delete', String(episode!.id))).rejects.toThrow('add --yes');
		await run('episode', 'delete', String(episode!.id), '--yes');
		expect(await run('show', 'episodes', 'coaching-corner')).not.toContain('Race Day');
		expect(await run('show', 'delete', 'coaching-corner', '--yes')).toMatch(/^deleted show \d+: 2 episode\(s\), 0 mined question\(s\)/);
		expect(await t.db.select().from(podcasts).where(eq(podcasts.slug, 'coaching-corner'))).toEqual([]);

		await t.db.insert(askedQuestions).values([
			{ normalized: 'do compression socks help', text: 'Do compression socks help?', count: 7, bestScore: 0.12 },
			{ normalized: 'is yoga good for runners', text: 'Is yoga good for runners?', count: 2, bestScore: 0.4 }
		]);
		expect((await run('asked', 'list')).split('\n').map((l) => l.split('\t').slice(0, 2).join(' '))).toEqual(['7× score 0.12', '2× score 0.40']);
		expect(await run('asked', 'promote', 'do compression socks help')).toMatch(/^promoted to question \d+ at \/questions\/do-compression-socks-help with \d+ citation\(s\)$/);
		const [promoted] = await t.db.select().from(questions).where(eq(questions.slug, 'do-compression-socks-help'));
		expect(promoted!.origin).toBe('asked');
		expect((await run('asked', 'list')).split('\n')).toHaveLength(1);

		const log = (await run('log', '--limit', '3')).split('\n').map((l) => l.split('\t')[2]);
		expect(log.filter((l) => /^promoted the asked question "Do compression socks help\?" \(asked 7 time\(s\)\) to question \d+$/.test(l!))).toHaveLength(1);
		expect(log).toContainEqual(expect.stringMatching(/^created question \d+ "Do compression socks help\?"/));
	});

	it('promotes an asked question with the citations its answer quotes now, each playing the quoted moment', async () => {
		const asked = 'How many hours of sleep does a runner need each night?';
		await t.db.insert(askedQuestions).values({ normalized: 'how many hours of sleep does a runner need each night', text: asked, count: 4, bestScore: 0.8 });
		const out = await run('asked', 'promote', 'how many hours of sleep does a runner need each night', '--text', 'How much sleep does a runner need?');
		const [, id, cited] = /^promoted to question (\d+) at \/questions\/how-much-sleep-does-a-runner-need with (\d+) citation\(s\)$/.exec(out)!;
		expect(Number(cited)).toBeGreaterThanOrEqual(1);
		const shown = (await run('question', 'show', id!)).split('\n');
		const pinned = shown.filter((l) => /^\[\d+\] segment \d+ \(editorial\)/.test(l));
		expect(pinned).toHaveLength(Number(cited));
		// Each citation plays the quoted sentences (a moment inside its segment), and the sleep episode is among them.
		for (const line of pinned) expect(line).toMatch(/ moment [\d.]+-[\d.]+ s$/);
		expect(shown.join('\n')).toMatch(/Sleep/);
		const log = (await run('log', '--limit', '10')).split('\n').map((l) => l.split('\t')[2]);
		expect(log.filter((l) => /^pinned segment \d+ .* to question \d+ at [\d.]+-[\d.]+ s$/.test(l!))).toHaveLength(Number(cited));
	}, 120_000);
});

describe('npm run editor', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'editor-cli-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const cli = (...args: string[]) =>
		promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/editor.ts'), ...args], {
			cwd: root,
			env: { ...process.env, DATABASE_URL: `pglite://${dir}`, MIGRATIONS_DIR: path.join(root, 'drizzle') }
		}).then(
			({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
			(e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr })
		);

	it('changes the database it is pointed at, and exits 1 with the reason when a command cannot be done', async () => {
		const created = await cli('--', 'question', 'create', 'What is a tempo run?');
		expect(created).toMatchObject({ code: 0, stdout: 'created question 1 at /questions/what-is-a-tempo-run\n' });
		const refused = await cli('segment', 'edit', '42', '--title', 'Nothing there');
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain('Editor: there is no segment 42');
		const unknown = await cli('frobnicate');
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain('usage: npm run editor -- <command>');
	}, 120_000);
});
