/**
 * The shape of search results: what /search renders, what GET /api/search returns (documented in
 * the README, "Search API"), and what the search box receives while typing. Types only, so the browser can import them.
 * Every `url` is a path on this site; a segment's `url` is a deep link that starts the episode at the segment.
 */

export interface ShowRef {
	slug: string;
	title: string;
	url: string;
}

export interface EpisodeRef {
	slug: string;
	title: string;
	url: string;
	durationSeconds: number | null;
	/** The episode's audio (from its feed), for "Play this moment" in the site's one player; null: none. */
	audioUrl: string | null;
}

export interface PersonRef {
	slug: string;
	name: string;
	role: string;
}

/** A moment in an episode. */
export interface SegmentResult {
	id: number;
	title: string;
	summary: string | null;
	startSeconds: number;
	endSeconds: number;
	/** /podcasts/{show}/{episode}?t={start} */
	url: string;
	/** The second `url` starts at: where the answer is said, or the segment's start. */
	at: number;
	/** How well it matched the query, relative to the other results (0 when shown only as a question's answer). */
	score: number;
	/** A few dozen words of what was said, HTML-escaped, with the matched words in <mark>. Safe to render as HTML. */
	snippetHtml: string;
	episode: EpisodeRef;
	show: ShowRef;
	/** People on the episode (hosts and guests). */
	people: PersonRef[];
	/** Start times of every segment of the episode, to draw where this one sits. */
	episodeSegmentStarts: number[];
	/** How it was found (when search by meaning is on): by its words, by meaning, or both. */
	via?: 'lexical' | 'vector' | 'both';
	/** The sentences inside the segment that answer the query, where `url` starts (null: none located). */
	moment?: { startSeconds: number; endSeconds: number; text: string } | null;
}

export interface QuestionResult {
	slug: string;
	text: string;
	url: string;
	score: number;
	/** The question with the matched words in <mark>; HTML-escaped. */
	textHtml: string;
	/** The segment that answers it best (its first citation), if it has any. */
	bestSegment: SegmentResult | null;
}

export interface EpisodeResult {
	slug: string;
	title: string;
	url: string;
	score: number;
	show: ShowRef;
	/** How many of its segments matched. */
	matchingSegments: number;
	bestSegment: SegmentResult;
}

export interface PersonResult {
	slug: string;
	name: string;
	credentials: string | null;
	url: string;
	score: number;
}

export interface QuestionLink {
	slug: string;
	text: string;
	url: string;
}

export interface SearchResults {
	query: string;
	filters: { show: string | null; person: string | null };
	questions: QuestionResult[];
	segments: SegmentResult[];
	episodes: EpisodeResult[];
	people: PersonResult[];
	/** Stored questions the query may be heading for, for the suggestion list while typing. */
	suggestions: QuestionLink[];
	/** Questions related to the best results, beyond those in `questions`. */
	related: QuestionLink[];
	/** Featured questions, when the query is blank or nothing matched (never a blank page). */
	featured: QuestionLink[];
	/**
	 * True when a query was given and nothing passed search's evidence floor: no moment, episode, question or person
	 * (the lists are empty; `suggestions`, `related` and `featured` offer questions instead).
	 */
	nothingFound: boolean;
}
