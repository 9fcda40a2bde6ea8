/**
 * Near-duplicate questions: the same question asked in two episodes (or twice in one) in other words. Two wordings
 * are one question when their sentence vectors are close AND they are about the same nouns: vectors alone join
 * "Which microphone should a beginner buy?" with "Which headphones should a beginner buy?" (cosine 0.90); words
 * alone miss reworded ones. The threshold was measured on paraphrase and near-miss pairs (docs/mining.md).
 */
import { cosine, type SentenceEncoder } from '../embeddings';
import { subjectNouns } from './question-text';

/** Cosine at or above which two questions may be the same (with the lexical check). */
export const NEAR_DUPLICATE_COSINE = 0.85;

/**
 * Whether two wordings are about the same things: every noun or name of the one with fewer is in the other (a word
 * and its longer form, "podcast" and "podcaster", count as one). "Will AMD ever catch Nvidia?" and "Will Intel ever
 * catch AMD?" are close by meaning but not about the same things.
 */
export function lexicallyClose(a: string, b: string): boolean {
	const [x, y] = [subjectNouns(a), subjectNouns(b)].sort((p, q) => p.length - q.length) as [string[], string[]];
	if (!x.length) return false;
	const same = (p: string, q: string) => p === q || (Math.min(p.length, q.length) >= 4 && (p.startsWith(q) || q.startsWith(p)));
	return x.every((p) => y.some((q) => same(p, q)));
}

/** Whether two questions (with their unit vectors) are the same question. */
export function isNearDuplicate(a: { text: string; vector: Float32Array }, b: { text: string; vector: Float32Array }): boolean {
	return cosine(a.vector, b.vector) >= NEAR_DUPLICATE_COSINE && lexicallyClose(a.text, b.text);
}

/** The first of `candidates` that is the same question as `question`, or null. */
export function findNearDuplicate<T extends { text: string; vector: Float32Array }>(question: { text: string; vector: Float32Array }, candidates: readonly T[]): T | null {
	let best: T | null = null;
	let bestScore = -1;
	for (const candidate of candidates) {
		if (!isNearDuplicate(question, candidate)) continue;
		const score = cosine(question.vector, candidate.vector);
		if (score > bestScore) [best, bestScore] = [candidate, score];
	}
	return best;
}

/**
 * Groups questions that are near-duplicates of each other, in order: each group's first item is the earliest of its
 * wordings, and every other item is a near-duplicate of it. Items are encoded once with `encoder`.
 */
export async function mergeNearDuplicates<T extends { text: string }>(items: readonly T[], encoder: SentenceEncoder): Promise<T[][]> {
	const vectors = await encoder.encode(items.map((q) => q.text));
	const groups: { head: { text: string; vector: Float32Array }; members: T[] }[] = [];
	items.forEach((item, i) => {
		const me = { text: item.text, vector: vectors[i]! };
		const group = findNearDuplicate(me, groups.map((g) => ({ ...g.head, g })));
		if (group) group.g.members.push(item);
		else groups.push({ head: me, members: [item] });
	});
	return groups.map((g) => g.members);
}
