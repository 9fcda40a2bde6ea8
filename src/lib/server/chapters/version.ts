/**
 * The chapters method's version: bumped whenever boundaries or titles change, so older automatic chapters are redone.
 * 2: hand-offs said with fillers, every hand-off counted, unpunctuated transcripts in runs of about 20 words, segments
 *    90 s to 25 min.
 * 3: segments from 75 s (a sponsor spot or a quick listener question is its own chapter), threshold 1.75, and hand-offs
 *    to sponsor spots, ad breaks, listener or viewer mail and super chats count as cues.
 */
export const CHAPTERS_METHOD_VERSION = 3;
