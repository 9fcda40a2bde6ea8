/**
 * The chapters file and the transcript an item points at, fetched and parsed. A file that fails is recorded (with
 * why) and the item imports without it. Of several transcripts, the richest format in the show's language wins;
 * when it fails the next is tried. An item whose only transcripts are in another language uses one of those, and
 * says which language it is in.
 */
import { MAX_CHAPTERS_PER_EPISODE, parseChaptersJson } from './chapters';
import { messageOf } from './errors';
import type { ParsedItem } from './feed';
import type { FileFailure } from './report';
import { readReference, type LoadedFeed, type SourceLimits } from './sources';
import { detectTranscriptFormat, isTimedTranscriptType, parseTranscript, type TranscriptFormat } from './transcripts';
import type { Chapter, Cue, FileReference } from './types';

export interface ItemFiles {
	/** The chapters file's chapters; null when there is none or it failed. */
	chapters: Chapter[] | null;
	cues: Cue[] | null;
	/** The language of the transcript used, when it is not the show's (or the show names none); null otherwise. */
	transcriptLanguage: string | null;
	/** A referenced file failed: an existing episode keeps what was stored from it last time. */
	anyFailed: boolean;
	fetched: number;
	failures: FileFailure[];
	warnings: string[];
}

/** Prefers formats with speakers and fine timing. */
const FORMAT_RANK: Record<string, number> = { 'application/json': 0, 'text/vtt': 1, 'application/srt': 2, 'text/html': 3 };

/**
 * The transcripts worth trying, best first: timed formats in the show's language (or with no language given); when
 * there are none, those in other languages (better one in another language than none at all).
 */
export function transcriptCandidates(item: ParsedItem, showLanguage: string | null): FileReference[] {
	const timed = item.transcripts.filter((t) => isTimedTranscriptType(t.type, t.url));
	const show = primaryLanguage(showLanguage);
	const sameLanguage = timed.filter((t) => !show || !t.language || primaryLanguage(t.language) === show);
	return (sameLanguage.length ? sameLanguage : timed).sort((a, b) => (FORMAT_RANK[a.type] ?? 9) - (FORMAT_RANK[b.type] ?? 9));
}

/** The language to store for a transcript: its own when it differs from the show's or the show has none. */
export function foreignLanguageOf(transcript: FileReference, showLanguage: string | null): string | null {
	const language = transcript.language?.trim() || null;
	if (!language) return null;
	return primaryLanguage(language) === primaryLanguage(showLanguage) ? null : language;
}

function primaryLanguage(tag: string | null): string | null {
	return tag?.toLowerCase().split(/[-_]/)[0] ?? null;
}

/** Fetches and parses an item's chapters and transcript. Never throws: failures are in the result. */
export async function loadItemFiles(
	item: ParsedItem,
	itemLabel: string,
	feed: LoadedFeed,
	showLanguage: string | null,
	limits: SourceLimits,
	onFileDone: () => void
): Promise<ItemFiles> {
	const result: ItemFiles = { chapters: null, cues: null, transcriptLanguage: null, anyFailed: false, fetched: 0, failures: [], warnings: [] };
	const fail = (file: FileReference, reason: string) => {
		result.failures.push({ item: itemLabel, kind: file.kind, url: absolute(file.url, feed.baseUrl), reason });
	};

	if (item.chapters) {
		try {
			const { text } = await readReference(item.chapters.url, feed, limits);
			result.fetched++;
			const { chapters, unreadable } = parseChaptersJson(text);
			result.chapters = chapters.slice(0, MAX_CHAPTERS_PER_EPISODE);
			if (chapters.length > MAX_CHAPTERS_PER_EPISODE) {
				const beyond = chapters.length - MAX_CHAPTERS_PER_EPISODE;
				result.warnings.push(`${itemLabel}: ${beyond} chapter(s) past the first ${MAX_CHAPTERS_PER_EPISODE} not kept (${absolute(item.chapters.url, feed.baseUrl)})`);
			}
			if (unreadable) {
				result.warnings.push(`${itemLabel}: ${unreadable} chapter(s) without a readable startTime skipped (${absolute(item.chapters.url, feed.baseUrl)})`);
			}
		} catch (error) {
			fail(item.chapters, messageOf(error));
		}
		onFileDone();
	}

	const use = transcriptCandidates(item, showLanguage);
	for (const file of use) {
		try {
			const { text, url } = await readReference(file.url, feed, limits);
			result.fetched++;
			const format: TranscriptFormat | null = detectTranscriptFormat(text, file.type, url);
			if (!format) throw new Error(`not a transcript format this importer reads (declared "${file.type}")`);
			const parsed = parseTranscript(text, format, item.durationSeconds);
			if (parsed.unreadable.length) {
				const where = parsed.unreadable
					.slice(0, 3)
					.map((u) => (u.line !== null ? `line ${u.line}: ${u.reason}` : u.reason))
					.join('; ');
				result.warnings.push(`${itemLabel}: ${parsed.unreadable.length} cue(s) in ${url} could not be read and were skipped (${where})`);
			}
			if (!parsed.cues.length) throw new Error(`no timed cues found in this ${format.toUpperCase()} file`);
			result.cues = parsed.cues;
			result.transcriptLanguage = foreignLanguageOf(file, showLanguage);
			break;
		} catch (error) {
			fail(file, messageOf(error));
		}
	}
	if (use.length) onFileDone();
	result.anyFailed = (item.chapters !== null && result.chapters === null) || (use.length > 0 && result.cues === null);
	return result;
}

/** How many files an item will read at most, for progress totals. */
export function countItemFiles(item: ParsedItem, showLanguage: string | null): number {
	return (item.chapters ? 1 : 0) + (transcriptCandidates(item, showLanguage).length ? 1 : 0);
}

/** A reference as the address it resolves to, for messages; as written when it does not resolve. */
function absolute(reference: string, base: string): string {
	try {
		return new URL(reference, base).toString();
	} catch {
		return reference;
	}
}
