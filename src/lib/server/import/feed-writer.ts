/**
 * One feed, one transaction, written in chunks. The transaction is opened once, episodes are handed to it chunk by
 * chunk as their files come in, and it commits only when the whole feed is in; anything that fails rolls all of it
 * back. Chunks keep a 5,000-episode import from holding every transcript in memory at once.
 */
import type { Db } from '../db/client';
import type { EpisodeDraft } from './episode-draft';
import type { ParsedPodcast } from './feed';
import { beginFeedWrite, resultOf, writeEpisodes, type ItemKey, type WriteResult } from './persist';

type Job =
	| { kind: 'write'; drafts: EpisodeDraft[]; resolve: () => void; reject: (error: unknown) => void }
	| { kind: 'commit' }
	| { kind: 'abort'; error: unknown };

export interface FeedWriter {
	/** Writes a chunk of episodes; rejects (and the transaction is rolled back) when the database refuses it. */
	write(drafts: EpisodeDraft[]): Promise<void>;
	/** Commits, and returns what was written. */
	commit(): Promise<WriteResult>;
	/** Rolls back everything written so far. */
	abort(error: unknown): Promise<void>;
}

/** Opens the feed's transaction; resolves once the show row and the matching of `items` are done. */
export async function openFeedWriter(
	db: Db,
	feedUrl: string,
	podcast: ParsedPodcast,
	items: ItemKey[],
	onEpisodes: (done: number) => void
): Promise<FeedWriter> {
	const jobs: Job[] = [];
	let wake: (() => void) | null = null;
	const next = async (): Promise<Job> => {
		while (!jobs.length) await new Promise<void>((resolve) => (wake = resolve));
		return jobs.shift()!;
	};
	const push = (job: Job) => {
		jobs.push(job);
		wake?.();
		wake = null;
	};

	let opened!: () => void;
	const ready = new Promise<void>((resolve) => (opened = resolve));
	let failure: { error: unknown } | null = null;
	const finished = db.transaction(async (tx) => {
		const write = await beginFeedWrite(tx, feedUrl, podcast, items);
		opened();
		for (;;) {
			const job = await next();
			if (job.kind === 'abort') throw job.error;
			if (job.kind === 'commit') return resultOf(write);
			try {
				await writeEpisodes(tx, write, job.drafts, onEpisodes);
				job.resolve();
			} catch (error) {
				job.reject(error);
				throw error;
			}
		}
	});
	// Remember the failure, and answer every chunk still waiting with it, so no caller waits forever.
	finished.catch((error: unknown) => {
		failure = { error };
		for (const job of jobs.splice(0)) if (job.kind === 'write') job.reject(error);
	});
	await Promise.race([ready, finished]);

	return {
		write(drafts) {
			if (failure) return Promise.reject(failure.error);
			return new Promise<void>((resolve, reject) => push({ kind: 'write', drafts, resolve, reject }));
		},
		commit() {
			push({ kind: 'commit' });
			return finished;
		},
		async abort(error) {
			push({ kind: 'abort', error });
			await finished.catch(() => {});
		}
	};
}
