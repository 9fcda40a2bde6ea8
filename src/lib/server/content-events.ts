/**
 * Writes of content announce what they touched, so derived state (the search index, automatic question links)
 * is brought up to date incrementally instead of being rebuilt. Writers call `contentChanged` after their
 * transaction commits; the search module subscribes with `onContentChange`.
 */
export interface ContentChange {
	/** Episodes whose rows, people, segments or cues were written (or deleted). */
	episodeIds?: number[];
	/** Questions whose text or links were written (or deleted). */
	questionIds?: number[];
	/** Shows written (or deleted); their episodes follow in episodeIds. */
	podcastIds?: number[];
}

type Listener = (change: ContentChange) => void | Promise<void>;
const listeners = new Set<Listener>();

/** Subscribes to content changes; returns the unsubscribe function. */
export function onContentChange(listener: Listener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/** Tells every subscriber what changed, and waits for them, so callers can rely on the index being current. */
export async function contentChanged(change: ContentChange): Promise<void> {
	for (const listener of listeners) await listener(change);
}
