/**
 * A spoken question made readable on its own, or refused. Wording: the question's own clause is kept (a leading
 * "so, um, Kevin," or a statement before it goes), fillers and stutters are dropped, the first letter is capitalised
 * and it ends with one "?". Refused: anything that needs the conversation to be understood ("what about that?",
 * "how is it going?"), tag and rhetorical questions ("right?", "you know what I mean?"), hand-offs ("should we talk
 * about X?"), and questions without a subject of their own (a noun that is not "thing" or "stuff").
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { AUXILIARIES, contentStems, FILLER, GENERIC_NOUNS, stem, WH_WORDS, wordsOf } from './words';

/** Fewer words than this is chit-chat ("Why not?"); more is a ramble no page title survives. */
const MIN_WORDS = 4;
const MAX_WORDS = 28;
/** Content words a question needs (besides its opening words): "How do you handle X?" has two. */
const MIN_CONTENT_WORDS = 2;

/** Discourse markers a question is often opened with; taken off the front, again and again. */
const LEADING_MARKER =
	/^(?:so|and|but|okay|ok|well|now|alright|all right|right|yeah|yes|oh|like|i mean|you know|anyway|anyways|hey|listen|look|actually|then|and so|but then|so then|because|cause|'cause|first of all|also|um+|uh+|hmm+|i guess|i wonder|i'm curious|i am curious|i'm wondering|i was wondering|i want to know|i'd love to know|let me ask you|let me ask|can i ask you|my question is|the question is|quick question|question for you|here's a question|tell me|sorry)\b[\s,:;.-]*/i;

/** A clause the question may be cut at: after a comma, a dash, a colon or a semicolon. */
const CLAUSE_BREAK = /[,;:—–]\s+|\s+-\s+/g;

const CLAUSE_BREAK_INSIDE = /[,;:—–]\s+|\s+-\s+/;
/** A clause before the question that the question needs ("if you were starting today, what would you do?"). */
const SUBORDINATE_OPENING = /^(?:if|when|whenever|for|as|given|since|with|in|once|after|before|while|assuming|say|suppose|outside of|besides|other than|compared to|for someone|for people|for a|for an)\b/i;

/** Ways of asking that depend on the talk around them, or are not asking for an answer. */
const REFUSED_OPENINGS = [
	/^(?:what|how) about\b/i, // "what about the other one?"
	/^what if\b/i, // hypotheticals, mostly rhetorical
	/^(?:can|could|may|shall) (?:i|we)\b/i, // "can I ask you something?"
	/^(?:should|do|would) (?:i|we) (?:move|go|talk|get|jump|start|take|continue|wrap|switch|check|look|bring|read|want|wanna|do)\b/i, // "should we move on?"
	/^(?:do|did|would) you (?:guys )?(?:want|wanna|remember|see|hear|know|mind|like)\b/i, // "do you remember when ...?"
	/^(?:have|had) you (?:guys )?(?:seen|heard)\b/i,
	/^(?:are|is) (?:you|we|they|he|she) (?:there|here|ready|serious|kidding|sure|okay|ok|good|back|done)\b/i,
	/^(?:is|isn't|was|wasn't|are|aren't) (?:that|this|it) (?:right|true|so|it|cool|fair|crazy|weird|funny|wild)\b/i,
	/^(?:does|did) (?:that|this|it) make sense\b/i,
	/^what(?: do| did)? you (?:mean|say|said)\b/i,
	/^(?:how are you|how's it going|what's up|how have you been|who knows|why not|what else|you know what)\b/i,
	/^(?:what|who|which) (?:is|was|are|were) (?:it|that|this|those|these|they)\b\??$/i,
	/^why don'?t (?:we|i|you)\b/i, // suggestions: "why don't we jump into our first topic?"
	/^(?:don't|doesn't|isn't|aren't|wasn't|weren't|wouldn't|won't|can't|couldn't|shouldn't|didn't|haven't|hasn't|ain't)\b/i, // "isn't it obvious?": asking for agreement
	/^(?:did|do|am|was|have|had) i\b/i, // "did I say voice chat?"
	/^(?:did|were|was) (?:you|we)\b/i, // "did you watch the video?": about the moment, not the subject
	/^(?:what|why|who) (?:do|did|would|should) i (?:know|care)\b/i,
	/^[\p{L}']+,/u, // "What, three or four?": a word thrown in, not a question
	/^(?:is|are|was|were|do|does|did) (?:what|how|why|where|when|who)\b/i, // two starts run together
	/^who (?:really |even )?cares\b/i,
	/^who (?:isn't|doesn't|wouldn't|hasn't|didn't|don't|hasn't)\b/i, // "who isn't ...?": everyone is
	/\bwhat if\b/i,
	/\b(?:did|was|am|have|had) i\b/i, // "what did I title the video?": the speaker's own doings
	/^(?:can|could) you (?:imagine|believe)\b/i, // "can you imagine ...?": an exclamation
	/^(?:do |did )?you mean\b/i, // asking what the other meant
	/\b(?:something|anything) similar\b(?! to\b)|\bthe same thing\b/i // "could something similar happen?": similar to what was just said
];
/** Words that tie a question to this recording ("who is the sponsor today?", "should we go to our next topic?"). */
const DEICTIC = /\b(?:today|tonight|right now|this episode|this show|this podcast|this stream|next topic|first topic|sponsors?|merch messages?|super ?chats?)\b/i;
/** Reported speech: someone else's question retold ("and he was like, can we meet?"). */
const REPORTED = /\b(?:(?:was|were|is|are|i'm|you're|he's|she's|they're|we're|i was|be|being)(?: just)? like,|(?:said|says|asked|asks|goes|went)[,:])\s/i;
/** Tag endings that turn a statement into a "question" ("..., right?", "..., you know?"). */
const TAG_ENDING = /(?:^|[,\s])(?:right|you know|you know what i mean|know what i mean|isn't it|aren't they|don't you think|wouldn't you say|correct|yeah|no|huh|eh|ok|okay|innit|am i right|does that make sense|is that fair|true|or what|or something|or anything|or whatever)\s*\?$/i;
/** Asked of someone about themselves in the moment: the answer is no knowledge a reader came for. */
const SMALL_TALK = /\b(?:can't i hear|can you hear|can't hear|how are you|what is up|what's up|what's going on|how's your (?:day|week|weekend)|good weekend|can you hear me|are you there|you still there|see my screen|am i muted|hear me okay)\b/i;

let nlp: ReturnType<typeof winkNLP> | null = null;
function englishNlp() {
	nlp ??= winkNLP(model);
	return nlp;
}

/** The question's wording for a page, or null when it is not a question a reader understands on its own. */
export function normaliseQuestion(spoken: string, speakers: readonly string[] = []): string | null {
	const clause = questionClause(tidy(spoken));
	if (!clause) return null;
	let text = stripTrailingVocative(clause, speakers);
	text = text.replace(/[\s,;:.!?…-]+$/u, '');
	text = text.charAt(0).toUpperCase() + text.slice(1) + '?';
	return isSelfContained(text) ? text : null;
}

/** Fillers, stutters ("the the", "I- I") and spacing out; the words themselves are the speaker's. */
function tidy(spoken: string): string {
	const text = spoken
		.replace(/\s+/g, ' ')
		.replace(/\b(\w{1,5})[,]?\s+(?:uh+|um+|er)[,]?\s+(?=\1\w)/gi, '') // "pod, uh, podcasts"
		.replace(FILLER, ' ')
		.replace(/,\s*(?:you know|i mean|like)\s*,/gi, ',')
		.replace(/\b(\w+)-\s+(?=\1)/gi, '') // "I- I think"
		.replace(/\s+([,.?!])/g, '$1')
		.replace(/([.?!]),+/g, '$1')
		.replace(/,{2,}/g, ',')
		.replace(/\s{2,}/g, ' ')
		.replace(/^[\s,.-]+/, '')
		.trim();
	return withoutRepeats(text);
}

/** A run of one to three words said twice or more in a row is said once: "are you, are you, are you Spotify" -> "are you Spotify". */
function withoutRepeats(text: string): string {
	const words = text.split(' ');
	const bare = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');
	for (let size = 3; size >= 1; size--) {
		for (let i = 0; i + 2 * size <= words.length; ) {
			const same = words.slice(i, i + size).every((w, k) => bare(w) !== '' && bare(w) === bare(words[i + size + k]!));
			const keep = size === 1 && /^(?:had|that)$/i.test(bare(words[i]!));
			if (same && !keep) words.splice(i, size);
			else i++;
		}
	}
	return words.join(' ');
}

/**
 * The part of a sentence that is the question: it must end with "?"; what comes before its opening word goes when it
 * is only markers, a name or a statement, and stays when the question needs it (an "if ..." or "for ..." clause).
 */
function questionClause(sentence: string): string | null {
	if (!/\?["'”’)]*$/.test(sentence)) return null;
	const body = sentence.replace(/["'”’)]+$/, '');
	// Only the last sentence of a cue that holds several ("That's true. Why did you ...?").
	const last = body.split(/(?<=[.!?])\s+(?=\S)/).filter((s) => /\S/.test(s)).at(-1) ?? body;
	const starts = [0, ...[...last.matchAll(CLAUSE_BREAK)].map((m) => m.index! + m[0].length)];
	for (const start of starts) {
		const opening = stripMarkers(last.slice(0, start));
		const rest = stripMarkers(last.slice(start));
		if (!opensQuestion(rest)) continue;
		// The clause just before the question, when it is its condition ("Tommy asks, if you quit, what would you ...?").
		const condition = stripMarkers(opening.replace(/[,;:\s]+$/, '').split(CLAUSE_BREAK_INSIDE).at(-1) ?? '');
		const isCondition = SUBORDINATE_OPENING.test(condition) && !/^if (?:ever|so|not|other than|anything|possible|any)\b/i.test(condition);
		if (start > 0 && isCondition && wordsOf(condition).length >= 3 && wordsOf(condition).length <= 15 && wordsOf(rest).length >= 3) {
			return condition.charAt(0).toUpperCase() + condition.slice(1) + ', ' + restartRepair(rest);
		}
		return restartRepair(rest);
	}
	return null;
}

/** Markers and a leading name off the front ("So, um, Kevin, how ..."). */
function stripMarkers(text: string): string {
	let out = text.trim();
	for (let i = 0; i < 8; i++) {
		const next = out.replace(LEADING_MARKER, '').replace(/^\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?,\s+/u, '').trim();
		if (next === out) break;
		out = next;
	}
	return out;
}

/** Whether a clause opens the way questions do: an interrogative, or an auxiliary before its subject. */
function opensQuestion(clause: string): boolean {
	const [first, second = ''] = wordsOf(clause);
	if (!first) return false;
	if (AUXILIARIES.has(first)) return true;
	if (!WH_WORDS.has(first)) return false;
	// "When you're travelling, ..." and "where the heck" open statements or exclamations: a question inverts ("when is").
	if (/^(?:when|where|why)$/.test(first)) return AUXILIARIES.has(second) || /^(?:am|'s|'re)$/.test(second);
	if (first === 'how') return !SUBJECT_WORDS.has(second);
	return true;
}

/** Words that start a subject: after "how" they make a statement ("how you do it"), not a question ("how do you"). */
const SUBJECT_WORDS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it', 'the', 'a', 'an', 'my', 'your', 'our', 'their', 'his', 'her', 'this', 'that', 'these', 'those', 'there']);

/** A restarted question keeps its second start: "what's what are the ..." -> "what are the ...". */
function restartRepair(clause: string): string {
	const words = clause.split(' ');
	const bare = (w: string | undefined) => (w ?? '').toLowerCase().replace(/[^a-z']/g, '');
	if (WH_WORDS.has(bare(words[0])) && WH_WORDS.has(bare(words[1]))) return words.slice(1).join(' ');
	// "What do you think is the most, what do you think is most exciting ...": the question started again.
	const opening = words.slice(0, 3).map(bare).join(' ');
	for (let k = 3; k + 3 <= words.length; k++) {
		if (/,$/.test(words[k - 1]!) && words.slice(k, k + 3).map(bare).join(' ') === opening) return words.slice(k).join(' ');
	}
	// "What ha, what else ...", "What do you think, how should ...": a false start ends at a comma within four words.
	for (let k = 1; k <= 4 && k < words.length; k++) {
		if (/,$/.test(words[k - 1]!) && (WH_WORDS.has(bare(words[k])) || AUXILIARIES.has(bare(words[k])))) return words.slice(k).join(' ');
	}
	return clause;
}

/** "..., Kevin?" -> "...?" when Kevin is one of the speakers (a name to whom it is asked is not part of the question). */
function stripTrailingVocative(text: string, speakers: readonly string[]): string {
	const tail = text.match(/,\s*([\p{L}][\p{L}' -]{0,30}?)\s*\?*$/u);
	if (!tail) return text;
	const name = tail[1]!.toLowerCase();
	const known = speakers.some((s) => s.toLowerCase() === name || s.toLowerCase().split(/\s+/)[0] === name);
	const addressed = /^(?:guys|you guys|everyone|everybody|folks|man|dude|buddy)$/.test(name);
	const named = /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?$/u.test(tail[1]!.trim());
	const tag = /^(?:do you think|you think|would you say|in your opinion|in your experience|in general|though|then|now|exactly|short answer|in short|quickly|briefly|in a nutshell|honestly|really|anyway|generally|basically)$/.test(name);
	return known || named || addressed || tag ? text.slice(0, tail.index) : text;
}

/** Whether a normalised question stands on its own: length, content, no loose pronouns, no tag or small talk. */
export function isSelfContained(question: string): boolean {
	const words = wordsOf(question);
	if (words.length < MIN_WORDS || words.length > MAX_WORDS) return false;
	if (!opensQuestion(question) && !SUBORDINATE_OPENING.test(question)) return false;
	// Three commas before the question is half-way: "can you like, I know there's, what ...".
	if ((question.match(/,/g) ?? []).length >= 3) return false;
	if (REFUSED_OPENINGS.some((re) => re.test(question)) || TAG_ENDING.test(question) || SMALL_TALK.test(question)) return false;
	if (DEICTIC.test(question) || REPORTED.test(question)) return false;
	return hasOwnSubject(question, contentStems(question).length);
}

const LOOSE_PRONOUNS = new Set(['it', 'that', 'this', 'these', 'those', 'they', 'them', 'their', 'theirs', 'he', 'him', 'his', 'she', 'her', 'hers']);
const DEMONSTRATIVES = new Set(['that', 'this', 'these', 'those']);
const TIME_WORDS = new Set(['year', 'years', 'week', 'weeks', 'month', 'months', 'days', 'season', 'weekend', 'morning', 'summer', 'winter', 'spring', 'fall', 'autumn', 'decade', 'century']);
/** After "it", words that make it a placeholder for what follows ("is it worth ...", "does it take ... to"). */
const PLACEHOLDER_IT_NEXT = new Set(['worth', 'possible', 'like', 'take', 'takes', 'took', 'mean', 'matter', 'okay', 'ok', 'better', 'best', 'easier', 'harder', 'important', 'true', 'fair', 'safe', 'legal', 'normal', 'common', 'realistic', 'necessary']);

/**
 * With the tagger: the question names a subject (a noun or name that is not generic, and three content words or a name), and every pronoun that points
 * outside the question ("it", "that", "they" ...) is either a determiner ("this phone"), a relative ("the tool that"),
 * a placeholder ("is it worth ... to"), or has a noun before it in the question to point at.
 */
function hasOwnSubject(question: string, contentWords: number): boolean {
	const nlp = englishNlp();
	const its = nlp.its;
	const tokens = nlp.readDoc(question).tokens();
	const values = (tokens.out(its.normal) as string[]).map((v) => v.replace(/[’]/g, "'"));
	const pos = tokens.out(its.pos) as string[];
	// "Will look the same in six months?": an auxiliary that asks is followed by its subject, not a verb.
	if (pos[0] === 'AUX' && (pos[1] === 'VERB' || pos[1] === 'AUX')) return false;
	const isNoun = (i: number) => (pos[i] === 'NOUN' || pos[i] === 'PROPN') && !GENERIC_NOUNS.has(values[i]!);
	if (!values.some((_, i) => isNoun(i))) return false;
	// Two content words are enough with a name in them ("What is Onyx LED?"); "what is the default configuration?" needs more.
	if (contentWords < MIN_CONTENT_WORDS || (contentWords === MIN_CONTENT_WORDS && !pos.includes('PROPN'))) return false;
	for (let i = 0; i < values.length; i++) {
		const word = values[i]!;
		if (!LOOSE_PRONOUNS.has(word)) continue;
		const next = pos[i + 1];
		const previous = pos[i - 1];
		if (DEMONSTRATIVES.has(word)) {
			// "the tool that you use", "do you think that Apple ...": a relative or a conjunction, not a pointer.
			if (word === 'that' && previous === 'AUX') return false; // "is that the one?"
			if (word === 'that' && pos[i] === 'PRON' && (previous === 'NOUN' || previous === 'PROPN')) continue;
			if (word === 'that' && pos[i] === 'SCONJ' && ['PRON', 'PROPN', 'NOUN', 'DET', 'ADJ', 'NUM'].includes(next ?? '')) continue;
			// "these days", "this year" point at the calendar; "this phone", "those two things" point back at the talk.
			if (TIME_WORDS.has(values[i + 1] ?? '')) continue;
			return false;
		}
		if (word === 'it') {
			const placeholder = (PLACEHOLDER_IT_NEXT.has(values[i + 1] ?? '') || next === 'ADJ') && values.slice(i + 2).some((w) => ['to', 'if', 'whether', 'when', 'for'].includes(w));
			if (placeholder) continue;
			return false;
		}
		// he/she: fine after a person's name in the question; they/them/their: after a noun or name.
		const person = word === 'he' || word === 'him' || word === 'his' || word === 'she' || word === 'her' || word === 'hers';
		if (!values.slice(0, i).some((_, j) => (person ? pos[j] === 'PROPN' : isNoun(j)))) return false;
	}
	// "What does a GTX 1060 memory bandwidth?": a "do" that asks needs a verb after it.
	const doAt = values.findIndex((w, i) => ['do', 'does', 'did'].includes(w) && pos[i] === 'AUX');
	if (doAt >= 0 && doAt <= 2 && !pos.slice(doAt + 1).some((p) => p === 'VERB' || p === 'AUX')) return false;
	return true;
}

const nounsByText = new Map<string, string[]>();
/** Questions whose nouns are remembered: a job compares each mined question with every stored one. */
const NOUN_CACHE_SIZE = 20_000;

/** The stems of the nouns and names a question is about (generic ones left out): what two wordings must share. */
export function subjectNouns(question: string): string[] {
	let nouns = nounsByText.get(question);
	if (!nouns) {
		if (nounsByText.size >= NOUN_CACHE_SIZE) nounsByText.clear();
		nouns = readSubjectNouns(question);
		nounsByText.set(question, nouns);
	}
	return nouns;
}

function readSubjectNouns(question: string): string[] {
	const nlp = englishNlp();
	const tokens = nlp.readDoc(question).tokens();
	const values = tokens.out(nlp.its.normal) as string[];
	const pos = tokens.out(nlp.its.pos) as string[];
	return [...new Set(values.filter((w, i) => (pos[i] === 'NOUN' || pos[i] === 'PROPN') && !GENERIC_NOUNS.has(w) && /\p{L}/u.test(w)).map(stem))];
}
