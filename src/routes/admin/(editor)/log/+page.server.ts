import { getDb } from '$lib/server/db';
import { listChanges } from '$lib/server/editor';
import { requireSignedIn } from '../guard.server';
import type { PageServerLoad } from './$types';

const PAGE = 100;

export const load: PageServerLoad = async (event) => {
	requireSignedIn(event);
	const before = Number(event.url.searchParams.get('before'));
	const changes = await listChanges(await getDb(), { limit: PAGE, beforeId: Number.isSafeInteger(before) && before > 0 ? before : undefined });
	return { changes, older: changes.length === PAGE ? changes.at(-1)!.id : null };
};
