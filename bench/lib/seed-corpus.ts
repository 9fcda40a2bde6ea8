/**
 * Writes a synthetic corpus (synthetic.ts) into the site's tables, fast: every table in a few multi-row statements
 * (bulkInsert: one array parameter per column), all in one transaction, with explicit ids so pages and questions can
 * be addressed without reading them back. Shows, episodes with a host and a guest, segments, a transcript per
 * episode (the segment text in cues of about 20 words, like real captions), and one question per 100 segments, each
 * linked editorially to the segment it was written from. (bulkInsert's `enum` type is a cast from text by type
 * name, which serves for timestamptz and bool columns too.)
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../src/lib/server/db/client';
import { bulkInsert } from '../../src/lib/server/import/bulk-insert';
import type { SyntheticCorpus } from './synthetic';

/** One stored question per this many segments (the first of each run), as in the search benchmarks. */
export const SEGMENTS_PER_QUESTION = 100;
const WORDS_PER_CUE = 20;

export interface SeededCounts {
	shows: number;
	episodes: number;
	segments: number;
	cues: number;
	questions: number;
}

/** The question page slug of question n (1-based) and the episode page path of an episode index, as seeded. */
export const questionSlug = (n: number) => `question-${n}`;
export const episodePath = (corpus: SyntheticCorpus, episodeIndex: number) =>
	`/podcasts/${corpus.shows[corpus.episodes[episodeIndex]!.showIndex]!.slug}/${corpus.episodes[episodeIndex]!.slug}`;

/** Seeds an empty, migrated database; `progress` hears each table as it is written. */
export async function seedCorpus(db: Db, corpus: SyntheticCorpus, progress: (message: string) => void = () => {}): Promise<SeededCounts> {
	const counts: SeededCounts = { shows: 0, episodes: 0, segments: 0, cues: 0, questions: 0 };
	await db.transaction(async (tx) => {
		const step = async (label: string, run: () => Promise<number>) => {
			const started = performance.now();
			const n = await run();
			progress(`${label}: ${n.toLocaleString('en')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
			return n;
		};
		counts.shows = await step('podcasts', async () => {
			await bulkInsert(tx, 'podcasts', [int('id'), text('slug'), text('title'), text('author'), text('description')],
				corpus.shows.map((s) => [s.index + 1, s.slug, s.title, s.host, `A synthetic show hosted by ${s.host}.`]));
			return corpus.shows.length;
		});

		// People: every host and guest once, by name.
		const personIds = new Map<string, number>();
		const personId = (name: string) => personIds.get(name) ?? (personIds.set(name, personIds.size + 1), personIds.size);
		for (const show of corpus.shows) personId(show.host);
		for (const episode of corpus.episodes) personId(episode.guest);
		await step('people', async () => {
			await bulkInsert(tx, 'people', [int('id'), text('slug'), text('name')],
				[...personIds].map(([name, id]) => [id, `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${id}`, name]));
			return personIds.size;
		});

		const day = 86_400_000;
		counts.episodes = await step('episodes', async () => {
			await bulkInsert(
				tx,
				'episodes',
				[int('id'), int('podcast_id'), text('slug'), text('guid'), text('title'), { name: 'published_at', type: { enum: 'timestamptz' } }, float('duration_seconds'), text('audio_url'), text('audio_mime_type'), text('description_html')],
				corpus.episodes.map((e) => [
					e.index + 1,
					e.showIndex + 1,
					e.slug,
					`synthetic-${e.index}`,
					e.title,
					// One episode a week per show, the newest first by index within a show.
					new Date(Date.UTC(2024, 0, 1) - (e.index % 50) * 7 * day).toISOString(),
					e.durationSeconds,
					`https://audio.example/${e.slug}.mp3`,
					'audio/mpeg',
					`<p>${e.title}, with ${e.guest}.</p>`
				])
			);
			return corpus.episodes.length;
		});
		await step('episode people', async () => {
			await bulkInsert(tx, 'episode_people', [int('episode_id'), int('person_id'), text('role'), int('position')],
				corpus.episodes.flatMap((e) => [
					[e.index + 1, personId(corpus.shows[e.showIndex]!.host), 'host', 0],
					[e.index + 1, personId(e.guest), 'guest', 1]
				]));
			return corpus.episodes.length * 2;
		});
		counts.segments = await step('segments', async () => {
			await bulkInsert(tx, 'segments', [int('id'), int('episode_id'), int('position'), float('start_seconds'), float('end_seconds'), text('title'), text('summary'), text('text')],
				(function* () {
					for (const s of corpus.segments) yield [s.id + 1, s.episodeIndex + 1, s.position, s.startSeconds, s.endSeconds, s.title, s.summary, s.text];
				})());
			return corpus.segments.length;
		});
		counts.cues = await step('transcript cues', async () => {
			let n = 0;
			let position = 0;
			let episode = -1;
			await bulkInsert(tx, 'transcript_cues', [int('episode_id'), int('position'), float('start_seconds'), float('end_seconds'), text('speaker'), text('text')],
				(function* () {
					for (const s of corpus.segments) {
						if (s.episodeIndex !== episode) [episode, position] = [s.episodeIndex, 0];
						const words = s.text.split(' ');
						const parts = Math.ceil(words.length / WORDS_PER_CUE);
						const length = (s.endSeconds - s.startSeconds) / parts;
						for (let p = 0; p < parts; p++) {
							n++;
							const start = s.startSeconds + p * length;
							yield [s.episodeIndex + 1, position++, start, start + length, p % 2 ? 'Guest' : 'Host', words.slice(p * WORDS_PER_CUE, (p + 1) * WORDS_PER_CUE).join(' ')];
						}
					}
				})());
			return n;
		});
		const asked = corpus.segments.filter((s) => s.id % SEGMENTS_PER_QUESTION === 0);
		counts.questions = await step('questions', async () => {
			await bulkInsert(tx, 'questions', [int('id'), text('slug'), text('text'), { name: 'featured', type: { enum: 'bool' } }],
				asked.map((s, i) => [i + 1, questionSlug(i + 1), `What about ${s.title.toLowerCase()}?`, i < 6 ? 'true' : 'false']));
			await bulkInsert(tx, 'question_segments', [int('question_id'), int('segment_id'), int('rank'), { name: 'origin', type: { enum: 'link_origin' } }],
				asked.map((s, i) => [i + 1, s.id + 1, 1, 'editorial']));
			return asked.length;
		});
		await resetSequences(tx);
	});
	return counts;
}

/** Explicit ids leave the serial sequences behind: move them past the ids written, for later inserts. */
async function resetSequences(tx: Tx): Promise<void> {
	for (const table of ['podcasts', 'people', 'episodes', 'segments', 'transcript_cues', 'questions']) {
		await tx.execute(sql.raw(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST(1, (SELECT max(id) FROM "${table}")))`));
	}
}

const int = (name: string) => ({ name, type: 'int' as const });
const float = (name: string) => ({ name, type: 'float8' as const });
const text = (name: string) => ({ name, type: 'text' as const });
