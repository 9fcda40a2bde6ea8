/**
 * Chapters from a podcast:chapters JSON file (version 1.x) or from Podlove simple chapters in the feed. Both become
 * the same Chapter list; fitting them to the episode (sorting, ends, hidden ones) happens in segments.ts.
 */
import { MAX_SECONDS, parseTimestamp } from '../../time-param';
import type { Chapter } from './types';

/**
 * Chapters kept per episode. Real shows have tens; a feed with thousands made every page of the episode (and the
 * import) slow for everyone, so the rest are dropped with a warning naming the item.
 */
export const MAX_CHAPTERS_PER_EPISODE = 500;

/** Reads a podcast:chapters JSON document. Throws an Error whose message says what is wrong with the file. */
export function parseChaptersJson(text: string): { chapters: Chapter[]; unreadable: number } {
	let doc: unknown;
	try {
		doc = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		throw new Error(`not JSON (${(error as Error).message})`);
	}
	const list = (doc as { chapters?: unknown } | null)?.chapters;
	if (!Array.isArray(list)) throw new Error('not a chapters file: there is no "chapters" list');
	const version = (doc as { version?: unknown }).version;
	if (typeof version === 'string' && !/^1(\.|$)/.test(version.trim())) {
		throw new Error(`chapters version "${version}" is not one this importer reads (1.x)`);
	}
	const chapters: Chapter[] = [];
	let unreadable = 0;
	for (const entry of list) {
		const chapter = chapterFromJson(entry);
		if (chapter) chapters.push(chapter);
		else unreadable++;
	}
	return { chapters, unreadable };
}

function chapterFromJson(entry: unknown): Chapter | null {
	if (!entry || typeof entry !== 'object') return null;
	const c = entry as Record<string, unknown>;
	const start = seconds(c.startTime);
	if (start === null) return null;
	const end = seconds(c.endTime);
	return {
		startSeconds: start,
		endSeconds: end !== null && end > start ? end : null,
		title: text(c.title),
		imageUrl: url(c.img),
		link: url(c.url),
		// Only an explicit false hides a chapter; null and absent mean the default (shown).
		toc: c.toc !== false && c.toc !== 'false'
	};
}

/** Podlove simple chapters (`<psc:chapter start="00:01:02.500" title="..." href="..." image="..."/>`). */
export function parseChaptersFromPodlove(nodes: unknown[]): Chapter[] {
	const chapters: Chapter[] = [];
	for (const node of nodes) {
		if (!node || typeof node !== 'object') continue;
		const attrs = node as Record<string, unknown>;
		const start = typeof attrs['@_start'] === 'string' ? parseTimestamp(attrs['@_start']) : null;
		if (start === null) continue;
		chapters.push({
			startSeconds: start,
			endSeconds: null,
			title: text(attrs['@_title']),
			imageUrl: url(attrs['@_image']),
			link: url(attrs['@_href']),
			toc: true
		});
	}
	return chapters;
}

function seconds(value: unknown): number | null {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	// Past 100 hours (MAX_SECONDS) a time is no place in an episode: 1e308 would become the episode's length.
	return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= MAX_SECONDS ? n : null;
}

function text(value: unknown): string | null {
	return typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim() : null;
}

function url(value: unknown): string | null {
	if (typeof value !== 'string' || !value.trim()) return null;
	try {
		const parsed = new URL(value.trim());
		return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
	} catch {
		return null;
	}
}
