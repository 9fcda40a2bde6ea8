/**
 * Word lists the miner judges questions with: English function words (which carry no subject), spoken fillers and
 * the words a question opens with. Kept here rather than borrowed from the chapters wing: a question's "content" is
 * judged more strictly than a chapter's (generic nouns such as "thing" or "stuff" name no subject).
 */

const STOPWORDS = new Set(
	(
		'a an the and or but if then so as of at by for with about against between into through during before after above below to from up down in out on off over under ' +
		'again further once here there when where why how all any both each few more most other some such no nor not only own same than too very can will just ' +
		'should would could might must shall may do does did doing done have has had having be is am are was were been being get got gets getting go goes going gone went ' +
		'i me my myself we us our ours you your yours yourself yourselves he him his she her hers it its itself they them their theirs what which who whom whose this that these those ' +
		"i'm you're we're they're it's that's what's there's here's who's how's where's let's i've you've we've they've i'd you'd we'd they'd i'll you'll we'll they'll " +
		"don't doesn't didn't isn't aren't wasn't weren't can't couldn't won't wouldn't shouldn't haven't hasn't hadn't " +
		'yeah yes no okay ok oh um uh like just really actually basically literally kind sort gonna wanna gotta also even still well now right think know mean say said ' +
		'want make made take thing things stuff way lot bit something anything everything nothing someone anyone everyone one ones guy guys people time times much many'
	).split(' ')
);

/** Nouns too general to name what a question is about ("what's the thing?", "how do you do that stuff?"). */
export const GENERIC_NOUNS = new Set(
	'thing things stuff way ways lot lots bit kind sort guy guys people person time times one ones something anything everything nothing question questions point idea ideas part deal story case fact situation reason answer difference problem issue plan news update number name term word reaction thoughts opinion take feeling feelings today tonight day week moment minute second'.split(
		' '
	)
);

/** Sounds and words that fill a pause and carry nothing: dropped wherever they stand. */
export const FILLER = /,?\s*\b(?:um+|uh+|uhm+|erm+|er|hmm+|mm+|ah+)\b,?/gi;

/** Words a question opens with: interrogatives and the auxiliaries that invert in yes/no questions. */
export const WH_WORDS = new Set(['what', "what's", 'whats', 'why', 'how', "how's", 'when', 'where', "where's", 'which', 'who', "who's", 'whom', 'whose']);
export const AUXILIARIES = new Set([
	'do', 'does', 'did', 'is', 'are', 'was', 'were', 'can', 'could', 'would', 'should', 'will', 'have', 'has', 'had', 'shall', 'may', 'might',
	"don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "can't", "couldn't", "wouldn't", "shouldn't", "won't", "haven't", "hasn't"
]);

/** Whether a word (lower-case) names nothing on its own. */
export function isStopword(word: string): boolean {
	return STOPWORDS.has(word.replace(/[’]/g, "'"));
}

/** The words of a text in lower case, apostrophes kept ("what's"), punctuation dropped. */
export function wordsOf(text: string): string[] {
	return text
		.toLowerCase()
		.replace(/[’]/g, "'")
		.split(/[^\p{L}\p{N}']+/u)
		.map((w) => w.replace(/^'+|'+$/g, ''))
		.filter(Boolean);
}

/** A crude stem (plural and verb endings off), enough to see that "podcasts" and "podcasting" share a subject. */
export function stem(word: string): string {
	if (word.length <= 4) return word;
	return word.replace(/(?:ies)$/, 'y').replace(/(?:ing|ed|es|s)$/, '') || word;
}

/** The stems of a text's content words (no function words, fillers or numbers alone). */
export function contentStems(text: string): string[] {
	return wordsOf(text)
		.filter((w) => w.length > 1 && !isStopword(w) && !/^\d+$/.test(w))
		.map(stem);
}

/** Share of a text's words that are English function words: high for English, low for most other languages. */
export function englishShare(text: string): number {
	const words = wordsOf(text);
	if (!words.length) return 0;
	return words.filter((w) => STOPWORDS.has(w)).length / words.length;
}
