import { error, fail } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { isAdminToken } from '$lib/server/admin-token';
import { getDb } from '$lib/server/db';
import { importFeeds } from '$lib/server/import/import-feeds';
import type { Actions, PageServerLoad } from './$types';

/** An editor imports a few feeds at a time; the CLI is for bulk. */
const MAX_FEEDS = 10;

/** The form exists only while ADMIN_TOKEN is set. */
function requireForm(): string {
	const token = env.ADMIN_TOKEN?.trim();
	if (!token) error(404, 'The import form is off. Set ADMIN_TOKEN on the server to turn it on.');
	return token;
}

export const load: PageServerLoad = () => {
	requireForm();
	return {};
};

export const actions: Actions = {
	default: async ({ request }) => {
		const expected = requireForm();
		const form = await request.formData();
		const feedsText = String(form.get('feeds') ?? '');
		if (!isAdminToken(String(form.get('token') ?? ''), expected)) {
			return fail(403, { feeds: feedsText, error: 'That admin token is not right. Nothing was imported.' });
		}
		const feeds = feedsText
			.split(/\s+/)
			.map((f) => f.trim())
			.filter(Boolean);
		if (!feeds.length) return fail(400, { feeds: feedsText, error: 'Give at least one feed address.' });
		if (feeds.length > MAX_FEEDS) return fail(400, { feeds: feedsText, error: `At most ${MAX_FEEDS} feeds at a time; use npm run import for more.` });
		// Only web addresses from the form: a path would make the server read its own files.
		const notWeb = feeds.find((f) => !/^https?:\/\//i.test(f));
		if (notWeb) return fail(400, { feeds: feedsText, error: `"${notWeb}" is not an http(s) address.` });
		const report = await importFeeds(await getDb(), feeds);
		return { feeds: feedsText, report };
	}
};
