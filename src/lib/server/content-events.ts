/**
 * Writes of content announce what they touched, so derived state (the search index, automatic question links)
 * is brought up to date incrementally instead of being rebuilt. Writers call `contentChanged` after their
 * transaction commits; the search module subscribes with `onContentChange`. With several servers on one PostgreSQL,
 * content-sync.ts carries each change to the other servers (NOTIFY), where it arrives here again as a remote one.
 */
export interface ContentChange {
	/** Episodes whose rows, people, segments or cues were written (or deleted). */
	episodeIds?: number[];
	/** Questions whose text or links were written (or deleted). */
	questionIds?: number[];
	/** Shows written (or deleted); their episodes follow in episodeIds. */
	podcastIds?: number[];
}

/** Where a change was written: `remote` when another server (or a script) wrote it and NOTIFY brought it here. */
export interface ChangeOrigin {
	remote: boolean;
	/**
	 * Whether this process writes what is derived from the change (automatic question links): true for its own writes
	 * and for remote ones it claimed; false when another server does, whose writes arrive as a change of their own
	 * (content-sync.ts). Default true.
	 */
	derive?: boolean;
}

type Listener = (change: ContentChange, origin: ChangeOrigin) => void | Promise<void>;
const listeners = new Set<Listener>();

/** Subscribes to content changes; returns the unsubscribe function. */
export function onContentChange(listener: Listener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/**
 * Tells every subscriber what changed, and waits for them, so callers can rely on the index being current. Writers
 * pass no origin; the cross-server bridge (content-sync.ts) passes `{ remote: true }` so it does not send it back out.
 */
export async function contentChanged(change: ContentChange, origin: ChangeOrigin = { remote: false }): Promise<void> {
	for (const listener of listeners) await listener(change, origin);
}
