import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { deleteEpisode, editSegment, EditorError, getEpisodeForEditor, hideEpisode, parseSeconds } from '$lib/server/editor';
import { editorForm, field, idField, idParam, requireSignedIn, runEdit } from '../../guard.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireSignedIn(event);
	const page = await getEpisodeForEditor(await getDb(), idParam(event.params.id, 'episode'));
	if (!page) error(404, `There is no episode ${event.params.id}; it may have been deleted.`);
	return page;
};

const episodeId = (params: { id: string }) => idParam(params.id, 'episode');

export const actions: Actions = {
	segment: async (event) => {
		const form = await editorForm(event);
		episodeId(event.params);
		const segmentId = idField(form, 'segmentId', 'The segment');
		return runEdit(
			async () => {
				await editSegment(await getDb(), segmentId, {
					title: field(form, 'title'),
					summary: field(form, 'summary'),
					startSeconds: parseSeconds(field(form, 'start'), 'The start'),
					endSeconds: parseSeconds(field(form, 'end'), 'The end')
				});
				return `Segment ${segmentId} saved.`;
			},
			{ segmentId }
		);
	},
	hide: async (event) => {
		const form = await editorForm(event);
		const id = episodeId(event.params);
		const hidden = field(form, 'hidden') !== 'false';
		return runEdit(async () => {
			await hideEpisode(await getDb(), id, hidden);
			return hidden ? 'The episode is hidden: off listings, search and the sitemap, and its page answers 404.' : 'The episode is shown again.';
		});
	},
	delete: async (event) => {
		const form = await editorForm(event);
		const id = episodeId(event.params);
		const db = await getDb();
		const page = await getEpisodeForEditor(db, id);
		const result = await runEdit(async () => {
			if (form.get('confirm') !== 'on') throw new EditorError('tick “Yes, delete it” to delete the episode.');
			await deleteEpisode(db, id);
			return 'Deleted.';
		});
		if ('ok' in result && result.ok) redirect(303, page ? `/admin/shows/${page.show.id}` : '/admin/shows');
		return result;
	}
};
