/** One episode with everything its page shows: people, segments, transcript and the questions it answers. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './db/client';
import { dayLabel, isoTimestamp } from './db/dates';
import { readableTranscript, type TranscriptParagraph } from './import/transcripts';
import { episodePeople, episodes, people, podcasts, questions, questionSegments, segments, transcriptCues } from './db/schema';

export interface EpisodePerson {
	slug: string;
	name: string;
	credentials: string | null;
	handle: string | null;
	link: string | null;
	imageUrl: string | null;
	role: string;
}

export interface EpisodeSegment {
	id: number;
	position: number;
	startSeconds: number;
	endSeconds: number;
	title: string;
	summary: string | null;
}

export interface EpisodeCue {
	startSeconds: number;
	endSeconds: number;
	speaker: string | null;
	text: string;
}

export interface EpisodeQuestion {
	slug: string;
	text: string;
	/** The segment of this episode that answers it, for a "jump to the answer" link. */
	segmentStartSeconds: number;
}

export interface EpisodePage {
	podcast: { id: number; slug: string; title: string; author: string | null; imageUrl: string | null; language: string | null };
	episode: {
		id: number;
		slug: string;
		guid: string;
		title: string;
		season: number | null;
		episodeNumber: number | null;
		publishedAt: string | null;
		/** publishedAt as people read it: "25 November 2026". */
		publishedLabel: string | null;
		durationSeconds: number | null;
		audioUrl: string | null;
		audioMimeType: string | null;
		imageUrl: string | null;
		descriptionHtml: string | null;
		/** The transcript's language as its feed declared it (BCP 47, e.g. "de"); null when not given. */
		transcriptLanguage: string | null;
	};
	people: EpisodePerson[];
	segments: EpisodeSegment[];
	cues: EpisodeCue[];
	questions: EpisodeQuestion[];
}

/**
 * The whole page in one statement and one round trip: PostgreSQL builds it as one JSON document (the episode and its
 * show, people, segments, cues and the questions it answers, each list in its page's order), which the driver parses
 * in one go. Before, five queries (two round trips) were built by drizzle and mapped row by row on every render: with
 * a transcript of a few hundred cues that was most of the page's time in Node. Doubles print as the shortest text
 * that reads back as the same number, in JSON as in a column, so the values are the same.
 */
const episodePageQuery = (db: Db) =>
	db
		.select({
			page: sql<Omit<EpisodePage, 'questions'> & { questions: EpisodeQuestion[] }>`json_build_object(
				'podcast', json_build_object('id', ${podcasts.id}, 'slug', ${podcasts.slug}, 'title', ${podcasts.title}, 'author', ${podcasts.author},
					'imageUrl', ${podcasts.imageUrl}, 'language', ${podcasts.language}),
				'episode', json_build_object('id', ${episodes.id}, 'slug', ${episodes.slug}, 'guid', ${episodes.guid}, 'title', ${episodes.title},
					'season', ${episodes.season}, 'episodeNumber', ${episodes.episodeNumber}, 'publishedAt', ${isoTimestamp(episodes.publishedAt)},
					'publishedLabel', ${dayLabel(episodes.publishedAt)}, 'durationSeconds', ${episodes.durationSeconds}, 'audioUrl', ${episodes.audioUrl},
					'audioMimeType', ${episodes.audioMimeType}, 'imageUrl', ${episodes.imageUrl}, 'descriptionHtml', ${episodes.descriptionHtml},
					'transcriptLanguage', ${episodes.transcriptLanguage}),
				'people', coalesce((
					select json_agg(json_build_object('slug', ${people.slug}, 'name', ${people.name}, 'credentials', ${people.credentials},
						'handle', ${people.handle}, 'link', ${people.link}, 'imageUrl', ${people.imageUrl}, 'role', ${episodePeople.role})
						order by ${episodePeople.position}, ${people.name})
					from ${episodePeople} join ${people} on ${people.id} = ${episodePeople.personId}
					where ${episodePeople.episodeId} = ${episodes.id}), '[]'),
				'segments', coalesce((
					select json_agg(json_build_object('id', ${segments.id}, 'position', ${segments.position}, 'startSeconds', ${segments.startSeconds},
						'endSeconds', ${segments.endSeconds}, 'title', ${segments.title}, 'summary', ${segments.summary}) order by ${segments.startSeconds})
					from ${segments} where ${segments.episodeId} = ${episodes.id}), '[]'),
				'cues', coalesce((
					select json_agg(json_build_object('startSeconds', ${transcriptCues.startSeconds}, 'endSeconds', ${transcriptCues.endSeconds},
						'speaker', ${transcriptCues.speaker}, 'text', ${transcriptCues.text}) order by ${transcriptCues.position})
					from ${transcriptCues} where ${transcriptCues.episodeId} = ${episodes.id}), '[]'),
				'questions', coalesce((
					select json_agg(json_build_object('slug', ${questions.slug}, 'text', ${questions.text}, 'segmentStartSeconds', ${segments.startSeconds})
						order by ${questionSegments.rank}, ${segments.startSeconds})
					from ${questionSegments} join ${questions} on ${questions.id} = ${questionSegments.questionId}
					join ${segments} on ${segments.id} = ${questionSegments.segmentId}
					where ${segments.episodeId} = ${episodes.id}), '[]'))`
		})
		.from(episodes)
		.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
		.where(and(eq(podcasts.slug, sql.placeholder('podcast')), eq(episodes.slug, sql.placeholder('episode')), isNull(episodes.hiddenAt)))
		.prepare('episode_page');

