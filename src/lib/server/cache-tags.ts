/**
 * What a kept answer shows, so that a content change drops only the answers it can alter (response-cache.ts, and the
 * page data kept behind it, content-memo.ts). A load function records the tags of what it renders with
 * `tagPage(locals, ...)`; an answer that records none is dropped on every change, as everything was before.
 */
import type { ContentChange } from './content-events';

/**
 * - `episode:ID`, `show:ID`, `question:ID`: that row (with its segments, cues, people, links) is shown;
 * - `questions`: a list chosen from all questions (related questions, by shared segments and nearness of text), which
 *   any question's change can alter;
 * - `search`: something the search index chose (results, suggestions), which any change can alter.
 */
export type CacheTag = `episode:${number}` | `show:${number}` | `question:${number}` | 'questions' | 'search';

/** What an answer shows; absent (untracked) means anything. */
export type CacheTags = ReadonlySet<CacheTag>;

/** Adds tags to what the request's answer shows (load functions, on `event.locals`). */
export function tagPage(locals: App.Locals, ...tags: CacheTag[]): void {
	const set = (locals.cacheTags ??= new Set());
	for (const tag of tags) set.add(tag);
}

/** Whether `change` can alter an answer that shows `tags` (undefined: untracked, so yes). */
export function changeAlters(change: ContentChange, tags: CacheTags | undefined): boolean {
	if (!tags) return true;
	if (tags.has('search')) return true; // the index changes with every change of content
	if (change.questionIds?.length && tags.has('questions')) return true;
	for (const id of change.episodeIds ?? []) if (tags.has(`episode:${id}`)) return true;
	for (const id of change.podcastIds ?? []) if (tags.has(`show:${id}`)) return true;
	for (const id of change.questionIds ?? []) if (tags.has(`question:${id}`)) return true;
	return false;
}
