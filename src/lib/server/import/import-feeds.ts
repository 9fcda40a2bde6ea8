/**
 * The importer: for each feed, fetch it, parse it, read every chapters and transcript file it points at, build
 * the episodes, and only then write them, in short transactions of database work only (a chunk of episodes each:
 * feed-writer.ts), so no download ever runs inside a transaction and no page waits behind a whole feed. A feed whose
 * first chunk fails leaves the database as it was; one whose later chunk fails keeps the chunks before it, says so,
 * and a re-import finishes it. The next feed still runs. After each feed, contentChanged() tells the search index
 * and question links what changed.
 */
import { applyShowArtwork, enqueueEpisodeArtwork, prepareShowArtwork } from '../artwork';
import { contentChanged } from '../content-events';
import type { Db } from '../db/client';
import { buildEpisodeDraft, type EpisodeDraft } from './episode-draft';
import { enqueueAfterImport } from '../jobs';
import { FeedImportError, messageOf } from './errors';
import { parsePodcastFeed, type ParsedItem } from './feed';
import { decodeFeedBytes } from './feed-xml';
import type { FetchLike } from './fetch-file';
import { openFeedWriter, type FeedWriter } from './feed-writer';
import type { WriteResult } from './persist';
import { countItemFiles, loadItemFiles } from './item-files';
import { emptyFeedReport, type FeedReport, type ImportReport } from './report';
import { feedSourceOf, loadFeed, type SourceLimits } from './sources';

export interface ImportLimits {
	/** Largest feed accepted (default 50 MB). */
	feedBytes: number;
	/** Largest chapters or transcript file accepted (default 10 MB). */
	fileBytes: number;
	/** Largest show image accepted (default 10 MB); episode images are fetched by the 'artwork' job. */
	imageBytes: number;
	/** Deadline for one download, redirects and body included (default 30 s). */
	timeoutMs: number;
	maxRedirects: number;
	/** Files fetched at the same time (default 8). */
	concurrency: number;
	/** Items whose files are read together (default 250). */
	readChunkItems: number;
	/** Episodes written per transaction (default 200 episodes or 10,000 cues, whichever first): bounds how long one holds the database. */
	writeChunkItems: number;
	writeChunkCues: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
	feedBytes: 50 * 1024 * 1024,
	fileBytes: 10 * 1024 * 1024,
	imageBytes: 10 * 1024 * 1024,
	timeoutMs: 30_000,
	maxRedirects: 5,
	concurrency: 8,
	readChunkItems: 250,
	writeChunkItems: 200,
	writeChunkCues: 10_000
};

export type ImportStage = 'fetching' | 'parsing' | 'files' | 'writing' | 'done' | 'failed';

/** What a progress display is told; `feed` is the feed as the user named it. */
export type ImportProgress =
	| { type: 'feed'; feed: string; index: number; total: number; stage: ImportStage; detail?: string }
	| { type: 'files'; feed: string; done: number; total: number }
	| { type: 'episodes'; feed: string; done: number; total: number };

export interface ImportOptions {
	limits?: Partial<ImportLimits>;
	/** The fetch to use (tests pass one that stays on 127.0.0.1). */
	fetch?: FetchLike;
	onProgress?: (event: ImportProgress) => void;
}

/** Imports feeds one after another; each succeeds or fails on its own. */
export async function importFeeds(db: Db, inputs: string[], options: ImportOptions = {}): Promise<ImportReport> {
	const feeds: FeedReport[] = [];
	for (const [i, input] of inputs.entries()) feeds.push(await importFeed(db, input, options, i, inputs.length));
	return { feeds };
}

