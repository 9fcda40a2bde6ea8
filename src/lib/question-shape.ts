/**
 * Whether a search reads as a question that deserves an answer page: phrased as a question, and not (nearly) the
 * wording of a stored question already found. Safe in the browser too (the search page checks while typing).
 */

const QUESTION_START = /^(how|what|why|when|where|who|which|is|are|can|could|should|does|do|did|will|would|was|were)\b/;
/** Word overlap (Jaccard) at which a stored question asks the same thing. */
const SAME_WORDING = 0.75;

/** Whether a query reads like a question (three words or more, and a question mark or a question word first). */
export function looksLikeQuestion(query: string): boolean {
	const q = query.trim().toLowerCase();
	if (q.split(/\s+/).length < 3) return false;
	return q.endsWith('?') || QUESTION_START.test(q);
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Whether to offer "Answer this question": the query is a question and `storedTexts` has none worded like it. */
export function offerAnswer(query: string, storedTexts: readonly string[]): boolean {
	if (!looksLikeQuestion(query)) return false;
	const asked = words(query);
	return !storedTexts.some((text) => {
		const own = words(text);
		const shared = [...asked].filter((w) => own.has(w)).length;
		return shared / (asked.size + own.size - shared || 1) >= SAME_WORDING;
	});
}
