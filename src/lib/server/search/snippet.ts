/**
 * Snippets with the query's words marked. Built safely: every piece of the text is HTML-escaped first and only then
 * wrapped in <mark>, so neither the content nor the query can inject markup. The output is the only HTML search
 * produces, and the only kind a page may render with {@html}.
 */
import { SNIPPET_WORDS } from './config';
import { indexTerms, initialsFilter } from './terms';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A text's words: where each starts and ends, and whether it matched (parallel arrays, not an object per word). */
interface Words {
	start: number[];
	end: number[];
	matched: boolean[];
}

function isMatch(word: string, terms: ReadonlySet<string>): boolean {
	const indexed = indexTerms(word);
	if (indexed) for (const term of indexed) if (terms.has(term)) return true;
	return false;
}

function scanWords(text: string, terms: ReadonlySet<string>): Words {
	const words: Words = { start: [], end: [], matched: [] };
	const mayMatch = initialsFilter(terms);
	for (const m of text.matchAll(WORD)) {
		words.start.push(m.index);
		words.end.push(m.index + m[0].length);
		words.matched.push(terms.size > 0 && mayMatch(m[0]) && isMatch(m[0], terms));
	}
	return words;
}

/** The start of the `size`-word window holding the most matches (the earliest on a tie). */
function bestWindow({ matched }: Words, size: number): number {
	if (matched.length <= size) return 0;
	let count = 0;
	for (let i = 0; i < size; i++) if (matched[i]) count++;
	let best = count;
	let bestStart = 0;
	for (let start = 1; start + size <= matched.length; start++) {
		if (matched[start - 1]) count--;
		if (matched[start + size - 1]) count++;
		if (count > best) {
			best = count;
			bestStart = start;
		}
	}
	// Start a couple of words before the first match, so the marked word has some context.
	const first = matched.indexOf(true, bestStart);
	return first > bestStart + 2 ? Math.min(first - 2, matched.length - size) : bestStart;
}

/**
 * An HTML snippet of about `size` words of `text` around the densest matches of `terms` (index terms, as
 * minisearch reports them in a result's `match`), with each matching word in <mark>.
 */
export function buildSnippet(rawText: string, terms: ReadonlySet<string>, size = SNIPPET_WORDS): string {
	const text = rawText.trim();
	const words = scanWords(text, terms);
	const count = words.start.length;
	if (count === 0) return escapeHtml(text);
	const from = bestWindow(words, size);
	const to = Math.min(count, from + size);
	let html = from > 0 ? '… ' : '';
	let at = from === 0 ? 0 : words.start[from]!;
	for (let i = from; i < to; i++) {
		html += escapeHtml(text.slice(at, words.start[i]));
		const escaped = escapeHtml(text.slice(words.start[i], words.end[i]));
		html += words.matched[i] ? `<mark>${escaped}</mark>` : escaped;
		at = words.end[i]!;
	}
	// Keep the punctuation that closes the last word ("run." / "run?"), then an ellipsis if the text goes on.
	const tail = /^[^\p{L}\p{N}\s]*/u.exec(text.slice(at))![0];
	html += escapeHtml(tail);
	if (to < count) html += ' …';
	return html;
}

/**
 * A plain-text excerpt: the sentence of `text` with the most distinct matching terms (and the next one when it is
 * short), for automatic question links. Plain text, so it is stored as data and escaped wherever it is shown.
 */
export function bestSentence(text: string, terms: ReadonlySet<string>, maxWords = 45): string {
	const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== '');
	if (sentences.length === 0) return '';
	let bestIndex = 0;
	let bestCount = -1;
	sentences.forEach((sentence, i) => {
		const found = new Set<string>();
		for (const m of sentence.matchAll(WORD)) for (const t of indexTerms(m[0]) ?? []) if (terms.has(t)) found.add(t);
		if (found.size > bestCount) {
			bestCount = found.size;
			bestIndex = i;
		}
	});
	let excerpt = sentences[bestIndex]!;
	const next = sentences[bestIndex + 1];
	if (next && excerpt.split(/\s+/).length < 12) excerpt += ` ${next}`;
	const words = excerpt.split(/\s+/);
	return words.length > maxWords ? `${words.slice(0, maxWords).join(' ')} …` : excerpt;
}
