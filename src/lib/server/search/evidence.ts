/**
 * Lexical evidence that a segment answers a query: the share of the query's weight that the segment's words cover
 * within one passage. Each query term weighs by how rare it is in the index (idf), a term the index has never seen
 * weighing most: it is what the query is about, and nothing here says it. A passage is EVIDENCE_WINDOW words of the
 * transcript, together with what the segment is called (its title and summary, its episode's and show's titles, its
 * people): query words scattered through ten minutes of talk ("better", "rate", "two", "years", "five" in a tech
 * show, for a question about mortgages) are not an answer; the same words in one breath, or in a title, are.
 *
 * hybrid.ts weighs this beside the best passage's cosine to decide whether a segment is shown at all.
 */
import { plannerOf, withoutCommonTerms } from './query-plan';
import type { SearchIndex } from './search-index';
import { indexTerms, initialsFilter, normalizeWord, queryTerm, queryWords, synonymWords, tokenize } from './terms';
import { wordLogProbability } from './word-rarity';

/** Words in a passage: about two spoken sentences (calibrated with bench:quality beside 50 and 100). */
export const EVIDENCE_WINDOW = 25;
/**
 * Words either side of the run of sentences a hit's link starts at (reading on into the segments before and after it)
 * within which a hit under FLOOR.unseenNearCosine (hybrid.ts) must say a specific neighbour of each query word the
 * index never saw: about thirty seconds of speech. Calibrated with bench/answer-window-rules.ts (60 to 100 tie).
 */
export const UNSEEN_NEAR_WORDS = 75;
/**
 * A neighbour counts there only when it is at most this common in English (word-rarity.ts log-probability): a
 * specific word such as "customers" or "construction", not "way", "up" or "lot", which the encoder puts near any word
 * it does not know. Calibrated with bench/answer-window-rules.ts (-7.25 to -8.25 tie).
 */
export const SPECIFIC_NEIGHBOUR_LOG_PROBABILITY = -7.75;

interface WeightedTerm {
	term: string;
	prefix: boolean;
	fuzzy: number | false;
	weight: number;
}

/** Levenshtein distance, at most `max` + 1 (enough to tell whether a typo expansion reached a word). */
function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[b.length]!;
}

/** A query's words the index has never seen, whose neighbours in meaning are worked out as they are asked for (semantic.ts). */
export interface UnseenWords {
	/** The words, the rarest in English first (the likeliest to rule a hit out). */
	readonly words: readonly string[];
	/** A word's neighbours in meaning when its vector is at hand (remembered, or a vocabulary word's), else undefined. */
	neighboursOf(word: string): ReadonlySet<string> | undefined;
	/** Encodes the word, after which neighboursOf answers for it. */
	encode(word: string): Promise<void>;
}

