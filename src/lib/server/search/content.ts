/**
 * The content the search index holds, as plain serialisable records. load.ts reads them from the database;
 * benchmarks and tests can build them by hand. Segments point at episodes, episodes at shows and people, so a show
 * title is stored once, not once per segment.
 */

export interface ShowRecord {
	id: number;
	slug: string;
	title: string;
}

export interface EpisodeRecord {
	id: number;
	podcastId: number;
	slug: string;
	title: string;
	durationSeconds: number | null;
	audioUrl: string | null;
	audioMimeType: string | null;
	/** People on the episode, in credit order. */
	people: { personId: number; role: string }[];
}

export interface SegmentRecord {
	id: number;
	episodeId: number;
	position: number;
	startSeconds: number;
	endSeconds: number;
	title: string;
	summary: string | null;
	text: string | null;
}

export interface QuestionRecord {
	id: number;
	slug: string;
	text: string;
	alternatives: string[];
	featured: boolean;
}

export interface PersonRecord {
	id: number;
	slug: string;
	name: string;
	credentials: string | null;
	handle: string | null;
	bio: string | null;
}

export interface LinkRecord {
	questionId: number;
	segmentId: number;
	rank: number;
	origin: 'editorial' | 'auto' | 'mined';
	score: number | null;
}

/** Everything the index is built from; a change carries the same records for just what changed. */
export interface IndexContent {
	shows: ShowRecord[];
	episodes: EpisodeRecord[];
	segments: SegmentRecord[];
	questions: QuestionRecord[];
	people: PersonRecord[];
	links: LinkRecord[];
}

/**
 * An episode with no segments at all (no chapters, no transcript) would have no document, so searching its title
 * would not find it. It gets one stand-in segment covering the whole episode, built from its title and show notes;
 * the id is the episode's id negated, which no stored segment has, so nothing links a question to it.
 */
export function episodeStandIn(episode: { id: number; title: string; durationSeconds: number | null }, showNotes: string): SegmentRecord {
	const notes = showNotes.replace(/\s+/g, ' ').trim();
	const summary = notes.length > STAND_IN_SUMMARY_CHARS ? `${notes.slice(0, STAND_IN_SUMMARY_CHARS - 1).replace(/\s+\S*$/, '')}…` : notes;
	return {
		id: -episode.id,
		episodeId: episode.id,
		position: 0,
		startSeconds: 0,
		endSeconds: episode.durationSeconds ?? 0,
		title: episode.title,
		summary: summary || null,
		text: notes || null
	};
}

/** Whether a segment id is an episode's stand-in (above) rather than a stored segment. */
export const isEpisodeStandIn = (segmentId: number): boolean => segmentId < 0;

const STAND_IN_SUMMARY_CHARS = 280;
