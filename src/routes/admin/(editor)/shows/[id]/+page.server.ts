import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getShowForEditor, hideEpisode } from '$lib/server/editor';
import { editorForm, field, idField, idParam, requireSignedIn, runEdit } from '../../guard.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireSignedIn(event);
	const page = await getShowForEditor(await getDb(), idParam(event.params.id, 'show'));
	if (!page) error(404, `There is no show ${event.params.id}; it may have been deleted.`);
	return page;
};

export const actions: Actions = {
	hide: async (event) => {
		const form = await editorForm(event);
		const id = idField(form, 'episodeId', 'The episode');
		const hidden = field(form, 'hidden') !== 'false';
		return runEdit(async () => {
			await hideEpisode(await getDb(), id, hidden);
			return hidden ? 'The episode is hidden.' : 'The episode is shown again.';
		});
	}
};
