/** What the miner reads and what it finds. */

/** A transcript cue: times in seconds, who speaks (when the transcript says) and the words. */
export interface MiningCue {
	startSeconds: number;
	endSeconds: number;
	speaker: string | null;
	text: string;
}

/** A segment of the episode (a chapter): a question is linked to the segment its answer starts in. */
export interface MiningSegment {
	startSeconds: number;
	endSeconds: number;
	title: string;
}

export interface MiningOptions {
	/** The transcript's language (BCP 47); only English is mined. Unknown: guessed from the words. */
	language?: string | null;
}

/** A question found in an episode, with the moment that answers it. */
export interface MinedQuestion {
	/** As a page shows it: "How do you handle X?" */
	text: string;
	/** The sentence as spoken (or the chapter title), for checking. */
	spoken: string;
	/** 'transcript': asked in the conversation; 'chapter': a chapter title that is a question. */
	source: 'transcript' | 'chapter';
	/** Who asked (null without speaker labels, or for a chapter). */
	asker: string | null;
	/** The cited moment: from the question's start to the end of its answer. */
	startSeconds: number;
	endSeconds: number;
	/** Where the answer starts. */
	answerStartSeconds: number;
	/** The answer's first sentence(s), in the speaker's words. */
	excerpt: string;
	/** Index into the segments given, of the segment the question falls in; null when none covers it. */
	segmentIndex: number | null;
}
