/**
 * Content changes across servers. Several Node processes can serve one PostgreSQL, each with its own in-memory search
 * index. After a write commits, its process announces the change locally (content-events.ts); this bridge also sends it
 * to the others with NOTIFY, and hands the changes it hears from them to the same local subscribers, marked remote, so
 * each index follows through the same incremental path as a local write (re-read those rows, replace or discard).
 * On PGlite (one process) there is no one to tell, and this does nothing.
 */
import { randomUUID } from 'node:crypto';
import { gt, sql } from 'drizzle-orm';
import { contentChanged, onContentChange, type ContentChange } from './content-events';
import type { DbHandle } from './db/client';
import { createNotifier, MAX_NOTIFY_PAYLOAD_BYTES, type Notifier } from './db/notify';
import { episodes, podcasts, questions } from './db/schema';

/** The NOTIFY channel every server listens on. */
export const CONTENT_CHANNEL = 'content_changed';

/** Ids per message: 10 digits and a comma each, well under PostgreSQL's 8000-byte payload limit. */
const IDS_PER_MESSAGE = 600;

/** How far before a lost connection a catch-up looks: covers long transactions and some clock skew between machines. */
const CATCH_UP_MARGIN_MS = 10 * 60_000;

const KEYS = ['podcastIds', 'episodeIds', 'questionIds'] as const satisfies readonly (keyof ContentChange)[];

interface Message {
	/** The sending process, so a process ignores its own messages. */
	from: string;
	change: ContentChange;
}

/** Splits a change into NOTIFY payloads, each under the size limit (a big import touches thousands of episodes). */
export function encodeChange(from: string, change: ContentChange): string[] {
	const messages: string[] = [];
	let current: ContentChange = {};
	let ids = 0;
	const flush = () => {
		if (ids === 0) return;
		messages.push(JSON.stringify({ from, change: current } satisfies Message));
		current = {};
		ids = 0;
	};
	for (const key of KEYS) {
		for (const id of change[key] ?? []) {
			if (!Number.isSafeInteger(id)) throw new Error(`content-sync: ${key} holds ${String(id)}, which is not an id`);
			(current[key] ??= []).push(id);
			if (++ids === IDS_PER_MESSAGE) flush();
		}
	}
	flush();
	for (const m of messages) {
		if (Buffer.byteLength(m) > MAX_NOTIFY_PAYLOAD_BYTES) throw new Error(`content-sync: a message of ${m.length} bytes is too long`);
	}
	return messages;
}

/** Reads a payload; null for anything that is not a change message (a newer format, a stray NOTIFY). */
export function decodeMessage(payload: string): Message | null {
	try {
		const value = JSON.parse(payload) as Partial<Message>;
		if (typeof value?.from !== 'string' || typeof value.change !== 'object' || value.change === null) return null;
		const change: ContentChange = {};
		for (const key of KEYS) {
			const ids = (value.change as ContentChange)[key];
			if (ids === undefined) continue;
			if (!Array.isArray(ids) || !ids.every((id) => Number.isSafeInteger(id))) return null;
			change[key] = ids;
		}
		return { from: value.from, change };
	} catch {
		return null;
	}
}

/** Unions changes that arrived while an earlier one was being applied: each is a re-read, so one read does for all. */
function merge(into: ContentChange, change: ContentChange): void {
	for (const key of KEYS) {
		if (!change[key]?.length) continue;
		into[key] = [...new Set([...(into[key] ?? []), ...change[key]])];
	}
}

const isEmpty = (change: ContentChange) => KEYS.every((key) => !change[key]?.length);

export interface ContentSync {
	/** This process's id in the messages it sends. */
	readonly instanceId: string;
	/**
	 * Whether what this process keeps in memory beside its index (response-cache.ts) may still be answered: at once
	 * true on PGlite (no other process can write, and it cannot go away); on PostgreSQL, true when changes are being
	 * heard and the database answers a query sent after this call, so that a database that has just gone away shows
	 * as it would without anything kept (checks are shared: one query at a time serves everyone waiting).
	 */
	isCurrent(): boolean | Promise<boolean>;
	/** Stops sending and listening (shutdown); waits for a change being applied. */
	stop(): Promise<void>;
}

export interface ContentSyncOptions {
	/** Also apply other processes' changes here (servers). Scripts that only write leave this off. */
	listen?: boolean;
	log?: (message: string) => void;
}

/**
 * Sends this process's content changes to the other processes on the database and, with `listen`, applies theirs
 * here. Start it before the search index subscribes, so the changes of other servers that commit while the index is
 * being built are not lost (the index applies them once built: search/index.ts).
 */
