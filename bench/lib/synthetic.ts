/**
 * A deterministic synthetic podcast corpus for benchmarks: shows, episodes and segments of 40-120 words whose word
 * frequencies follow Zipf's law (as speech does: a few words everywhere, a long tail of rare ones), plus a fixed
 * query mix with the segment each query is meant to find. The same seed gives the same corpus on every machine.
 */

/** mulberry32: a tiny seeded PRNG, plenty for benchmark data. */
export function createRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The commonest words of spoken English: they head the frequency ranking, as in real transcripts. */
const FUNCTION_WORDS = (
	'the and to a of i you that it in is we so like was it\'s for but this on just have be with they what not ' +
	'know yeah are do my about or at your all can there if one think really me he as from out when get more people ' +
	'up time how right because would them then some she now go which an will going no her our much had very also'
).split(' ');

/** Topic words so that generated text reads a little like the site's subject. */
const TOPIC_WORDS = (
	'running runner training marathon stress sleep recovery injury coach race pace mileage therapy anxiety ' +
	'motivation nutrition fueling hydration breathing mindful tempo interval taper rest burnout overtraining ' +
	'strength mobility hamstring knee shoe trail endurance heart cortisol mood confidence resilience habit'
).split(' ');

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'br', 'cl', 'cr', 'dr', 'fl', 'gr', 'pl', 'pr', 'sh', 'st', 'th', 'tr', 'ch'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ea', 'ou', 'ai', 'io', 'y'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'nd', 'st', 'ng', 'ck', 'rt', 'm'];

/** `size` distinct words ranked by frequency: function words, topic words, then pronounceable invented words. */
export function buildVocabulary(size: number, random: () => number): string[] {
	const words = [...FUNCTION_WORDS, ...TOPIC_WORDS];
	const seen = new Set(words);
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
	while (words.length < size) {
		// Rarer words are longer, as in real language.
		const syllables = 1 + Math.min(3, Math.floor(random() * (1 + words.length / (size / 4))));
		let word = '';
		for (let s = 0; s < syllables; s++) word += pick(ONSETS) + pick(VOWELS);
		word += pick(CODAS);
		if (word.length >= 3 && !seen.has(word)) {
			seen.add(word);
			words.push(word);
		}
	}
	return words;
}

/** Samples ranks 0..n-1 with probability proportional to 1/(rank+1)^s, by inverting the cumulative table. */
export function createZipfSampler(n: number, s: number, random: () => number): () => number {
	const cumulative = new Float64Array(n);
	let total = 0;
	for (let i = 0; i < n; i++) {
		total += 1 / (i + 1) ** s;
		cumulative[i] = total;
	}
	return () => {
		const target = random() * total;
		let lo = 0;
		let hi = n - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cumulative[mid]! < target) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
}

export interface SyntheticSegment {
	id: number;
	showIndex: number;
	episodeIndex: number;
	position: number;
	startSeconds: number;
	endSeconds: number;
	title: string;
	summary: string;
	text: string;
}

export interface CorpusOptions {
	segments: number;
	seed?: number;
	vocabularySize?: number;
	segmentsPerEpisode?: number;
	episodesPerShow?: number;
}

export interface SyntheticCorpus {
	vocabulary: string[];
	shows: { index: number; title: string; slug: string; host: string }[];
	/** Episodes in order; `segmentCount` of them belong to each. */
	episodes: { index: number; showIndex: number; title: string; slug: string; guest: string; durationSeconds: number }[];
	segments: SyntheticSegment[];
}

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Generates the corpus. 100k segments take a few seconds and ~100 MB. */
export function generateCorpus(options: CorpusOptions): SyntheticCorpus {
	const random = createRandom(options.seed ?? 42);
	const vocabulary = buildVocabulary(options.vocabularySize ?? 50_000, random);
	const zipf = createZipfSampler(vocabulary.length, 1.07, random);
	const word = () => vocabulary[zipf()]!;
	// Titles and names use the mid and rare ranks: they name things, they are not filler.
	const contentWord = () => vocabulary[FUNCTION_WORDS.length + (zipf() % (vocabulary.length - FUNCTION_WORDS.length))]!;
	const perEpisode = options.segmentsPerEpisode ?? 12;
	const perShow = options.episodesPerShow ?? 50;

	const shows: SyntheticCorpus['shows'] = [];
	const episodes: SyntheticCorpus['episodes'] = [];
	const segments: SyntheticSegment[] = [];
	for (let id = 0; id < options.segments; id++) {
		const episodeIndex = Math.floor(id / perEpisode);
		const position = id % perEpisode;
		if (position === 0) {
			const showIndex = Math.floor(episodeIndex / perShow);
			if (episodeIndex % perShow === 0) {
				const title = `The ${capitalise(contentWord())} ${capitalise(contentWord())} Show`;
				shows.push({ index: showIndex, title, slug: `show-${showIndex}`, host: `${capitalise(contentWord())} ${capitalise(contentWord())}` });
			}
			episodes.push({
				index: episodeIndex,
				showIndex,
				title: `${capitalise(contentWord())} and ${contentWord()} ${contentWord()}`,
				slug: `episode-${episodeIndex}`,
				guest: `${capitalise(contentWord())} ${capitalise(contentWord())}`,
				durationSeconds: perEpisode * 240
			});
		}
		const length = 40 + Math.floor(random() * 81); // 40-120 words
		const words: string[] = [];
		for (let w = 0; w < length; w++) words.push(word());
		segments.push({
			id,
			showIndex: Math.floor(episodeIndex / perShow),
			episodeIndex,
			position,
			startSeconds: position * 240,
			endSeconds: (position + 1) * 240,
			title: `${capitalise(contentWord())} ${contentWord()} ${contentWord()}`,
			summary: `${capitalise(contentWord())} ${word()} ${contentWord()} ${word()} ${contentWord()}.`,
			text: words.join(' ')
		});
	}
	return { vocabulary, shows, episodes, segments };
}

