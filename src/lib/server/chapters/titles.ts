/**
 * Titles and summaries for segments, in the words of the segment itself: a sponsor read is "Sponsor: <name>", the
 * opening welcome "Intro", the sign-off "Outro"; a segment the host opens with a self-contained question is titled with
 * that question; otherwise the noun phrase (wink-nlp noun chunks) whose words are most particular to this segment
 * against the rest of the episode (tf-idf), never a comma list of keywords and never the show's own name or site.
 * The summary is the segment's one or two most central sentences. Other languages than English keep their words:
 * their titles come from questions or the segment's most particular run of words.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { isOpeningQuestion, opensSponsorRead, signsOff, soundsLikeAdCopy, welcomesListeners } from './cue-phrases';
import type { Sentence } from './sentences';
import { isKeywordListTitle } from './title-shape';
import { contentStems, isStopword } from './words';

export interface TitleContext {
	english: boolean;
	/** The show's title and site: their words are never a topic. */
	showTitle?: string | null;
	showLink?: string | null;
	/** One vector per sentence of each segment, when an encoder was used (summaries then pick by meaning). */
	vectors?: Float32Array[][] | null;
}

export interface TitledSegment {
	title: string;
	summary: string;
}

const MAX_TITLE_CHARACTERS = 90;
const JOINING_WORDS = new Set(['of', 'for', 'on', 'in', 'with', 'about', 'from', 'to', 'vs', 'versus', 'the', 'a', 'an', 'and']);
const MAX_SUMMARY_CHARACTERS = 300;
/** The start of a segment, where a host's sponsor hand-off or opening question is looked for. */
const OPENING_SECONDS = 45;

let nlp: ReturnType<typeof winkNLP> | null = null;
function englishNlp() {
	if (!nlp) {
		nlp = winkNLP(model);
		nlp.learnCustomEntities([
			{
				name: 'phrase',
				patterns: [
					'[ADJ|NOUN|PROPN|NUM] [NOUN|PROPN]',
					'[ADJ|NOUN|PROPN] [ADJ|NOUN|PROPN] [NOUN|PROPN]',
					'[NOUN|PROPN]',
					'[NOUN|PROPN] [ADP] [NOUN|PROPN]',
					'[NOUN|PROPN] [ADP] [ADJ|NOUN|PROPN] [NOUN|PROPN]',
					'[ADJ|NOUN|PROPN] [NOUN|PROPN] [ADP] [NOUN|PROPN]',
					'[NOUN|PROPN] [ADP] [DET] [NOUN|PROPN]',
					'[NOUN|PROPN] [ADP] [DET] [ADJ|NOUN|PROPN] [NOUN|PROPN]'
				]
			}
		]);
	}
	return nlp;
}

/** A title and summary for each segment (each given as its sentences), in order. */
export function titleSegments(segments: readonly Sentence[][], context: TitleContext): TitledSegment[] {
	const showWords = new Set(contentStems(`${context.showTitle ?? ''} ${siteWords(context.showLink)}`, context.english));
	const stemsPerSegment = segments.map((sentences) => sentences.flatMap((s) => contentStems(s.text, context.english)));
	const documentFrequency = new Map<string, number>();
	for (const stems of stemsPerSegment) for (const stem of new Set(stems)) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
	const weightsPerSegment = stemsPerSegment.map((stems) => {
		const counts = new Map<string, number>();
		for (const stem of stems) counts.set(stem, (counts.get(stem) ?? 0) + 1);
		const weights = new Map<string, number>();
		for (const [stem, count] of counts) {
			if (showWords.has(stem)) continue;
			weights.set(stem, Math.log(1 + count) * Math.log((segments.length + 1) / documentFrequency.get(stem)!));
		}
		return weights;
	});

	return segments.map((sentences, k) => {
		const weights = weightsPerSegment[k]!;
		const summary = summarise(sentences, weights, context.english, context.vectors?.[k] ?? null);
		const duration = sentences.length ? sentences.at(-1)!.endSeconds - sentences[0]!.startSeconds : 0;
		const special = specialTitle(sentences, k, segments.length, duration, showWords, context.english);
		if (special) return { title: special, summary };
		const title =
			questionTitle(sentences, weights, context.english) ??
			(context.english ? nounPhraseTitle(sentences, weights) : wordRunTitle(sentences, weights, context.english)) ??
			fallbackTitle(summary, k);
		return { title, summary };
	});
}

