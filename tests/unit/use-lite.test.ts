/**
 * The encoder computes USE-lite's graph itself, one text at a time (use-lite.ts). Its vectors must be the graph's, as
 * the package computes them in batches, or every passage vector already stored would be stale: checked on real
 * listener questions and real transcript lines (read at run time from ../shared) and on texts at the edges of the
 * tokenizer and the model (empty, unknown characters, longer than the 128 word pieces the model reads).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { realJudgedQuestions } from '../../bench/judged/real';
import { unanswerableQuestions } from '../../bench/judged/unanswerable';
import { loadUseLite } from '../../src/lib/server/embeddings/use-lite';

const DEV = '../shared/segbench-dev';

/** Real transcript lines: the first 40 segments of four episodes, and runs of five segments as a passage is made. */
function transcriptTexts(): string[] {
	const episodes = readdirSync(DEV).filter((d) => !d.includes('.')).sort().slice(0, 4);
	const texts: string[] = [];
	for (const episode of episodes) {
		const segments = (JSON.parse(readFileSync(`${DEV}/${episode}/transcript.json`, 'utf8')) as { segments: { body: string }[] }).segments;
		texts.push(...segments.slice(0, 40).map((s) => s.body));
		for (let at = 40; at < 90; at += 5) texts.push(segments.slice(at, at + 5).map((s) => s.body).join(' '));
	}
	return texts;
}

const EDGES = [
	'',
	'   ',
	'a',
	'??',
	'Café naïve — “quoted” 😀 ✓ 東京 2026-12-06 #42 $9.99',
	'how do you deal with cryprel when the kydroust keeps getting in the way of craitechy?',
	Array.from({ length: 120 }, (_, i) => `word${i} thing`).join(' '), // far more than 128 word pieces
	'x'.repeat(3000)
];

describe('the USE-lite encoder computed directly', () => {
	const loading = Promise.all([loadUseLite(), loadUseLite({ graph: true })]);
	afterAll(async () => {
		await loading; // the threads are unref'd: nothing to stop
	});

	it('gives the graph’s vectors, within 1e-5, for real questions, transcript lines and edge cases', async () => {
		const [direct, graph] = await loading;
		const texts = [...new Set([...realJudgedQuestions.map((q) => q.question), ...unanswerableQuestions])].concat(transcriptTexts(), EDGES);
		expect(texts.length).toBeGreaterThan(300);
		const [mine, reference] = await Promise.all([direct.encode(texts), graph.encode(texts)]);
		let worst = 0;
		let worstText = '';
		mine.forEach((vector, i) => {
			for (let j = 0; j < vector.length; j++) {
				const difference = Math.abs(vector[j]! - reference[i]![j]!);
				if (difference > worst) [worst, worstText] = [difference, texts[i]!];
			}
		});
		expect(worst, `largest difference on "${worstText.slice(0, 80)}"`).toBeLessThanOrEqual(1e-5);
		expect(direct.model).toBe(graph.model);
	}, 120_000);
});