export async function startContentSync(handle: DbHandle, { listen = false, log = () => {} }: ContentSyncOptions = {}): Promise<ContentSync> {
	const instanceId = randomUUID();
	const notifier = createNotifier(handle);
	if (!notifier.shared) return { instanceId, isCurrent: () => true, stop: async () => {} };

	const unsubscribe = onContentChange(async (change, { remote }) => {
		if (remote) return; // it came from another process, which has told everyone already
		try {
			for (const payload of encodeChange(instanceId, change)) await notifier.notify(CONTENT_CHANNEL, payload);
		} catch (error) {
			// The write itself committed; only the other servers' indexes miss it (until they restart or catch up).
			log(`could not tell other servers about a change (${error instanceof Error ? error.message : String(error)})`);
		}
	});

	let unlisten = async () => {};
	let hearing = true;
	let applying: Promise<void> | null = null;
	if (listen) {
		let pending: ContentChange = {};
		const applyPending = () => {
			applying ??= (async () => {
				while (!isEmpty(pending)) {
					const change = pending;
					pending = {};
					await contentChanged(change, { remote: true }).catch((error: unknown) =>
						log(`applying another server's change failed: ${error instanceof Error ? error.message : String(error)}`)
					);
				}
			})().finally(() => (applying = null));
		};
		let lostAt = 0;
		hearing = false;
		unlisten = await notifier.listen(
			CONTENT_CHANNEL,
			(payload) => {
				const message = decodeMessage(payload);
				if (!message || message.from === instanceId) return;
				merge(pending, message.change);
				applyPending();
			},
			{
				log,
				onLost: () => {
					lostAt = Date.now();
					hearing = false;
				},
				onListen: (first) => {
					hearing = true;
					if (first) return;
					// Messages sent while this process was not listening are lost: re-read what was written meanwhile,
					// by updated_at (which is a transaction's start, so look back well before the connection dropped).
					// Deletions in that gap are not seen until a restart.
					// The change is announced even when empty: what is kept beside the index is dropped either way.
					// Reading what changed and applying it both query the database, which may go away again meanwhile: either
					// failing is logged (the next reconnection catches up again), never left to crash the process.
					void changedSince(handle, new Date(lostAt - CATCH_UP_MARGIN_MS))
						.then((change) => {
							if (!isEmpty(change)) {
								log(`catching up on ${change.episodeIds?.length ?? 0} episodes and ${change.questionIds?.length ?? 0} questions written while not listening`);
							}
							return contentChanged(change, { remote: true });
						})
						.catch((error: unknown) => log(`could not catch up after reconnecting: ${error instanceof Error ? error.message : String(error)}`));
				}
			}
		);
	}
	const databaseAnswers = createLivenessCheck(handle);
	return {
		instanceId,
		isCurrent: () => hearing && databaseAnswers(),
		async stop() {
			unsubscribe();
			await unlisten();
			await applying;
		}
	};
}

/** How long a liveness check waits for the database before calling it away. */
const LIVENESS_TIMEOUT_MS = 1000;

/**
 * A check that the database answers, shared by everyone waiting: a caller gets the answer to a query sent after it
 * asked (one already in flight may have left before), so at most one query is in flight and one queued.
 */
function createLivenessCheck({ db }: DbHandle): () => Promise<boolean> {
	let inFlight: Promise<boolean> | null = null;
	let queued: Promise<boolean> | null = null;
	const send = (): Promise<boolean> => {
		let timer: NodeJS.Timeout | undefined;
		const answer = Promise.race([
			db.execute(sql`select 1`).then(() => true, () => false),
			new Promise<boolean>((resolve) => (timer = setTimeout(resolve, LIVENESS_TIMEOUT_MS, false)))
		]).finally(() => clearTimeout(timer));
		inFlight = answer;
		void answer.finally(() => {
			if (inFlight === answer) inFlight = null;
		});
		return answer;
	};
	return () => {
		if (!inFlight) return send();
		return (queued ??= inFlight.then(() => {
			queued = null;
			return send();
		}));
	};
}

async function changedSince({ db }: DbHandle, since: Date): Promise<ContentChange> {
	const [shows, eps, qs] = await Promise.all([
		db.select({ id: podcasts.id }).from(podcasts).where(gt(podcasts.updatedAt, since)),
		db.select({ id: episodes.id }).from(episodes).where(gt(episodes.updatedAt, since)),
		db.select({ id: questions.id }).from(questions).where(gt(questions.updatedAt, since))
	]);
	return { podcastIds: shows.map((r) => r.id), episodeIds: eps.map((r) => r.id), questionIds: qs.map((r) => r.id) };
}
