import { error, redirect } from '@sveltejs/kit';
import { checkToken, editorToken, field, signIn, signOut } from './guard.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({});

export const actions: Actions = {
	signin: async (event) => {
		const expected = editorToken();
		const form = await event.request.formData().catch(() => null);
		if (!form) error(400, 'The form could not be read: send it as the page does.');
		checkToken(event, field(form, 'token'), expected);
		signIn(event, expected);
		// Back where the editor was asked to sign in, never to another site.
		const next = field(form, 'next');
		redirect(303, /^\/admin(\/[\w\-/]*)?$/.test(next) ? next : '/admin');
	},
	signout: async (event) => {
		editorToken();
		signOut(event);
		redirect(303, '/admin');
	}
};
