/**
 * `npm run bench:honesty-signals`: measures candidate signals for search's honesty (issue 14 point 5, issue 12 point
 * 4) that today's floor (hybrid.ts) does not use, on what that floor still shows. Each signal is a veto on top of the
 * floor; its settings are swept on the even (calibration) half of the real judged questions, the demo's judged
 * queries and the unanswerable questions (as bench:quality splits them), keeping every answer the floor keeps in the
 * first three there, and reported on the odd (held-out) half. Ties on the calibration half are not broken by the
 * held-out half: the range of held-out results over the tied settings is printed.
 *
 * The signals, for a hit and each query word it does not say (not its stem, form, completion or typo), leaving out
 * words with digits:
 * - passage coverage: the word on its own, encoded by the same encoder, against the segment's passage vectors (its
 *   best cosine); a word the hit never comes near is a concept it does not address;
 * - word neighbours: the same word against the words the segment does say (each encoded on its own, the nearest
 *   one's cosine: "factories" -> "manufacturing" 0.66, "baby" -> "wake" 0.55), plus the hit's cosine and evidence;
 * - shape: the query's best passage cosine anywhere, and its gap to the third best.
 * Only words at most as common in English as a setting (word-rarity.ts log-probability) are weighed.
 * Nothing here changes what the site shows: it tells whether a signal is worth building (docs/search-honesty.md).
 */
import { createDb } from '../src/lib/server/db/client';
import { runMigrations } from '../src/lib/server/db/migrate';
import { fuseHits, FLOOR } from '../src/lib/server/search/hybrid';
import { rankAll } from '../src/lib/server/search/ranking';
import { indexTerms, normalizeWord, queryTerm, queryWords, tokenize, typoEdits } from '../src/lib/server/search/terms';
import { wordLogProbability } from '../src/lib/server/search/word-rarity';
import { cachedEncoder, judgedSearch } from './judged/corpus';
import { judgedQuerySets, outcomeOf, type JudgedSet, type Outcome } from './judged/sets';

/** Judged hits looked at per question (an answer must be in the first three anyway). */
const JUDGED_HITS = 10;

interface WordOfHit {
	said: boolean;
	/** The word's vector against the segment's best passage. */
	passage: number;
	/** ...against the nearest word the segment says, and that word. */
	neighbour: number;
	nearest: string;
}
interface HitFeatures {
	answer: boolean;
	cosine: number;
	evidence: number;
	words: WordOfHit[];
}
interface QueryFeatures {
	set: JudgedSet;
	/** Index in its set: even is the calibration half. */
	at: number;
	query: string;
	words: { typed: string; logProbability: number }[];
	hits: HitFeatures[];
	bestCosines: number[];
}

const editDistance = (a: string, b: string): number => {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		previous = current;
	}
	return previous[b.length]!;
};
const dot = (a: Float32Array, b: Float32Array) => {
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
	return sum;
};

