/**
 * The shape of the bundled demo content. Everything here is sample content written for this project;
 * the seeder (src/lib/server/demo/seed.ts) turns it into rows.
 */

export interface DemoPerson {
	slug: string;
	name: string;
	/** Professional letters, e.g. "MSW, LCSW". */
	credentials?: string;
	/** Social handle including the @, e.g. "@the_trail_therapist". */
	handle?: string;
	link?: string;
	bio?: string;
}

/** One thing said in a segment; the seeder spreads these over the segment's time span as transcript cues. */
export interface DemoLine {
	speaker: string;
	text: string;
}

export interface DemoSegment {
	startSeconds: number;
	endSeconds: number;
	title: string;
	/** One or two sentences: what a listener learns here. */
	summary: string;
	/** What is said in this stretch, in order. Joined, it becomes the segment's transcript text. */
	lines: DemoLine[];
}

export interface DemoEpisode {
	slug: string;
	guid: string;
	title: string;
	season?: number;
	episodeNumber?: number;
	/** ISO 8601 date-time. */
	publishedAt: string;
	durationSeconds: number;
	/** Trusted HTML written by us (still sanitized on the way in, like any description). */
	descriptionHtml: string;
	people: { personSlug: string; role: 'host' | 'guest' | 'cohost' | 'producer' }[];
	/** Contiguous, ordered, inside [0, durationSeconds]. */
	segments: DemoSegment[];
	/** Whether the seeder stores transcript cues for this episode (built from the segments' lines). */
	hasTranscript: boolean;
}

export interface DemoShow {
	slug: string;
	title: string;
	author: string;
	description: string;
	link: string;
	language: string;
	episodes: DemoEpisode[];
}

/** Points a question at the segment that answers it, by episode slug and segment title. */
export interface DemoQuestionLink {
	show: string;
	episode: string;
	segmentTitle: string;
	/** A short quote from the segment's lines that answers the question. */
	excerpt: string;
}

export interface DemoQuestion {
	slug: string;
	text: string;
	/** Other ways people phrase the same question. */
	alternatives: string[];
	/** Optional editorial answer, 2-4 sentences, our own words. */
	answer?: string;
	links: DemoQuestionLink[];
	featured?: boolean;
}

export interface DemoContent {
	people: DemoPerson[];
	shows: DemoShow[];
	questions: DemoQuestion[];
}
