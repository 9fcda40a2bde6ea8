import { getDb } from '$lib/server/db';
import { deleteShow, EditorError, hideShow, listShowsForEditor } from '$lib/server/editor';
import { editorForm, field, idField, requireSignedIn, runEdit } from '../guard.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireSignedIn(event);
	return { shows: await listShowsForEditor(await getDb()) };
};

export const actions: Actions = {
	hide: async (event) => {
		const form = await editorForm(event);
		const id = idField(form, 'showId', 'The show');
		const hidden = field(form, 'hidden') !== 'false';
		return runEdit(async () => {
			await hideShow(await getDb(), id, hidden);
			return hidden ? 'Every episode of the show is hidden.' : 'Every episode of the show is shown again.';
		});
	},
	delete: async (event) => {
		const form = await editorForm(event);
		const id = idField(form, 'showId', 'The show');
		return runEdit(async () => {
			if (form.get('confirm') !== 'on') throw new EditorError('tick “Yes, delete it” to delete the show.');
			const result = await deleteShow(await getDb(), id);
			return `Deleted the show, its ${result.episodesDeleted} episode(s) and ${result.questionsDeleted} mined question(s) left without citations.`;
		});
	}
};
