import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import {
	EditorError,
	editQuestion,
	findQuestionId,
	findSegments,
	getQuestionForEditor,
	mergeQuestions,
	moveCitation,
	parseSeconds,
	pinCitation,
	removeQuestion,
	unpinCitation,
	writeAnswer
} from '$lib/server/editor';
import { editorForm, field, idField, idParam, requireSignedIn, runEdit } from '../../guard.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireSignedIn(event);
	const db = await getDb();
	const page = await getQuestionForEditor(db, idParam(event.params.id, 'question'));
	if (!page) error(404, `There is no question ${event.params.id}; it may have been merged or deleted.`);
	const find = (event.url.searchParams.get('find') ?? '').slice(0, 200);
	return { ...page, find, found: find ? await findSegments(db, find) : [] };
};

const questionId = (params: { id: string }) => idParam(params.id, 'question');

export const actions: Actions = {
	edit: async (event) => {
		const form = await editorForm(event);
		const id = questionId(event.params);
		return runEdit(async () => {
			await editQuestion(await getDb(), id, {
				text: field(form, 'text'),
				alternatives: field(form, 'alternatives').split('\n'),
				featured: form.get('featured') === 'on'
			});
			return 'Question saved.';
		});
	},
	answer: async (event) => {
		const form = await editorForm(event);
		const id = questionId(event.params);
		return runEdit(async () => {
			await writeAnswer(await getDb(), id, field(form, 'answer'));
			return field(form, 'answer').trim() ? 'Answer saved.' : 'Answer removed.';
		});
	},
	pin: async (event) => {
		const form = await editorForm(event);
		const id = questionId(event.params);
		const segmentId = idField(form, 'segmentId', 'The segment');
		return runEdit(async () => {
			const start = field(form, 'start').trim();
			const end = field(form, 'end').trim();
			const moment = start || end ? { startSeconds: parseSeconds(start, 'The moment’s start'), endSeconds: parseSeconds(end, 'The moment’s end') } : null;
			await pinCitation(await getDb(), id, segmentId, { moment });
			return `Segment ${segmentId} is pinned${moment ? ` at ${moment.startSeconds}–${moment.endSeconds} s` : ''}.`;
		});
	},
	unpin: async (event) => {
		const form = await editorForm(event);
		const id = questionId(event.params);
		const segmentId = idField(form, 'segmentId', 'The segment');
		return runEdit(async () => {
			await unpinCitation(await getDb(), id, segmentId);
			return `Segment ${segmentId} is no longer cited.`;
		});
	},
	move: async (event) => {
		const form = await editorForm(event);
		const id = questionId(event.params);
		const segmentId = idField(form, 'segmentId', 'The segment');
		const direction = field(form, 'direction') === 'down' ? 'down' : 'up';
		return runEdit(async () => {
			await moveCitation(await getDb(), id, segmentId, direction);
			return `Moved segment ${segmentId} ${direction}.`;
		});
	},
	merge: async (event) => {
		const form = await editorForm(event);
		const id = questionId(event.params);
		const into = field(form, 'into').trim();
		const db = await getDb();
		const keepId = await findQuestionId(db, into);
		if (!keepId) return runEdit(async () => fault(`there is no question "${into.slice(0, 80)}" to merge into; give its number or its address.`));
		const result = await runEdit(async () => {
			await mergeQuestions(db, id, keepId);
			return 'Merged.';
		});
		if ('ok' in result && result.ok) redirect(303, `/admin/questions/${keepId}`);
		return result;
	},
	delete: async (event) => {
		const form = await editorForm(event);
		const id = questionId(event.params);
		if (form.get('confirm') !== 'on') return runEdit(async () => fault('tick “Yes, delete it” to delete the question.'));
		const result = await runEdit(async () => {
			await removeQuestion(await getDb(), id);
			return 'Deleted.';
		});
		if ('ok' in result && result.ok) redirect(303, '/admin/questions');
		return result;
	}
};

function fault(message: string): never {
	throw new EditorError(message);
}
