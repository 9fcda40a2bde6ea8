/**
 * The registry: every kind of background work the site has. A wing plugs in by exporting a JobKind from its front
 * door and being listed here; workers claim only the kinds listed, so work queued for a kind that is not (yet)
 * registered simply waits.
 */
import { artworkJob } from '../artwork';
import { chaptersJob } from '../chapters';
import { questionsJob } from '../mining';
import { vectorsJob } from '../vectors';
import type { JobKind } from './types';

/** The kinds a worker runs, by default all of them. */
export const jobKinds: JobKind[] = [chaptersJob, vectorsJob, questionsJob, artworkJob];

/** The kind of that name, if registered. */
export function findJobKind(name: string, kinds: JobKind[] = jobKinds): JobKind | undefined {
	return kinds.find((k) => k.name === name);
}
