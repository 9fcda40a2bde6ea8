/**
 * How text becomes index terms: tokenize, fold case and accents, drop stop words, stem (the `stemmer` package,
 * Porter), then map synonyms to one term. The index also keeps each word's own form beside its stem, so a
 * half-typed word ("marath", "runni") still prefix-matches the words that start with it.
 */
import { stemmer } from 'stemmer';
import { STOP_WORDS, SYNONYM_GROUPS } from './vocabulary';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const stopWords = new Set(STOP_WORDS);

/** Lower case, accents folded ("Tomás" -> "tomas"), apostrophes and a possessive 's removed ("runner's" -> "runner"). */
export function normalizeWord(word: string): string {
	return word
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/['’]s$/, '')
		// Apostrophes, and whatever compatibility decomposition brings in besides letters and digits: U+FDFA becomes
		// four words with spaces, which would split one term into several (a 500 once).
		.replace(/[^\p{L}\p{N}]/gu, '');
}

/** Splits text into its words, in order. Hyphenated words split ("walk-run" -> "walk", "run"). */
export function tokenize(text: string): string[] {
	return text.match(WORD) ?? [];
}

// stem -> the stem of its group's first word, built once.
const canonicalStems = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
	const canonical = stemmer(normalizeWord(group[0]!));
	for (const word of group) canonicalStems.set(stemmer(normalizeWord(word)), canonical);
}

/** The term a word is searched by: its stem, or its synonym group's stem; null for stop words and single letters. */
export function queryTerm(word: string): string | null {
	const normalized = normalizeWord(word);
	if (normalized.length < 2 && !/\d/.test(normalized)) return null;
	if (stopWords.has(normalized)) return null;
	const stem = stemmer(normalized);
	return canonicalStems.get(stem) ?? stem;
}

/**
 * Words whose index terms are remembered. Speech repeats a few thousand words endlessly (Zipf), so a build tokenizes
 * millions of words but stems only each distinct one: about a third of the build time on 100k segments.
 */
const INDEX_TERMS_CACHE_SIZE = 200_000;
const indexTermsCache = new Map<string, string[] | null>();

/**
 * The terms a word is indexed under: its search term, plus its own form when that differs (for prefix matching).
 * The array is shared between calls (and frozen): read it, do not change it.
 */
export function indexTerms(word: string): string[] | null {
	let terms = indexTermsCache.get(word);
	if (terms === undefined) {
		const term = queryTerm(word);
		const normalized = term === null ? null : normalizeWord(word);
		terms = term === null ? null : (Object.freeze(normalized === term ? [term] : [term, normalized!]) as string[]);
		if (indexTermsCache.size >= INDEX_TERMS_CACHE_SIZE) indexTermsCache.clear();
		indexTermsCache.set(word, terms);
	}
	return terms;
}

/** The distinct search terms of a text, in order of first appearance. */
export function queryTerms(text: string): string[] {
	const terms: string[] = [];
	for (const word of tokenize(text)) {
		const term = queryTerm(word);
		if (term !== null && !terms.includes(term)) terms.push(term);
	}
	return terms;
}
