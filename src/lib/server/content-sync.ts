/**
 * Content changes across servers. Several Node processes can serve one PostgreSQL, each with its own in-memory search
 * index. Every content write records what it touched in content_outbox, in its own transaction, by database triggers
 * (drizzle/0007_content_outbox_triggers.sql), so no writer can forget (a raw SQL delete, db:seed, another version of
 * this site). Each server applies the outbox rows after the last one it applied, in order, through the same local
 * path as its own writes (content-events.ts, marked remote), so nothing is missed across a lost connection: when it
 * is back, the server reads on from where it stopped. NOTIFY (sent by the same triggers, at commit) only wakes it up;
 * a poll every second covers a wake-up lost with a connection.
 * On PGlite (one process, whose writers all announce their changes here) there is no one to hear, and this does nothing.
 */
import { sql } from 'drizzle-orm';
import { contentChanged, type ContentChange } from './content-events';
import { SERVER_ORIGIN_PREFIX, type DbHandle } from './db/client';
import { createNotifier } from './db/notify';

/** The channel the outbox triggers NOTIFY on. */
export const OUTBOX_CHANNEL = 'content_outbox';

/** How often the outbox is read without a wake-up (one lost with the listening connection, or never sent). */
const POLL_MS = 1000;
/** Past this since the last successful read, what is kept in memory is not answered: the database may be gone. */
const STALE_MS = 3 * POLL_MS;
/** Rows read at a time. */
const BATCH_ROWS = 500;
/** Outbox rows older than this are deleted (by any server): every running server has read them long before. */
const KEEP_ROWS_MS = 24 * 3600_000;

const KEYS = ['podcastIds', 'episodeIds', 'questionIds'] as const satisfies readonly (keyof ContentChange)[];
const isEmpty = (change: ContentChange) => KEYS.every((key) => !change[key]?.length);

export interface ContentSync {
	/**
	 * Whether what this process keeps in memory beside its index (response-cache.ts) may still be answered, known
	 * without a query: on PGlite always; on PostgreSQL while the listening connection is up and the outbox was read
	 * within the last few seconds (so a database that has gone away shows as it would without anything kept).
	 */
	isCurrent(): boolean;
	/** Reads and applies what the outbox holds now (tests; the poll and NOTIFY do this by themselves). */
	catchUp(): Promise<void>;
	/** Stops listening and polling (shutdown); waits for a change being applied. */
	stop(): Promise<void>;
}

export interface ContentSyncOptions {
	/** Apply other processes' changes here (servers). Scripts that only write leave this off: the triggers tell. */
	listen?: boolean;
	log?: (message: string) => void;
}

interface OutboxRow {
	seq: string | number;
	podcast_ids: number[];
	episode_ids: number[];
	question_ids: number[];
	origin: string;
}

/**
 * With `listen`, applies the content changes other processes commit to this process's subscribers, in commit order,
 * from the outbox's end as it stands now. Start it before the search index subscribes and loads, so that changes
 * committed while the index is built are applied once it is (search/index.ts; applying one twice is harmless).
 */
