/**
 * `npx tsx bench/answer-window-rules.ts [FILE] [--list] [--verbose] [--show=...] [--sentence=N,SEGMENTS,OVERRIDE]`:
 * sweeps candidate honesty rules over the facts bench/answer-window-honesty.ts wrote (default
 * /tmp/answer-window-facts.json), each a veto on what the floor shows without the answer-window rule, on bench:quality's
 * halves: settings chosen on the calibration half (even positions) only, keeping every answer that floor keeps in the
 * first three there; the held-out half's range over the settings that tie is printed (docs/search-honesty.md,
 * "December 6, 08:00-08:55 UTC"). The families:
 * - the query's most specific known word (fewest segments), or every known word in few segments, said (stemmed) or
 *   by a vector neighbour in the hit, the hit and the segments either side, or its episode;
 * - lexical and meaning candidates agreeing on the hit's episode when it matched only common words;
 * - the unseen-word rule asked near where the answer is said: a neighbour within N words of the run of sentences the
 *   hit's link starts at, and specific (said in few segments, few postings, or rare in English): the one kept
 *   (evidence.ts addressesUnseenNear).
 * --list prints what that floor still shows for the unanswerable questions, and why it passes.
 */
import { normalizeWord, queryTerm, tokenize } from '../src/lib/server/search/terms';
import { wordLogProbability } from '../src/lib/server/search/word-rarity';
import { answerWindows, readFacts, segmentsByEpisode, showOutcome, sweepFamily, type RuleFamily, type FactHit as Hit, type FactQuery as Query, type FactWord as Word } from './judged/answer-window-facts';
import { outcomeOf, type Outcome } from './judged/sets';

const facts = readFacts();
const segments = new Map(facts.segments.map((s) => [s.id, s]));
const byEpisode = segmentsByEpisode(facts.segments);
// Each segment's words as query terms (stems with synonyms), and as normalised words.
const termsOf = new Map(facts.segments.map((s) => [s.id, new Set(tokenize(s.text).map((w) => queryTerm(w)).filter((t): t is string => t !== null))]));
const wordsOf = new Map(Object.entries(facts.normalized).map(([id, ws]) => [Number(id), new Set(ws)]));
const neighboursOf = (id: number, reach: number) => {
	const s = segments.get(id)!;
	const list = byEpisode.get(s.episodeId)!;
	return list.filter((o) => Math.abs(o.order - s.order) <= reach).map((o) => o.id);
};

const outcome = (veto: (q: Query, h: Hit) => boolean, odd: boolean | null | 'fresh'): Outcome => outcomeOf(facts.queries, veto, odd);
const show = showOutcome;
const today = { cal: outcome(() => false, false), held: outcome(() => false, true), all: outcome(() => false, null), fresh: outcome(() => false, 'fresh') };
console.log(`today: calibration ${show(today.cal)} | held-out ${show(today.held)} | all ${show(today.all)}`);

if (process.argv.includes('--list')) {
	for (const q of facts.queries) {
		if (q.set !== 'none' || q.hits.length === 0) continue;
		console.log(`\n[${q.at % 2 ? 'held' : 'cal'}] ${q.query}  (${q.hits.length} shown)`);
		console.log(`   words: ${q.words.map((w) => `${w.typed}${w.unseen ? '*' : `:${w.segments}s/${w.episodes}e`}`).join(' ')}`);
		for (const h of q.hits.slice(0, 3)) {
			const s = segments.get(h.id)!;
			console.log(`   hit ${h.id} ep${s.episodeId}#${s.order} via ${h.via} cos ${h.cosine?.toFixed(3)} ev ${h.evidence.toFixed(2)} terms [${h.terms.join(',')}] "${s.title}"`);
			console.log(`      sentence: ${h.sentence?.text.slice(0, 200)}`);
		}
	}
}

const sweep = <S>(f: RuleFamily<S>) => sweepFamily(f, outcome, today, '--verbose');

// ---- The rules ----
type Window = 'hit' | '±1' | '±2' | 'episode';
const windowOf = (id: number, w: Window): number[] =>
	w === 'hit' ? [id] : w === 'episode' ? byEpisode.get(segments.get(id)!.episodeId)!.map((s) => s.id) : neighboursOf(id, w === '±1' ? 1 : 2);
