/**
 * English words, to tell a misspelling ("slep", "injred", "hydratoin") from a word spelt right that the index simply
 * does not hold ("mining", "leash", "bicycle"): only the first may be taken for a word one or two letters away.
 * The list is the `an-array-of-english-words` package (MIT, ~275k words, lower-case a-z, sorted, British and
 * American spellings). It is kept as the package's own text plus each word's offset (about 4.5 MB, instead of
 * some 20 MB as a Set of strings), read on first use: a server that never sees an unknown word never loads it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface WordList {
	text: string;
	/** Where each word starts in `text` (after its opening quote); it ends at the next quote. */
	starts: Int32Array;
}

let list: WordList | null = null;

function load(): WordList {
	const file = createRequire(import.meta.url).resolve('an-array-of-english-words');
	const text = readFileSync(file, 'latin1');
	if (!text.startsWith('["')) throw new Error(`english words: ${file} is not the JSON array of words it should be`);
	let count = 0;
	for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) count++;
	const starts = new Int32Array(count >> 1);
	let i = 0;
	for (let at = text.indexOf('"'); at !== -1 && i < starts.length; at = text.indexOf('"', text.indexOf('"', at + 1) + 1)) starts[i++] = at + 1;
	return { text, starts };
}

/** Whether a word (lower case, as normalizeWord gives it) is an English word. */
export function isEnglishWord(word: string): boolean {
	if (!/^[a-z]+$/.test(word)) return false;
	list ??= load();
	const { text, starts } = list;
	let low = 0;
	let high = starts.length - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		const start = starts[mid]!;
		const candidate = text.slice(start, text.indexOf('"', start));
		if (candidate === word) return true;
		if (candidate < word) low = mid + 1;
		else high = mid - 1;
	}
	return false;
}
