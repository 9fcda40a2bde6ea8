/**
 * The editor's sign-in: the admin token once, then a cookie holding a keyed hash of it (never the token itself), so
 * pages can be read and forms sent without typing it again. SameSite=Strict: another site's form never carries it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The cookie's name; its path is /admin. */
export const EDITOR_COOKIE = 'pm_editor';

/** The cookie value for a token: changes when ADMIN_TOKEN changes, which signs everyone out. */
export function editorSessionValue(token: string): string {
	return createHmac('sha256', token).update('podcast-moments editor session v1').digest('base64url');
}

/** Whether a cookie value was made from the configured token; false when none is configured. */
export function isEditorSession(value: string | undefined | null, token: string | null | undefined): boolean {
	if (!token || typeof value !== 'string') return false;
	const expected = Buffer.from(editorSessionValue(token));
	const given = Buffer.from(value);
	return given.length === expected.length && timingSafeEqual(given, expected);
}