export async function startContentSync(handle: DbHandle, { listen = false, log = () => {} }: ContentSyncOptions = {}): Promise<ContentSync> {
	const notifier = createNotifier(handle);
	const { db } = handle;
	const prune = setInterval(() => {
		void db.execute(sql`delete from content_outbox where at < now() - make_interval(secs => ${KEEP_ROWS_MS / 1000})`).catch(() => {});
	}, 3600_000);
	prune.unref();
	if (!notifier.shared || !listen) {
		// Nothing to hear (PGlite: its one process announces its own writes; a script only writes): the outbox is only kept short.
		if (!listen) clearInterval(prune);
		return { isCurrent: () => true, catchUp: async () => {}, stop: async () => clearInterval(prune) };
	}
	const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[]));

	const [start] = rowsOf<{ seq: string | null }>(await db.execute(sql`select max(seq)::text as seq from content_outbox`));
	let last = BigInt(start?.seq ?? 0);
	/** A missing seq after `last`: a writer still in progress, or one rolled back. `xmax`: the snapshot that saw it. */
	let gap: { seq: bigint; xmax: bigint } | null = null;
	let lastReadAt = Date.now();
	let hearing = false;
	let stopped = false;

	/** Reads and applies outbox rows until none is left (or a gap waits for its writer). */
	async function pull(): Promise<void> {
		for (;;) {
			// The snapshot first, the rows after: a writer that had ended by then has its rows in what is read.
			const [snap] = rowsOf<{ xmin: string; xmax: string }>(
				await db.execute(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin, pg_snapshot_xmax(pg_current_snapshot())::text as xmax`)
			);
			const rows = rowsOf<OutboxRow>(
				await db.execute(
					sql`select seq, podcast_ids, episode_ids, question_ids, origin from content_outbox where seq > ${String(last)} order by seq limit ${BATCH_ROWS}`
				)
			);
			lastReadAt = Date.now();
			const derive: ContentChange = {};
			const reload: ContentChange = {};
			const scripts: bigint[] = [];
			let applied = last;
			const taken: OutboxRow[] = [];
			for (const row of rows) {
				const seq = BigInt(row.seq);
				if (seq !== applied + 1n) {
					// Sequence numbers are taken in write order and seen in commit order: a gap is a writer that has not
					// committed yet (wait for it) or one that rolled back (skip it once every writer that was running
					// when the gap was first seen has ended).
					if (gap?.seq === applied + 1n && BigInt(snap!.xmin) >= gap.xmax) gap = null;
					else {
						if (gap?.seq !== applied + 1n) gap = { seq: applied + 1n, xmax: BigInt(snap!.xmax) };
						break;
					}
				}
				applied = seq;
				if (row.origin === handle.origin) continue; // written here, and announced here when it committed
				taken.push(row);
				if (!row.origin.startsWith(SERVER_ORIGIN_PREFIX)) scripts.push(seq);
			}
			// A server derives what follows from its own writes; a script's (or raw SQL's) are derived by the first server
			// to claim them, so that automatic links are written once per change, not once per server.
			const claimed = new Set<string>();
			if (scripts.length) {
				const won = rowsOf<{ seq: string | number }>(
					await db.execute(
						sql`update content_outbox set claimed_by = ${handle.origin} where seq = any(${`{${scripts.join(',')}}`}::bigint[]) and claimed_by is null returning seq`
					)
				);
				for (const row of won) claimed.add(String(row.seq));
			}
			for (const row of taken) {
				const into = claimed.has(String(row.seq)) ? derive : reload;
				for (const [key, ids] of [
					['podcastIds', row.podcast_ids],
					['episodeIds', row.episode_ids],
					['questionIds', row.question_ids]
				] as const) {
					if (ids.length) into[key] = [...new Set([...(into[key] ?? []), ...ids.map(Number)])];
				}
			}
			// A subscriber that fails is logged and passed over, as a local write's would be: the next change re-reads.
			const apply = (change: ContentChange, derive: boolean) =>
				contentChanged(change, { remote: true, derive }).catch((error: unknown) =>
					log(`applying another process's change failed: ${error instanceof Error ? error.message : String(error)}`)
				);
			if (!isEmpty(reload)) await apply(reload, false);
			if (!isEmpty(derive)) await apply(derive, true);
			last = applied;
			if (rows.length < BATCH_ROWS || applied !== BigInt(rows.at(-1)!.seq)) return;
		}
	}

	// One pull at a time; a wake-up during one asks for another after it, so no commit is left unread.
	let running: Promise<void> | null = null;
	let again = false;
	const wake = (): Promise<void> => {
		if (stopped) return Promise.resolve();
		if (running) {
			again = true;
			return running;
		}
		running = (async () => {
			do {
				again = false;
				await pull().catch((error: unknown) => log(`reading the content outbox failed: ${error instanceof Error ? error.message : String(error)}`));
			} while (again && !stopped);
		})().finally(() => (running = null));
		return running;
	};

	const unlisten = await notifier.listen(OUTBOX_CHANNEL, () => void wake(), {
		log,
		onLost: () => (hearing = false),
		onListen: () => {
			hearing = true;
			void wake(); // whatever was committed while not listening is in the outbox: read on from `last`
		}
	});
	const poll = setInterval(() => void wake(), POLL_MS);
	poll.unref();

	return {
		isCurrent: () => hearing && Date.now() - lastReadAt < STALE_MS,
		catchUp: async () => {
			await running;
			await wake();
		},
		async stop() {
			stopped = true;
			clearInterval(poll);
			clearInterval(prune);
			await unlisten();
			await running;
		}
	};
}
