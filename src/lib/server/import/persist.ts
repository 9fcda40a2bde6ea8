/**
 * Writes a feed's drafts inside its transaction (feed-writer.ts holds it open): the show, its episodes, people,
 * segments, cues and hidden markers. Episodes are matched by guid within the show (then by enclosure URL, for feeds
 * that changed their guids), and each part is rewritten only when its hash differs from the last import, so importing
 * the same feed twice writes nothing. Rows go in by the batch: a 5,000-episode feed is a few dozen statements.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { PgColumn, PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import { slugify } from '../../slug';
import type { Tx } from '../db/client';
import {
	chapterMarkers,
	episodeImports,
	episodePeople,
	episodes,
	people,
	podcasts,
	questionSegments,
	segments,
	transcriptCues
} from '../db/schema';
import { bulkInsert, type BulkColumn } from './bulk-insert';
import type { EpisodeDraft } from './episode-draft';
import type { ParsedPodcast } from './feed';
import { withTranscriptText } from './segments';

export interface WriteResult {
	podcastId: number;
	podcastSlug: string;
	podcastStatus: 'added' | 'updated' | 'unchanged';
	added: number;
	updated: number;
	unchanged: number;
	changedEpisodeIds: number[];
	people: number;
}

type Part = 'episode' | 'people' | 'segments' | 'cues' | 'markers';
type Hashes = Record<Part, string>;

interface Stored {
	id: number;
	guid: string;
	slug: string;
	audioUrl: string | null;
	durationSeconds: number | null;
	hashes: Hashes | null;
	/** An editor changed some of its segments (segments.edited_at): the feed's segments never replace them. */
	segmentsEdited: boolean;
}

const SEGMENT_COLUMNS: BulkColumn[] = [
	{ name: 'episode_id', type: 'int' },
	{ name: 'position', type: 'int' },
	{ name: 'start_seconds', type: 'float8' },
	{ name: 'end_seconds', type: 'float8' },
	{ name: 'title', type: 'text' },
	{ name: 'text', type: 'text' },
	{ name: 'origin', type: { enum: 'segment_origin' } },
	{ name: 'summary', type: 'text' }
];

const CUE_COLUMNS: BulkColumn[] = [
	{ name: 'episode_id', type: 'int' },
	{ name: 'position', type: 'int' },
	{ name: 'start_seconds', type: 'float8' },
	{ name: 'end_seconds', type: 'float8' },
	{ name: 'speaker', type: 'text' },
	{ name: 'text', type: 'text' }
];

/** PostgreSQL takes at most 65,535 parameters per statement; stay well below. */
const MAX_PARAMETERS = 30_000;

/** An item as the writer first sees it: enough to match it to a stored episode and to give a new one its slug. */
export interface ItemKey {
	guid: string;
	audioUrl: string;
	title: string;
	publishedAt: Date | null;
}

/** What one feed's write carries from chunk to chunk, inside its transaction. */
export interface FeedWrite {
	feedUrl: string;
	podcastId: number;
	podcastSlug: string;
	podcastStatus: WriteResult['podcastStatus'];
	/** Each item's stored episode, by the item's guid (matched by guid, else by enclosure URL). */
	matches: Map<string, Stored>;
	/** Slugs for the items that are new, chosen up front so collisions resolve the same way however items are chunked. */
	newSlugs: Map<string, string>;
	personIds: Map<string, number>;
	added: number;
	updated: number;
	unchanged: number;
	changedEpisodeIds: number[];
	episodesDone: number;
}