/** Whether the window says the word (its term, stemmed, with synonyms) or, with `near`, one of its vector neighbours. */
const segmentsWithWord = new Map<string, number>();
for (const ws of wordsOf.values()) for (const w of ws) segmentsWithWord.set(w, (segmentsWithWord.get(w) ?? 0) + 1);
/** ...a neighbour counting only when at most `specific` segments of the index say it (a specific word, not "up" or "like"). */
const windowSays = (ids: number[], w: Word, near: boolean, specific = Infinity) =>
	ids.some((id) => termsOf.get(id)!.has(w.term) || (near && w.neighbours.some((n) => wordsOf.get(id)!.has(n) && segmentsWithWord.get(n)! <= specific)));
type Pick = 'focus' | 'all rare';
interface FocusSetting { pick: Pick; rarity: 'segments' | 'episodes'; cut: number; window: Window; near: boolean; override: number; specific: number }
const focusWords = (q: Query, s: FocusSetting): Word[] => {
	const known = q.words.filter((w) => !w.unseen && w.segments > 0 && !/\d/.test(w.typed));
	const count = (w: Word) => (s.rarity === 'segments' ? w.segments : w.episodes);
	const rare = known.filter((w) => count(w) <= s.cut);
	if (s.pick === 'all rare') return rare;
	if (!known.length) return [];
	const least = Math.min(...known.map((w) => w.segments));
	return known.filter((w) => w.segments === least && count(w) <= s.cut); // the most specific word(s) by the index's idf
};
const focusVeto = (s: FocusSetting) => (q: Query, h: Hit) => {
	if ((h.cosine ?? 0) >= s.override) return false;
	const ids = windowOf(h.id, s.window);
	return focusWords(q, s).some((w) => !windowSays(ids, w, s.near, s.specific));
};
const OVERRIDES = [0.55, 0.6, 0.62, 0.65, 0.68, 0.7, Infinity];
const SPECIFIC = [1, 2, 3, 4, 6, 8, 12, 20, Infinity];
const focusSettings: FocusSetting[] = [];
for (const pick of ['focus', 'all rare'] as Pick[])
	for (const rarity of ['segments', 'episodes'] as const)
		for (const cut of rarity === 'segments' ? [1, 2, 3, 4, 6, 8, 12] : [1, 2, 3, 4, 6])
			for (const window of ['hit', '±1', '±2', 'episode'] as Window[])
				for (const near of [false, true]) for (const specific of near ? SPECIFIC : [Infinity]) for (const override of OVERRIDES) focusSettings.push({ pick, rarity, cut, window, near, override, specific });
const describeFocus = (s: FocusSetting) => `${s.pick}, ${s.rarity} <= ${s.cut}, said in ${s.window}${s.near ? ` (or a neighbour in <= ${s.specific} segments)` : ''}, override ${s.override}`;
const family = (name: string, keep: (s: FocusSetting) => boolean) => sweep({ name, settings: focusSettings.filter(keep), describe: describeFocus, veto: focusVeto });
family('Focus or rare words, all settings', () => true);
for (const pick of ['focus', 'all rare'] as Pick[])
	for (const window of ['hit', '±1', '±2', 'episode'] as Window[]) for (const near of [false, true]) family(`${pick}, said in ${window}${near ? ' or a neighbour' : ''}`, (s) => s.pick === pick && s.window === window && s.near === near);

// Lexical and meaning candidates agreeing on the episode, for a hit whose words are only common ones.
interface AgreeSetting { common: number; top: number; override: number }
const termSegments = (t: string) => facts.segments.filter((s) => termsOf.get(s.id)!.has(t)).length;
const agreeVeto = (s: AgreeSetting) => (q: Query, h: Hit) => {
	if ((h.cosine ?? 0) >= s.override) return false;
	if (h.terms.some((t) => termSegments(t) > 0 && termSegments(t) <= s.common)) return false; // it says a rare word of the query
	const episode = segments.get(h.id)!.episodeId;
	const lexical = new Set(q.lexical.slice(0, s.top).map((id) => segments.get(id)!.episodeId));
	const meaning = new Set(q.meaning.slice(0, s.top).map((m) => segments.get(m.id)!.episodeId));
	return !(lexical.has(episode) && meaning.has(episode));
};
sweep({
	name: 'Lexical and meaning candidates agree on the episode (hits with common words only)',
	settings: [2, 4, 8, 12, 20].flatMap((common) => [1, 2, 3, 5, 10].flatMap((top) => OVERRIDES.map((override) => ({ common, top, override })))),
	describe: (s) => `matched words all in > ${s.common} segments, episode in both top ${s.top}, override ${s.override}`,
	veto: agreeVeto
});

