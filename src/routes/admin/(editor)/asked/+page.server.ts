import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { listAsked, promoteAsked } from '$lib/server/editor';
import { editorForm, field, requireSignedIn, runEdit } from '../guard.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireSignedIn(event);
	return { asked: await listAsked(await getDb()) };
};

export const actions: Actions = {
	promote: async (event) => {
		const form = await editorForm(event);
		let id = 0;
		const result = await runEdit(async () => {
			id = (await promoteAsked(await getDb(), field(form, 'normalized'), field(form, 'text'))).id;
			return 'Promoted.';
		});
		if (id) redirect(303, `/admin/questions/${id}`);
		return result;
	}
};
