import { getDb } from '$lib/server/db';
import { listQuestions } from '$lib/server/questions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ questions: await listQuestions(await getDb()) });
