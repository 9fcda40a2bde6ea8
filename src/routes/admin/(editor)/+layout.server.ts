import { editorToken, isSignedIn } from './guard.server';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ cookies, setHeaders }) => {
	editorToken();
	// Editors' pages hold what is not public yet (the log, asked questions): never kept by a cache.
	setHeaders({ 'cache-control': 'no-store' });
	return { signedIn: isSignedIn(cookies) };
};
