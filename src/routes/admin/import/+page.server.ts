import { error, fail } from '@sveltejs/kit';
import { isAdminToken } from '$lib/server/admin-token';
import { getConfig } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { adminTokenFailures, clientAddressOf } from '$lib/server/failure-limiter';
import { importFeeds } from '$lib/server/import/import-feeds';
import { jobProgress } from '$lib/server/jobs';
import type { Actions, PageServerLoad } from './$types';

/** An editor imports a few feeds at a time; the CLI is for bulk. */
const MAX_FEEDS = 10;

/** The form exists only while ADMIN_TOKEN is set. */
function requireForm(): string {
	const token = getConfig().adminToken;
	if (!token) error(404, 'The import form is off. Set ADMIN_TOKEN on the server to turn it on.');
	return token;
}

export const load: PageServerLoad = () => {
	requireForm();
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, setHeaders } = event;
		const expected = requireForm();
		// A body that is not the form (broken multipart, another content type) is the sender's mistake, not ours; one
		// over the size limit keeps its own answer (413).
		const form = await request.formData().catch((error: unknown) => {
			if (hasStatus(error) || hasStatus((error as { cause?: unknown } | null)?.cause)) throw error;
			return null;
		});
		if (!form) return fail(400, { feeds: '', error: 'The form could not be read: send it as the page does (feeds and token fields).' });
		const feedsText = String(form.get('feeds') ?? '');
		// Checked before the token, so that a guesser who is refused learns nothing about the guess.
		const client = clientAddressOf(event);
		const wait = adminTokenFailures.retryAfterSeconds(client);
		if (wait > 0) {
			setHeaders({ 'retry-after': String(wait) });
			return fail(429, { feeds: feedsText, error: `Too many wrong admin tokens from your address. Try again in ${Math.ceil(wait / 60)} minute(s).` });
		}
		if (!isAdminToken(String(form.get('token') ?? ''), expected)) {
			adminTokenFailures.recordFailure(client);
			return fail(403, { feeds: feedsText, error: 'That admin token is not right. Nothing was imported.' });
		}
		adminTokenFailures.clear(client);
		const feeds = feedsText
			.split(/\s+/)
			.map((f) => f.trim())
			.filter(Boolean);
		if (!feeds.length) return fail(400, { feeds: feedsText, error: 'Give at least one feed address.' });
		if (feeds.length > MAX_FEEDS) return fail(400, { feeds: feedsText, error: `At most ${MAX_FEEDS} feeds at a time; use npm run import for more.` });
		// Only web addresses from the form: a path would make the server read its own files.
		const notWeb = feeds.find((f) => !/^https?:\/\//i.test(f));
		if (notWeb) return fail(400, { feeds: feedsText, error: `"${notWeb}" is not an http(s) address.` });
		const db = await getDb();
		const report = await importFeeds(db, feeds);
		// The chapters, vectors and questions it queued, per kind (their progress bars are on /admin/jobs).
		const podcastIds = report.feeds.flatMap((f) => (f.ok && f.podcast ? [f.podcast.id] : []));
		const jobs = podcastIds.length ? (await jobProgress(db, { podcastIds })).kinds : [];
		return { feeds: feedsText, report, jobs };
	}
};

function hasStatus(error: unknown): boolean {
	return typeof (error as { status?: unknown } | null)?.status === 'number';
}
