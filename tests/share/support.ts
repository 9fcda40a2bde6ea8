/** Shared by the share/embed suites: hostile content, free ports, reading JSON-LD (not a test file). */
import { createServer } from 'node:net';
import type { Db } from '../../src/lib/server/db/client';
import { episodePeople, episodes, people, podcasts, questions, questionSegments, segments, transcriptCues } from '../../src/lib/server/db/schema';
import { sanitizeShowNotes } from '../../src/lib/server/sanitize';

/** Known payloads: one that tries to close a script element, one that tries to leave an attribute. */
export const SCRIPT_PAYLOAD = '</script><script>alert(1)</script>';
export const ATTRIBUTE_PAYLOAD = '"><img src=x onerror=alert(1)>';
export const PAYLOADS = [SCRIPT_PAYLOAD, ATTRIBUTE_PAYLOAD] as const;

export const HOSTILE = {
	podcast: 'hostile-show',
	episode: 'hostile-episode',
	person: 'hostile-person',
	question: 'hostile-question',
	duration: 600
};

/** A show, episode, two segments, cues, a person and a question whose every text field carries the payloads. */
export async function insertHostileContent(db: Db): Promise<void> {
	const both = `${SCRIPT_PAYLOAD} ${ATTRIBUTE_PAYLOAD}`;
	const [podcast] = await db
		.insert(podcasts)
		.values({ slug: HOSTILE.podcast, title: `Show ${both}`, author: `Author ${ATTRIBUTE_PAYLOAD}`, description: `About ${both}`, language: 'en' })
		.returning();
	const [episode] = await db
		.insert(episodes)
		.values({
			podcastId: podcast!.id,
			slug: HOSTILE.episode,
			guid: `guid-${ATTRIBUTE_PAYLOAD}`,
			title: `Episode ${both}`,
			season: 1,
			episodeNumber: 2,
			publishedAt: new Date('2025-01-02T03:04:05Z'),
			durationSeconds: HOSTILE.duration,
			audioUrl: '/audio/demo/hostile-show/hostile-episode.wav',
			audioMimeType: 'audio/wav',
			descriptionHtml: sanitizeShowNotes(`<p>Notes ${both}</p>`)
		})
		.returning();
	const rows = await db
		.insert(segments)
		.values([
			{ episodeId: episode!.id, position: 0, startSeconds: 0, endSeconds: 300, title: `Segment ${SCRIPT_PAYLOAD}`, summary: `Summary ${ATTRIBUTE_PAYLOAD}` },
			{ episodeId: episode!.id, position: 1, startSeconds: 300, endSeconds: 600, title: `Segment ${ATTRIBUTE_PAYLOAD}`, summary: null }
		])
		.returning();
	await db.insert(transcriptCues).values([
		// The cue without a speaker comes first: after a named one, importers (ours too) carry that name over.
		{ episodeId: episode!.id, position: 0, startSeconds: 0, endSeconds: 10, speaker: null, text: `Line\n\nwith a blank line ${ATTRIBUTE_PAYLOAD}` },
		{ episodeId: episode!.id, position: 1, startSeconds: 10, endSeconds: 20, speaker: `Speaker ${ATTRIBUTE_PAYLOAD}`, text: `Said ${SCRIPT_PAYLOAD} --> 00:00` }
	]);
	const [person] = await db
		.insert(people)
		.values({ slug: HOSTILE.person, name: `Person ${both}`, credentials: `PhD ${ATTRIBUTE_PAYLOAD}`, bio: `Bio ${SCRIPT_PAYLOAD}` })
		.returning();
	await db.insert(episodePeople).values({ episodeId: episode!.id, personId: person!.id, role: 'guest' });
	const [question] = await db.insert(questions).values({ slug: HOSTILE.question, text: `Question ${both}?`, answer: `Answer ${SCRIPT_PAYLOAD}` }).returning();
	await db.insert(questionSegments).values({ questionId: question!.id, segmentId: rows[0]!.id, rank: 1, origin: 'editorial', excerpt: `Excerpt ${ATTRIBUTE_PAYLOAD}` });
}

/** A free TCP port on 127.0.0.1 (so the server's ORIGIN can be set before it starts). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, host, () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** The parsed contents of every `<script type="application/ld+json">` in an HTML document. */
export function readJsonLd(html: string): Record<string, unknown>[] {
	return [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}
