import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { findJobKind, jobKinds, jobProgress, requeueKind } from '$lib/server/jobs';
import { editorForm, field, isSignedIn } from '../guard.server';
import type { Actions, PageServerLoad } from './$types';

/** Background jobs: counts per kind, progress of the running ones, errors of the failed ones. Signed-in editors only. */
// The editors' layout has checked that the tools are on and marked the page no-store.
export const load: PageServerLoad = async ({ cookies }) => {
	if (!isSignedIn(cookies)) error(401, 'Sign in with the admin token to see the background jobs.');
	const progress = await jobProgress(await getDb());
	const registered = jobKinds.map((k) => ({ name: k.name, version: k.version }));
	// Every registered kind has a row, even with no jobs yet; kinds that only have queued jobs are listed too.
	const rows = [...new Set([...registered.map((k) => k.name), ...progress.kinds.map((k) => k.kind)])].map((name) => ({
		...(progress.kinds.find((k) => k.kind === name) ?? { kind: name, queued: 0, running: 0, done: 0, failed: 0, retrying: 0 }),
		version: registered.find((k) => k.name === name)?.version ?? null
	}));
	return { rows, running: progress.running, failed: progress.failed, pending: progress.pending };
};

export const actions: Actions = {
	/** Runs a kind again: failed and outdated jobs, or with "all" every done one too. */
	requeue: async (event) => {
		const form = await editorForm(event);
		const kind = field(form, 'kind').trim();
		if (!/^[\w-]{1,40}$/.test(kind)) error(400, `"${kind.slice(0, 40)}" is not a kind of background job.`);
		const all = field(form, 'all') === 'on';
		const queued = await requeueKind(await getDb(), kind, { version: findJobKind(kind)?.version, all });
		return { ok: `${queued} ${kind} job${queued === 1 ? '' : 's'} queued again.` };
	}
};