/** Starts a feed's write: the show row, the stored episodes matched to `items`, and slugs for the new ones. */
export async function beginFeedWrite(tx: Tx, feedUrl: string, podcast: ParsedPodcast, items: ItemKey[]): Promise<FeedWrite> {
	// Two imports of one feed at once take turns: the second waits here until the first commits or rolls back, then
	// finds its rows (instead of inserting the same show again and failing on the unique keys).
	await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${feedUrl}))`);
	const { id: podcastId, slug: podcastSlug, status: podcastStatus } = await upsertPodcast(tx, feedUrl, podcast);
	const stored = await loadStoredEpisodes(tx, podcastId);
	const byGuid = new Map(stored.map((s) => [s.guid, s]));
	const guidsInFeed = new Set(items.map((i) => i.guid));
	// The fallback match: an episode whose guid is gone from the feed but whose audio file is still there.
	const byAudio = new Map(stored.filter((s) => s.audioUrl && !guidsInFeed.has(s.guid)).map((s) => [s.audioUrl!, s]));
	const matches = new Map<string, Stored>();
	const fresh: ItemKey[] = [];
	for (const item of items) {
		const match = byGuid.get(item.guid) ?? byAudio.get(item.audioUrl);
		if (!match) {
			fresh.push(item);
			continue;
		}
		byAudio.delete(match.audioUrl ?? '');
		matches.set(item.guid, match);
	}
	return {
		feedUrl,
		podcastId,
		podcastSlug,
		podcastStatus,
		matches,
		newSlugs: allocateSlugs(fresh, new Set(stored.map((s) => s.slug))),
		personIds: new Map(),
		added: 0,
		updated: 0,
		unchanged: 0,
		changedEpisodeIds: [],
		episodesDone: 0
	};
}

/** The totals of a finished write. */
export function resultOf(write: FeedWrite): WriteResult {
	return {
		podcastId: write.podcastId,
		podcastSlug: write.podcastSlug,
		podcastStatus: write.podcastStatus,
		added: write.added,
		updated: write.updated,
		unchanged: write.unchanged,
		changedEpisodeIds: write.changedEpisodeIds,
		people: write.personIds.size
	};
}

/** Writes a chunk of a feed's episodes: new ones inserted, changed parts of stored ones replaced, the rest left. */
export async function writeEpisodes(tx: Tx, write: FeedWrite, drafts: EpisodeDraft[], onEpisodes: (done: number) => void = () => {}): Promise<void> {
	await upsertPeople(tx, drafts, write.personIds);
	const inserts: { draft: EpisodeDraft; hashes: Hashes }[] = [];
	const updates: { draft: EpisodeDraft; hashes: Hashes; stored: Stored; changed: Set<Part> }[] = [];
	for (const draft of drafts) {
		const match = write.matches.get(draft.guid);
		if (match && draft.keepStoredFiles && match.hashes) {
			// A file failed this time: keep what it gave last time, and the duration that goes with it.
			draft.durationSeconds = match.durationSeconds;
		}
		const hashes = hashDraft(draft);
		if (!match) {
			inserts.push({ draft, hashes });
			continue;
		}
		if (draft.keepStoredFiles && match.hashes) {
			hashes.segments = match.hashes.segments;
			hashes.cues = match.hashes.cues;
			hashes.markers = match.hashes.markers;
		}
		if (match.segmentsEdited) hashes.segments = match.hashes?.segments ?? hashes.segments;
		const changed = new Set<Part>((Object.keys(hashes) as Part[]).filter((part) => hashes[part] !== match.hashes?.[part]));
		if (match.segmentsEdited) changed.delete('segments');
		if (match.guid !== draft.guid) changed.add('episode');
		if (changed.size) updates.push({ draft, hashes, stored: match, changed });
		else write.unchanged++;
	}

	const progress = (n: number) => onEpisodes((write.episodesDone += n));
	const newIds = await insertEpisodes(tx, write.podcastId, inserts.map((i) => i.draft), write.newSlugs);
	progress(drafts.length - inserts.length - updates.length);

	const withSegments = updates.filter((u) => u.changed.has('segments')).map((u) => u.stored.id);
	const editorialLinks = await takeEditorialLinks(tx, withSegments);
	// Segments go before the episode row changes: a shorter duration must not meet the old segments.
	await deleteWhereEpisode(tx, segments, segments.episodeId, withSegments);
	await deleteWhereEpisode(tx, transcriptCues, transcriptCues.episodeId, updates.filter((u) => u.changed.has('cues')).map((u) => u.stored.id));
	await deleteWhereEpisode(tx, chapterMarkers, chapterMarkers.episodeId, updates.filter((u) => u.changed.has('markers')).map((u) => u.stored.id));
	await deleteWhereEpisode(tx, episodePeople, episodePeople.episodeId, updates.filter((u) => u.changed.has('people')).map((u) => u.stored.id));
	for (const u of updates.filter((u) => u.changed.has('episode'))) {
		await tx
			.update(episodes)
			.set({ ...episodeColumns(u.draft), updatedAt: sql`now()` })
			.where(eq(episodes.id, u.stored.id));
	}

	const writes = [
		...inserts.map((i, k) => ({ id: newIds[k]!, draft: i.draft, hashes: i.hashes, parts: null as Set<Part> | null })),
		...updates.map((u) => ({ id: u.stored.id, draft: u.draft, hashes: u.hashes, parts: u.changed }))
	];
	const wants = (w: (typeof writes)[number], part: Part) => w.parts === null || w.parts.has(part);
	// Segments and cues are most of an import's rows: they go in through unnest (bulk-insert.ts).
	await bulkInsert(tx, 'segments', SEGMENT_COLUMNS, segmentRows(writes.filter((w) => wants(w, 'segments'))));
	await bulkInsert(tx, 'transcript_cues', CUE_COLUMNS, cueRows(writes.filter((w) => wants(w, 'cues'))));
	await insertInBatches(
		tx,
		chapterMarkers,
		writes.filter((w) => wants(w, 'markers')).flatMap((w) => w.draft.markers.map((m, position) => ({ episodeId: w.id, position, ...m })))
	);
	await insertInBatches(
		tx,
		episodePeople,
		writes
			.filter((w) => wants(w, 'people'))
			.flatMap((w) => {
				// Two spellings of one name ("Dr. Tim", "Dr Tim") are one person: link them once per role.
				const seen = new Set<string>();
				return w.draft.people
					.map((p, position) => ({ episodeId: w.id, personId: write.personIds.get(personKey(p.name))!, role: p.role, position }))
					.filter((link) => !seen.has(`${link.personId}/${link.role}`) && seen.add(`${link.personId}/${link.role}`));
			})
	);
	await restoreEditorialLinks(tx, editorialLinks);
	await upsertEpisodeImports(
		tx,
		writes.map((w) => ({
			episodeId: w.id,
			feedUrl: write.feedUrl,
			enclosureUrl: w.draft.audioUrl,
			episodeHash: w.hashes.episode,
			peopleHash: w.hashes.people,
			segmentsHash: w.hashes.segments,
			cuesHash: w.hashes.cues,
			markersHash: w.hashes.markers,
			importedAt: new Date()
		}))
	);
	write.added += inserts.length;
	write.updated += updates.length;
	write.changedEpisodeIds.push(...writes.map((w) => w.id));
	progress(writes.length);
}

function* segmentRows(writes: { id: number; draft: EpisodeDraft }[]) {
	for (const w of writes) {
		for (const [position, s] of withTranscriptText(w.draft.segments, w.draft.cues).entries()) {
			yield [w.id, position, s.startSeconds, s.endSeconds, s.title, s.text, s.origin, s.summary ?? null];
		}
	}
}

function* cueRows(writes: { id: number; draft: EpisodeDraft }[]) {
	for (const w of writes) {
		for (const [position, c] of w.draft.cues.entries()) yield [w.id, position, c.startSeconds, c.endSeconds, c.speaker, c.text];
	}
}

async function upsertPodcast(tx: Tx, feedUrl: string, podcast: ParsedPodcast): Promise<{ id: number; slug: string; status: WriteResult['podcastStatus'] }> {
	const values = {
		title: podcast.title,
		author: podcast.author,
		description: podcast.description,
		link: podcast.link,
		imageUrl: podcast.imageUrl,
		language: podcast.language
	};
	const [existing] = await tx.select().from(podcasts).where(eq(podcasts.feedUrl, feedUrl));
	if (existing) {
		const same = (Object.keys(values) as (keyof typeof values)[]).every((k) => existing[k] === values[k]);
		if (!same) await tx.update(podcasts).set({ ...values, updatedAt: sql`now()` }).where(eq(podcasts.id, existing.id));
		return { id: existing.id, slug: existing.slug, status: same ? 'unchanged' : 'updated' };
	}
	const base = slugify(podcast.title);
	const taken = await tx
		.select({ slug: podcasts.slug })
		.from(podcasts)
		.where(or(eq(podcasts.slug, base), like(podcasts.slug, `${base}-%`)));
	const slug = uniqueSlug(base, new Set(taken.map((t) => t.slug)));
	const [row] = await tx.insert(podcasts).values({ ...values, slug, feedUrl }).returning({ id: podcasts.id });
	return { id: row!.id, slug, status: 'added' };
}

async function loadStoredEpisodes(tx: Tx, podcastId: number): Promise<Stored[]> {
	const rows = await tx
		.select({
			id: episodes.id,
			guid: episodes.guid,
			slug: episodes.slug,
			audioUrl: episodes.audioUrl,
			durationSeconds: episodes.durationSeconds,
			episode: episodeImports.episodeHash,
			people: episodeImports.peopleHash,
			segments: episodeImports.segmentsHash,
			cues: episodeImports.cuesHash,
			markers: episodeImports.markersHash,
			segmentsEdited: sql<boolean>`exists (select 1 from ${segments} where ${segments.episodeId} = ${episodes.id} and ${segments.editedAt} is not null)`
		})
		.from(episodes)
		.leftJoin(episodeImports, eq(episodeImports.episodeId, episodes.id))
		.where(eq(episodes.podcastId, podcastId));
	return rows.map((r) => ({
		id: r.id,
		guid: r.guid,
		slug: r.slug,
		audioUrl: r.audioUrl,
		durationSeconds: r.durationSeconds,
		segmentsEdited: r.segmentsEdited,
		hashes: r.episode ? { episode: r.episode, people: r.people!, segments: r.segments!, cues: r.cues!, markers: r.markers! } : null
	}));
}

/** People are one row per name across all shows; the importer fills in a missing link or image, never overwrites. */
async function upsertPeople(tx: Tx, drafts: EpisodeDraft[], ids: Map<string, number>): Promise<void> {
	const wanted = new Map<string, { slug: string; name: string; link: string | null; imageUrl: string | null }>();
	for (const draft of drafts) {
		for (const p of draft.people) {
			const key = personKey(p.name);
			if (ids.has(key)) continue; // settled by an earlier chunk of this feed
			const seen = wanted.get(key);
			if (!seen) wanted.set(key, { slug: key, name: p.name, link: p.link, imageUrl: p.imageUrl });
			else {
				seen.link ??= p.link;
				seen.imageUrl ??= p.imageUrl;
			}
		}
	}
	if (!wanted.size) return;
	const existing = await tx
		.select({ id: people.id, slug: people.slug, link: people.link, imageUrl: people.imageUrl })
		.from(people)
		.where(inArray(people.slug, [...wanted.keys()]));
	const bySlug = new Map(existing.map((e) => [e.slug, e]));
	// In slug order: two imports that add the same new people then take their rows' locks in the same order, so one
	// waits for the other instead of both waiting for each other.
	for (const [key, p] of [...wanted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		const row = bySlug.get(p.slug);
		if (row) {
			ids.set(key, row.id);
			const fill = { link: row.link ?? p.link, imageUrl: row.imageUrl ?? p.imageUrl };
			if (fill.link !== row.link || fill.imageUrl !== row.imageUrl) {
				await tx.update(people).set({ ...fill, updatedAt: sql`now()` }).where(eq(people.id, row.id));
			}
			continue;
		}
		// Another feed's import may add the same person meanwhile (its row is invisible to the select above until it
		// commits): then this insert waits for it and takes its row, filling in only what it lacks, as above.
		const [inserted] = await tx
			.insert(people)
			.values(p)
			.onConflictDoUpdate({
				target: people.slug,
				set: { link: sql`coalesce(${people.link}, excluded.link)`, imageUrl: sql`coalesce(${people.imageUrl}, excluded.image_url)` }
			})
			.returning({ id: people.id });
		ids.set(key, inserted!.id);
	}
}

/** Two spellings that slugify alike ("Dr. Tim" and "Dr Tim") are one person. */
function personKey(name: string): string {
	return slugify(name);
}

/** Slugs for new items: oldest first gets the plain slug when titles collide, so older links keep their meaning. */
function allocateSlugs(items: ItemKey[], taken: Set<string>): Map<string, string> {
	const order = items
		.map((item, k) => ({ item, k }))
		.sort((a, b) => (a.item.publishedAt?.getTime() ?? 0) - (b.item.publishedAt?.getTime() ?? 0) || b.k - a.k);
	const slugs = new Map<string, string>();
	for (const { item } of order) {
		const slug = uniqueSlug(slugify(item.title), taken);
		taken.add(slug);
		slugs.set(item.guid, slug);
	}
	return slugs;
}

async function insertEpisodes(tx: Tx, podcastId: number, drafts: EpisodeDraft[], slugs: Map<string, string>): Promise<number[]> {
	if (!drafts.length) return [];
	const rows = drafts.map((d) => ({ podcastId, slug: slugs.get(d.guid)!, ...episodeColumns(d) }));
	const ids = new Map<string, number>();
	for (const batch of batches(rows)) {
		const inserted = await tx.insert(episodes).values(batch).returning({ id: episodes.id, guid: episodes.guid });
		for (const r of inserted) ids.set(r.guid, r.id);
	}
	return drafts.map((d) => ids.get(d.guid)!);
}

function episodeColumns(d: EpisodeDraft) {
	return {
		guid: d.guid,
		title: d.title,
		season: d.season,
		episodeNumber: d.episodeNumber,
		publishedAt: d.publishedAt,
		durationSeconds: d.durationSeconds,
		audioUrl: d.audioUrl,
		audioMimeType: d.audioMimeType,
		imageUrl: d.imageUrl,
		descriptionHtml: d.descriptionHtml,
		transcriptLanguage: d.transcriptLanguage
	};
}

function uniqueSlug(base: string, taken: Set<string>): string {
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) {
		const candidate = `${base.slice(0, 75)}-${n}`;
		if (!taken.has(candidate)) return candidate;
	}
}

function hashDraft(d: EpisodeDraft): Hashes {
	const hash = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('base64url');
	const cues = hash(d.cues);
	return {
		// transcriptLanguage only when set, so episodes stored before it existed keep their hash.
		episode: hash({ ...episodeColumns(d), publishedAt: d.publishedAt?.toISOString() ?? null, transcriptLanguage: d.transcriptLanguage ?? undefined }),
		people: hash(d.people.map((p) => [personKey(p.name), p.role])),
		// A segment's stored text comes from the cues, so new cues mean rewriting the segments too.
		segments: hash([d.segments, cues]),
		cues,
		markers: hash(d.markers)
	};
}

async function deleteWhereEpisode(tx: Tx, table: PgTable, column: PgColumn, ids: number[]): Promise<void> {
	for (const batch of batches(ids, 1)) await tx.delete(table).where(inArray(column, batch));
}

async function insertInBatches<TTable extends PgTable>(tx: Tx, table: TTable, rows: PgInsertValue<TTable>[]): Promise<void> {
	for (const batch of batches(rows)) await tx.insert(table).values(batch);
}

async function upsertEpisodeImports(tx: Tx, rows: (typeof episodeImports.$inferInsert)[]): Promise<void> {
	for (const batch of batches(rows)) {
		await tx
			.insert(episodeImports)
			.values(batch)
			.onConflictDoUpdate({
				target: episodeImports.episodeId,
				set: {
					feedUrl: sql`excluded.feed_url`,
					enclosureUrl: sql`excluded.enclosure_url`,
					episodeHash: sql`excluded.episode_hash`,
					peopleHash: sql`excluded.people_hash`,
					segmentsHash: sql`excluded.segments_hash`,
					cuesHash: sql`excluded.cues_hash`,
					markersHash: sql`excluded.markers_hash`,
					importedAt: sql`excluded.imported_at`
				}
			});
	}
}

/** Rows in groups small enough for one statement. */
function* batches<T>(rows: T[], columnsHint?: number): Generator<T[]> {
	if (!rows.length) return;
	const columns = columnsHint ?? Object.keys(rows[0] as object).length;
	const size = Math.max(1, Math.min(5_000, Math.floor(MAX_PARAMETERS / Math.max(columns, 1))));
	for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

interface EditorialLink {
	questionId: number;
	episodeId: number;
	rank: number;
	excerpt: string | null;
	title: string;
	startSeconds: number;
}

/** Editorial question links on segments about to be replaced; they are re-attached to the new segments. */
async function takeEditorialLinks(tx: Tx, episodeIds: number[]): Promise<EditorialLink[]> {
	if (!episodeIds.length) return [];
	return tx
		.select({
			questionId: questionSegments.questionId,
			episodeId: segments.episodeId,
			rank: questionSegments.rank,
			excerpt: questionSegments.excerpt,
			title: segments.title,
			startSeconds: segments.startSeconds
		})
		.from(questionSegments)
		.innerJoin(segments, eq(segments.id, questionSegments.segmentId))
		.where(and(eq(questionSegments.origin, 'editorial'), inArray(segments.episodeId, episodeIds)));
}

/** Each link goes to the new segment with the same title, or else the one that now covers the old start. */
async function restoreEditorialLinks(tx: Tx, links: EditorialLink[]): Promise<void> {
	if (!links.length) return;
	const fresh = await tx
		.select({ id: segments.id, episodeId: segments.episodeId, title: segments.title, start: segments.startSeconds, end: segments.endSeconds })
		.from(segments)
		.where(inArray(segments.episodeId, [...new Set(links.map((l) => l.episodeId))]));
	for (const link of links) {
		const candidates = fresh.filter((s) => s.episodeId === link.episodeId);
		const target =
			candidates.find((s) => s.title === link.title) ?? candidates.find((s) => s.start <= link.startSeconds && link.startSeconds < s.end);
		if (!target) continue;
		await tx
			.insert(questionSegments)
			.values({ questionId: link.questionId, segmentId: target.id, rank: link.rank, excerpt: link.excerpt, origin: 'editorial', score: null })
			.onConflictDoNothing();
	}
}
