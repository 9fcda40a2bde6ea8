/**
 * The answers wing: an answer to any question, quoted from the moments that answer it (the speakers' own words, each
 * quote playing exactly its sentence), the asked questions counted without anything about who asked, and their
 * promotion to stored questions. Routes call this front door only.
 */
export { answerQuestion, playableRange, ANSWER_MIN_SCORE, type AnswerOptions } from './answer';
export { recordAskedQuestion, listAskedQuestions, promoteAskedQuestion, normalizeAsked, MAX_ASKED_ROWS, type AskedQuestion } from './asked';
export { parseQuestionParam, MAX_QUESTION_LENGTH, type ParsedQuestion } from './params';
export { looksLikeQuestion, offerAnswer } from '../../question-shape';
export { sentencesFromCues, cueText, type Cue, type CueSentence } from './sentences';
export type { AnswerSearch } from './retrieve';
export type { Answer, AnswerCitation, AnswerSource } from './types';