export type QueryKind = 'keywords' | 'question' | 'typo' | 'prefix';

export interface BenchQuery {
	kind: QueryKind;
	q: string;
	/** The segment this query was written from, which should rank high. */
	targetId: number;
}

/** A one-letter edit (substitute, delete, transpose or insert) in the middle of a word: a realistic typo. */
export function misspell(wordText: string, random: () => number): string {
	const letters = 'abcdefghijklmnopqrstuvwxyz';
	const i = 1 + Math.floor(random() * (wordText.length - 2));
	const letter = letters[Math.floor(random() * letters.length)]!;
	switch (Math.floor(random() * 4)) {
		case 0:
			return wordText.slice(0, i) + (letter === wordText[i] ? 'x' : letter) + wordText.slice(i + 1);
		case 1:
			return wordText.slice(0, i) + wordText.slice(i + 1);
		case 2:
			return i + 1 < wordText.length ? wordText.slice(0, i) + wordText[i + 1] + wordText[i] + wordText.slice(i + 2) : wordText + letter;
		default:
			return wordText.slice(0, i) + letter + wordText.slice(i);
	}
}

/**
 * The fixed query mix: 30% keywords, 20% long questions, 30% typos, 20% as-you-type prefixes. Each query takes the
 * rarer words of one segment, the way a listener remembers the distinctive part of what was said.
 */
export function generateQueries(corpus: SyntheticCorpus, count = 1000, seed = 7): BenchQuery[] {
	const random = createRandom(seed);
	const rank = new Map(corpus.vocabulary.map((w, i) => [w, i]));
	const queries: BenchQuery[] = [];
	const kinds: [QueryKind, number][] = [['keywords', 0.3], ['question', 0.2], ['typo', 0.3], ['prefix', 0.2]];
	for (const [kind, share] of kinds) {
		const n = Math.round(count * share);
		for (let i = 0; i < n; i++) {
			const segment = corpus.segments[Math.floor(random() * corpus.segments.length)]!;
			// Distinctive words: the segment's rarest, skipping the function words nobody searches for.
			const distinctive = [...new Set(segment.text.split(' '))]
				.filter((w) => (rank.get(w) ?? 0) >= FUNCTION_WORDS.length + TOPIC_WORDS.length && w.length >= 4)
				.sort((a, b) => rank.get(b)! - rank.get(a)!)
				.slice(0, 6);
			if (distinctive.length < 3) {
				i--;
				continue;
			}
			// Three different distinctive words, in a random order.
			const shuffled = distinctive.map((w) => [random(), w] as const).sort((x, y) => x[0] - y[0]).map(([, w]) => w);
			const [a, b, c] = [shuffled[0]!, shuffled[1]!, shuffled[2]!];
			let q: string;
			if (kind === 'keywords') q = `${a} ${b}`;
			else if (kind === 'question') q = `how do you deal with ${a} when the ${b} keeps getting in the way of ${c}?`;
			else if (kind === 'typo') q = `${misspell(a, random)} ${b.length >= 5 && random() < 0.5 ? misspell(b, random) : b}`;
			else q = `${a} ${b.slice(0, Math.max(3, Math.ceil(b.length / 2)))}`;
			queries.push({ kind, q, targetId: segment.id });
		}
	}
	return queries;
}
