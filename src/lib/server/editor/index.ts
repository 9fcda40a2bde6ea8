/**
 * The editors' tools: every change an editor makes to questions, citations, segments, episodes and shows. Each
 * function takes `db` first, writes its change and an editor_changes row in one transaction, then announces the change
 * (contentChanged) so search and the page cache follow. Bad input throws an EditorError with what to do instead.
 */
export { EditorError, isEditorError } from './errors';
export { listChanges, type LoggedChange } from './log';
export { createQuestion, editQuestion, writeAnswer, mergeQuestions, removeQuestion, type NewQuestionInput, type QuestionEdit } from './questions';
export { pinCitation, unpinCitation, reorderCitations, moveCitation, type Moment, type PinOptions } from './citations';
export { editSegment, type SegmentEdit } from './segments';
export { hideEpisode, hideShow, deleteEpisode, deleteShow } from './episodes';
export { listAsked, promoteAsked, type AskedQuestionRow, type PromotedCitation, type PromoteOptions } from './asked';
export { EDITOR_COOKIE, editorSessionValue, isEditorSession } from './session';
export { parseSeconds } from './text';
export { runEditorCommand, EDITOR_USAGE } from './commands';
export {
	listQuestionsForEditor,
	getQuestionForEditor,
	findSegments,
	listShowsForEditor,
	getShowForEditor,
	getEpisodeForEditor,
	countEditedSegments,
	findQuestionId
} from './views';
