/**
 * The mining wing's front door: questions asked in the conversations (and question-titled chapters), worded to read
 * on their own and linked to the moment that answers them; near-duplicates merged across episodes; the background
 * job 'questions' that stores them as questions of origin 'mined'.
 */
export { mineQuestions, isEnglishTranscript, wordingKey } from './mine';
export { normaliseQuestion, isSelfContained } from './question-text';
export type { MinedQuestion, MiningCue, MiningOptions, MiningSegment } from './types';
export { MINING_METHOD_VERSION } from './version';
export { mergeNearDuplicates, findNearDuplicate, isNearDuplicate, lexicallyClose, NEAR_DUPLICATE_COSINE } from './duplicates';
export { questionsJob, mineEpisode, placeMinedQuestions, writeMinedQuestions } from './job';
