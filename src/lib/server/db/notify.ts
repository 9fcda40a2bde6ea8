/**
 * PostgreSQL LISTEN/NOTIFY for one database, so that several processes on it can tell each other things. On PGlite
 * there are no other processes (the embedded database belongs to one), so both sides are no-ops there: callers need
 * not know which database they have.
 */
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { DbHandle } from './client';

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; senders keep each one under this. */
export const MAX_NOTIFY_PAYLOAD_BYTES = 7999;

export interface ListenOptions {
	/** Called each time the channel is (re)listened: `first` is false after a reconnect, when messages may have been missed. */
	onListen?: (first: boolean) => void;
	/** Called when the listening connection is lost (messages sent from now until the next onListen are not heard). */
	onLost?: () => void;
	log?: (message: string) => void;
}

export interface Notifier {
	/** False on PGlite: no other process can share the database, so nothing is sent or heard. */
	readonly shared: boolean;
	/** Sends a payload to every process listening on the channel, when the current transaction (if any) commits. */
	notify(channel: string, payload: string): Promise<void>;
	/** Hears the channel until the returned function is called; reconnects and listens again after the database went away. */
	listen(channel: string, onPayload: (payload: string) => void, options?: ListenOptions): Promise<() => Promise<void>>;
}

/** Retry delays after the listening connection is lost: quick at first, then every 10 s until the database is back. */
const RELISTEN_DELAYS_MS = [250, 1000, 2000, 5000, 10_000];

/** LISTEN/NOTIFY over a database handle (real PostgreSQL), or no-ops (PGlite). */
export function createNotifier(handle: DbHandle): Notifier {
	const { target, db } = handle;
	if (target.kind !== 'postgres') {
		return { shared: false, notify: async () => {}, listen: async () => async () => {} };
	}
	return {
		shared: true,
		async notify(channel, payload) {
			if (Buffer.byteLength(payload) > MAX_NOTIFY_PAYLOAD_BYTES) {
				throw new Error(`notify: a payload of ${Buffer.byteLength(payload)} bytes is over PostgreSQL's limit; split it`);
			}
			await db.execute(sql`select pg_notify(${channel}, ${payload})`);
		},
		listen: (channel, onPayload, options) => listenOnOwnConnection(target.url, channel, onPayload, options)
	};
}

/**
 * A connection of its own (LISTEN belongs to a session, and the app's pool hands sessions around). postgres.js's
 * `sql.listen` re-listens once after a reconnect but gives up for good if that one attempt fails, as it does while
 * the database is still away; this keeps trying until it is back.
 */
async function listenOnOwnConnection(
	url: string,
	channel: string,
	onPayload: (payload: string) => void,
	{ onListen = () => {}, onLost = () => {}, log = () => {} }: ListenOptions = {}
): Promise<() => Promise<void>> {
	let stopped = false;
	let listening = false;
	let retrying: Promise<void> | null = null;
	let listenedBefore = false;

	const client = postgres(url, {
		max: 1,
		// The one connection stays open: an idle or aged-out close would be a gap in what we hear.
		idle_timeout: 0,
		max_lifetime: null,
		connect_timeout: 5,
		onnotice: () => {},
		connection: { application_name: 'podcast-moments listen' },
		onclose: () => {
			if (stopped || !listening) return;
			listening = false;
			onLost();
			log(`lost the connection listening on "${channel}"; listening again when the database is back`);
			void keepTrying();
		},
		// Not in postgres.js's types, but its documented way to hear NOTIFY on a connection of one's own.
		...({ onnotify: (from: string, payload: string) => from === channel && onPayload(payload) } as object)
	});

	async function listenOnce(): Promise<void> {
		await client.unsafe(`LISTEN "${channel.replace(/"/g, '""')}"`);
		listening = true;
		const first = !listenedBefore;
		listenedBefore = true;
		if (!first) log(`listening on "${channel}" again`);
		onListen(first);
	}

	function keepTrying(): Promise<void> {
		retrying ??= (async () => {
			for (let attempt = 0; !stopped && !listening; attempt++) {
				await new Promise((resolve) => setTimeout(resolve, RELISTEN_DELAYS_MS[Math.min(attempt, RELISTEN_DELAYS_MS.length - 1)]));
				if (stopped) break;
				await listenOnce().catch(() => {});
			}
		})().finally(() => (retrying = null));
		return retrying;
	}

	try {
		await listenOnce();
	} catch (error) {
		// The server starts anyway (it can serve from memory); it listens as soon as the database answers.
		log(`could not listen on "${channel}" yet (${error instanceof Error ? error.message : String(error)}); retrying`);
		void keepTrying();
	}
	return async () => {
		stopped = true;
		await client.end({ timeout: 1 });
	};
}
