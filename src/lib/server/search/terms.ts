/**
 * How text becomes index terms: tokenize, fold case and accents, drop stop words, stem (the `stemmer` package,
 * Porter), then map synonyms to one term. The index also keeps each word's own form beside its stem, so a
 * half-typed word ("marath", "runni") still prefix-matches the words that start with it, and a misspelt word is
 * compared with words as they were said ("runing" is one letter from "running"), not with stems (the stem of
 * "mining" is "mine", one letter from "mind", "mile" and "fine").
 */
import { stemmer } from 'stemmer';
import { FUZZY_MAX_EDITS, FUZZY_MIN_LENGTH, FUZZY_TWO_EDITS_MIN_LENGTH } from './config';
import { isEnglishWord } from './dictionary';
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

// stem -> the stem of its group's first word, built once; and a group's stem -> the letters its words start with.
const canonicalStems = new Map<string, string>();
const groupInitials = new Map<string, string[]>();
const groupWords = new Map<string, readonly string[]>();
for (const group of SYNONYM_GROUPS) {
	const canonical = stemmer(normalizeWord(group[0]!));
	for (const word of group) canonicalStems.set(stemmer(normalizeWord(word)), canonical);
	groupInitials.set(canonical, [...new Set(group.map((word) => normalizeWord(word)[0]!))]);
	groupWords.set(canonical, group.map((word) => normalizeWord(word)));
}

/** The words of a term's synonym group (vocabulary.ts), normalised; none for a term of no group. */
export function synonymWords(term: string): readonly string[] {
	return groupWords.get(term) ?? [];
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

/**
 * A quick test that rules out most words of a text that cannot have one of `terms` (index terms) among their
 * indexTerms, without working out those terms: a word's own form and its stem start with its first letter (the
 * stemmer changes endings only), and a synonym's with one of its group's first letters. A word that starts
 * outside ASCII always passes (folding could change its first letter); a word that passes may still not match.
 */
export function initialsFilter(terms: Iterable<string>): (word: string) => boolean {
	const allowed = new Uint8Array(128);
	for (const term of terms) {
		for (const initial of [term[0] ?? '', ...(groupInitials.get(term) ?? [])]) {
			const code = initial.charCodeAt(0);
			if (code < 128) allowed[code] = 1;
		}
	}
	return (word) => {
		const code = word.charCodeAt(0);
		if (code >= 128) return true;
		return allowed[code >= 65 && code <= 90 ? code + 32 : code] === 1;
	};
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

/** A query word: the term it is searched by, and its own form (normalized, not stemmed) for typo and prefix matching. */
export interface QueryWord {
	term: string;
	typed: string;
}

/** The query's words that count (stop words and single letters left out), in order, duplicates kept. */
export function queryWords(text: string): QueryWord[] {
	return tokenize(text).flatMap((word) => {
		const term = queryTerm(word);
		return term === null ? [] : [{ term, typed: normalizeWord(word) }];
	});
}

/**
 * How many edits (insertions, deletions, substitutions) a word as typed may be from the word it is taken for: none
 * when it is an English word (spelt right, it means itself: "mining" is not "mind", "leash" not "least"), else
 * scaled to its length, since one edit in "slep" is a quarter of the word and in "sympptoms" a ninth.
 */
export function typoEdits(typed: string): number {
	if (typed.length < FUZZY_MIN_LENGTH || isEnglishWord(typed)) return 0;
	return Math.min(FUZZY_MAX_EDITS, typed.length >= FUZZY_TWO_EDITS_MIN_LENGTH ? 2 : 1);
}