const encoder = await cachedEncoder();
const handle = await createDb('pglite://memory');
const features: QueryFeatures[] = [];
let vocabularySize = 0;
let vocabularySeconds = 0;
try {
	await runMigrations(handle);
	const db = handle.db;
	const { corpus, index, semantic, links } = await judgedSearch(db, encoder);

	// Each segment's words (its titles included) as index terms, and as words to encode on their own.
	const termsOf = new Map<number, Set<string>>();
	const wordsOf = new Map<number, string[]>();
	for (const [id, segment] of index.segments) {
		const episode = index.episodes.get(segment.episodeId);
		const show = episode && index.shows.get(episode.podcastId);
		const words = tokenize([segment.title, segment.summary ?? '', episode?.title ?? '', show?.title ?? '', segment.text ?? ''].join(' '));
		termsOf.set(id, new Set(words.flatMap((w) => indexTerms(w) ?? [])));
		wordsOf.set(id, [...new Set(words.map(normalizeWord).filter((w) => w.length >= 3 && !/\d/.test(w) && queryTerm(w) !== null))]);
	}
	const vocabulary = [...new Set([...wordsOf.values()].flat())];
	const started = performance.now();
	const wordVectors = new Map<string, Float32Array>();
	for (let at = 0; at < vocabulary.length; at += 256) {
		const chunk = vocabulary.slice(at, at + 256);
		(await encoder.encode(chunk)).forEach((v, k) => wordVectors.set(chunk[k]!, v));
	}
	vocabularySize = vocabulary.length;
	vocabularySeconds = (performance.now() - started) / 1000;
	encoder.save();

	const sets = judgedQuerySets(index, corpus);
	const counters = { real: 0, demo: 0, none: 0, fresh: 0, 'fresh-none': 0, fourth: 0, 'fourth-none': 0, fifth: 0, 'fifth-none': 0 };
	for (const [set, query, answers] of sets) {
		const ranked = rankAll(index, query);
		const vector = (await semantic.queryVector(query))!;
		const shown = fuseHits(ranked.segments, vector, () => true, { links, evidence: ranked.evidence, floor: FLOOR });
		const words = queryWords(query).filter((w) => !/\d/.test(w.typed));
		const vectors = await Promise.all(words.map(async (w) => (await semantic.queryVector(w.typed))!.vector));
		const hits = (answers ? shown.slice(0, JUDGED_HITS) : shown).map((hit): HitFeatures => {
			const terms = termsOf.get(hit.id)!;
			return {
				answer: answers?.(hit.id) ?? false,
				cosine: hit.cosine ?? 0,
				evidence: hit.evidence?.of(hit.id, hit.terms) ?? 0,
				words: words.map((w, i) => {
					// Said as its stem or form, or matched as a completion or a typo of it.
					const said =
						terms.has(w.term) ||
						terms.has(w.typed) ||
						[...hit.terms].some((t) => t === w.term || t.startsWith(w.typed) || (typoEdits(w.typed) > 0 && editDistance(w.typed, t) <= typoEdits(w.typed)));
					let neighbour = -1;
					let nearest = '';
					for (const word of wordsOf.get(hit.id)!) {
						const c = dot(vectors[i]!, wordVectors.get(word)!);
						if (c > neighbour) [neighbour, nearest] = [c, word];
					}
					const passage = vector.vectors.scoreSegments(vectors[i]!, vector.model, [hit.id]).get(hit.id)?.score ?? 0;
					return { said, passage, neighbour, nearest };
				})
			};
		});
		const bestCosines = vector.vectors.search(vector.vector, vector.model, { limit: 3 }).map((h) => h.score);
		features.push({ set, at: counters[set]++, query, words: words.map((w) => ({ typed: w.typed, logProbability: wordLogProbability(w.typed) })), hits, bestCosines });
	}
} finally {
	await handle.close();
}

/** A veto on one shown hit of a query. */
type Veto = (q: QueryFeatures, hit: HitFeatures) => boolean;
const outcome = (veto: Veto, odd: boolean): Outcome => outcomeOf(features, veto, odd);
/** The query's words a hit does not say, at most as common in English as `rarerThan`. */
const unsaid = (q: QueryFeatures, hit: HitFeatures, rarerThan: number) => hit.words.filter((w, i) => !w.said && q.words[i]!.logProbability <= rarerThan);
const range = (from: number, to: number, step: number) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Math.round((from + i * step) * 1000) / 1000);
const RARITIES = [0, -9, -10, -11, -12, -14, -16, -18, -20];
const show = (o: Outcome) => `answer in the first 3 ${o.answered}/${o.judged}, unanswerable with no moment ${o.none}/${o.unanswerable}`;

const today = { calibration: outcome(() => false, false), heldOut: outcome(() => false, true) };
console.log(`Vocabulary: ${vocabularySize} distinct words in the segments, encoded one by one in ${vocabularySeconds.toFixed(1)} s (or read from the cache)`);
console.log(`Today's floor: calibration half ${show(today.calibration)}; held-out half ${show(today.heldOut)}`);

