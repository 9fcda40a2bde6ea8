/**
 * What a sentence says about where it sits in the show: phrases hosts use to open a topic, hand over to a sponsor,
 * welcome listeners or sign off, and questions that open a topic. English phrases only; for other languages these
 * signals are simply absent and the segmenter leans on cohesion, pauses and turns.
 */

const TOPIC_OPENERS = [
	/\b(our|the) next (question|topic|story|segment|item|thing)\b/i,
	/\blet'?s (talk about|move on|get into|jump into|dive into|go to|head to|switch|start with|kick off)\b/i,
	/\bmoving on\b/i,
	/\bmove on to\b/i,
	/\btopic (number|#|no\.?)\s*\w+/i,
	/\b(first|next|last|final) (up|topic|story|question)\b/i,
	/\bswitching gears\b/i,
	/\bon to (the )?(next|our)\b/i,
	/\b(in )?other news\b/i,
	/\bspeaking of\b/i,
	/\b(next|first|last|final|main|big) topic\b/i,
	/\bshould we (talk about|move on|get into|do)\b/i,
	/\b(do you )?want to talk about\b/i,
	/\bjump (right )?in(to)?\b/i,
	/\bwelcome back\b/i,
	/\bour (first|second|third|last|final) (question|topic|story)\b/i,
	/\bwhy don'?t we (talk about|move on|get into|jump|dive|go to|do (some|a few|a couple))\b/i,
	/\b(we|you) should (probably )?(talk about|move on|get into|jump into|do (some|a few|a couple))\b/i,
	/\blet'?s (do|get to|go through|take) (some|a few|a couple( of)?|our|the next)\b/i,
	/\b(shall|can|could) we (talk about|move on|get into|jump into|do (some|a few|a couple))\b/i,
	/\bwhat'?s (our|the) next (topic|story|question|thing)\b/i,
	/\binto (our|the) (next|first|last|final) (topic|story|question|segment)\b/i,
	/\b(let'?s|go ahead and) roll (the|that) intro\b/i,
	/\b(listener|viewer|audience|community|fan) (questions?|messages?|mail|comments?|emails?)\b/i,
	/\bsuper ?chats?\b/i,
	/\bmail ?bag\b/i
];

const SPONSOR_OPENERS = [
	/\b(is|are|was) (brought to you|sponsored|supported|presented|made possible) by\b/i,
	/\bbrought to you by\b/i,
	/\bthanks? (you )?to (our|today's|this week's|this episode's) sponsors?\b/i,
	/\b(our|today's|this week's) sponsors?\b/i,
	/\bsponsored by\b/i,
	/\ba word from our sponsors?\b/i,
	/\b(talk about|hear from|thank|get to) (our|today's|this week's) sponsors?\b/i,
	/\b(our|the) (first|next|last|final) sponsor\b/i,
	/\b(sponsor|ad) (spots?|reads?|breaks?|segments?)\b/i,
	/\b(quick|short) (ad |sponsor )?break\b/i
];

const SPONSOR_INSIDE = [/\b(promo|offer|coupon|discount) code\b/i, /\buse code\b/i, /\b(percent|%) off\b/i, /\bfree trial\b/i, /\bsign up (at|today)\b/i];

const WELCOMES = [/\bwelcome (to|back to)\b/i, /\bhello (and|everyone|everybody)\b/i, /\bon (today's|this week's|this) (episode|show)\b/i, /\bi'?m your host\b/i];

const SIGN_OFFS = [
	/\bthanks? (you )?(so much )?(for|everyone for) (listening|watching|tuning in|joining)\b/i,
	/\bsee (you|ya)\b.{0,25}\b(next (week|time|episode|month)|later|soon)\b/i,
	/\bthat'?s (it|all) for (today|this week|this episode|the show|now)\b/i,
	/\buntil next (time|week)\b/i,
	/\b(bye|goodbye),? (everyone|everybody|guys)\b/i
];

/**
 * Hesitations people say inside a hand-off ("let's, um, talk about", "our next, uh, question"), with the commas and
 * stops a transcriber puts around them: set aside before matching, so a real hand-off matches like a scripted one.
 */
const FILLERS = /[,;:\u2026]|\.(?=\s+\p{Ll})|(?<![\p{L}'])(?:u+h+m*|u+m+|e+r+m*|a+h+|hmm+|you know|i mean)(?![\p{L}'])[,.]?/giu;

/** The sentence with fillers and inner punctuation taken out and spaces collapsed. */
function withoutFillers(text: string): string {
	return text.replace(FILLERS, ' ').replace(/\s+/g, ' ').trim();
}

const matches = (patterns: RegExp[], text: string) => {
	const plain = withoutFillers(text);
	return patterns.some((p) => p.test(plain));
};

/** The sentence opens a new topic ("moving on", "topic number three", "our next question"). */
export function opensTopic(text: string): boolean {
	return matches(TOPIC_OPENERS, text);
}

/** The sentence carries on a run of sponsor reads ("the show is also brought to you by") rather than starting one. */
export function continuesSponsorRead(text: string): boolean {
	return /\b(also|finally|next sponsor|last sponsor)\b/i.test(text) && opensSponsorRead(text);
}

/** The sentence hands over to a sponsor ("this episode is brought to you by"). */
export function opensSponsorRead(text: string): boolean {
	return matches(SPONSOR_OPENERS, text);
}

/** The sentence sounds like ad copy (a promo code, a free trial). */
export function soundsLikeAdCopy(text: string): boolean {
	return matches(SPONSOR_INSIDE, text);
}

/** The sentence welcomes listeners ("welcome to the show"). */
export function welcomesListeners(text: string): boolean {
	return matches(WELCOMES, text);
}

/** The sentence signs off ("thanks for listening", "see you next week"). */
export function signsOff(text: string): boolean {
	return matches(SIGN_OFFS, text);
}

/** A question long enough to stand alone as a topic ("What does the GPU shortage mean for gamers?"). */
export function isOpeningQuestion(text: string): boolean {
	const words = text.trim().split(/\s+/).length;
	return /\?["'”’)]*$/.test(text.trim()) && words >= 5 && words <= 30;
}
