/**
 * A database for answer tests: the demo content plus real transcripts from ../shared/realdata imported through the
 * real importer (served on 127.0.0.1 inside a feed of our own), with their passage vectors encoded, and a search
 * service over it all with search by meaning ready. Not a test file.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { eq, isNotNull } from 'drizzle-orm';
import { episodes, transcriptCues } from '../../src/lib/server/db/schema';
import { getEncoder } from '../../src/lib/server/embeddings';
import { importFeeds } from '../../src/lib/server/import/import-feeds';
import { SearchService } from '../../src/lib/server/search/service';
import { SemanticEngine } from '../../src/lib/server/search/semantic';
import { encodeEpisode } from '../../src/lib/server/vectors';
import { createTestDb, type DatabaseKind, type TestDb } from '../helpers/db';
import { realdataDir } from '../helpers/environment';
import { localOnlyFetch, startFileServer } from '../import/helpers/file-server';

/** The real transcripts imported, each as one episode of the feed (file under realdata, its duration). */
export const REAL_TRANSCRIPTS = [
	{ file: 'transcripts/buzzcast-pc20.json', guid: 'buzzcast', title: 'Buzzcast: video or not', durationSeconds: 1700, type: 'application/json' },
	{ file: 'transcripts/podcastindex-buzzsprout-example.srt', guid: 'srt', title: 'Buzzsprout example', durationSeconds: 760, type: 'application/srt' }
];
export const realTranscriptsAvailable = REAL_TRANSCRIPTS.every((t) => existsSync(path.join(realdataDir, t.file)));

export interface AnswerFixture {
	t: TestDb;
	search: SearchService;
	/** The feed's show slug. */
	showSlug: string;
}

/** Demo content, the real transcripts imported and encoded, and a warmed-up search service. */
export async function createAnswerFixture(kind: DatabaseKind = 'pglite'): Promise<AnswerFixture> {
	const t = await createTestDb(kind, { seed: true });
	const server = await startFileServer(realdataDir);
	try {
		server.route('/answers.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml((file) => server.url(file))));
		const report = await importFeeds(t.db, [`${server.origin}/answers.xml`], { fetch: localOnlyFetch });
		const feed = report.feeds[0]!;
		if (feed.error) throw new Error(`tests: importing the real transcripts failed: ${feed.error}`);
	} finally {
		await server.close();
	}
	const encoder = await getEncoder();
	const withCues = await t.db.selectDistinct({ id: transcriptCues.episodeId }).from(transcriptCues);
	for (const { id } of withCues) await encodeEpisode(t.db, id, { encoder });
	const search = await SearchService.build(t.db);
	await search.semantic.warmUp();
	// Search's unseen-word rule (hybrid.ts) is on once the word neighbours are built, a few seconds after the encoder.
	if (search.semantic instanceof SemanticEngine) await search.semantic.neighboursReady();
	const [show] = await t.db.select({ slug: episodes.slug }).from(episodes).where(isNotNull(episodes.audioUrl)).limit(1);
	void show;
	return { t, search, showSlug: 'answers-from-real-transcripts' };
}

/** The cues of the episode a segment belongs to, in order. */
export async function cuesOfEpisode(t: TestDb, episodeId: number) {
	return t.db.select().from(transcriptCues).where(eq(transcriptCues.episodeId, episodeId)).orderBy(transcriptCues.position);
}

function feedXml(fileUrl: (file: string) => string): string {
	const items = REAL_TRANSCRIPTS.map(
		(tr) => `
    <item>
      <title>${tr.title}</title>
      <guid isPermaLink="false">${tr.guid}</guid>
      <pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>
      <itunes:duration>${tr.durationSeconds}</itunes:duration>
      <enclosure url="http://127.0.0.1:9/${tr.guid}.mp3" length="1" type="audio/mpeg"/>
      <description>A real transcript, imported for the answer tests.</description>
      <podcast:transcript url="${fileUrl(tr.file)}" type="${tr.type}"/>
    </item>`
	);
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>Answers from real transcripts</title>
    <link>https://answers.example/</link>
    <description>Real transcripts for the answer tests.</description>
    <language>en</language>${items.join('')}
  </channel>
</rss>
`;
}
