/**
 * Topic segments for an episode that has a transcript but no chapters, found by the chapters wing's lexical segmenter
 * (word cohesion, pauses, speaker turns, cue phrases; no model, so it is quick enough for the import) and titled as a
 * person would. They are stored with origin 'transcript', which marks them as automatic; the background chapters job
 * later redoes them with sentence vectors too.
 */
import { stemmer } from 'stemmer';
import { chapterTranscriptLexical } from '../chapters';
import { withTranscriptText } from './segments';
import type { Cue, SegmentDraft } from './types';

const TERMS_PER_TITLE = 3;

/** What the titler should know about the show, so its own name and site are never taken for a topic. */
export interface TopicContext {
	showTitle?: string | null;
	showLink?: string | null;
	language?: string | null;
}

/** Splits cues (sorted by start) into automatic topic segments covering the episode. */
export function splitTranscriptIntoTopics(cues: Cue[], durationSeconds: number | null, context: TopicContext = {}): SegmentDraft[] {
	if (!cues.length) return [];
	const { segments } = chapterTranscriptLexical(cues, { durationSeconds: durationSeconds ?? 0, ...context });
	// The lexical chapterer's summary (the segment's most central sentences) is stored right away, so the page is
	// never summary-less while the background job has not yet run; the job replaces it.
	const drafts: SegmentDraft[] = segments.map((s) => ({
		startSeconds: s.startSeconds,
		endSeconds: s.endSeconds,
		title: s.title,
		text: null,
		origin: 'transcript',
		summary: s.summary.trim() || null
	}));
	return withTranscriptText(drafts, cues);
}

/**
 * One title per text: its most distinctive words (tf-idf over the episode's segments), joined. This was the
 * automatic titler before the chapters wing; the chapters bench keeps it as the baseline that titles are compared with.
 */
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