const named = process.argv.find((a) => a.startsWith('--show='))?.slice(7);
if (named) {
	const [pick, rarity, cut, window, near, override, specific] = named.split(',');
	const s: FocusSetting = { pick: pick as Pick, rarity: rarity as 'segments', cut: Number(cut), window: window as Window, near: near === 'near', override: Number(override), specific: Number(specific ?? Infinity) };
	const veto = focusVeto(s);
	console.log(`\n${describeFocus(s)}: calibration ${show(outcome(veto, false))} | held-out ${show(outcome(veto, true))}`);
	for (const q of facts.queries) {
		const kept = q.hits.filter((h) => !veto(q, h));
		const half = q.at % 2 ? 'held' : 'cal ';
		const words = focusWords(q, s).map((w) => `${w.typed}:${w.segments}s`).join(' ');
		if (q.set === 'none' && kept.length) console.log(`  still shown ${half} ${q.query} [${words}]`);
		if (q.set === 'none' && q.hits.length && !kept.length) console.log(`  silenced ${half} ${q.query} [${words}]`);
		const was = q.hits.slice(0, 3).some((h) => h.answer);
		const now = kept.slice(0, 3).some((h) => h.answer);
		if (q.set !== 'none' && was && !now) console.log(`  LOST ${half} ${q.set} ${q.query} [${words}]`);
		if (q.set !== 'none' && !was && now) console.log(`  WON ${half} ${q.set} ${q.query} [${words}]`);
	}
}

// Today's unseen-word rule, asking a specific neighbour: one at most `specific` segments of the index say, in the window.
interface UnseenSetting { specific: number; window: Window; override: number }
const unseenVeto = (s: UnseenSetting) => (q: Query, h: Hit) => {
	if ((h.cosine ?? 0) >= s.override) return false;
	const ids = windowOf(h.id, s.window);
	return Object.entries(q.unseenNeighbours).some(([, near]) => !ids.some((id) => near.some((n) => wordsOf.get(id)!.has(n) && segmentsWithWord.get(n)! <= s.specific)));
};
const unseenSettings = (['hit', '±1'] as Window[]).flatMap((window) => SPECIFIC.flatMap((specific) => [0.65, 0.68, 0.7, Infinity].map((override) => ({ specific, window, override }))));
const describeUnseen = (s: UnseenSetting) => `unseen words: a neighbour in <= ${s.specific} segments, said in ${s.window}, override ${s.override}`;
sweep({ name: "Unseen words' neighbours must be specific", settings: unseenSettings, describe: describeUnseen, veto: unseenVeto });
// Both: the focus rule and the specific unseen neighbours.
const both = focusSettings.filter((f) => f.window !== 'episode' && f.pick === 'focus').flatMap((f) => unseenSettings.filter((u) => u.window === f.window).map((u) => ({ f, u })));
sweep({ name: 'Focus word and specific unseen neighbours', settings: both, describe: (s) => `${describeFocus(s.f)}; ${describeUnseen(s.u)}`, veto: (s) => (q, h) => focusVeto(s.f)(q, h) || unseenVeto(s.u)(q, h) });
const namedUnseen = process.argv.find((a) => a.startsWith('--unseen='))?.slice(9);
if (namedUnseen) {
	const [specific, window, override] = namedUnseen.split(',');
	const s: UnseenSetting = { specific: Number(specific), window: window as Window, override: Number(override) };
	const veto = unseenVeto(s);
	console.log(`\n${describeUnseen(s)}: calibration ${show(outcome(veto, false))} | held-out ${show(outcome(veto, true))}`);
	for (const q of facts.queries) {
		const kept = q.hits.filter((h) => !veto(q, h));
		const half = q.at % 2 ? 'held' : 'cal ';
		const said = (h: Hit) => Object.entries(q.unseenNeighbours).map(([w, near]) => `${w}->${near.filter((n) => windowOf(h.id, s.window).some((id) => wordsOf.get(id)!.has(n))).map((n) => `${n}:${segmentsWithWord.get(n)}`).join('/')}`).join(' ');
		if (q.set === 'none' && kept.length) console.log(`  still shown ${half} ${q.query} [${said(kept[0]!)}] cos ${kept[0]!.cosine?.toFixed(3)}`);
		if (q.set === 'none' && q.hits.length && !kept.length) console.log(`  silenced ${half} ${q.query} [${said(q.hits[0]!)}]`);
		const was = q.hits.slice(0, 3).some((h) => h.answer);
		const now = kept.slice(0, 3).some((h) => h.answer);
		if (q.set !== 'none' && was && !now) console.log(`  LOST ${half} ${q.set} ${q.query} [${said(q.hits.find((h) => h.answer)!)}]`);
	}
}

