/**
 * Every table of the site. Column names are snake_case in SQL (drizzle `casing: 'snake_case'`), and say their unit.
 * Rules that drizzle-kit cannot express (no overlapping segments, segments inside the episode) live in the custom
 * migration drizzle/0001_segment_rules.sql.
 */
import { sql } from 'drizzle-orm';
import {
	bigint,
	bigserial,
	customType,
	boolean,
	check,
	doublePrecision,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	real,
	serial,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';

const timestamps = {
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
};

export const podcasts = pgTable(
	'podcasts',
	{
		id: serial().primaryKey(),
		slug: text().notNull(),
		title: text().notNull(),
		author: text(),
		description: text(),
		link: text(),
		imageUrl: text(),
		language: text(),
		feedUrl: text(),
		...timestamps
	},
	(t) => [uniqueIndex('podcasts_slug_key').on(t.slug), uniqueIndex('podcasts_feed_url_key').on(t.feedUrl)]
);

export const episodes = pgTable(
	'episodes',
	{
		id: serial().primaryKey(),
		podcastId: integer()
			.notNull()
			.references(() => podcasts.id, { onDelete: 'cascade' }),
		slug: text().notNull(),
		guid: text().notNull(),
		title: text().notNull(),
		season: integer(),
		episodeNumber: integer(),
		publishedAt: timestamp({ withTimezone: true }),
		durationSeconds: doublePrecision(),
		audioUrl: text(),
		audioMimeType: text(),
		imageUrl: text(),
		/** Sanitized on the way in (src/lib/server/sanitize.ts); rendered as HTML. */
		descriptionHtml: text(),
		/** The stored transcript's language (BCP 47), when it differs from the show's or the show has none. */
		transcriptLanguage: text(),
		/** Hidden by an editor: off every listing, search and sitemap, its pages answer 404; a re-import keeps it hidden. */
		hiddenAt: timestamp({ withTimezone: true }),
		...timestamps
	},
	(t) => [
		uniqueIndex('episodes_podcast_slug_key').on(t.podcastId, t.slug),
		uniqueIndex('episodes_podcast_guid_key').on(t.podcastId, t.guid),
		index('episodes_podcast_published_idx').on(t.podcastId, t.publishedAt.desc()),
		index('episodes_published_idx').on(t.publishedAt.desc()),
		check('episodes_duration_positive', sql`${t.durationSeconds} IS NULL OR ${t.durationSeconds} > 0`)
	]
);

export const people = pgTable(
	'people',
	{
		id: serial().primaryKey(),
		slug: text().notNull(),
		name: text().notNull(),
		/** Professional letters such as "MSW, LCSW". */
		credentials: text(),
		/** A social handle such as "@the_trail_therapist". */
		handle: text(),
		link: text(),
		imageUrl: text(),
		bio: text(),
		...timestamps
	},
	(t) => [uniqueIndex('people_slug_key').on(t.slug)]
);

export const episodePeople = pgTable(
	'episode_people',
	{
		episodeId: integer()
			.notNull()
			.references(() => episodes.id, { onDelete: 'cascade' }),
		personId: integer()
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		/** host, guest, cohost, producer ... (podcast:person roles are open-ended, so free text). */
		role: text().notNull().default('guest'),
		position: integer().notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.episodeId, t.personId, t.role] }),
		index('episode_people_person_idx').on(t.personId)
	]
);

export const segmentOrigin = pgEnum('segment_origin', ['editorial', 'chapters', 'shownotes', 'transcript']);

export const segments = pgTable(
	'segments',
	{
		id: serial().primaryKey(),
		episodeId: integer()
			.notNull()
			.references(() => episodes.id, { onDelete: 'cascade' }),
		/** 0-based order within the episode. */
		position: integer().notNull(),
		startSeconds: doublePrecision().notNull(),
		endSeconds: doublePrecision().notNull(),
		title: text().notNull(),
		summary: text(),
		/** The transcript text this segment covers, so search finds what was said. */
		text: text(),
		/** Where the segment came from; 'transcript' means it was split automatically. */
		origin: segmentOrigin().notNull().default('editorial'),
		/** For automatic segments: the version of the chaptering method that made them (jobs re-run older ones). */
		methodVersion: integer(),
		/** Set when an editor changed the title, summary or boundaries: automatic steps and re-imports never overwrite it. */
		editedAt: timestamp({ withTimezone: true }),
		...timestamps
	},
	(t) => [
		uniqueIndex('segments_episode_position_key').on(t.episodeId, t.position),
		index('segments_episode_start_idx').on(t.episodeId, t.startSeconds),
		check('segments_start_not_negative', sql`${t.startSeconds} >= 0`),
		check('segments_end_after_start', sql`${t.endSeconds} > ${t.startSeconds}`)
	]
);