/** Sweeps a signal's settings on the calibration half; prints the best and the held-out range over its ties. */
function sweep<T>(label: string, settings: T[], veto: (setting: T) => Veto, describe: (setting: T) => string, margin?: (setting: T) => number): void {
	const scored = settings.map((s) => ({ s, calibration: outcome(veto(s), false) })).filter((x) => x.calibration.answered >= today.calibration.answered);
	const report = (of: typeof scored, note: string) => {
		if (!of.length) return console.log(`  ${note}no setting keeps every answer of the calibration half`);
		const best = Math.max(...of.map((x) => x.calibration.none));
		const tied = of.filter((x) => x.calibration.none === best);
		const heldOut = tied.map((x) => outcome(veto(x.s), true));
		const answered = heldOut.map((o) => o.answered);
		const none = heldOut.map((o) => o.none);
		console.log(`  ${note}calibration: unanswerable with no moment ${today.calibration.none} -> ${best}/${today.calibration.unanswerable} (${tied.length} settings tie, e.g. ${describe(tied[0]!.s)})`);
		console.log(`    held-out over those: answers in the first 3 ${Math.min(...answered)}-${Math.max(...answered)}/${today.heldOut.judged} (today ${today.heldOut.answered}), unanswerable with no moment ${Math.min(...none)}-${Math.max(...none)}/${today.heldOut.unanswerable} (today ${today.heldOut.none})`);
	};
	console.log(`\n${label}`);
	report(scored, '');
	if (margin) {
		const robust = scored.filter((x) => margin(x.s) >= 0.02);
		if (robust.length) report(robust, 'with every calibration answer at least 0.02 (of the score, scaled to 0-1) clear of the veto: ');
	}
}

sweep(
	'Passage coverage: a query word the hit does not say, whose own vector is below t against every passage of the segment, vetoes it (unless the hit\'s cosine reaches `over`)',
	RARITIES.flatMap((rarerThan) => range(0.1, 0.45, 0.05).flatMap((t) => [0.6, 0.62, 0.65, 0.7, 2].map((over) => ({ rarerThan, t, over })))),
	({ rarerThan, t, over }) => (q, h) => h.cosine < over && unsaid(q, h, rarerThan).some((w) => w.passage < t),
	(s) => `words rarer than ${s.rarerThan}, t ${s.t}, over ${s.over}`
);

const neighbourScore = (q: QueryFeatures, h: HitFeatures, s: { rarerThan: number; a: number; b: number }) => {
	const words = unsaid(q, h, s.rarerThan);
	return words.length ? Math.min(...words.map((w) => w.neighbour)) + s.a * h.cosine + s.b * h.evidence : Infinity;
};
const neighbourSettings = RARITIES.flatMap((rarerThan) =>
	[0, 0.5, 1, 1.5, 2].flatMap((a) => [0, 0.25, 0.5, 1].flatMap((b) => range(0.3, 2.2, 0.02).map((threshold) => ({ rarerThan, a, b, threshold }))))
);
sweep(
	'Word neighbours: min over the unsaid words of the cosine to the nearest word the segment says, + a x the hit\'s cosine + b x its evidence, below a threshold, vetoes it',
	neighbourSettings,
	(s) => (q, h) => neighbourScore(q, h, s) < s.threshold,
	(s) => `words rarer than ${s.rarerThan}, a ${s.a}, b ${s.b}, threshold ${s.threshold}`,
	(s) => {
		let least = Infinity;
		for (const q of features) {
			if (q.at % 2 !== 0 || q.set === 'none') continue;
			const answer = q.hits.slice(0, 3).find((h) => h.answer);
			if (answer) least = Math.min(least, (neighbourScore(q, answer, s) - s.threshold) / (1 + s.a + s.b));
		}
		return least;
	}
);

sweep(
	'Shape: a query whose best passage cosine anywhere is below c, and at most g above its third best, shows nothing',
	range(0.3, 0.7, 0.02).flatMap((c) => range(0, 0.3, 0.02).map((g) => ({ c, g }))),
	({ c, g }) => (q) => (q.bestCosines[0] ?? 0) < c && (q.bestCosines[0] ?? 0) - (q.bestCosines[2] ?? 0) <= g,
	(s) => `c ${s.c}, g ${s.g}`
);

console.log('\nNearest words the segment says, for the unsaid words of the unanswerable questions\' first hits and of the answers (--verbose for all):');
const verbose = process.argv.includes('--verbose');
for (const q of features) {
	const hit = q.set === 'none' ? q.hits[0] : q.hits.slice(0, 3).find((h) => h.answer);
	if (!hit || (!verbose && q.set === 'demo')) continue;
	const words = hit.words.map((w, i) => ({ w, typed: q.words[i]!.typed, p: q.words[i]!.logProbability })).filter((x) => !x.w.said && x.p <= -16);
	if (words.length) console.log(`  ${q.set === 'none' ? 'none  ' : 'answer'} ${words.map((x) => `${x.typed} -> ${x.w.nearest} ${x.w.neighbour.toFixed(2)}`).join(', ')}  (${q.query})`);
}