// ---- The sentence window: the run of sentences the hit's link starts at, widened by N words either side, across
// the segment's edges into its neighbours (the episode's words in order). Without sentence vectors: the segment. ----
const sentenceWindow = answerWindows(facts);
interface SentenceSetting { n: number; rareKnown: number; unseen: boolean; near: boolean; specific: number; override: number }
const sentenceVeto = (s: SentenceSetting) => (q: Query, h: Hit) => {
	if ((h.cosine ?? 0) >= s.override) return false;
	const win = sentenceWindow(h, s.n);
	const saysNear = (near: string[]) => near.some((x) => win.words.has(x) && segmentsWithWord.get(x)! <= s.specific);
	if (s.unseen && Object.values(q.unseenNeighbours).some((near) => !saysNear(near))) return true;
	const known = q.words.filter((w) => !w.unseen && w.segments > 0 && w.segments <= s.rareKnown && !/\d/.test(w.typed));
	return known.some((w) => !(win.terms.has(w.term) || (s.near && saysNear(w.neighbours))));
};
const sentenceSettings: SentenceSetting[] = [];
for (const n of [0, 10, 25, 50, 100, 200, Infinity])
	for (const rareKnown of [0, 1, 2, 3])
		for (const unseen of [false, true])
			for (const near of [false, true])
				for (const specific of near || unseen ? SPECIFIC : [Infinity])
					for (const override of [0.6, 0.65, 0.68, 0.7, Infinity]) if (rareKnown || unseen) sentenceSettings.push({ n, rareKnown, unseen, near, specific, override });
const describeSentence = (s: SentenceSetting) =>
	`sentence window ±${s.n} words: ${s.unseen ? 'unseen words by a neighbour' : ''}${s.unseen && s.rareKnown ? ', ' : ''}${s.rareKnown ? `known words in <= ${s.rareKnown} segments said${s.near ? ' or a neighbour' : ''}` : ''}, neighbours in <= ${s.specific} segments, override ${s.override}`;
