import { getDb } from '$lib/server/db';
import { listPodcasts } from '$lib/server/podcasts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ shows: await listPodcasts(await getDb()) });