/** Imports one feed (a URL or a local path) and reports what it did. Never throws for a bad feed. */
export async function importFeed(db: Db, input: string, options: ImportOptions = {}, index = 0, total = 1): Promise<FeedReport> {
	const started = performance.now();
	const report = emptyFeedReport(input);
	const limits = { ...DEFAULT_LIMITS, ...options.limits };
	const sourceLimits: SourceLimits = {
		feed: { timeoutMs: limits.timeoutMs, maxBytes: limits.feedBytes, maxRedirects: limits.maxRedirects },
		file: { timeoutMs: limits.timeoutMs, maxBytes: limits.fileBytes, maxRedirects: limits.maxRedirects },
		fetch: options.fetch
	};
	const notify = options.onProgress ?? (() => {});
	const stage = (s: ImportStage, detail?: string) => notify({ type: 'feed', feed: input, index, total, stage: s, detail });

	let writer: FeedWriter | null = null;
	let title = '';
	try {
		stage('fetching');
		const loaded = await loadFeed(feedSourceOf(input), sourceLimits);
		report.bytes = loaded.bytes.byteLength;
		stage('parsing');
		const parsed = parsePodcastFeed(decodeFeedBytes(loaded.bytes), input);
		title = parsed.podcast.title;
		report.tolerated = parsed.tolerated;
		report.episodes.skipped = parsed.skipped.length;
		for (const s of parsed.skipped) report.warnings.push(`${s.label}${s.line !== null ? ` (line ${s.line})` : ''} skipped: ${s.reason}`);

		const language = parsed.podcast.language;
		const fileTotal = parsed.items.reduce((n, item) => n + countItemFiles(item, language), 0);
		stage('files', `${parsed.items.length} items, ${fileTotal} files to read`);
		let filesDone = 0;
		notify({ type: 'files', feed: input, done: 0, total: fileTotal });
		notify({ type: 'episodes', feed: input, done: 0, total: parsed.items.length });
		const openWriter = async () => {
			stage('writing', `${parsed.items.length} episodes`);
			return openFeedWriter(db, loaded.source.feedUrl, parsed.podcast, parsed.items, (done) =>
				notify({ type: 'episodes', feed: input, done, total: parsed.items.length })
			);
		};

		// Every download and parse is done before the database is touched: a slow or stalled server never holds a
		// transaction open (on PGlite, one open transaction makes every page wait). The feed is then written chunk by
		// chunk, each chunk a short transaction of database work only.
		// The show's image is fetched and resized beside the items' files; it is stored after the commit.
		const imageLimits = { timeoutMs: limits.timeoutMs, maxBytes: limits.imageBytes, maxRedirects: limits.maxRedirects };
		const showArtwork = prepareShowArtwork(db, loaded.source.feedUrl, parsed.podcast.imageUrl, imageLimits, options.fetch);
		const drafts: EpisodeDraft[] = [];
		for (let start = 0; start < parsed.items.length; start += limits.readChunkItems) {
			const chunk = parsed.items.slice(start, start + limits.readChunkItems);
			const built = await mapConcurrently(chunk, limits.concurrency, async (item) => {
				const files = await loadItemFiles(item, itemLabel(item), loaded, language, sourceLimits, () =>
					notify({ type: 'files', feed: input, done: ++filesDone, total: fileTotal })
				);
				return { files, ...buildEpisodeDraft(item, parsed.podcast, files, itemLabel(item)) };
			});
			// Reported in feed order, whatever order the downloads finished in.
			for (const { files, adjustments } of built) {
				report.files.fetched += files.fetched;
				report.files.failed.push(...files.failures);
				report.warnings.push(...files.warnings);
				report.adjustments.push(...adjustments);
			}
			for (const { draft: d } of built) {
				report.totals.segments += d.segments.length;
				report.totals.automaticSegments += d.segments.filter((s) => s.origin === 'transcript').length;
				report.totals.cues += d.cues.length;
				report.totals.hiddenMarkers += d.markers.length;
				drafts.push(d);
			}
		}
		const artworkPlan = await showArtwork;
		writer = await openWriter();
		let waiting: EpisodeDraft[] = [];
		let waitingCues = 0;
		for (const draft of drafts) {
			waiting.push(draft);
			waitingCues += draft.cues.length;
			if (waitingCues >= limits.writeChunkCues || waiting.length >= limits.writeChunkItems) {
				await writer.write(waiting);
				waiting = [];
				waitingCues = 0;
			}
		}
		if (waiting.length) await writer.write(waiting);
		const written = await writer.commit();
		report.longestTransactionMs = writer.longestTransactionMs();
		writer.release();
		writer = null;

		report.ok = true;
		report.podcast = { id: written.podcastId, slug: written.podcastSlug, title: parsed.podcast.title, status: written.podcastStatus };
		report.episodes = { ...report.episodes, added: written.added, updated: written.updated, unchanged: written.unchanged };
		report.changedEpisodeIds = written.changedEpisodeIds;
		report.totals.people = written.people;
		const artworkWarning = await applyShowArtwork(db, written.podcastId, artworkPlan);
		if (artworkWarning) report.warnings.push(artworkWarning);
		await announce(report);
		await queueBackgroundWork(db, report);
		stage('done');
	} catch (error) {
		const partly = writer?.written() ?? null;
		report.longestTransactionMs = writer?.longestTransactionMs() ?? 0;
		writer?.release();
		report.ok = false;
		report.error = error instanceof FeedImportError ? error.message : `import: feed "${input}": ${describeUnexpected(error, partly)}`;
		report.totals = emptyFeedReport(input).totals;
		if (partly) {
			// The chunks before the failure committed: say what they wrote, and let search and question links see it.
			report.podcast = { id: partly.podcastId, slug: partly.podcastSlug, title, status: partly.podcastStatus };
			report.episodes = { ...report.episodes, added: partly.added, updated: partly.updated, unchanged: partly.unchanged };
			report.changedEpisodeIds = partly.changedEpisodeIds;
			await announce(report);
			// A re-import finds them unchanged and queues nothing for them: their chapters and vectors are asked for now.
			await queueBackgroundWork(db, report);
		}
		stage('failed', report.error);
	}
	report.milliseconds = performance.now() - started;
	return report;
}

