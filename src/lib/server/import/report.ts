/** What an import did, per feed: the numbers, the files that failed and why, what was tolerated and adjusted. */
import { formatBytes } from './fetch-file';
import type { Tolerance } from './types';

export interface FileFailure {
	/** Which item pointed at the file: `item 3 "Title"`. */
	item: string;
	kind: 'chapters' | 'transcript';
	url: string;
	reason: string;
}

export interface FeedReport {
	/** The feed as the user named it. */
	feed: string;
	ok: boolean;
	/** Why the feed was not imported (nothing of it was written); null when it was. */
	error: string | null;
	podcast: { id: number; slug: string; title: string; status: 'added' | 'updated' | 'unchanged' } | null;
	episodes: { added: number; updated: number; unchanged: number; skipped: number };
	/** What the feed holds now, as imported. */
	totals: { segments: number; automaticSegments: number; cues: number; people: number; hiddenMarkers: number };
	files: { fetched: number; failed: FileFailure[] };
	tolerated: Tolerance[];
	/** Items skipped, cues that could not be read, transcripts not used. */
	warnings: string[];
	/** Changes made to fit the database's rules (durations extended, chapters sorted or clamped). */
	adjustments: string[];
	/** Episodes whose rows were written, for contentChanged. */
	changedEpisodeIds: number[];
	bytes: number;
	milliseconds: number;
	/** The longest single write transaction (how long a page could wait behind this import on PGlite). */
	longestTransactionMs: number;
}

export interface ImportReport {
	feeds: FeedReport[];
}

/** An empty report for a feed, filled in as the import goes. */
export function emptyFeedReport(feed: string): FeedReport {
	return {
		feed,
		ok: false,
		error: null,
		podcast: null,
		episodes: { added: 0, updated: 0, unchanged: 0, skipped: 0 },
		totals: { segments: 0, automaticSegments: 0, cues: 0, people: 0, hiddenMarkers: 0 },
		files: { fetched: 0, failed: [] },
		tolerated: [],
		warnings: [],
		adjustments: [],
		changedEpisodeIds: [],
		bytes: 0,
		milliseconds: 0,
		longestTransactionMs: 0
	};
}

/** The summary as text lines (the CLI prints them; tests read them). `limit` caps each list. */
export function formatImportReport(report: ImportReport, { limit = 15 }: { limit?: number } = {}): string[] {
	const lines: string[] = [];
	const list = (items: string[], indent = '    ') => {
		for (const item of items.slice(0, limit)) lines.push(`${indent}- ${item}`);
		if (items.length > limit) lines.push(`${indent}  … and ${items.length - limit} more`);
	};
	for (const feed of report.feeds) {
		if (!feed.ok) {
			lines.push(`✗ ${feed.feed}: not imported, the database is unchanged`);
			lines.push(`    ${feed.error}`);
			continue;
		}
		const p = feed.podcast!;
		const e = feed.episodes;
		const t = feed.totals;
		lines.push(`✓ ${p.title} (${feed.feed}): show ${p.status}`);
		lines.push(
			`    episodes: ${e.added} added, ${e.updated} updated, ${e.unchanged} unchanged` + (e.skipped ? `, ${e.skipped} skipped` : '')
		);
		if (e.added === 0 && e.updated === 0 && p.status === 'unchanged') lines.push('    nothing changed since the last import');
		lines.push(
			`    segments: ${t.segments}` +
				(t.automaticSegments ? ` (${t.automaticSegments} split automatically from transcripts)` : '') +
				`, transcript cues: ${t.cues}, people: ${t.people}` +
				(t.hiddenMarkers ? `, hidden chapter markers: ${t.hiddenMarkers}` : '')
		);
		lines.push(`    files: ${feed.files.fetched} read, ${feed.files.failed.length} failed · feed ${formatBytes(feed.bytes)} in ${(feed.milliseconds / 1000).toFixed(1)} s`);
		if (feed.files.failed.length) {
			lines.push('    failed files (imported without them):');
			list(feed.files.failed.map((f) => `${f.kind} of ${f.item}: ${f.url}: ${f.reason}`), '      ');
		}
		if (feed.tolerated.length) {
			lines.push('    tolerated:');
			list(feed.tolerated.map((t) => (t.line !== null ? `line ${t.line}: ${t.message}` : t.message)), '      ');
		}
		if (feed.adjustments.length) {
			lines.push('    adjusted to fit:');
			list(feed.adjustments, '      ');
		}
		if (feed.warnings.length) {
			lines.push('    warnings:');
			list(feed.warnings, '      ');
		}
	}
	const failed = report.feeds.filter((f) => !f.ok).length;
	lines.push(`${report.feeds.length - failed} of ${report.feeds.length} feed(s) imported${failed ? `, ${failed} failed` : ''}`);
	return lines;
}
