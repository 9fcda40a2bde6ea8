/**
 * Who may use the editors' pages: only while ADMIN_TOKEN is set (404 otherwise), and only someone signed in with it
 * (the editor cookie) or sending it in the form's `token` field. A wrong token is 403 and counts against the
 * address (the import form's limiter); no credentials at all is 401. Cross-site posts never get this far: SvelteKit
 * refuses a form POST whose Origin is not the site's, and the SameSite=Strict cookie is not sent with one.
 */
import { error, fail, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { isAdminToken } from '$lib/server/admin-token';
import { getConfig } from '$lib/server/config';
import { EDITOR_COOKIE, editorSessionValue, isEditorError, isEditorSession } from '$lib/server/editor';
import { adminTokenFailures, clientAddressOf } from '$lib/server/failure-limiter';

const SIGN_IN = 'Sign in with the admin token to use the editors’ tools.';

/** The configured token; 404 when the editors' tools are off. */
export function editorToken(): string {
	const token = getConfig().adminToken;
	if (!token) error(404, 'The editors’ tools are off. Set ADMIN_TOKEN on the server to turn them on.');
	return token;
}

/** Whether the request carries a valid editor cookie. */
export function isSignedIn(cookies: Cookies): boolean {
	return isEditorSession(cookies.get(EDITOR_COOKIE), editorToken());
}

/** For page loads: 401 unless signed in. */
export function requireSignedIn({ cookies }: Pick<RequestEvent, 'cookies'>): void {
	if (!isSignedIn(cookies)) error(401, SIGN_IN);
}

/** For actions: the posted form, once the sender is known to hold the token (cookie or `token` field). */
export async function editorForm(event: RequestEvent): Promise<FormData> {
	const expected = editorToken();
	const form = await event.request.formData().catch((e: unknown) => {
		if (typeof (e as { status?: unknown } | null)?.status === 'number') throw e;
		return null;
	});
	if (!form) error(400, 'The form could not be read: send it as the page does.');
	if (isEditorSession(event.cookies.get(EDITOR_COOKIE), expected)) return form;
	const given = form.get('token');
	if (typeof given !== 'string' || !given) error(401, SIGN_IN);
	checkToken(event, given, expected);
	return form;
}

/** Checks a typed token against the limiter; 429 after too many wrong ones, 403 for a wrong one. */
export function checkToken(event: RequestEvent, given: string, expected: string): void {
	const client = clientAddressOf(event);
	const wait = adminTokenFailures.retryAfterSeconds(client);
	if (wait > 0) {
		event.setHeaders({ 'retry-after': String(wait) });
		error(429, `Too many wrong admin tokens from your address. Try again in ${Math.ceil(wait / 60)} minute(s).`);
	}
	if (!isAdminToken(given, expected)) {
		adminTokenFailures.recordFailure(client);
		error(403, 'That admin token is not right. Nothing was changed.');
	}
	adminTokenFailures.clear(client);
}

/** Signs the browser in: a cookie for /admin, HttpOnly, SameSite=Strict, for 12 hours. */
export function signIn(event: RequestEvent, token: string): void {
	event.cookies.set(EDITOR_COOKIE, editorSessionValue(token), {
		path: '/admin',
		httpOnly: true,
		sameSite: 'strict',
		secure: event.url.protocol === 'https:',
		maxAge: 12 * 3600
	});
}

/** Signs the browser out. */
export function signOut(event: RequestEvent): void {
	event.cookies.delete(EDITOR_COOKIE, { path: '/admin' });
}

/** Runs an edit: its message on success, or the editor's mistake as a 400 with the message (nothing changed). */
export async function runEdit<E extends Record<string, unknown> = Record<never, never>>(work: () => Promise<string>, echo: E = {} as E) {
	try {
		return { ok: await work(), error: undefined, ...echo };
	} catch (e) {
		if (isEditorError(e)) return fail(400, { ok: undefined, error: e.message.replace(/^Editor: /, ''), ...echo });
		throw e;
	}
}

/** A form field as text ('' when missing). */
export function field(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/** A form field as a positive whole number; 400 with `what` when it is not one. */
export function idField(form: FormData, name: string, what: string): number {
	const value = field(form, name).trim();
	if (!/^\d{1,9}$/.test(value) || Number(value) < 1) error(400, `${what} must be a number such as 12 (got "${value.slice(0, 40)}").`);
	return Number(value);
}

/** A route parameter as an id; 404 when it is not one. */
export function idParam(value: string, what: string): number {
	if (!/^\d{1,9}$/.test(value)) error(404, `There is no ${what} "${value.slice(0, 40)}".`);
	return Number(value);
}