/** Tells subscribers (search, question links) what the committed import changed. Their failure is not the import's. */
async function announce(report: FeedReport): Promise<void> {
	const podcastChanged = report.podcast && report.podcast.status !== 'unchanged';
	if (!report.changedEpisodeIds.length && !podcastChanged) return;
	try {
		await contentChanged({ episodeIds: report.changedEpisodeIds, podcastIds: [report.podcast!.id] });
	} catch (error) {
		report.warnings.push(`imported, but updating the search index failed: ${messageOf(error)}`);
	}
}

/** Queues chapters, vectors and mined questions for what the committed import changed (jobs wing), never inside it. */
async function queueBackgroundWork(db: Db, report: FeedReport): Promise<void> {
	try {
		await enqueueAfterImport(db, report.changedEpisodeIds);
		await enqueueEpisodeArtwork(db, report.podcast!.id);
	} catch (error) {
		report.warnings.push(`imported, but queueing the background work (chapters, vectors, artwork) failed: ${messageOf(error)}`);
	}
}

/** Drizzle wraps a database error in "Failed query: <SQL> params: <every value>"; the cause is what to show. */
function describeUnexpected(error: unknown, partly: WriteResult | null): string {
	const cause = (error as { cause?: unknown } | null)?.cause;
	const refused = error instanceof Error && error.message.startsWith('Failed query:') && cause instanceof Error;
	const reason = refused ? cause.message : messageOf(error);
	if (!partly) return refused ? `the database refused the import, so nothing of this feed was written: ${reason}` : reason;
	const done = partly.added + partly.updated + partly.unchanged;
	return `the database refused the import after ${done} episodes were written (each whole; the rest keep what they had): ${reason}; import the feed again to finish it`;
}

function itemLabel(item: ParsedItem): string {
	return `item ${item.index} "${item.title}"`;
}

/** Maps with at most `limit` calls in flight, keeping the order of `items`. */
async function mapConcurrently<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			results[i] = await fn(items[i]!);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
	return results;
}