/** "Sponsor: <name>", "Intro" or "Outro" for the parts of a show that are not topics; null for a topic. */
function specialTitle(sentences: readonly Sentence[], k: number, count: number, duration: number, showWords: Set<string>, english: boolean): string | null {
	if (!english || !sentences.length) return null;
	const start = sentences[0]!.startSeconds;
	const opening = sentences.filter((s) => s.startSeconds - start <= OPENING_SECONDS).slice(0, 6);
	const adCopy = sentences.filter((s) => soundsLikeAdCopy(s.text)).length;
	const handOff = opening.find((s) => opensSponsorRead(s.text));
	if ((handOff && duration < 600) || (adCopy >= 2 && duration < 240)) {
		const name = sponsorName((handOff ?? sentences.find((s) => soundsLikeAdCopy(s.text)))!.text, showWords);
		return name ? `Sponsor: ${name}` : 'Sponsor';
	}
	if (k === 0 && count > 1 && (duration < 240 || (duration < 600 && opening.some((s) => welcomesListeners(s.text))))) return 'Intro';
	if (k === count - 1 && count > 1 && (duration < 120 || (duration < 600 && sentences.some((s) => signsOff(s.text))))) return 'Outro';
	return null;
}

/** The brand a sponsor hand-off names ("brought to you by Squarespace" -> "Squarespace"). */
function sponsorName(text: string, showWords: Set<string>): string | null {
	const after = text.match(/\b(?:by|sponsors? (?:is|are|today is)|thanks? (?:you )?to|check out|go to|visit)\s+(.+)/i)?.[1] ?? text;
	for (const match of after.matchAll(/\b(\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+\p{Lu}[\p{L}\p{N}&'’.-]*){0,2})/gu)) {
		const name = match[1]!.replace(/[.'’]+$/, '');
		const words = name.toLowerCase().split(/\s+/);
		if (contentStems(name, true).some((w) => showWords.has(w)) || words.every((w) => isStopword(w))) continue;
		return name;
	}
	return null;
}

/** The host's opening question, when it stands on its own and is about what the segment goes on to discuss. */
function questionTitle(sentences: readonly Sentence[], weights: Map<string, number>, english: boolean): string | null {
	const start = sentences[0]?.startSeconds ?? 0;
	const top = new Set([...weights.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([w]) => w));
	for (const s of sentences.slice(0, 4)) {
		if (s.startSeconds - start > OPENING_SECONDS) break;
		const text = withoutLeadingFiller(s.text);
		if (!isOpeningQuestion(text) || text.length > MAX_TITLE_CHARACTERS) continue;
		// "What about it?" needs what came before; a question naming the segment's own subject does not.
		if (english && /^(it|that|this|they|he|she|those|these|what about (it|that|this))\b/i.test(text)) continue;
		if (!contentStems(text, english).some((w) => top.has(w))) continue;
		// "Should we talk about Starlink?" is a hand-off: its object is the title.
		const object = english ? text.match(/\b(?:talk about|talk a bit about|discuss|get into|move on to)\s+(.+?)\?*$/i)?.[1] : undefined;
		if (object && contentStems(object, true).length) return capitalise(object.replace(/^(the|this|that)\s+/i, (w) => w));
		return capitalise(text.replace(/^[^,?]{1,40},\s+(?=(what|why|how|who|where|when|which|is|are|do|does|did|can|could|should|would|will)\b)/i, ''));
	}
	return null;
}

interface Candidate {
	phrase: string;
	score: number;
}

/** The noun phrase whose words are most particular to this segment; phrases that read as keyword lists come last. */
function nounPhraseTitle(sentences: readonly Sentence[], weights: Map<string, number>): string | null {
	const doc = englishNlp().readDoc(sentences.map((s) => s.text).join(' '));
	const seen = new Map<string, Candidate & { count: number }>();
	for (const found of doc.customEntities().out() as string[]) {
		const phrase = found.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, '');
		const words = phrase.split(/\s+/);
		const stems = contentStems(phrase, true);
		// Every noun needs a weight here: a phrase half made of the show's name or filler is not a topic.
		if (!stems.length || words.length > 6 || stems.some((w) => !weights.has(w))) continue;
		if (isStopword(words[0]!) || isStopword(words.at(-1)!)) continue;
		// Only prepositions that build a name ("price of memory", "tariffs on chips") join two nouns in a title.
		if (words.slice(1, -1).some((w) => /^[a-z]+$/.test(w) && !JOINING_WORDS.has(w) && isStopword(w))) continue;
		const key = phrase.toLowerCase();
		const score = stems.reduce((sum, w) => sum + weights.get(w)!, 0) / Math.sqrt(stems.length);
		const known = seen.get(key);
		if (known) known.count++;
		else seen.set(key, { phrase, score, count: 1 });
	}
	const ranked = [...seen.values()]
		.map((c) => ({ phrase: c.phrase, score: c.score * (1 + 0.3 * Math.log(c.count)) * (c.phrase.includes(' ') ? 1.5 : 1) }))
		.sort((a, b) => b.score - a.score);
	if (!ranked.length) return null;
	const best = ranked[0]!;
	// A phrase that reads as a list ("Steam Deck Pro") gives way to a near-as-good one that reads as a phrase.
	const readable = ranked.find((c) => !isKeywordListTitle(c.phrase) && c.score >= 0.6 * best.score);
	return capitalise(truncate((readable ?? best).phrase, MAX_TITLE_CHARACTERS));
}

/** For languages without a tagger: the run of two or three words, in their spoken form, most particular to the segment. */
function wordRunTitle(sentences: readonly Sentence[], weights: Map<string, number>, english: boolean): string | null {
	let best: Candidate | null = null;
	for (const s of sentences) {
		const words = s.text.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
		for (let i = 0; i < words.length; i++) {
			for (let len = 2; len <= 3 && i + len <= words.length; len++) {
				const run = words.slice(i, i + len);
				if (run.some((w) => !w)) continue;
				const stems = contentStems(run.join(' '), english);
				if (stems.length < 2 || stems.some((w) => !weights.has(w))) continue;
				const score = stems.reduce((sum, w) => sum + weights.get(w)!, 0);
				if (!best || score > best.score) best = { phrase: run.join(' '), score };
			}
		}
	}
	return best ? capitalise(best.phrase) : null;
}

/** The segment's one or two most central sentences (closest to its mean vector, or richest in its particular words). */
function summarise(sentences: readonly Sentence[], weights: Map<string, number>, english: boolean, vectors: Float32Array[] | null): string {
	const usable = sentences.map((s, i) => ({ s, i })).filter(({ s }) => {
		const words = s.text.split(/\s+/).length;
		return words >= 6 && words <= 45 && !s.text.trim().endsWith('?');
	});
	const pool = usable.length ? usable : sentences.map((s, i) => ({ s, i }));
	if (!pool.length) return '';
	let centrality: (i: number) => number;
	if (vectors && vectors.length === sentences.length) {
		const mean = new Float32Array(vectors[0]!.length);
		for (const v of vectors) for (let d = 0; d < v.length; d++) mean[d]! += v[d]!;
		centrality = (i) => {
			let dot = 0;
			for (let d = 0; d < mean.length; d++) dot += mean[d]! * vectors[i]![d]!;
			return dot;
		};
	} else {
		centrality = (i) => {
			const stems = contentStems(sentences[i]!.text, english);
			return stems.reduce((sum, w) => sum + (weights.get(w) ?? 0), 0) / Math.sqrt(sentences[i]!.text.split(/\s+/).length);
		};
	}
	const picked = pool
		.map(({ s, i }) => ({ s, i, score: centrality(i) }))
		.sort((a, b) => b.score - a.score)
		.slice(0, 2)
		.sort((a, b) => a.i - b.i);
	let summary = '';
	for (const { s } of picked.filter((p, k) => k === 0 || p.s.text.trim() !== picked[0]!.s.text.trim())) {
		const next = summary ? `${summary} ${s.text.trim()}` : s.text.trim();
		if (summary && next.length > MAX_SUMMARY_CHARACTERS) break;
		summary = next;
	}
	return capitalise(truncate(withoutLeadingFiller(summary), MAX_SUMMARY_CHARACTERS));
}

function fallbackTitle(summary: string, k: number): string {
	const firstWords = summary.split(/\s+/).slice(0, 8).join(' ').replace(/[,;:.!?]+$/, '');
	return firstWords ? `${capitalise(firstWords)}…` : `Part ${k + 1}`;
}

/** The words of a site's host name ("https://www.talkpython.fm" -> "talkpython"), which are never a topic. */
function siteWords(link: string | null | undefined): string {
	if (!link) return '';
	try {
		return new URL(link).hostname.replace(/^www\./, '').split('.').slice(0, -1).join(' ');
	} catch {
		return '';
	}
}

function withoutLeadingFiller(text: string): string {
	let out = text.trim();
	for (let i = 0; i < 4; i++) out = out.replace(/^(so|and|but|okay|ok|well|um|uh|now|alright|all right|right|yeah|yes|oh)\b[,.]?\s+/i, '');
	return out;
}

function capitalise(text: string): string {
	return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

function truncate(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
