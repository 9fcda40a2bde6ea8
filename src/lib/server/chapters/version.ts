/**
 * The chapters method's version: bumped whenever boundaries or titles change, so older automatic chapters are redone.
 * 2: hand-offs said with fillers, every hand-off counted, unpunctuated transcripts in runs of about 20 words, segments
 *    90 s to 25 min (a 75 s minimum scored higher but let search answer a question nothing in the show answers).
 */
export const CHAPTERS_METHOD_VERSION = 2;
