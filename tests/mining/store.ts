/** Episodes made from real transcripts, stored as an import would leave them, and the questions job run on them. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import { episodes, podcasts, segments, transcriptCues } from '../../src/lib/server/db/schema';
import type { JobContext } from '../../src/lib/server/jobs/types';
import { questionsJob } from '../../src/lib/server/mining';
import { readTranscript } from './transcripts';

/** Stores a show (once) and an episode with the transcript's cues and one automatic segment over all of it. */
export async function storeTranscriptEpisode(db: Db, show: string, episode: string, file: string, audioUrl: string | null = null): Promise<{ episodeId: number; segmentId: number }> {
	await db.insert(podcasts).values({ slug: show, title: `Show ${show}`, language: 'en' }).onConflictDoNothing();
	const [podcast] = await db.select({ id: podcasts.id }).from(podcasts).where(eq(podcasts.slug, show));
	const cues = readTranscript(file);
	const end = Math.max(...cues.map((c) => c.endSeconds));
	const [row] = await db
		.insert(episodes)
		.values({ podcastId: podcast!.id, slug: episode, guid: `${show}/${episode}`, title: `Episode ${episode}`, durationSeconds: end, audioUrl, audioMimeType: audioUrl ? 'audio/mpeg' : null })
		.returning({ id: episodes.id });
	const episodeId = row!.id;
	await db.insert(transcriptCues).values(cues.map((c, position) => ({ episodeId, position, ...c })));
	const [segment] = await db
		.insert(segments)
		.values({ episodeId, position: 0, startSeconds: 0, endSeconds: end, title: 'The whole conversation', origin: 'transcript' })
		.returning({ id: segments.id });
	return { episodeId, segmentId: segment!.id };
}

/** Runs the 'questions' job on an episode as a worker would (progress and log kept for the test to read). */
export async function runQuestionsJob(db: Db, episodeId: number): Promise<string[]> {
	const log: string[] = [];
	const context: JobContext = { db, episodeId, progress: async () => {}, signal: new AbortController().signal, log: (m) => log.push(m) };
	await questionsJob.run(context);
	return log;
}
