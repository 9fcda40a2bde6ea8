/**
 * What the rest of the site knows of a sentence encoder: text in, unit-length vectors out, and a model name that is
 * stored beside every vector so that a change of model is noticed and everything is encoded again. The one
 * implementation today is the Universal Sentence Encoder Lite (use-lite.ts); a better encoder is one new module.
 */
export interface SentenceEncoder {
	/** Names the model and its version, e.g. "use-lite-512@1": vectors made under another name are stale. */
	readonly model: string;
	readonly dimensions: number;
	/** One unit-length vector per text, in order. Texts are encoded in batches; an empty list gives an empty list. */
	encode(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Cosine similarity of two unit-length vectors (their dot product). */
export function cosine(a: Float32Array, b: Float32Array): number {
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
	return sum;
}

/** The vector scaled to unit length (a zero vector stays zero). */
export function normalize(vector: ArrayLike<number>): Float32Array {
	const out = Float32Array.from(vector);
	let norm = 0;
	for (let i = 0; i < out.length; i++) norm += out[i]! * out[i]!;
	norm = Math.sqrt(norm);
	if (norm > 0) for (let i = 0; i < out.length; i++) out[i]! /= norm;
	return out;
}
