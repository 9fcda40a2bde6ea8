/**
 * Search over one real transcript (../shared/segbench-dev), as bench:quality builds it: imported through the import
 * steps (bench/judged/corpus.ts), its passages encoded, search built over it and the encoder warm.
 */
import { importTranscripts } from '../../bench/judged/corpus';
import { getEncoder } from '../../src/lib/server/embeddings';
import { SemanticEngine } from '../../src/lib/server/search/semantic';
import { SearchService } from '../../src/lib/server/search/service';
import { encodeEpisode } from '../../src/lib/server/vectors';
import { createTestDb, type TestDb } from './db';

export async function searchOverTranscript(
	transcript: string,
	options: { neighbours?: boolean } = {}
): Promise<{ t: TestDb; search: SearchService }> {
	const t = await createTestDb('pglite');
	const loaded = await importTranscripts(t.db, [transcript]);
	await encodeEpisode(t.db, loaded.get(transcript)!, { encoder: await getEncoder() });
	const search = await SearchService.build(t.db);
	await search.semantic.warmUp();
	// The unseen-word rules are on once the word neighbours are built, a few seconds after the encoder.
	if (options.neighbours && search.semantic instanceof SemanticEngine) await search.semantic.neighboursReady();
	return { t, search };
}