/** The statement built once per database handle (drizzle builds its SQL once; PostgreSQL plans it once per connection). */
const preparedPageQueries = new WeakMap<Db, ReturnType<typeof episodePageQuery>>();

/** Loads an episode page by show and episode slug; null when either does not exist. */
export async function getEpisodePage(db: Db, podcastSlug: string, episodeSlug: string): Promise<EpisodePage | null> {
	let query = preparedPageQueries.get(db);
	if (!query) preparedPageQueries.set(db, (query = episodePageQuery(db)));
	const [row] = await query.execute({ podcast: podcastSlug, episode: episodeSlug });
	if (!row) return null;
	const page = typeof row.page === 'string' ? (JSON.parse(row.page) as typeof row.page) : row.page;

	// A question may be answered by several segments here: list it once, at its best-ranked moment.
	const seen = new Set<string>();
	const questionList: EpisodeQuestion[] = [];
	for (const q of page.questions) {
		if (seen.has(q.slug)) continue;
		seen.add(q.slug);
		questionList.push({ slug: q.slug, text: q.text, segmentStartSeconds: q.segmentStartSeconds });
	}
	return { podcast: page.podcast, episode: page.episode, people: page.people, segments: page.segments, cues: page.cues, questions: questionList };
}

/** The transcript as the episode page shows it: paragraphs by speaker turn, and its language when not the show's. */
export interface TranscriptView {
	paragraphs: TranscriptParagraph[];
	/** BCP 47 tag for the transcript element's `lang`; null when it is the page's (the show's) language. */
	lang: string | null;
	/** "German", when the transcript is in another language than the show; null otherwise. */
	languageName: string | null;
}

/** Builds the readable transcript of an episode page from its stored cues (which stay as the file had them). */
export function transcriptView(page: Pick<EpisodePage, 'cues' | 'episode' | 'podcast'>): TranscriptView {
	const lang = page.episode.transcriptLanguage;
	const foreign = lang !== null && primaryLanguage(lang) !== primaryLanguage(page.podcast.language);
	return { paragraphs: readableTranscript(page.cues), lang: foreign ? lang : null, languageName: foreign ? languageName(lang) : null };
}

function primaryLanguage(tag: string | null): string | null {
	return tag?.toLowerCase().split(/[-_]/)[0] ?? null;
}

/** "de" -> "German"; the tag itself when the runtime does not know it. */
function languageName(tag: string): string {
	try {
		return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag.replace('_', '-')) ?? tag;
	} catch {
		return tag; // not a well-formed tag
	}
}
