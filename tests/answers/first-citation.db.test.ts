/**
 * The answer page quotes from search's moments in search's order, the sentence of each that best answers: over a
 * real two-hour show transcribed without capitals or full stops in places (../shared/segbench-dev, imported through
 * the import steps bench:quality uses), a question asked in a listener's own words gets, as citation [1], a sentence
 * said inside the judged window where the answer is (windows from bench/judged/real.ts, written from the transcript).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/lib/server/answers';
import type { SearchService } from '../../src/lib/server/search/service';
import type { TestDb } from '../helpers/db';
import { realdataDir } from '../helpers/environment';
import { searchOverTranscript } from '../helpers/real-search';

const TRANSCRIPT = path.join(realdataDir, '../segbench-dev/wan-2022-10-21/transcript.json');

/** Questions not in the transcript's words, and where (seconds) the answer is said. */
const JUDGED = [
	{ question: 'how is the channel putting its videos out in other languages', window: [3174, 3655] },
	{ question: 'which rapper is buying a social network after being banned', window: [5772, 5904] }
] as const;

let t: TestDb;
let search: SearchService;
beforeAll(async () => {
	if (!existsSync(TRANSCRIPT)) return;
	({ t, search } = await searchOverTranscript(TRANSCRIPT));
}, 300_000);
afterAll(async () => {
	await t?.close();
});

describe.skipIf(!existsSync(TRANSCRIPT))('the first citation', () => {
	it.each(JUDGED)('of "$question" plays a sentence said where the answer is', async ({ question, window: [from, to] }) => {
		const answer = await answerQuestion(t.db, question, { search });
		expect(answer.status).toBe('answered');
		const first = answer.citations[0]!;
		expect(first.n).toBe(1);
		expect(first.startSeconds).toBeLessThan(to);
		expect(first.endSeconds).toBeGreaterThan(from);
		expect(first.url).toMatch(new RegExp(`\\?t=${first.startSeconds},${first.endSeconds}$`));
	});
});