export const transcriptCues = pgTable(
	'transcript_cues',
	{
		id: serial().primaryKey(),
		episodeId: integer()
			.notNull()
			.references(() => episodes.id, { onDelete: 'cascade' }),
		position: integer().notNull(),
		startSeconds: doublePrecision().notNull(),
		endSeconds: doublePrecision().notNull(),
		speaker: text(),
		text: text().notNull()
	},
	(t) => [
		uniqueIndex('transcript_cues_episode_position_key').on(t.episodeId, t.position),
		index('transcript_cues_episode_start_idx').on(t.episodeId, t.startSeconds),
		check('transcript_cues_start_not_negative', sql`${t.startSeconds} >= 0`),
		check('transcript_cues_end_after_start', sql`${t.endSeconds} > ${t.startSeconds}`)
	]
);

/** Chapters a feed marks `toc:false`: hidden markers (an image or place change), kept out of the segment list. */
export const chapterMarkers = pgTable(
	'chapter_markers',
	{
		id: serial().primaryKey(),
		episodeId: integer()
			.notNull()
			.references(() => episodes.id, { onDelete: 'cascade' }),
		/** 0-based order within the episode. */
		position: integer().notNull(),
		startSeconds: doublePrecision().notNull(),
		/** Hidden chapters often have no title. */
		title: text(),
		imageUrl: text(),
		link: text()
	},
	(t) => [
		uniqueIndex('chapter_markers_episode_position_key').on(t.episodeId, t.position),
		check('chapter_markers_start_not_negative', sql`${t.startSeconds} >= 0`)
	]
);

/**
 * What the importer last wrote for an episode, one hash per part, so a re-import rewrites only what changed in the
 * feed (and says "unchanged" for the rest). Rows exist only for imported episodes.
 */
