/** The shapes that flow through the importer: feed -> parsed items -> fetched files -> an episode ready to write. */

/** One line of a transcript, in seconds from the start of the audio. */
export interface Cue {
	startSeconds: number;
	endSeconds: number;
	speaker: string | null;
	text: string;
}

/** A chapter as a chapters file or the show notes give it, before it is fitted to the episode. */
export interface Chapter {
	startSeconds: number;
	/** Only when the source says so; otherwise the next chapter's start or the episode's end. */
	endSeconds: number | null;
	title: string | null;
	imageUrl: string | null;
	link: string | null;
	/** False for `toc:false` chapters: hidden markers, not segments. */
	toc: boolean;
}

export type SegmentOrigin = 'chapters' | 'shownotes' | 'transcript';

/** A segment as it will be stored. */
export interface SegmentDraft {
	startSeconds: number;
	endSeconds: number;
	title: string;
	/** The transcript text the segment covers; null without a transcript. */
	text: string | null;
	origin: SegmentOrigin;
	/** A summary in the segment's own words, where the importer makes one (automatic topics); else none. */
	summary?: string | null;
}

/** A hidden chapter marker as it will be stored. */
export interface MarkerDraft {
	startSeconds: number;
	title: string | null;
	imageUrl: string | null;
	link: string | null;
}

/** podcast:person, with the role lower-cased ("host", "guest", "cover art designer" ...). */
export interface PersonDraft {
	name: string;
	role: string;
	imageUrl: string | null;
	link: string | null;
}

/** A file an item points at: a chapters file or a transcript. */
export interface FileReference {
	kind: 'chapters' | 'transcript';
	/** As written in the feed. */
	url: string;
	/** The MIME type the feed declares, lower-cased; may be empty. */
	type: string;
	language: string | null;
}

/** Something the importer read past instead of failing on, with where it was. */
export interface Tolerance {
	line: number | null;
	message: string;
}
