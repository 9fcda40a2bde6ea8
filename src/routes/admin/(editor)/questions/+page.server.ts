import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { createQuestion, listQuestionsForEditor } from '$lib/server/editor';
import { editorForm, field, requireSignedIn, runEdit } from '../guard.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireSignedIn(event);
	const q = (event.url.searchParams.get('q') ?? '').slice(0, 200);
	return { q, questions: await listQuestionsForEditor(await getDb(), q) };
};

export const actions: Actions = {
	create: async (event) => {
		const form = await editorForm(event);
		const text = field(form, 'text');
		let created: { id: number } | null = null;
		const result = await runEdit(
			async () => {
				created = await createQuestion(await getDb(), {
					text,
					alternatives: field(form, 'alternatives').split('\n'),
					featured: form.get('featured') === 'on'
				});
				return 'Question created.';
			},
			{ text }
		);
		if (created) redirect(303, `/admin/questions/${(created as { id: number }).id}`);
		return result;
	}
};
