/**
 * `npm run bench:quality`: ranking quality on the judged queries over the demo content (recall@3 and MRR), with
 * every query that misses, so a ranking change can be judged by what it finds rather than by feel.
 */
import { createDb } from '../src/lib/server/db/client';
import { runMigrations } from '../src/lib/server/db/migrate';
import { seedDemoContent } from '../src/lib/server/demo/seed';
import { loadIndexContent } from '../src/lib/server/search/load';
import { SearchIndex } from '../src/lib/server/search/search-index';
import { judgedQueries } from '../tests/search/judged-queries';
import { scoreJudgedQueries } from './lib/quality';

const handle = await createDb('pglite://memory');
try {
	await runMigrations(handle);
	await seedDemoContent(handle.db);
	const index = SearchIndex.build(await loadIndexContent(handle.db));
	const report = scoreJudgedQueries(index, judgedQueries);
	const verbose = process.argv.includes('--verbose');

	for (const kind of ['paraphrase', 'typo', 'topic', 'long'] as const) {
		const of = report.scores.filter((s) => s.query.kind === kind);
		const recall = of.reduce((a, s) => a + s.recall, 0) / of.length;
		const mrr = of.reduce((a, s) => a + s.reciprocalRank, 0) / of.length;
		console.log(`${kind.padEnd(10)} ${String(of.length).padStart(3)} queries  recall@${report.k} ${recall.toFixed(3)}  MRR ${mrr.toFixed(3)}`);
	}
	for (const score of report.scores) {
		if (score.recall === 1 && !verbose) continue;
		const mark = score.recall === 1 ? 'ok  ' : 'MISS';
		console.log(`\n${mark} "${score.query.query}" expected at ${score.ranks.map((r) => r ?? '-').join(', ')}`);
		score.top.forEach((title, i) => console.log(`       ${i + 1}. ${title}`));
	}
	console.log(`\n${report.scores.length} judged queries: recall@${report.k} ${report.recallAtK.toFixed(3)}, MRR ${report.mrr.toFixed(3)}`);
} finally {
	await handle.close();
}
