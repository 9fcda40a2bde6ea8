/**
 * One feed, written in short transactions: each chunk of episodes is its own transaction, so no page waits behind
 * a whole feed (on PGlite every query waits for an open transaction). An episode and its segments, cues, markers
 * and people go in together, in one chunk, so a reader never sees half an episode. The first chunk also writes the
 * show row, so a feed that fits in one chunk (most do) still lands whole or not at all.
 *
 * When a later chunk fails, the chunks before it stay: the report says how many episodes were written, and importing
 * the feed again finishes the job, because each written episode carries its new hashes and is then "unchanged"
 * while the rest are still written (docs/import.md, "When a write fails").
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { EpisodeDraft } from './episode-draft';
import type { ParsedPodcast } from './feed';
import { beginFeedWrite, resultOf, writeEpisodes, type FeedWrite, type ItemKey, type WriteResult } from './persist';

export interface FeedWriter {
	/** Writes a chunk of episodes in a transaction of its own; rejects (that chunk rolled back) when the database refuses it. */
	write(drafts: EpisodeDraft[]): Promise<void>;
	/** Finishes the feed (writes the show row if no chunk did) and returns what was written. */
	commit(): Promise<WriteResult>;
	/** What the chunks that committed wrote, after a failure; null when none did. */
	written(): WriteResult | null;
	/** The longest single transaction so far, in milliseconds. */
	longestTransactionMs(): number;
	/** Lets the next import of the same feed start. */
	release(): void;
}

/** Imports of one feed in this process take turns (the next waits for release()), so chunks never interleave. */
const feedTurns = new Map<string, Promise<void>>();

export async function openFeedWriter(
	db: Db,
	feedUrl: string,
	podcast: ParsedPodcast,
	items: ItemKey[],
	onEpisodes: (done: number) => void
): Promise<FeedWriter> {
	const previous = feedTurns.get(feedUrl) ?? Promise.resolve();
	let release!: () => void;
	const turn = new Promise<void>((resolve) => (release = resolve));
	const mine = previous.then(() => turn);
	feedTurns.set(feedUrl, mine);
	await previous;

	let state: FeedWrite | null = null;
	let longest = 0;
	// Each chunk works on a copy of the state and keeps it only once its transaction has committed.
	const chunk = async (drafts: EpisodeDraft[]) => {
		let next: FeedWrite | null = null;
		const started = performance.now();
		try {
			await db.transaction(async (tx) => {
				// Another process importing the same feed (PostgreSQL) waits for this chunk rather than interleave with it.
				await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${feedUrl}))`);
				next = state ? copyOf(state) : await beginFeedWrite(tx, feedUrl, podcast, items);
				if (drafts.length) await writeEpisodes(tx, next, drafts, onEpisodes);
			});
			state = next;
		} finally {
			longest = Math.max(longest, performance.now() - started);
		}
	};
	return {
		write: chunk,
		async commit() {
			if (!state) await chunk([]);
			return resultOf(state!);
		},
		written: () => (state ? resultOf(state) : null),
		longestTransactionMs: () => longest,
		release() {
			if (feedTurns.get(feedUrl) === mine) feedTurns.delete(feedUrl);
			release();
		}
	};
}

/** A copy of the write's counters and maps, so a chunk that rolls back leaves the committed state as it was. */
function copyOf(write: FeedWrite): FeedWrite {
	return { ...write, personIds: new Map(write.personIds), changedEpisodeIds: [...write.changedEpisodeIds] };
}
