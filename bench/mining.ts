/**
 * `npm run bench:mining`: mines every real transcript (../shared/realdata/transcripts, with speakers, and
 * ../shared/segbench-dev/<id>/transcript.json, without; their human chapters serve as segments), prints what was found
 * per file, merges near-duplicates across all of them with sentence vectors, and writes a random sample of 100 mined
 * questions (fixed seed) with their whole answer span to /tmp/mined-sample.md, for judging by hand.
 *
 * BENCH_LIMIT=N mines only the first N segbench episodes. BENCH_PAIRS=1 prints the closest pairs by cosine with the
 * lexical check's verdict (how the near-duplicate threshold was chosen). Vectors are cached in /tmp by text hash.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cosine, getEncoder, type SentenceEncoder } from '../src/lib/server/embeddings';
import { detectTranscriptFormat, parseTranscript } from '../src/lib/server/import/transcripts';
import { isNearDuplicate, lexicallyClose, mergeNearDuplicates, mineQuestions, type MinedQuestion, type MiningCue, type MiningSegment } from '../src/lib/server/mining';

const realdata = resolve('../shared/realdata/transcripts');
const segbench = resolve('../shared/segbench-dev');
const limit = Number(process.env.BENCH_LIMIT) || Infinity;
const SAMPLE_SIZE = 100;
const SEED = 11;
const SAMPLE_FILE = '/tmp/mined-sample.md';

interface Source {
	name: string;
	cues: MiningCue[];
	segments: MiningSegment[];
}

function loadSources(): Source[] {
	const sources: Source[] = [];
	if (!existsSync(realdata)) throw new Error(`bench:mining: no folder ${realdata}`);
	for (const file of readdirSync(realdata).sort()) {
		const text = readFileSync(join(realdata, file), 'utf8');
		const format = detectTranscriptFormat(text, '', file);
		if (!format) continue;
		sources.push({ name: `realdata/${file}`, cues: parseTranscript(text, format, null).cues, segments: [] });
	}
	if (existsSync(segbench)) {
		const ids = readdirSync(segbench, { withFileTypes: true })
			.filter((d) => d.isDirectory() && existsSync(join(segbench, d.name, 'transcript.json')))
			.map((d) => d.name)
			.sort()
			.slice(0, limit);
		for (const id of ids) {
			const transcript = JSON.parse(readFileSync(join(segbench, id, 'transcript.json'), 'utf8')) as { segments: { startTime: number; endTime: number; body?: string; speaker?: string }[] };
			const cues = transcript.segments.map((s) => ({ startSeconds: s.startTime, endSeconds: s.endTime, text: s.body ?? '', speaker: s.speaker ?? null }));
			const chaptersFile = join(segbench, id, 'chapters.json');
			const chapters = existsSync(chaptersFile) ? (JSON.parse(readFileSync(chaptersFile, 'utf8')) as { chapters: { startTime: number; title?: string }[] }).chapters : [];
			const end = cues.at(-1)?.endSeconds ?? 0;
			const segments = chapters.map((c, i) => ({ startSeconds: c.startTime, endSeconds: chapters[i + 1]?.startTime ?? end, title: c.title ?? '' })).filter((s) => s.endSeconds > s.startSeconds);
			sources.push({ name: `segbench-dev/${id}`, cues, segments });
		}
	}
	return sources;
}

/** The encoder with a disk cache by text hash, so reruns encode nothing new. */
function cachedEncoder(encoder: SentenceEncoder): SentenceEncoder {
	const dir = `/tmp/mining-vectors-${encoder.model}`;
	mkdirSync(dir, { recursive: true });
	const file = (text: string) => join(dir, createHash('sha1').update(text).digest('hex'));
	return {
		model: encoder.model,
		dimensions: encoder.dimensions,
		async encode(texts) {
			const missing = [...new Set(texts.filter((t) => !existsSync(file(t))))];
			const fresh = await encoder.encode(missing);
			missing.forEach((t, i) => writeFileSync(file(t), Buffer.from(fresh[i]!.buffer)));
			return texts.map((t) => new Float32Array(new Uint8Array(readFileSync(file(t))).buffer));
		}
	};
}

/**
 * How the near-duplicate rule was set: paraphrases that are one question, and near misses (same shape, another
 * subject) that are not. Written for this bench, not taken from any transcript.
 */
const SAME_QUESTION = [
 ['Is there an ideal podcast length?', 'What is the ideal length for a podcast?'],
 ['How do you grow a podcast audience?', 'How can I grow the audience of my podcast?'],
 ['Should podcasters publish their episodes on YouTube?', 'Should podcasts be published on YouTube?'],
 ['Will AMD ever catch Nvidia?', 'Is AMD ever going to catch up with Nvidia?'],
 ['What is your opinion on employee monitoring software?', 'What do you think about employee monitoring software?'],
 ['Do you have any advice for young professionals in tech?', 'What advice do you have for young professionals in tech?'],
 ['How much does a custom water cooling loop cost?', 'How much would a custom water cooling system cost?'],
 ['Are you considering a dedicated Linux channel?', 'Would you consider starting a dedicated Linux channel?'],
 ['What microphone should a beginner podcaster buy?', 'Which microphone should a new podcaster buy?'],
 ['When did the first Xbox launch?', 'When was the first Xbox released?'],
];
const DIFFERENT_QUESTION = [
 ['How do you grow a podcast audience?', 'How do you grow a YouTube channel?'],
 ['Is there an ideal podcast length?', 'Is there an ideal podcast release schedule?'],
 ['What microphone should a beginner podcaster buy?', 'What headphones should a beginner podcaster buy?'],
 ['When did the first Xbox launch?', 'When did the first iPad launch?'],
 ['Will AMD ever catch Nvidia?', 'Will Intel ever catch AMD?'],
 ['Are you considering a dedicated Linux channel?', 'Are you considering a dedicated Mac channel?'],
 ['What kind of open source software do you use in everyday life?', 'What kind of open source software is used by Floatplane?'],
 ['Do you have any advice for young professionals in tech?', 'Do you have any advice for students who want to study computer science?'],
];

