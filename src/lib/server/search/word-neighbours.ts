/**
 * A query word's neighbours in meaning: the everyday English words whose vectors, under the sentence encoder, are
 * near the word's own ("factories" → "manufacturing", "safeguards" → "protections", "household" → "family",
 * "chores" → "housework"). hybrid.ts uses them for a query word the index has never seen: a segment that says none of
 * its neighbours does not speak of it ("baby", "toddler", "foam", "garmin" beside running talk), however close the
 * rest of the query is.
 *
 * The candidates are the lower-case whole words of the encoder package's own vocabulary (word-rarity.ts, about 4,300),
 * encoded once when the encoder is ready (a few seconds of the encoder thread, in the background; 9 MB of vectors), so a
 * query pays one word's encoding and one pass over them (about 2 million multiply-adds), only for a word the index
 * has never seen, and each word once (cached); a word of the vocabulary itself is not encoded again (vectorOf).
 * Single-word vectors of USE Lite are noisy (unrelated words reach 0.5-0.65), which is why a neighbour is only asked
 * of words nothing here says, and why the cosine that counts was calibrated (bench:quality) rather than guessed.
 */
import type { SentenceEncoder } from '../embeddings';
import { queryTerm } from './terms';
import { wholeWordPieces } from './word-rarity';

/** Words at least this near a query word (cosine of their single-word vectors) are its neighbours: calibrated on bench:quality's even half. */
export const NEIGHBOUR_MIN_COSINE = 0.55;
/** Words whose neighbours are remembered. */
const CACHE_SIZE = 5000;
/**
 * Vocabulary words encoded per call while the table is built: the encoder thread takes queries between its chunks,
 * and a stopping process waits for at most one call (a request in flight keeps it alive).
 */
const BUILD_BATCH = 64;

export class WordNeighbours {
	readonly #words: string[];
	/** Each word's vector, one after the other. */
	readonly #vectors: Float32Array;
	readonly #dimensions: number;
	readonly #cache = new Map<string, ReadonlySet<string>>();
	/** Each word's place in #words. */
	readonly #at: Map<string, number>;

	private constructor(words: string[], vectors: Float32Array, dimensions: number) {
		this.#words = words;
		this.#vectors = vectors;
		this.#dimensions = dimensions;
		this.#at = new Map(words.map((w, i) => [w, i]));
	}

	/**
	 * A vocabulary word's own vector, as the table encoded it (undefined for any other word): an unseen query word
	 * that is an everyday word ("baby", "foam") needs no encoding of its own.
	 */
	vectorOf(word: string): Float32Array | undefined {
		const at = this.#at.get(word);
		return at === undefined ? undefined : this.#vectors.subarray(at * this.#dimensions, (at + 1) * this.#dimensions);
	}

	/** Encodes the vocabulary's whole words with `encoder`, a batch at a time; rejects once `signal` aborts (shutdown). */
	static async build(encoder: SentenceEncoder, signal?: AbortSignal): Promise<WordNeighbours> {
		// Lower-case pieces only, as calibrated: a capitalised piece ("Kid", "Baby") is a spelling at the start of a
		// sentence or of a name, and folding it in widened the neighbours enough to let a near miss back (bench:quality).
		const words = wholeWordPieces().filter((w) => w === w.toLowerCase());
		const vectors = new Float32Array(words.length * encoder.dimensions);
		for (let at = 0; at < words.length; at += BUILD_BATCH) {
			signal?.throwIfAborted();
			const encoded = await encoder.encode(words.slice(at, at + BUILD_BATCH));
			encoded.forEach((v, k) => vectors.set(v, (at + k) * encoder.dimensions));
		}
		return new WordNeighbours(words, vectors, encoder.dimensions);
	}

	/**
	 * The vocabulary words (lower case, as normalizeWord gives them) at least NEIGHBOUR_MIN_COSINE near `word`, whose
	 * own single-word vector is `vector`. Words as they are, not stems: a stem widens a noisy neighbour further
	 * ("raise", near "toddler" as in raising a child, would match "raised" a heart rate).
	 */
	near(word: string, vector: Float32Array): ReadonlySet<string> {
		let near = this.#cache.get(word);
		if (near) return near;
		const found = new Set<string>();
		// Held in locals: a private field read in the inner loop made this pass several times slower.
		const d = this.#dimensions;
		const words = this.#words;
		const vectors = this.#vectors;
		for (let i = 0; i < words.length; i++) {
			let sum = 0;
			for (let k = 0, at = i * d; k < d; k++) sum += vectors[at + k]! * vector[k]!;
			if (sum < NEIGHBOUR_MIN_COSINE || words[i] === word) continue;
			if (queryTerm(words[i]!) !== null) found.add(words[i]!); // stop words speak of nothing
		}
		near = found;
		if (this.#cache.size >= CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value!);
		this.#cache.set(word, near);
		return near;
	}
}
