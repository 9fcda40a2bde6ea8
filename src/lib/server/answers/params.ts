/**
 * Reads the question from /ask?q= and /ask/answer.json?q=. A question a person could type passes; anything else
 * (control characters, a wall of text, q given twice) is a problem with a message saying what to send instead.
 * HTML is not a problem: it is only text here, and pages print it escaped.
 */

/** The longest question accepted. */
export const MAX_QUESTION_LENGTH = 300;

export type ParsedQuestion = { ok: true; question: string } | { ok: false; message: string };

// Tab and newline fold into spaces (a pasted question); the other C0/C1 controls, and invisible direction marks, do not.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** The question in `q` (blank when absent), or what is wrong with it. */
export function parseQuestionParam(params: URLSearchParams): ParsedQuestion {
	const values = params.getAll('q');
	if (values.length > 1) return { ok: false, message: `q was given ${values.length} times; give one question.` };
	const raw = values[0] ?? '';
	if (CONTROL.test(raw)) return { ok: false, message: 'q contains control characters; send the question as plain text.' };
	const question = raw.replace(/\s+/g, ' ').trim();
	if (question.length > MAX_QUESTION_LENGTH) {
		return { ok: false, message: `q is ${question.length} characters long; a question may have at most ${MAX_QUESTION_LENGTH}.` };
	}
	return { ok: true, question };
}
