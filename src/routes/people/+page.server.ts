import { getDb } from '$lib/server/db';
import { listPeople } from '$lib/server/people';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ people: await listPeople(await getDb()) });