export const episodeImports = pgTable('episode_imports', {
	episodeId: integer()
		.primaryKey()
		.references(() => episodes.id, { onDelete: 'cascade' }),
	/** The feed the episode was last imported from. */
	feedUrl: text().notNull(),
	/** The enclosure URL, the fallback match when a feed changes an item's guid. */
	enclosureUrl: text(),
	episodeHash: text().notNull(),
	peopleHash: text().notNull(),
	segmentsHash: text().notNull(),
	cuesHash: text().notNull(),
	markersHash: text().notNull(),
	importedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

export const questionOrigin = pgEnum('question_origin', ['editorial', 'mined', 'asked']);

export const questions = pgTable(
	'questions',
	{
		id: serial().primaryKey(),
		slug: text().notNull(),
		text: text().notNull(),
		/** Other phrasings of the same question; indexed for search. */
		alternatives: text().array().notNull().default(sql`'{}'::text[]`),
		/** An editorial answer; without one, the question page answers with its segments' summaries. */
		answer: text(),
		featured: boolean().notNull().default(false),
		/** editorial: written by an editor; mined: found in a transcript; asked: promoted from what visitors asked. */
		origin: questionOrigin().notNull().default('editorial'),
		/** Set when an editor changed the question: the miner never rewrites or deletes it. */
		editedAt: timestamp({ withTimezone: true }),
		...timestamps
	},
	(t) => [
		uniqueIndex('questions_slug_key').on(t.slug),
		index('questions_featured_idx').on(t.featured),
		index('questions_origin_idx').on(t.origin)
	]
);

/** editorial: pinned by an editor; auto: recomputed by search; mined: where the question was asked and answered. */
export const linkOrigin = pgEnum('link_origin', ['editorial', 'auto', 'mined']);

export const questionSegments = pgTable(
	'question_segments',
	{
		questionId: integer()
			.notNull()
			.references(() => questions.id, { onDelete: 'cascade' }),
		segmentId: integer()
			.notNull()
			.references(() => segments.id, { onDelete: 'cascade' }),
		/** 1-based citation order on the question page. */
		rank: integer().notNull(),
		excerpt: text(),
		/** Editorial links are pinned; automatic ones are recomputed by the search index. */
		origin: linkOrigin().notNull(),
		score: real(),
		/** The cited moment inside the segment (a mined question's answer span, or the answering sentence); null: the whole segment. */
		startSeconds: doublePrecision(),
		endSeconds: doublePrecision(),
		...timestamps
	},
	(t) => [
		primaryKey({ columns: [t.questionId, t.segmentId] }),
		index('question_segments_segment_idx').on(t.segmentId),
		index('question_segments_question_rank_idx').on(t.questionId, t.rank),
		check('question_segments_rank_positive', sql`${t.rank} >= 1`)
	]
);

/**
 * What the search index is built from, versioned, so a saved index (a search snapshot) is restored only when the
 * content has not changed since. One row names this database (a snapshot of another database is never restored);
 * content_changes gets a row for every transaction that writes podcasts, episodes, people, episode_people, segments
 * or questions (statement triggers in drizzle/0004_content_version_triggers.sql). The version is that row count:
 * it grows when, and only when, such a write commits. A row per transaction rather than a counter in one row, so
 * writers never queue on one row lock (and two imports touching the same people cannot deadlock on it).
 * Question links are not versioned: they are read fresh at every start.
 */
export const contentVersion = pgTable(
	'content_version',
	{
		id: integer().primaryKey().default(1),
		/** Random, fixed when the database is created. */
		instance: uuid().notNull().defaultRandom(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [check('content_version_one_row', sql`${t.id} = 1`)]
);

export const contentChanges = pgTable('content_changes', {
	/** The writing transaction (txid_current()): one row however many statements it ran. */
	txid: bigint({ mode: 'number' }).primaryKey(),
	changedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

/**
 * Every committed content write, in order: one row per writing statement on podcasts, episodes, people,
 * episode_people, segments or questions (and editorial question links), written by statement triggers in the same
 * transaction as the data (drizzle/0007_content_outbox_triggers.sql), so no writer can forget to record one, and a
 * deletion is recorded like any other write. Each server applies the rows after the last one it applied
 * (content-sync.ts); NOTIFY only wakes it up. `origin` is the writing session's application_name, so a server skips
 * what it wrote (and announced to itself) already.
 */
export const contentOutbox = pgTable('content_outbox', {
	seq: bigserial({ mode: 'number' }).primaryKey(),
	podcastIds: integer().array().notNull().default(sql`'{}'`),
	episodeIds: integer().array().notNull().default(sql`'{}'`),
	questionIds: integer().array().notNull().default(sql`'{}'`),
	origin: text().notNull().default(''),
	/**
	 * The server that writes what is derived from this change (automatic question links), when the writer was not a
	 * server (a script, the import CLI, raw SQL): the first to claim it. A server derives its own changes itself.
	 */
	claimedBy: text(),
	at: timestamp({ withTimezone: true }).notNull().defaultNow()
});

/** A vector as bytes: float32, little-endian (what a Float32Array holds on every platform Node runs on). */
const vectorBytes = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength))
});

/**
 * Sentence vectors of the content, computed in the background after import (jobs) and loaded into memory for
 * semantic search. A passage is a segment as a whole (kind 'segment') or one sentence or short run of sentences
 * inside it (kind 'sentence'), so that a hit can point at the moment the answer is said. `model` names the encoder
 * that made the vector: rows of another model are stale and are computed again.
 */
export const passageVectors = pgTable(
	'passage_vectors',
	{
		id: serial().primaryKey(),
		episodeId: integer()
			.notNull()
			.references(() => episodes.id, { onDelete: 'cascade' }),
		segmentId: integer()
			.notNull()
			.references(() => segments.id, { onDelete: 'cascade' }),
		kind: text({ enum: ['segment', 'sentence'] }).notNull(),
		startSeconds: doublePrecision().notNull(),
		endSeconds: doublePrecision().notNull(),
		text: text().notNull(),
		model: text().notNull(),
		vector: vectorBytes().notNull()
	},
	(t) => [index('passage_vectors_segment_idx').on(t.segmentId), index('passage_vectors_episode_idx').on(t.episodeId)]
);

export const jobStatus = pgEnum('job_status', ['queued', 'running', 'done', 'failed']);

/**
 * Background work (chapters, vectors, mined questions), durable in the database so that any number of worker
 * processes, on any machine, share it: a worker claims a row with FOR UPDATE SKIP LOCKED and holds it by a lease
 * (locked_until) that it renews; a killed worker's lease runs out and another takes the job over. One row per kind
 * and subject: asking again for queued work is a no-op, and done work of an older method version is queued again.
 */
export const jobs = pgTable(
	'jobs',
	{
		id: serial().primaryKey(),
		/** What to do: 'chapters', 'vectors', 'questions' ... */
		kind: text().notNull(),
		/** The episode it is about; null for work about the whole site. */
		episodeId: integer().references(() => episodes.id, { onDelete: 'cascade' }),
		/** The version of the method the work was asked for: a newer method queues it again. */
		methodVersion: integer().notNull().default(1),
		status: jobStatus().notNull().default('queued'),
		attempts: integer().notNull().default(0),
		/** Not claimed before then (retries back off). */
		runAfter: timestamp({ withTimezone: true }).notNull().defaultNow(),
		lockedBy: text(),
		lockedUntil: timestamp({ withTimezone: true }),
		progressDone: integer().notNull().default(0),
		progressTotal: integer().notNull().default(0),
		lastError: text(),
		...timestamps
	},
	(t) => [
		uniqueIndex('jobs_kind_episode_key').on(t.kind, t.episodeId),
		index('jobs_claim_idx').on(t.status, t.runAfter)
	]
);

/**
 * Questions visitors asked that no stored question matched, counted without anything about who asked (no address,
 * no cookie, no time of each asking): what editors look at to promote a question or write an answer.
 */
export const askedQuestions = pgTable('asked_questions', {
	/** The question normalised (lower case, spaces folded): the key that counts repeats. */
	normalized: text().primaryKey(),
	/** The wording of the first asking, shown to editors. */
	text: text().notNull(),
	count: integer().notNull().default(1),
	/** How well the best moment answered it the last time (0-1); low means "asked but not answered well". */
	bestScore: real(),
	lastAskedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

/** What editors changed, and when: a log kept for the site's own record (never shown publicly). */
export const editorChanges = pgTable(
	'editor_changes',
	{
		id: serial().primaryKey(),
		/** What was changed: 'question', 'segment', 'episode', 'show', 'citation'. */
		target: text().notNull(),
		targetId: integer(),
		/** In words: "renamed question 12 to ...", "deleted show running-explained". */
		action: text().notNull(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('editor_changes_at_idx').on(t.at.desc())]
);

const imageBytes = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength))
});

/**
 * Show and episode artwork, fetched at import (the show's) or by the 'artwork' job (an episode's own), re-encoded
 * as square WebP at the sizes pages use and served from /art/... (src/routes/art). Kept in the database, so every
 * instance serves it and a restart keeps it. One row per show (episode_id null) and per episode whose image differs
 * from its show's; `source_url` is what was fetched, so a re-import fetches again only when the feed's address changed.
 */
export const artwork = pgTable(
	'artwork',
	{
		id: serial().primaryKey(),
		podcastId: integer()
			.notNull()
			.references(() => podcasts.id, { onDelete: 'cascade' }),
		/** Null for the show's own artwork. */
		episodeId: integer().references(() => episodes.id, { onDelete: 'cascade' }),
		sourceUrl: text().notNull(),
		/** A hash of the source image's bytes: the served ETag is this plus the size. */
		sourceHash: text().notNull(),
		webp96: imageBytes().notNull(),
		webp300: imageBytes().notNull(),
		webp600: imageBytes().notNull(),
		fetchedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('artwork_show_key').on(t.podcastId).where(sql`${t.episodeId} is null`),
		uniqueIndex('artwork_episode_key').on(t.episodeId).where(sql`${t.episodeId} is not null`)
	]
);

export type Podcast = typeof podcasts.$inferSelect;
export type NewPodcast = typeof podcasts.$inferInsert;
export type Episode = typeof episodes.$inferSelect;
export type NewEpisode = typeof episodes.$inferInsert;
export type Person = typeof people.$inferSelect;
export type NewPerson = typeof people.$inferInsert;
export type Segment = typeof segments.$inferSelect;
export type NewSegment = typeof segments.$inferInsert;
export type TranscriptCue = typeof transcriptCues.$inferSelect;
export type NewTranscriptCue = typeof transcriptCues.$inferInsert;
export type ChapterMarker = typeof chapterMarkers.$inferSelect;
export type NewChapterMarker = typeof chapterMarkers.$inferInsert;
export type EpisodeImport = typeof episodeImports.$inferSelect;
export type Question = typeof questions.$inferSelect;
export type NewQuestion = typeof questions.$inferInsert;
export type QuestionSegment = typeof questionSegments.$inferSelect;
export type PassageVector = typeof passageVectors.$inferSelect;
export type Job = typeof jobs.$inferSelect;
export type AskedQuestion = typeof askedQuestions.$inferSelect;
