/**
 * The answer page's shape: what /ask renders and what /ask/answer.json returns. Types only (the page imports them).
 * Every quote is the speakers' own words; every `url` is a path on this site.
 */
import type { QuestionLink } from '../../search-results';

/** A sentence quoted in the answer, and the moment that plays exactly it. */
export interface AnswerCitation {
	/** 1-based: [n] in the answer. */
	n: number;
	/** The sentence as said (cue texts, whitespace folded). */
	text: string;
	/** From the start of its first cue to the end of its last (to a tenth of a second, inside the cues). */
	startSeconds: number;
	endSeconds: number;
	/** Who said it, when the transcript names speakers. */
	speaker: string | null;
	/** The episode page playing exactly this sentence: ...?t=start,end */
	url: string;
	/** Index into `sources`. */
	source: number;
}

/** A moment the answer quotes: its segment, episode and show, who is on it, and where to listen. */
export interface AnswerSource {
	segmentId: number;
	title: string;
	startSeconds: number;
	endSeconds: number;
	/** The episode page started at the first quoted sentence. */
	url: string;
	episode: { title: string; url: string; audioUrl: string | null };
	show: { title: string; url: string };
	/** Hosts and guests of the episode, and any speaker the transcript names in the quotes. */
	speakers: { name: string; role: string }[];
	/** Citation numbers quoted from this source. */
	citations: number[];
}

export interface Answer {
	question: string;
	/** answered: quotes and sources; unanswered: nothing answers well (nearest questions instead); empty: no question. */
	status: 'answered' | 'unanswered' | 'empty';
	citations: AnswerCitation[];
	sources: AnswerSource[];
	/** Stored questions near this one (related when answered, the nearest when not). */
	related: QuestionLink[];
	/** A stored question that asks the same thing, when there is one: its page answers better than quotes. */
	stored: QuestionLink | null;
	/** How well the best quote answers (0-1): what asked questions are counted with. */
	score: number;
}