sweep({ name: 'Sentence window, all', settings: sentenceSettings, describe: describeSentence, veto: sentenceVeto });
for (const n of [0, 10, 25, 50, 100, 200, Infinity]) {
	sweep({ name: `Sentence window ±${n}, unseen words only`, settings: sentenceSettings.filter((s) => s.n === n && !s.rareKnown), describe: describeSentence, veto: sentenceVeto });
	sweep({ name: `Sentence window ±${n}, with rare known words`, settings: sentenceSettings.filter((s) => s.n === n && s.rareKnown), describe: describeSentence, veto: sentenceVeto });
}
if (process.argv.includes('--grid')) {
	console.log('\nUnseen words by a specific neighbour in the sentence window: calibration | held-out');
	for (const n of [50, 75, 100, 125, 150, 200, 300])
		for (const specific of [4, 6, 8, 10, 12, 16, 20, Infinity])
			for (const override of [0.55, 0.6, 0.62, 0.65]) {
				const s: SentenceSetting = { n, rareKnown: 0, unseen: true, near: false, specific, override };
				console.log(`  ±${n} <=${specific} o${override}: ${show(outcome(sentenceVeto(s), false))} | ${show(outcome(sentenceVeto(s), true))}`);
			}
}
const namedSentence = process.argv.find((a) => a.startsWith('--sentence='))?.slice(11);
if (namedSentence) {
	const [n, specific, override] = namedSentence.split(',').map(Number);
	const s: SentenceSetting = { n: n!, rareKnown: 0, unseen: true, near: false, specific: specific!, override: override! };
	const veto = sentenceVeto(s);
	console.log(`\n${describeSentence(s)}: calibration ${show(outcome(veto, false))} | held-out ${show(outcome(veto, true))}`);
	const said = (q: Query, h: Hit) => Object.entries(q.unseenNeighbours).map(([w, near]) => `${w}->${near.filter((x) => sentenceWindow(h, s.n).words.has(x)).map((x) => `${x}:${segmentsWithWord.get(x)}`).join('/')}`).join(' ');
	for (const q of facts.queries) {
		if (!Object.keys(q.unseenNeighbours).length) continue;
		const kept = q.hits.filter((h) => !veto(q, h));
		const half = q.at % 2 ? 'held' : 'cal ';
		if (q.set === 'none' && kept.length) console.log(`  still shown ${half} ${q.query} [${said(q, kept[0]!)}] cos ${kept[0]!.cosine?.toFixed(3)}`);
		if (q.set === 'none' && q.hits.length && !kept.length) console.log(`  silenced ${half} ${q.query} [${q.hits.map((h) => said(q, h) + ' cos ' + h.cosine?.toFixed(3)).join('; ')}]`);
		const was = q.hits.slice(0, 3).some((h) => h.answer);
		const now = kept.slice(0, 3).some((h) => h.answer);
		const a = q.hits.find((h) => h.answer);
		if (q.set !== 'none' && a) console.log(`  ${was && !now ? 'LOST' : was ? 'kept' : 'not in 3'} ${half} ${q.set} ${q.query} [${said(q, a)}] cos ${a.cosine?.toFixed(3)} rank ${q.hits.indexOf(a) + 1}`);
	}
}
if (process.argv.includes('--matches')) {
	let found = 0, missing = 0, none = 0;
	for (const q of facts.queries) for (const h of q.hits) {
		if (!h.sentence) { none++; continue; }
		const words = tokenize(segments.get(h.id)!.text).map(normalizeWord);
		const said = tokenize(h.sentence.text).map(normalizeWord);
		let ok = false;
		for (let i = 0; !ok && i + said.length <= words.length; i++) ok = said.every((w, k) => words[i + k] === w);
		if (ok) found++; else { missing++; if (missing < 4) console.log('not found:', h.sentence.text.slice(0, 120)); }
	}
	console.log(`sentences found in their segment's words: ${found}, not found ${missing}, hits without sentence vectors ${none}`);
}
// The same, with a neighbour's specificity as the product can read it: its term's postings over the documents indexed.
const postingsShare = (w: string) => ((facts as unknown as { postings: Record<string, number> }).postings[w] ?? 0) / (facts as unknown as { documents: number }).documents;
interface ShareSetting { n: number; share: number; override: number }
const shareVeto = (s: ShareSetting) => (q: Query, h: Hit) => {
	if ((h.cosine ?? 0) >= s.override) return false;
	const win = sentenceWindow(h, s.n);
	return Object.values(q.unseenNeighbours).some((near) => !near.some((x) => win.words.has(x) && postingsShare(x) <= s.share));
};
if ((facts as unknown as { documents?: number }).documents) {
	console.log(`\ndocuments indexed: ${(facts as unknown as { documents: number }).documents}`);
	const SHARES = [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.3, Infinity];
	const settings = [0, 10, 25, 50, 75, 100, 125, 150, 200, 300, Infinity].flatMap((n) => SHARES.flatMap((share) => [0.55, 0.6, 0.62, 0.65, 0.68, 0.7, Infinity].map((override) => ({ n, share, override }))));
	const describeShare = (s: ShareSetting) => `±${s.n} words, neighbour's postings <= ${s.share} of documents, override ${s.override}`;
	const held = sweep({ name: 'Unseen words by a neighbour in the sentence window, specific by postings share', settings, describe: describeShare, veto: shareVeto });
	if (process.argv.includes('--ties')) for (const x of held ?? []) console.log(`   tie: ${describeShare(x.s)} -> held-out ${show(x.o)}`);
	if (process.argv.includes('--share-grid'))
		for (const n of [50, 75, 100, 150, 200]) for (const share of SHARES) for (const override of [0.6, 0.62, 0.65]) {
			const s = { n, share, override };
			console.log(`  ${describeShare(s)}: ${show(outcome(shareVeto(s), false))} | ${show(outcome(shareVeto(s), true))}`);
		}
}
{
	interface RaritySetting { n: number; logP: number; override: number }
	const rarityVeto = (s: RaritySetting) => (q: Query, h: Hit) => {
		if ((h.cosine ?? 0) >= s.override) return false;
		const win = sentenceWindow(h, s.n);
		return Object.values(q.unseenNeighbours).some((near) => !near.some((x) => win.words.has(x) && wordLogProbability(x) <= s.logP));
	};
	const settings = [0, 25, 50, 60, 75, 90, 100, 110, 125, 150, 200, 300, Infinity].flatMap((n) => [-7, -7.25, -7.5, -7.75, -8, -8.25, -8.5, -9, -10, -11, -12, -13, -14, -15, -16, -18, -20, 0].flatMap((logP) => [0.55, 0.6, 0.62, 0.65, 0.68, 0.7, Infinity].map((override) => ({ n, logP, override }))));
	const describeRarity = (s: RaritySetting) => `±${s.n} words, neighbour's English log-probability <= ${s.logP}, override ${s.override}`;
	const held = sweep({ name: 'Unseen words by a neighbour in the sentence window, specific by English rarity', settings, describe: describeRarity, veto: rarityVeto });
	for (const x of held ?? []) console.log(`   tie: ${describeRarity(x.s)} -> held-out ${show(x.o)}`);
}
const namedShare = process.argv.find((a) => a.startsWith('--share='))?.slice(8);
if (namedShare) {
	const [n, share, override] = namedShare.split(',').map(Number);
	const veto = shareVeto({ n: n!, share: share!, override: override! });
	for (const q of facts.queries) {
		const kept = q.hits.filter((h) => !veto(q, h));
		const was = q.hits.slice(0, 3).some((h) => h.answer);
		const now = kept.slice(0, 3).some((h) => h.answer);
		const a = q.hits.find((h) => h.answer);
		if (q.set !== 'none' && was && !now) console.log(`  LOST ${q.at % 2 ? 'held' : 'cal'} ${q.query} ${Object.entries(q.unseenNeighbours).map(([w, near]) => `${w}->${near.filter((x) => sentenceWindow(a!, n!).words.has(x)).map((x) => `${x}:${postingsShare(x).toFixed(3)}/${segmentsWithWord.get(x)}`).join('/')}`).join(' ')}`);
		if (q.set === 'none' && q.hits.length && !kept.length) console.log(`  silenced ${q.at % 2 ? 'held' : 'cal'} ${q.query}`);
	}
}
{
	// Both kinds at once: the focus word (hit and the segments either side, or a specific neighbour) and the unseen
	// words near the answer (English rarity), the latter at the product's setting's tied range.
	const unseenNear = (n: number, logP: number, override: number) => (q: Query, h: Hit) => {
		if ((h.cosine ?? 0) >= override) return false;
		const win = sentenceWindow(h, n);
		return Object.values(q.unseenNeighbours).some((near) => !near.some((x) => win.words.has(x) && wordLogProbability(x) <= logP));
	};
	const settings = focusSettings.filter((f) => f.pick === 'focus' && f.window === '±1' && f.near).flatMap((f) => [60, 75, 100].flatMap((n) => [-7.25, -7.75, -8.25].map((logP) => ({ f, n, logP }))));
	sweep({
		name: 'Focus word (±1 or a specific neighbour) and unseen words near the answer (English rarity, override 0.6)',
		settings,
		describe: (s) => `${describeFocus(s.f)}; ±${s.n} words, log-probability <= ${s.logP}`,
		veto: (s) => (q, h) => focusVeto(s.f)(q, h) || unseenNear(s.n, s.logP, 0.6)(q, h)
	});
}
if (process.argv.includes('--rarity-grid')) {
	for (const n of [25, 50, 60, 75, 100, 125, 150, 200]) for (const logP of [-7, -7.75, -8.5]) for (const override of [0.6, 0.65]) {
		const veto = (q: Query, h: Hit) => (h.cosine ?? 0) < override && Object.values(q.unseenNeighbours).some((near) => !near.some((x) => sentenceWindow(h, n).words.has(x) && wordLogProbability(x) <= logP));
		console.log(`  ±${n} <= ${logP} o${override}: ${show(outcome(veto, false))} | ${show(outcome(veto, true))}`);
	}
}
