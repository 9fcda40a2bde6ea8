import { redirect } from '@sveltejs/kit';
import { listAskedQuestions, promoteAskedQuestion } from '$lib/server/answers';
import { getDb } from '$lib/server/db';
import { getSearch } from '$lib/server/search';
import { editorForm, field, requireSignedIn, runEdit } from '../guard.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireSignedIn(event);
	return { asked: await listAskedQuestions(await getDb()) };
};

export const actions: Actions = {
	promote: async (event) => {
		const form = await editorForm(event);
		let id = 0;
		const result = await runEdit(async () => {
			// The answers wing's promotion: the stored question cites the moments its answer quotes (logged as pins).
			const promoted = await promoteAskedQuestion(await getDb(), field(form, 'normalized'), { search: await getSearch(), text: field(form, 'text') || undefined });
			id = promoted.id;
			return `Promoted, with ${promoted.citations} citation(s).`;
		});
		if (id) redirect(303, `/admin/questions/${id}`);
		return result;
	}
};
