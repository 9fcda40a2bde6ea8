/**
 * Topic segments for an episode that has a transcript but no chapters: the transcript is cut at pauses and speaker
 * turns into stretches of a few minutes, each titled from its key terms (words frequent in it and rare in the rest
 * of the episode). These segments are stored with origin 'transcript', which marks them as automatic.
 */
import { stemmer } from 'stemmer';
import { withTranscriptText } from './segments';
import type { Cue, SegmentDraft } from './types';

/** A segment is cut once it is this long, at the next good boundary... */
const TARGET_SECONDS = 240;
/** ...never before this... */
const MIN_SECONDS = 120;
/** ...and by this length at the best boundary seen, good or not. */
const MAX_SECONDS = 420;
/** A boundary this good (a 2 s pause, or a new speaker) ends a segment that has reached the target. */
const GOOD_BOUNDARY = 2;
const TERMS_PER_TITLE = 3;

/** Splits cues (sorted by start) into automatic topic segments covering the episode. */
export function splitTranscriptIntoTopics(cues: Cue[], durationSeconds: number | null): SegmentDraft[] {
	if (!cues.length) return [];
	const lastCueEnd = cues.reduce((max, c) => Math.max(max, c.endSeconds), 0);
	const episodeEnd = durationSeconds && durationSeconds > 0 ? durationSeconds : lastCueEnd;
	const starts = [0];
	let best: { index: number; score: number } | null = null;
	for (let i = 1; i < cues.length; i++) {
		const segmentStart = starts[starts.length - 1]!;
		const cueStart = cues[i]!.startSeconds;
		if (cueStart >= episodeEnd) break;
		const length = cueStart - segmentStart;
		if (length < MIN_SECONDS) continue;
		const score = boundaryScore(cues[i - 1]!, cues[i]!);
		if (length <= MAX_SECONDS && (!best || score > best.score)) best = { index: i, score };
		if (length >= TARGET_SECONDS && score >= GOOD_BOUNDARY) {
			starts.push(cueStart);
			best = null;
		} else if (length > MAX_SECONDS) {
			const cut = best ?? { index: i, score };
			starts.push(cues[cut.index]!.startSeconds);
			best = null;
			i = cut.index; // look again from the cut
		}
	}
	// A short tail is an outro, not a topic: it joins the segment before it.
	if (starts.length > 1 && episodeEnd - starts[starts.length - 1]! < MIN_SECONDS / 2) starts.pop();

	const segments: SegmentDraft[] = starts.map((start, k) => ({
		startSeconds: start,
		endSeconds: starts[k + 1] ?? episodeEnd,
		title: '',
		text: null,
		origin: 'transcript' as const
	}));
	const withText = withTranscriptText(segments.filter((s) => s.endSeconds > s.startSeconds), cues);
	const titles = titlesFromKeyTerms(withText.map((s) => s.text ?? ''));
	return withText.map((s, k) => ({ ...s, title: titles[k] || `Part ${k + 1}` }));
}

/** How good a place between two cues is to end a topic: the pause (capped), a new speaker, a finished sentence. */
function boundaryScore(before: Cue, after: Cue): number {
	const pause = Math.min(Math.max(after.startSeconds - before.endSeconds, 0), 10);
	const newSpeaker = before.speaker && after.speaker && before.speaker !== after.speaker ? 2 : 0;
	const sentenceEnd = /[.!?]["'”’)]*$/.test(before.text) ? 0.5 : 0;
	return pause + newSpeaker + sentenceEnd;
}

/** One title per text: its most distinctive words (tf-idf over the episode's segments), joined. */
export function titlesFromKeyTerms(texts: string[]): string[] {
	const perText = texts.map(termCounts);
	const documentFrequency = new Map<string, number>();
	for (const counts of perText) for (const stem of counts.keys()) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
	return perText.map((counts) => {
		// A word in every segment says nothing about this one (idf near 0); a name said mid-sentence counts extra.
		const scored = [...counts.entries()].map(([stem, term]) => ({
			term,
			score: term.count * Math.log((texts.length + 1) / documentFrequency.get(stem)!) * (/^\p{Lu}/u.test(term.display) ? 1.5 : 1)
		}));
		// Words said twice or more name a topic; a short stretch may have none, and then single words have to do.
		const repeated = scored.filter(({ term }) => term.count >= 2);
		const ranked = (repeated.length ? repeated : scored)
			.sort((a, b) => b.score - a.score || a.term.display.localeCompare(b.term.display))
			.slice(0, TERMS_PER_TITLE)
			.map(({ term }) => term.display);
		if (!ranked.length) return '';
		const title = ranked.length > 1 ? `${ranked.slice(0, -1).join(', ')} and ${ranked.at(-1)}` : ranked[0]!;
		return title[0]!.toUpperCase() + title.slice(1);
	});
}

interface Term {
	count: number;
	display: string;
	forms: Map<string, number>;
}

function termCounts(text: string): Map<string, Term> {
	const counts = new Map<string, Term>();
	for (const word of text.match(/[\p{L}][\p{L}\p{M}'’-]*[\p{L}]/gu) ?? []) {
		const lower = word.toLowerCase().replace(/['’]s$/, '');
		// Contractions ("you're", "don't") are never a topic.
		if (lower.length < 4 || /['’]/.test(lower) || STOPWORDS.has(lower)) continue;
		const stem = stemmer(lower);
		const term = counts.get(stem) ?? { count: 0, display: word, forms: new Map() };
		term.count++;
		// Shown as the form used most; a name keeps its capital, a common word is shown in lower case.
		const form = word === word.toUpperCase() || /^\p{Lu}/u.test(word) ? word : lower;
		term.forms.set(form, (term.forms.get(form) ?? 0) + 1);
		term.display = [...term.forms.entries()].sort((a, b) => b[1] - a[1])[0]![0];
		counts.set(stem, term);
	}
	for (const term of counts.values()) {
		// A capital that appears only sometimes is the start of a sentence, not a name.
		const lowerForm = term.display.toLowerCase();
		if (term.forms.has(lowerForm)) term.display = lowerForm;
	}
	return counts;
}

/** Words that say nothing about a topic: English function words and the filler of speech. */
const STOPWORDS = new Set(
	(
		'about above after again against also although always another anything around back because been before being ' +
		'below between both could didn does doesn doing done down during each else even ever every everything from ' +
		'further gonna gotta have haven having here hers herself himself into isn itself just know kind kinda like ' +
		'little look lots made make many maybe might more most much must myself need never next nothing okay once only ' +
		'other ought ours ourselves over own pretty quite rather really right said same says seen shall shan she\'s ' +
		'should show since some something sort still stuff such sure take than thank thanks that that\'s their theirs ' +
		'them themselves then there there\'s these they they\'re thing things think this those though through thought ' +
		'today totally under until very want wanna well were weren what what\'s when where whether which while whom ' +
		'whose will with within without won\'t would wouldn yeah your yours yourself yourselves actually basically ' +
		'going getting gets got just literally mean means people probably somebody someone start started talk talking ' +
		'tell time times yes mhm uh-huh year years week weeks good great lot always come comes came went goes ' +
		'able learn listen listening hear heard feel felt love guys everybody anybody different whatever definitely ' +
		'exactly super again anyway saying talked used using already enough trying tried help makes making better ' +
		'first last long away part point means meant real reason remember getting keep kept give gave find found ' +
		'called call best idea ideas question questions answer today episode ' +
		'dass nicht eine einen einem einer auch aber wird sind noch doch schon dann wenn oder sich sein haben'
	).split(' ')
);