async function calibrateDuplicates(encoder: SentenceEncoder): Promise<void> {
	const judge = async (pairs: string[][]) => {
		let merged = 0;
		for (const [a, b] of pairs) {
			const [x, y] = await encoder.encode([a!, b!]);
			if (isNearDuplicate({ text: a!, vector: x! }, { text: b!, vector: y! })) merged++;
		}
		return merged;
	};
	console.log(`near-duplicate rule: ${await judge(SAME_QUESTION)}/${SAME_QUESTION.length} paraphrase pairs merged, ${await judge(DIFFERENT_QUESTION)}/${DIFFERENT_QUESTION.length} near misses merged`);
}

function mulberry32(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function clock(seconds: number): string {
	const s = Math.round(seconds);
	return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

async function main() {
	const sources = loadSources();
	const found: (MinedQuestion & { source: string; file: string; answer: string })[] = [];
	let hours = 0;
	const started = performance.now();
	for (const source of sources) {
		const mined = mineQuestions(source.cues, source.segments);
		const speakers = new Set(source.cues.map((c) => c.speaker).filter(Boolean)).size;
		const duration = source.cues.at(-1)?.endSeconds ?? 0;
		hours += duration / 3600;
		console.log(`${source.name.padEnd(60)} ${String(source.cues.length).padStart(6)} cues  ${String(speakers).padStart(2)} speakers  ${(duration / 60).toFixed(0).padStart(4)} min  ${String(mined.length).padStart(3)} questions`);
		for (const q of mined) {
			const answer = source.cues
				.filter((c) => c.startSeconds >= q.answerStartSeconds - 0.01 && c.startSeconds < q.endSeconds)
				.map((c) => (c.speaker ? `[${c.speaker}] ` : '') + c.text)
				.join(' ');
			found.push({ ...q, file: source.name, answer } as MinedQuestion & { source: string; file: string; answer: string });
		}
	}
	const seconds = (performance.now() - started) / 1000;
	const withSpeakers = found.filter((q) => q.asker !== null).length;
	console.log(`\n${found.length} questions from ${sources.length} transcripts (${hours.toFixed(1)} h of audio; ${(found.length / hours).toFixed(1)} per hour), ${withSpeakers} asked in labelled turns, ${found.filter((q) => q.source === 'chapter').length} chapter titles; mined in ${seconds.toFixed(1)} s`);

	const encoder = cachedEncoder(await getEncoder());
	await calibrateDuplicates(encoder);
	const groups = await mergeNearDuplicates(found, encoder);
	const merged = groups.filter((g) => g.length > 1);
	console.log(`near-duplicates: ${found.length} questions -> ${groups.length} after merging (${merged.length} groups of 2 or more)`);
	for (const g of merged.slice(0, 15)) console.log(`  ${g.map((q) => q.text).join('  |  ')}`);

	if (process.env.BENCH_PAIRS === '1') {
		const vectors = await encoder.encode(found.map((q) => q.text));
		const pairs: { a: number; b: number; c: number }[] = [];
		for (let a = 0; a < found.length; a++) for (let b = a + 1; b < found.length; b++) {
			const c = cosine(vectors[a]!, vectors[b]!);
			if (c >= 0.7) pairs.push({ a, b, c });
		}
		pairs.sort((x, y) => y.c - x.c);
		for (const p of pairs.slice(0, 80)) console.log(`${p.c.toFixed(3)} ${lexicallyClose(found[p.a]!.text, found[p.b]!.text) ? 'LEX' : '   '} ${found[p.a]!.text}  |  ${found[p.b]!.text}`);
	}

	const random = mulberry32(SEED);
	const pool = found.slice();
	const sample: typeof found = [];
	while (sample.length < SAMPLE_SIZE && pool.length) sample.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
	const lines = [`# ${sample.length} mined questions, random sample (seed ${SEED}) of ${found.length}`, ''];
	sample.forEach((q, i) => {
		lines.push(`## ${i + 1}. ${q.text}`, '', `- ${q.file} ${clock(q.startSeconds)}-${clock(q.endSeconds)} (${q.source}${q.asker ? `, asked by ${q.asker}` : ''})`, `- spoken: ${q.spoken}`, `- excerpt: ${q.excerpt}`, `- answer span: ${q.answer.length > 900 ? q.answer.slice(0, 900) + ' …' : q.answer}`, '');
	});
	writeFileSync(SAMPLE_FILE, lines.join('\n'));
	console.log(`sample of ${sample.length} written to ${SAMPLE_FILE}`);
}

await main();