/** The evidence of one query, segment by segment (each worked out once, when asked for). */
export class QueryEvidence {
	readonly #index: SearchIndex;
	readonly #terms: WeightedTerm[];
	readonly #total: number;
	/** Index term -> the query term it matched for (exactly, as a completion, as a typo), or null. */
	readonly #owners = new Map<string, WeightedTerm | null>();
	readonly #bySegment = new Map<number, number>();
	/**
	 * 0 to 1: the share of the query's words the index has never seen, even as a typo or a completion ("kubernetes",
	 * "duolingo"). A question about something nothing here mentions is mostly such words; the floor asks more of a
	 * hit for them (hybrid.ts), since no passage can say what the query is about.
	 */
	readonly unknownShare: number;
	/**
	 * The English log-probability (word-rarity.ts) of the rarest query word the index has never seen, even as a typo or
	 * a completion, leaving out words with digits ("2am", "2000s": no vocabulary knows how rare a number is); 0 when
	 * there is none. A rare one ("creatine", "cholesterol") names what the query is about, and nothing here says it.
	 */
	readonly rarestUnsaid: number;
	/**
	 * Names typed as names: runs of two or more capitalised words that are not stop words ("Giant Bomb", "New York
	 * Times"), each as a pattern that finds its words one after the other in any case, with spaces or punctuation
	 * between. A segment that does not say one (titles included) is not about it, whatever else it shares with the
	 * query ("giant" and "bomb" apart, "new" and "times" apart).
	 */
	readonly names: RegExp[];
	readonly #saysNames = new Map<number, boolean>();
	/** The unseen words and their neighbours in meaning (word-neighbours.ts); null until the query's vector brings them. */
	#unseen: UnseenWords | null = null;
	readonly #addresses = new Map<number, boolean>();
	/** The text of the run of sentences a segment's link would start at (hybrid.ts locateAnswer), or null. */
	#locate: ((segmentId: number) => string | null) | null = null;
	readonly #addressesNear = new Map<number, boolean>();
	readonly #specific = new Map<string, boolean>();
	/**
	 * For a query of one word whose stem the index holds (not a typo, not a half-typed word): its forms, and the
	 * pattern that finds one in a segment as typed (a word it starts, or it in the other number: "cards" / "card",
	 * "injuries" / "injury"), or as a word of its synonym group (vocabulary.ts: "coffee" / "caffeine"), not only as
	 * another word of its stem ("weddings" and "wed", "dating" and "date", "boxing" and "box", "camping" and "camp" in
	 * "Bandcamp"). Null for other queries.
	 */
	readonly #typedWord: { forms: string[]; pattern: RegExp } | null;
	readonly #saysTyped = new Map<number, boolean>();

