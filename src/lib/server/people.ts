/**
 * A person's page: who they are, the episodes they are in, and the moments they speak. A moment is a segment of one
 * of their episodes where a transcript cue is theirs (the speaker label is their name, or their first name alone, as
 * transcripts often write it), or whose title names them.
 */
import { and, asc, eq, exists, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from './db/client';
import { dayLabel, isoTimestamp } from './db/dates';
import { episodePeople, episodes, people, podcasts, segments, transcriptCues } from './db/schema';

/** Everyone on the site, alphabetically, with their number of episodes: the /people index. */
export async function listPeople(db: Db): Promise<{ slug: string; name: string; credentials: string | null; episodes: number }[]> {
	return db
		.select({
			slug: people.slug,
			name: people.name,
			credentials: people.credentials,
			episodes: sql<number>`count(distinct ${episodePeople.episodeId})::int`
		})
		.from(people)
		.leftJoin(episodePeople, eq(episodePeople.personId, people.id))
		.groupBy(people.id)
		.orderBy(asc(people.name));
}

export interface PersonEpisode {
	podcastSlug: string;
	podcastTitle: string;
	slug: string;
	title: string;
	publishedAt: string | null;
	/** publishedAt as people read it: "25 November 2026". */
	publishedLabel: string | null;
	/** "host", "guest" ...; one person can have several roles in one episode. */
	roles: string[];
}

export interface PersonMoment {
	podcastSlug: string;
	episodeSlug: string;
	episodeTitle: string;
	segmentId: number;
	title: string;
	startSeconds: number;
}

export interface PersonPage {
	person: {
		slug: string;
		name: string;
		credentials: string | null;
		handle: string | null;
		link: string | null;
		imageUrl: string | null;
		bio: string | null;
	};
	episodes: PersonEpisode[];
	moments: PersonMoment[];
}

/** The most moments listed on one page; a prolific host would otherwise list thousands. */
const MAX_MOMENTS = 200;
const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'sir', 'dame']);

/** Loads a person's page by slug; null when there is no such person. */
export async function getPersonPage(db: Db, slug: string): Promise<PersonPage | null> {
	const [person] = await db
		.select({
			id: people.id,
			slug: people.slug,
			name: people.name,
			credentials: people.credentials,
			handle: people.handle,
			link: people.link,
			imageUrl: people.imageUrl,
			bio: people.bio
		})
		.from(people)
		.where(eq(people.slug, slug));
	if (!person) return null;

	const appearances = await db
		.select({
			podcastSlug: podcasts.slug,
			podcastTitle: podcasts.title,
			slug: episodes.slug,
			title: episodes.title,
			publishedAt: isoTimestamp(episodes.publishedAt),
			publishedLabel: dayLabel(episodes.publishedAt),
			role: episodePeople.role
		})
		.from(episodePeople)
		.innerJoin(episodes, eq(episodes.id, episodePeople.episodeId))
		.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
		.where(and(eq(episodePeople.personId, person.id), isNull(episodes.hiddenAt)))
		.orderBy(sql`${episodes.publishedAt} DESC NULLS LAST`, asc(episodes.id), asc(episodePeople.position));
	const byEpisode = new Map<string, PersonEpisode>();
	for (const { role, ...episode } of appearances) {
		const key = `${episode.podcastSlug}/${episode.slug}`;
		const seen = byEpisode.get(key);
		if (seen) seen.roles.push(role);
		else byEpisode.set(key, { ...episode, roles: [role] });
	}

	const labels = speakerLabels(person.name);
	const theirEpisodes = db.select({ id: episodePeople.episodeId }).from(episodePeople).where(eq(episodePeople.personId, person.id));
	const moments = await db
		.select({
			podcastSlug: podcasts.slug,
			episodeSlug: episodes.slug,
			episodeTitle: episodes.title,
			segmentId: segments.id,
			title: segments.title,
			startSeconds: segments.startSeconds
		})
		.from(segments)
		.innerJoin(episodes, eq(episodes.id, segments.episodeId))
		.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
		.where(
			and(
				inArray(segments.episodeId, theirEpisodes),
				isNull(episodes.hiddenAt),
				or(
					sql`strpos(lower(${segments.title}), ${person.name.toLowerCase()}) > 0`,
					exists(
						db
							.select({ one: sql`1` })
							.from(transcriptCues)
							.where(
								and(
									eq(transcriptCues.episodeId, segments.episodeId),
									sql`${transcriptCues.startSeconds} >= ${segments.startSeconds}`,
									sql`${transcriptCues.startSeconds} < ${segments.endSeconds}`,
									inArray(sql`lower(${transcriptCues.speaker})`, labels)
								)
							)
					)
				)
			)
		)
		.orderBy(sql`${episodes.publishedAt} DESC NULLS LAST`, asc(episodes.id), asc(segments.startSeconds))
		.limit(MAX_MOMENTS);

	const { id: _id, ...shown } = person;
	return { person: shown, episodes: [...byEpisode.values()], moments };
}

/** How transcripts label this person: the full name, and the first name alone ("Sarah" for "Sarah Lee"). */
export function speakerLabels(name: string): string[] {
	const full = name.trim().toLowerCase();
	const words = full.split(/\s+/).filter((w) => !HONORIFICS.has(w.replace(/\.$/, '')));
	return words.length > 1 ? [full, words[0]!] : [full];
}
