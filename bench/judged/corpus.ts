/**
 * Loads the real transcripts the judged questions are about into a database, through today's import steps: the
 * transcript parsed as an import would (parseTranscript), segments from the episode's human chapters when it has a
 * chapters file (fitChapters, as for a feed's chapters) or else cut from the transcript (splitTranscriptIntoTopics),
 * and the cues stored beside them. Then each episode's passages are encoded (the 'vectors' job's own function).
 * The files stay where they are: nothing of their text is kept in the repository.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../../src/lib/server/db/client';
import { episodes, podcasts, segments, transcriptCues } from '../../src/lib/server/db/schema';
import { getEncoder, type SentenceEncoder } from '../../src/lib/server/embeddings';
import { fitChapters, withTranscriptText } from '../../src/lib/server/import/segments';
import { splitTranscriptIntoTopics } from '../../src/lib/server/import/transcript-topics';
import { parseTranscript } from '../../src/lib/server/import/transcripts';
import { encodeEpisode } from '../../src/lib/server/vectors';
import { seedDemoContent } from '../../src/lib/server/demo/seed';
import { SearchService } from '../../src/lib/server/search/service';
import { SemanticEngine } from '../../src/lib/server/search/semantic';
import { realJudgedQuestions } from './real';
import { freshJudgedQuestions } from './fresh';
import { fourthJudgedQuestions } from './fourth';
import { fifthJudgedQuestions } from './fifth';

/** Episode id by transcript file. */
export type LoadedCorpus = Map<string, number>;

/** Imports each transcript file once, as an episode of one show, with its segments and cues. */
export async function importTranscripts(db: Db, files: string[]): Promise<LoadedCorpus> {
	const [show] = await db.insert(podcasts).values({ slug: 'real-transcripts', title: 'Real transcripts' }).returning({ id: podcasts.id });
	const loaded: LoadedCorpus = new Map();
	for (const [i, file] of [...new Set(files)].entries()) {
		if (!existsSync(file)) throw new Error(`bench: ${file} is missing (the real transcripts are read from ../shared at run time)`);
		const text = readFileSync(file, 'utf8');
		const { cues } = parseTranscript(text, file.endsWith('.srt') ? 'srt' : file.endsWith('.vtt') ? 'vtt' : 'json', null);
		const duration = cues.at(-1)!.endSeconds;
		const chaptersFile = join(dirname(file), 'chapters.json');
		const drafts = existsSync(chaptersFile)
			? withTranscriptText(
					fitChapters(
						JSON.parse(readFileSync(chaptersFile, 'utf8')).chapters.map((c: { startTime: number; title?: string }) => ({
							startSeconds: c.startTime,
							endSeconds: null,
							title: c.title ?? null,
							imageUrl: null,
							link: null,
							toc: true
						})),
						duration,
						cues,
						'chapters'
					).segments,
					cues
				)
			: splitTranscriptIntoTopics(cues, duration);
		const title = file.split('/').slice(-2).join(' ');
		const [episode] = await db
			.insert(episodes)
			.values({ podcastId: show!.id, slug: `episode-${i + 1}`, guid: file, title, durationSeconds: duration })
			.returning({ id: episodes.id });
		await db.insert(segments).values(
			drafts.map((d, position) => ({ episodeId: episode!.id, position, startSeconds: d.startSeconds, endSeconds: d.endSeconds, title: d.title, text: d.text, origin: d.origin }))
		);
		for (let at = 0; at < cues.length; at += 1000) {
			await db.insert(transcriptCues).values(
				cues.slice(at, at + 1000).map((c, k) => ({ episodeId: episode!.id, position: at + k, startSeconds: c.startSeconds, endSeconds: c.endSeconds, speaker: c.speaker, text: c.text }))
			);
		}
		loaded.set(file, episode!.id);
	}
	return loaded;
}

/**
 * The site's encoder with a disk cache of the vectors it made (in /tmp by default), so tuning runs do not encode
 * the same passages again. Keyed by model and text: a different model or text is encoded afresh.
 */
export async function cachedEncoder(dir = '/tmp/podcast-moments-vectors'): Promise<SentenceEncoder & { save(): void }> {
	const encoder = await getEncoder();
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `${encoder.model.replace(/[^\w.@-]/g, '_')}.json`);
	const cache: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
	let dirty = false;
	const key = (text: string) => createHash('sha1').update(text).digest('base64');
	return {
		model: encoder.model,
		dimensions: encoder.dimensions,
		async encode(texts) {
			const missing = [...new Set(texts.filter((t) => !(key(t) in cache)))];
			if (missing.length) {
				const vectors = await encoder.encode(missing);
				missing.forEach((t, i) => (cache[key(t)] = Buffer.from(vectors[i]!.buffer).toString('base64')));
				dirty = true;
			}
			return texts.map((t) => {
				const bytes = Buffer.from(cache[key(t)]!, 'base64');
				return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
			});
		},
		save() {
			if (dirty) writeFileSync(file, JSON.stringify(cache));
			dirty = false;
		}
	};
}

/** Encodes every episode's passages (as the 'vectors' job does); returns passages encoded and seconds taken. */
export async function encodeCorpus(db: Db, episodeIds: number[], encoder: SentenceEncoder): Promise<{ passages: number; seconds: number }> {
	const started = performance.now();
	let passages = 0;
	for (const id of episodeIds) passages += (await encodeEpisode(db, id, { encoder })).passages;
	return { passages, seconds: (performance.now() - started) / 1000 };
}

/**
 * The judged benches' search: the demo and the real judged transcripts imported into `db` (migrated, empty), every
 * episode encoded through `encoder`, the search service built over them and a meaning engine warmed with the
 * questions synced; with `neighbours`, the unseen-word table is built too (as a server has it after start-up).
 */
export async function judgedSearch(db: Db, encoder: SentenceEncoder & { save(): void }, { neighbours = false } = {}) {
	await seedDemoContent(db);
	const corpus = await importTranscripts(db, [...realJudgedQuestions, ...freshJudgedQuestions, ...fourthJudgedQuestions, ...fifthJudgedQuestions].map((q) => q.file));
	const encoded = await encodeCorpus(db, (await db.select({ id: episodes.id }).from(episodes)).map((e) => e.id), encoder);
	encoder.save();
	const service = await SearchService.build(db);
	const semantic = new SemanticEngine(service.semantic.vectors, async () => encoder);
	await semantic.warmUp();
	if (neighbours && !(await semantic.neighboursReady())) throw new Error('bench: the word neighbours (word-neighbours.ts) did not build');
	const { index } = service;
	await semantic.syncQuestions(index.questions.values());
	const links = (id: number) => index.linksByQuestion.get(id);
	return { corpus, encoded, service, semantic, index, links };
}
