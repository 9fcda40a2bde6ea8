/**
 * Loads the bundled demo content. Idempotent: rows are matched by their natural keys (slugs, guid, position) and
 * updated in place, so running it twice changes nothing and keeps ids (and so question links) stable.
 */
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { episodePeople, episodes, people, podcasts, questions, questionSegments, segments, transcriptCues } from '../db/schema';
import { sanitizeShowNotes } from '../sanitize';
import { demoContent } from './content';
import type { DemoContent, DemoEpisode, DemoSegment } from './types';

export interface SeedResult {
	podcasts: number;
	episodes: number;
	segments: number;
	cues: number;
	questions: number;
}

/** Where demo audio is served from: generated on request, so the repository ships no media. */
export function demoAudioUrl(showSlug: string, episodeSlug: string): string {
	return `/audio/demo/${showSlug}/${episodeSlug}.wav`;
}

/** Spreads a segment's lines over its time span, in proportion to how long each line is to say. */
export function cuesForSegment(segment: DemoSegment): { startSeconds: number; endSeconds: number; speaker: string; text: string }[] {
	const span = segment.endSeconds - segment.startSeconds;
	const total = segment.lines.reduce((sum, line) => sum + line.text.length, 0) || 1;
	let at = segment.startSeconds;
	return segment.lines.map((line, i) => {
		const end = i === segment.lines.length - 1 ? segment.endSeconds : at + (span * line.text.length) / total;
		const cue = { startSeconds: round(at), endSeconds: round(end), speaker: line.speaker, text: line.text };
		at = end;
		return cue;
	});
}

function round(n: number): number {
	return Math.round(n * 1000) / 1000;
}

/** Upserts all demo content in one transaction. */
export async function seedDemoContent(db: Db, content: DemoContent = demoContent): Promise<SeedResult> {
	return db.transaction(async (tx) => {
		const result: SeedResult = { podcasts: 0, episodes: 0, segments: 0, cues: 0, questions: 0 };
		const personIds = new Map<string, number>();
		for (const person of content.people) {
			const values = {
				slug: person.slug,
				name: person.name,
				credentials: person.credentials ?? null,
				handle: person.handle ?? null,
				link: person.link ?? null,
				bio: person.bio ?? null
			};
			const [row] = await tx
				.insert(people)
				.values(values)
				.onConflictDoUpdate({ target: people.slug, set: values })
				.returning({ id: people.id });
			personIds.set(person.slug, row!.id);
		}

		const segmentIds = new Map<string, number>(); // "show/episode/segment title" -> id
		for (const show of content.shows) {
			const values = {
				slug: show.slug,
				title: show.title,
				author: show.author,
				description: show.description,
				link: show.link,
				language: show.language
			};
			const [podcast] = await tx
				.insert(podcasts)
				.values(values)
				.onConflictDoUpdate({ target: podcasts.slug, set: values })
				.returning({ id: podcasts.id });
			result.podcasts++;
			for (const episode of show.episodes) {
				const episodeId = await upsertEpisode(tx, podcast!.id, show.slug, episode);
				result.episodes++;
				await tx.delete(episodePeople).where(eq(episodePeople.episodeId, episodeId));
				if (episode.people.length) {
					await tx.insert(episodePeople).values(
						episode.people.map((p, position) => {
							const personId = personIds.get(p.personSlug);
							if (!personId) throw new Error(`demo content: episode "${episode.slug}" names unknown person "${p.personSlug}"`);
							return { episodeId, personId, role: p.role, position };
						})
					);
				}
				for (const [position, segment] of episode.segments.entries()) {
					const values = {
						episodeId,
						position,
						startSeconds: segment.startSeconds,
						endSeconds: segment.endSeconds,
						title: segment.title,
						summary: segment.summary,
						text: segment.lines.map((l) => l.text).join(' '),
						origin: 'editorial' as const
					};
					const [row] = await tx
						.insert(segments)
						.values(values)
						.onConflictDoUpdate({ target: [segments.episodeId, segments.position], set: { ...values, updatedAt: sql`now()` } })
						.returning({ id: segments.id });
					segmentIds.set(`${show.slug}/${episode.slug}/${segment.title}`, row!.id);
					result.segments++;
				}
				await tx.delete(segments).where(and(eq(segments.episodeId, episodeId), gte(segments.position, episode.segments.length)));
				const cues = episode.hasTranscript ? episode.segments.flatMap(cuesForSegment) : [];
				for (const [position, cue] of cues.entries()) {
					const values = { episodeId, position, ...cue };
					await tx
						.insert(transcriptCues)
						.values(values)
						.onConflictDoUpdate({ target: [transcriptCues.episodeId, transcriptCues.position], set: values });
				}
				await tx.delete(transcriptCues).where(and(eq(transcriptCues.episodeId, episodeId), gte(transcriptCues.position, cues.length)));
				result.cues += cues.length;
			}
		}

		for (const question of content.questions) {
			const values = {
				slug: question.slug,
				text: question.text,
				alternatives: question.alternatives,
				answer: question.answer ?? null,
				featured: question.featured ?? false
			};
			const [row] = await tx
				.insert(questions)
				.values(values)
				.onConflictDoUpdate({ target: questions.slug, set: values })
				.returning({ id: questions.id });
			result.questions++;
			for (const [i, link] of question.links.entries()) {
				const segmentId = segmentIds.get(`${link.show}/${link.episode}/${link.segmentTitle}`);
				if (!segmentId) {
					throw new Error(`demo content: question "${question.slug}" links to unknown segment "${link.show}/${link.episode}/${link.segmentTitle}"`);
				}
				const linkValues = { questionId: row!.id, segmentId, rank: i + 1, excerpt: link.excerpt, origin: 'editorial' as const, score: null };
				await tx
					.insert(questionSegments)
					.values(linkValues)
					.onConflictDoUpdate({ target: [questionSegments.questionId, questionSegments.segmentId], set: linkValues });
			}
		}
		return result;
	});
}

async function upsertEpisode(tx: Tx, podcastId: number, showSlug: string, episode: DemoEpisode): Promise<number> {
	const values = {
		podcastId,
		slug: episode.slug,
		guid: episode.guid,
		title: episode.title,
		season: episode.season ?? null,
		episodeNumber: episode.episodeNumber ?? null,
		publishedAt: new Date(episode.publishedAt),
		durationSeconds: episode.durationSeconds,
		audioUrl: demoAudioUrl(showSlug, episode.slug),
		audioMimeType: 'audio/wav',
		descriptionHtml: sanitizeShowNotes(episode.descriptionHtml)
	};
	const [row] = await tx
		.insert(episodes)
		.values(values)
		.onConflictDoUpdate({ target: [episodes.podcastId, episodes.slug], set: values })
		.returning({ id: episodes.id });
	return row!.id;
}
