/**
 * Is a title a bare list of keywords ("Apache, Airflow and Astronomer", "Pydantic Models Fields") rather than words a
 * person would write? The rule is the one the chapters bench scores titles by; the titler uses it to avoid such titles.
 */

const LIST_BREAKERS = new Set(
	(
		'a an the this that these those my your his her its our their some any no every each all both of to in on at by for ' +
		'with from into onto over under about after before between through during without within against among via per vs ' +
		'versus and or but nor so yet if than as is are was were be been being am do does did done has have had having will ' +
		'would can could shall should may might must i you he she it we they me him us them who what which whose where when ' +
		'why how not got made said went took came saw knew gave became'
	)
		.split(' ')
		.concat(
			('get make say go take come see know think want need use let give keep find look become announce launch release sue ' +
				'buy sell kill drop raise ban cut hit win lose add show leave return face fix break open close start end stop')
				.split(' ')
				.flatMap((verb) => [verb, verb + 's', verb + 'es', verb + 'd', verb + 'ed'])
		)
);

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
const isAllCapitals = (word: string) => /\p{L}/u.test(word) && word === word.toUpperCase();
const isNumber = (word: string) => /^\p{N}/u.test(word);

/** True when the title is a bare keyword list by the bench's rule (a trailing full stop is ignored). */
export function isKeywordListTitle(title: string): boolean {
	const words = title.trim().replace(/\.$/, '').split(/\s+/).filter(Boolean);
	return isJoinedList(words) || isCapitalisedRun(words);
}

/** "X and Y", "X, Y and Z" (Oxford comma allowed), or two to four single words separated by commas only. */
function isJoinedList(words: string[]): boolean {
	const bare = (w: string) => /^[^\s,]+$/.test(w) && !/^and$/i.test(w);
	const and = (w: string | undefined) => w !== undefined && /^and$/i.test(w);
	if (words.length === 3 && bare(words[0]!) && and(words[1]) && bare(words[2]!)) return true;
	if (words.length === 4 && /^[^,]+,$/.test(words[0]!) && (bare(words[1]!) || /^[^,]+,$/.test(words[1]!)) && and(words[2]) && bare(words[3]!)) {
		return bare(words[0]!.slice(0, -1)) && bare(words[1]!.replace(/,$/, ''));
	}
	if (words.length >= 2 && words.length <= 4) {
		const head = words.slice(0, -1);
		return head.every((w) => /^[^,]+,$/.test(w) && bare(w.slice(0, -1))) && bare(words.at(-1)!);
	}
	return false;
}

/** Two to four capitalised words (or capitals or numbers), at least two of them words, with nothing joining them. */
function isCapitalisedRun(words: string[]): boolean {
	if (words.length < 2 || words.length > 4) return false;
	if (!words.every((w) => isCapitalised(w) || isAllCapitals(w) || isNumber(w))) return false;
	if (words.filter((w) => /^\p{L}/u.test(w)).length < 2) return false;
	// Punctuation between words ("Sponsor: Squarespace", "Apple, Masimo") makes it a phrase.
	for (let i = 0; i < words.length; i++) {
		if (i > 0 && !/^[\p{L}\p{N}]/u.test(words[i]!)) return false;
		if (i < words.length - 1 && !/[\p{L}\p{N}]$/u.test(words[i]!)) return false;
	}
	if (words.some((w) => LIST_BREAKERS.has(w.toLowerCase().replace(/[^\p{L}\p{N}'’-]/gu, '')))) return false;
	if (words.some((w) => /^\p{L}{4,}ed$/u.test(w.replace(/[^\p{L}]/gu, '')) && w.replace(/[^\p{L}]/gu, '').length >= 6 && !isAllCapitals(w))) {
		return false;
	}
	return true;
}
