/**
 * Tells a query that failed on a value from the request (a NUL character in a slug, a number out of range) from one
 * that failed on our own SQL. No slug or id holds such a value, so the request asked for something that cannot
 * exist: the answer is a 400 that says so, not a 500 (hooks.server.ts).
 */

/**
 * SQLSTATEs for a parameter PostgreSQL cannot take: 22021 character_not_in_repertoire (a NUL byte in text), 22P05
 * untranslatable_character, 22P02 invalid_text_representation, 22003 numeric_value_out_of_range.
 */
const INPUT_CODES = new Set(['22021', '22P05', '22P02', '22003']);

/** Whether `error` (or anything in its `cause` chain) is PostgreSQL refusing a value the request supplied. */
export function isRefusedInput(error: unknown): boolean {
	for (let e = error, depth = 0; e && typeof e === 'object' && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
		const { code } = e as { code?: unknown };
		if (typeof code === 'string' && INPUT_CODES.has(code)) return true;
	}
	return false;
}

/** What the reader is told. */
export const REFUSED_INPUT_MESSAGE = 'That address holds a character or number that nothing on this site contains (such as %00). Check the link.';
