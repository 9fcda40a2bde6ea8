/**
 * The chapters wing's front door: automatic chapters (topic boundaries, titles, summaries) from a timed transcript,
 * the background job that stores them, and the scoring rules the chapters bench uses.
 */
export { chapterTranscript, chapterTranscriptLexical, type ChapterOptions, type ChapterResult, type ChapterSegment } from './chapter-transcript';
export { mergeCuesIntoSentences, type Sentence } from './sentences';
export { isKeywordListTitle } from './title-shape';
export { boundariesOf, boundaryF1, windowErrors, roundHalfEven } from './evaluation';
export { DEFAULT_SEGMENTER_OPTIONS, type SegmenterOptions } from './segmenter';
export { CHAPTERS_METHOD_VERSION } from './version';
export { chaptersJob, replaceAutomaticSegments } from './job';