	constructor(index: SearchIndex, query: string) {
		this.#index = index;
		this.names = namesIn(query);
		const full = plannerOf(index).plan(query);
		const unknown = full.terms.filter((t) => t.postings === 0);
		this.unknownShare = full.terms.length ? unknown.length / full.terms.length : 0;
		// An unknown word is planned as typed (query-plan.ts), so its term is the word itself, not its stem.
		this.rarestUnsaid = Math.min(0, ...unknown.filter((t) => !/\d/.test(t.term)).map((t) => wordLogProbability(t.term)));
		const plan = withoutCommonTerms(full);
		const documents = index.terms.documents;
		const seen = new Set<string>();
		this.#terms = plan.terms.flatMap((t) => {
			if (seen.has(t.term)) return [];
			seen.add(t.term);
			return [{ term: t.term, prefix: t.prefix, fuzzy: t.fuzzy, weight: Math.log(1 + documents / (t.postings + 1)) }];
		});
		this.#total = this.#terms.reduce((sum, t) => sum + t.weight, 0);
		const words = queryWords(query);
		const [only] = plan.terms;
		// Only for a word searched by its own stem, which the index holds: a typo ("nintndo") or a half-typed word is
		// searched through its corrections and completions, as before.
		this.#typedWord =
			words.length === 1 && only !== undefined && only.fuzzy === false && only.exactPostings > 0 ? typedForms(words[0]!.typed, synonymWords(words[0]!.term)) : null;
	}

	#owner(indexTerm: string): WeightedTerm | null {
		let owner = this.#owners.get(indexTerm);
		if (owner === undefined) {
			owner =
				this.#terms.find((t) => t.term === indexTerm) ??
				this.#terms.find((t) => t.prefix && indexTerm.startsWith(t.term)) ??
				this.#terms.find((t) => t.fuzzy !== false && editDistance(t.term, indexTerm, t.fuzzy) <= t.fuzzy) ??
				null;
			this.#owners.set(indexTerm, owner);
		}
		return owner;
	}

	/**
	 * Whether the segment says a one-word query's word as typed (#typedWord) in a field it is found by (its text and
	 * titles, its episode's and show's titles, its people's names); true for other queries (hybrid.ts asks it of hits
	 * under FLOOR.typedWordCosine). A tech show's end-of-life dates do not answer "dating", nor its boxes "boxing".
	 */
	saysTypedWord(segmentId: number): boolean {
		const typed = this.#typedWord;
		if (typed === null) return true;
		let says = this.#saysTyped.get(segmentId);
		if (says === undefined) {
			// A plain search for the forms first (most texts that do not say one are ruled out without the pattern).
			const saysIn = (text: string) => {
				const plain = withoutAccents(text).toLowerCase();
				return typed.forms.some((form) => plain.includes(form)) && typed.pattern.test(plain);
			};
			// Every field the segment is found by: a show or episode named by the word is about it ("hostile" and the
			// "Hostile Show").
			says = this.#index.segmentTexts(segmentId).some(saysIn);
			this.#saysTyped.set(segmentId, says);
		}
		return says;
	}

	/**
	 * Whether a hit that matched these index terms matched one uncommon here, when the query has a word the index never
	 * saw (true when it has none): a term whose postings (document fields) are at most `share` of the documents indexed
	 * (hybrid.ts FLOOR.unseenMatchShare). A hit that matched only words everything here says ("walk", "new", "rate")
	 * shares nothing specific with the question.
	 */
	saysUncommonWord(terms: Iterable<string>, share: number): boolean {
		// A share of Infinity asks nothing, also of a hit that matched no word (found by meaning alone).
		if (this.#unseen === null || share === Infinity) return true;
		const most = share * this.#index.terms.documents;
		for (const term of terms) if (this.#index.terms.postings(term) <= most) return true;
		return false;
	}

	/** Whether the segment says every name of the query (names), each word after the other, in its text or titles. */
	saysNames(segmentId: number): boolean {
		if (this.names.length === 0) return true;
		let says = this.#saysNames.get(segmentId);
		if (says === undefined) {
			const segment = this.#index.segments.get(segmentId);
			const episode = segment && this.#index.episodes.get(segment.episodeId);
			const show = episode && this.#index.shows.get(episode.podcastId);
			// Each text on its own (a name is not said across the end of one title and the start of the next), read by
			// one regular expression per name rather than word by word: up to FLOOR_EXAMINED transcripts per query.
			const texts = segment ? [segment.title, segment.summary ?? '', episode?.title ?? '', show?.title ?? '', segment.text ?? ''] : [];
			says = this.names.every((name) => texts.some((text) => name.test(text)));
			this.#saysNames.set(segmentId, says);
		}
		return says;
	}

	/**
	 * Hands over the unseen words' neighbours, all known (hybrid.ts, from the query's vector), and where a segment's
	 * answer is said (`locate`: the text of its run of sentences nearest the query); until then addressesUnseen and
	 * addressesUnseenNear are true.
	 */
	useNeighbours(neighbours: ReadonlyMap<string, ReadonlySet<string>> | undefined, locate?: (segmentId: number) => string | null): void {
		this.#locate ??= locate ?? null;
		if (neighbours && neighbours.size > 0) this.useUnseen({ words: [...neighbours.keys()], neighboursOf: (word) => neighbours.get(word), encode: async () => {} });
	}

	/** Whether `word` is specific enough to speak of an unseen word: no more common in English than SPECIFIC_NEIGHBOUR_LOG_PROBABILITY. */
	#isSpecific(word: string): boolean {
		let specific = this.#specific.get(word);
		if (specific === undefined) {
			specific = wordLogProbability(word) <= SPECIFIC_NEIGHBOUR_LOG_PROBABILITY;
			this.#specific.set(word, specific);
		}
		return specific;
	}

	/** A segment's words as addressesUnseen reads them: what it is called, then what is said. */
	#wordsOf(segmentId: number): string[] {
		const segment = this.#index.segments.get(segmentId);
		return segment ? tokenize(`${segment.title} ${segment.summary ?? ''} ${segment.text ?? ''}`).map(normalizeWord) : [];
	}

	/**
	 * Whether the segment speaks of every word of the query the index has never seen where its answer is said: a
	 * specific neighbour of each (#isSpecific) within UNSEEN_NEAR_WORDS words of the run of sentences its link starts
	 * at, reading on into the episode's segments before and after it; the whole segment when it has no sentence
	 * vectors or the run is not found in its words. A tech show that says "broker" and "fees" minutes away from where
	 * a hit's sentences talk of setting up a plan does not speak of an LLC; an answer says "construction" beside where
	 * it answers a question about "factories". Like addressesUnseen, true for now while a word's neighbours still
	 * need encoding (addressesUnseen, asked first, has then asked for them).
	 */
	addressesUnseenNear(segmentId: number): boolean {
		const unseen = this.#unseen;
		if (unseen === null) return true;
		const known = this.#addressesNear.get(segmentId);
		if (known !== undefined) return known;
		const neighbours = unseen.words.map((word) => unseen.neighboursOf(word));
		if (neighbours.some((near) => near === undefined)) return true;
		const near = this.#answerWindow(segmentId);
		const addresses = neighbours.every((words) => [...words!].some((w) => near.has(w) && this.#isSpecific(w)));
		this.#addressesNear.set(segmentId, addresses);
		return addresses;
	}

	/** The words within UNSEEN_NEAR_WORDS of the run of sentences the segment's link starts at, into the segments either side. */
	#answerWindow(segmentId: number): Set<string> {
		const words = this.#wordsOf(segmentId);
		let from = 0;
		let to = words.length;
		const said = tokenize(this.#locate?.(segmentId) ?? '').map(normalizeWord);
		if (said.length) {
			for (let i = 0; i + said.length <= words.length; i++) {
				if (said.every((w, k) => words[i + k] === w)) {
					from = i - UNSEEN_NEAR_WORDS;
					to = i + said.length + UNSEEN_NEAR_WORDS;
					break;
				}
			}
		}
		const window = words.slice(Math.max(0, from), Math.min(words.length, to));
		// Past the segment's edges, the episode's segments before and after it, as far as the window reaches.
		const segment = this.#index.segments.get(segmentId);
		const order = segment ? (this.#index.segmentsByEpisode.get(segment.episodeId) ?? []) : [];
		const at = order.indexOf(segmentId);
		for (let k = at - 1, missing = -from; k >= 0 && missing > 0; k--) {
			const before = this.#wordsOf(order[k]!);
			window.push(...before.slice(Math.max(0, before.length - missing)));
			missing -= before.length;
		}
		for (let k = at + 1, missing = to - words.length; at >= 0 && k < order.length && missing > 0; k++) {
			const after = this.#wordsOf(order[k]!);
			window.push(...after.slice(0, missing));
			missing -= after.length;
		}
		return new Set(window);
	}

	/** Hands over the unseen words, whose neighbours may need encoding first (fuseHitsSettled); until then addressesUnseen is true. */
	useUnseen(unseen: UnseenWords | undefined): void {
		if (unseen && unseen.words.length > 0 && this.#unseen === null) this.#unseen = unseen;
	}

	/**
	 * The unseen word addressesUnseen last needed the neighbours of and could not have without encoding it (it then
	 * answered true for now, and fuseHitsSettled encodes the word and weighs the hits again), or null.
	 */
	neighboursWanted: string | null = null;

	/**
	 * Whether the segment speaks of every word of the query the index has never seen: it says one of that word's
	 * neighbours in meaning ("manufacturing" for "factories"), in its text, title or summary. A segment that says none
	 * ("baby" beside running talk of sleep and nights) is not about what the query asks. True when the query has no
	 * such word, or before its neighbours are known. Words are weighed in the order given (the rarest first): a word
	 * the segment does not speak of settles it, so a word that must be encoded is asked for (neighboursWanted) only
	 * when every word at hand is spoken of.
	 */
	addressesUnseen(segmentId: number): boolean {
		const unseen = this.#unseen;
		if (unseen === null) return true;
		const known = this.#addresses.get(segmentId);
		if (known !== undefined) return known;
		let said: Set<string> | null = null;
		let wanted: string | null = null;
		for (const word of unseen.words) {
			const near = unseen.neighboursOf(word);
			if (near === undefined) {
				wanted ??= word;
				continue;
			}
			said ??= new Set(this.#wordsOf(segmentId));
			let spoken = false;
			for (const n of near) if (said.has(n)) {
				spoken = true;
				break;
			}
			if (!spoken) {
				this.#addresses.set(segmentId, false);
				return false;
			}
		}
		if (wanted !== null) {
			this.neighboursWanted = wanted;
			return true;
		}
		this.#addresses.set(segmentId, true);
		return true;
	}

	/** The query term a word stands for in a document that matched `matched` (its index terms, `mayMatch` their initialsFilter), or null. */
	#termOf(word: string, matched: ReadonlySet<string>, mayMatch: (word: string) => boolean): WeightedTerm | null {
		if (!mayMatch(word)) return null;
		for (const term of indexTerms(word) ?? []) {
			if (matched.has(term)) {
				const owner = this.#owner(term);
				if (owner) return owner;
			}
		}
		return null;
	}

	/** 0 to 1: the share of the query's weight a short text covers (a question's phrasing), all of it one passage. */
	ofText(text: string, matched: ReadonlySet<string>): number {
		if (this.#total === 0) return 0;
		const covered = new Set<WeightedTerm>();
		const mayMatch = initialsFilter(matched);
		for (const word of tokenize(text)) {
			const term = this.#termOf(word, matched, mayMatch);
			if (term) covered.add(term);
		}
		return Math.min(1, [...covered].reduce((sum, t) => sum + t.weight, 0) / this.#total);
	}

	/**
	 * 0 to 1: the largest share of the query's weight one passage of the segment covers (with what the segment is
	 * called). `matched` are the index terms the segment matched (a lexical hit's terms); none: 0.
	 */
	of(segmentId: number, matched: ReadonlySet<string>): number {
		let evidence = this.#bySegment.get(segmentId);
		if (evidence === undefined) {
			evidence = this.#best(segmentId, matched, Infinity) / (this.#total || 1);
			evidence = Math.min(1, evidence);
			this.#bySegment.set(segmentId, evidence);
		}
		return evidence;
	}

	/**
	 * Whether `of(segmentId, matched)` is at least `share`, reading the transcript only when it must: a segment's
	 * fields hold every term it matched, so the query terms its matched terms stand for bound its evidence, and when
	 * they are a single term the bound is the evidence. A common word matches thousands of segments (each transcript
	 * thousands of words); most are settled here without reading one.
	 */
	reaches(segmentId: number, matched: ReadonlySet<string>, share: number): boolean {
		if (share <= 0) return true;
		const known = this.#bySegment.get(segmentId);
		if (known !== undefined) return known >= share;
		if (this.#total === 0 || !this.#index.segments.has(segmentId)) return false;
		const owners = new Set<WeightedTerm>();
		for (const term of matched) {
			const owner = this.#owner(term);
			if (owner) owners.add(owner);
		}
		let bound = 0;
		for (const owner of owners) bound += owner.weight;
		if (bound / this.#total < share) return false;
		if (owners.size === 1) return true;
		return this.#best(segmentId, matched, share * this.#total) / this.#total >= share;
	}

	/** The most query weight one passage of the segment covers, or the first amount found at or past `enough`. */
	#best(segmentId: number, matched: ReadonlySet<string>, enough: number): number {
		const segment = this.#index.segments.get(segmentId);
		if (!segment || matched.size === 0 || this.#total === 0) return 0;
		const episode = this.#index.episodes.get(segment.episodeId);
		const show = episode && this.#index.shows.get(episode.podcastId);
		const people = episode?.people.map((p) => this.#index.people.get(p.personId)?.name ?? '') ?? [];
		const headline = [segment.title, segment.summary ?? '', episode?.title ?? '', show?.title ?? '', ...people].join(' ');
		const counts = new Map<WeightedTerm, number>();
		let covered = 0;
		const add = (term: WeightedTerm | null, by: number) => {
			if (!term) return;
			const count = (counts.get(term) ?? 0) + by;
			counts.set(term, count);
			if (count === 1 && by === 1) covered += term.weight;
			else if (count === 0) covered -= term.weight;
		};
		const mayMatch = initialsFilter(matched);
		for (const word of tokenize(headline)) {
			const term = this.#termOf(word, matched, mayMatch);
			if (term && !counts.has(term)) add(term, 1); // once: the headline never leaves the window
		}
		let best = covered;
		if (best >= enough) return best;
		const words = tokenize(segment.text ?? '');
		const window: (WeightedTerm | null)[] = [];
		for (let i = 0; i < words.length; i++) {
			window.push(this.#termOf(words[i]!, matched, mayMatch)); // word by word: a segment that clears early is not read on
			add(window[i]!, 1);
			if (i >= EVIDENCE_WINDOW) add(window[i - EVIDENCE_WINDOW]!, -1);
			if (covered > best) {
				best = covered;
				if (best >= enough) return best;
			}
		}
		return best;
	}
}

/**
 * A typed word's forms, and the pattern that finds one in lower-case text: the word, a word it starts ("box" in
 * "boxes"), the word in the other number ("cards" finds "card", "injuries" "injury", "injury" "injuries", "boxes"
 * "box"), or one of `synonyms`, with no letter or digit either side. The typed word is normalised (terms.ts
 * normalizeWord: lower case, no accents), and so is the text it is tried on.
 */
function typedForms(typed: string, synonyms: readonly string[]): { forms: string[]; pattern: RegExp } {
	const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const others = [...new Set([typed.replace(/ies$/, 'y'), typed.replace(/y$/, 'ies'), typed.replace(/es$/, ''), typed.replace(/s$/, ''), ...synonyms])].filter((w) => w !== typed && w.length > 0);
	const alternatives = [`${escape(typed)}[\\p{L}\\p{N}]*`, ...others.map(escape)];
	return { forms: [typed, ...others], pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u') };
}

/** Text without accents, as normalizeWord reads words (plain ASCII, most transcripts, is left as it is). */
const withoutAccents = (text: string) => (/[^\x00-\x7f]/.test(text) ? text.normalize('NFKD').replace(/\p{M}/gu, '') : text);

/** The query's words the index has never seen, even as a typo or a completion, as typed (the semantic engine finds their neighbours). */
export function unseenWords(index: SearchIndex, query: string): string[] {
	return [...new Set(plannerOf(index).plan(query).terms.filter((t) => t.postings === 0).map((t) => t.term))];
}

/** The runs of two or more capitalised words in a query that are not stop words, as patterns (a stop word or a lower-case word ends a run). */
function namesIn(query: string): RegExp[] {
	const names: RegExp[] = [];
	const words = tokenize(query);
	// Capitals single out a name beside lower-case words, or when the name is the whole query ("Giant Bomb"); a query
	// typed in capitals throughout ("BEST RUNNING SHOES") or in Title Case with small words ("How To Stop Snoring",
	// "Is Creatine Safe") names nothing by its capitals.
	if (!/\p{Ll}/u.test(query)) return names;
	if (!words.some((w) => /^\p{Ll}/u.test(w)) && words.some((w) => queryTerm(w) === null)) return names;
	let run: string[] = [];
	for (const word of [...words, '']) {
		if (/^\p{Lu}/u.test(word) && queryTerm(word) !== null) {
			run.push(word.replace(/['’]s$/u, '').replace(/[^\p{L}\p{N}]+/gu, '[^\\p{L}\\p{N}]*'));
			continue;
		}
		if (run.length >= 2) names.push(new RegExp(`(?<![\\p{L}\\p{N}])${run.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu'));
		run = [];
	}
	return names;
}
