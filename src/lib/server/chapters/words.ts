/**
 * Words as the segmenter and the titler count them: lower-cased, English ones stemmed, function words and the filler
 * of speech dropped. Other languages keep their words unstemmed, with only the shortest ones dropped.
 */
import { stemmer } from 'stemmer';

/** True when the language tag is English or unknown (the English stop list and stemmer apply). */
export function isEnglish(language: string | null | undefined): boolean {
	return !language || /^en\b/i.test(language);
}

/** The content words of a text as stems (English) or lower-cased words (other languages). */
export function contentStems(text: string, english: boolean): string[] {
	const out: string[] = [];
	for (const word of text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu) ?? []) {
		const bare = word.replace(/['’]s$/, '');
		if (english) {
			if (bare.length < 3 || /['’]/.test(bare) || STOPWORDS.has(bare) || /^\d+$/.test(bare)) continue;
			out.push(stemmer(bare));
		} else if (bare.length >= 4) out.push(bare);
	}
	return out;
}

/** Is this lower-cased word a function word or filler (English)? */
export function isStopword(word: string): boolean {
	return STOPWORDS.has(word.toLowerCase());
}

const STOPWORDS = new Set(
	(
		'a about above actually after again against all almost also although always am an and another any anybody anyone anything ' +
		'anyway are around as at away back basically be because been before being below between both but by can cannot could ' +
		'did didn do does doesn doing don done down during each either else enough even ever every everybody everyone everything ' +
		'exactly few for from further get gets getting go goes going gone gonna good got gotta guess guy guys had has hasn have ' +
		'haven having he her here hers herself him himself his honestly how however i if in into is isn it its itself just ' +
		'kind kinda know knew let like likely literally little lot lots made make makes making many may maybe me mean means ' +
		'might mine more most much must my myself need never no nobody nope not nothing now of off oh okay ok on once one ones ' +
		'only or other others our ours ourselves out over own pretty probably put quite rather really right said same saw say ' +
		'saying says see seem seems seen she should so some somebody someone something sometimes somewhat sort still stuff ' +
		'such sure take than thank thanks that the their theirs them themselves then there these they thing things think ' +
		'thinking this those though thought through to too totally uh um under until up upon us very want wanna was way we ' +
		'well went were what whatever when where whether which while who whom whose why will with within without would ' +
		'yeah yep yes yet you your yours yourself yourselves hmm mhm ah like wow huh cool awesome true okay alright ' +
		'today time times year years week weeks day days lot bit point talk talking talked tell told feel felt look looking ' +
		'looks want wanted try trying tried use used using come comes came give gave keep kept call called start started ' +
		'blah dude stop actually definitely obviously absolutely especially certainly super pretty great better best big new old ' +
		'first second last next real reason part thing question questions answer episode show today'
	).split(' ')
);
