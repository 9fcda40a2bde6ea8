/**
 * `npx tsx bench/honesty-model.ts [--fresh-table]`: a small fitted model as a veto on top of today's evidence floor,
 * instead of one more hand rule (issue 14 point 5). Five sessions of hand rules each gained 2-3 questions on a new set
 * and generalised poorly; this asks whether a model fitted to every judged hit at once does better on a set it never saw.
 *
 * 1. A feature table, one row per hit today's floor shows (hybrid.ts fuseHits with FLOOR) for every judged query: the
 *    hit's cosine, its lexical evidence (evidence.ts: the share of the query's idf weight one passage says), its
 *    lexical and vector ranks and their agreement, the query words it matched and how rare the rarest is, whether it
 *    says a one-word query as typed, the floor's own margin, the query's length and kind (question or topic), its
 *    words the index never saw and how rare in English, its best cosine and the gap to its third. A hit is an answer
 *    when it lies in its question's judged window (or is a demo query's expected segment); every hit shown for a
 *    question the content cannot answer is wrong.
 * 2. Two models decide "veto this hit or not": a logistic regression (weighted, L2, on standardised features) whose
 *    veto threshold is the lowest that keeps every answer today's floor keeps in the first three of the training sets;
 *    and a depth-2 tree's one vetoing leaf (a conjunction of two feature thresholds), searched exhaustively under the
 *    same cost (no training answer lost), most unanswerable training questions silenced. Both are evaluated
 *    leave-one-set-out over four sets: real (the real listener questions with unanswerable.ts), demo, fresh, fourth:
 *    trained on three, tested on the fourth, beside today's floor on the same split. Ties of the tree are reported as
 *    ranges over the tied rules, never chosen by the left-out set.
 * 3. The trade-off: for today's floor (its cosine floors vectorOnly, combined and lexical raised together) and for
 *    the regression (its threshold lowered), the answers lost (hit@3) at the first setting that silences every
 *    unanswerable question of a set, chosen on that set itself (an oracle, to show the price, not a setting to ship).
 *
 * The table is cached in /tmp/honesty-model-table.json (rebuilt with --fresh-table, or when the judged sets change).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createDb } from '../src/lib/server/db/client';
import { runMigrations } from '../src/lib/server/db/migrate';
import { FLOOR, clearsFloor, fuseHits, withNeighbours, type Floor } from '../src/lib/server/search/hybrid';
import { rankAll } from '../src/lib/server/search/ranking';
import { unseenWords } from '../src/lib/server/search/evidence';
import { queryWords } from '../src/lib/server/search/terms';
import { cachedEncoder, judgedSearch } from './judged/corpus';
import { isUnanswerable, judgedQuerySets, tally, type JudgedSet, type Outcome } from './judged/sets';

/** The four sets left out in turn: the real questions with the first unanswerable set, the demo, fresh, fourth (and fifth once merged). */
type Group = 'real' | 'demo' | 'fresh' | 'fourth' | 'fifth';
const groupOf = (set: JudgedSet): Group => (set === 'none' ? 'real' : (set.replace(/-none$/, '') as Group));

/** Feature names, in the order of each row's `x`. */
const FEATURES = [
	'cosine', // the best passage's cosine
	'evidence', // share of the query's idf weight one passage says (0 for a hit found by meaning alone)
	'margin', // cosine + 0.9 evidence - 0.1 unknown share - FLOOR.combined: how far the floor's main sum clears it
	'lexicalRank', // 1 / rank among the lexical hits (0: not a lexical hit)
	'lexicalScore', // lexical score / the best lexical score
	'vectorRank', // 1 / rank by cosine among the fused hits
	'rankAgreement', // |log lexical rank - log vector rank| (3 when not a lexical hit)
	'matchedShare', // query terms matched / query words the index knows
	'rarestMatchedIdf', // idf of the rarest index term the hit matched (0: none)
	'uncommonMatched', // matched terms in at most 12.5% of documents (FLOOR.unseenMatchShare)
	'saysTyped', // a one-word query said as typed (1 for other queries)
	'shownRank', // 1 / the hit's place among the shown hits
	'shown', // how many hits the floor shows for the query (log)
	'words', // query words
	'knownWords', // query words the index knows
	'question', // 1 for a question, 0 for a topic
	'unknownShare', // share of the query's words the index never saw
	'rarestUnsaid', // English log-probability of the rarest such word / -30 (0: none)
	'topCosine', // the query's best cosine among fused hits
	'gap13', // best cosine - third best cosine
	'cosineToTop' // hit cosine - the query's best cosine
] as const;
type Feature = (typeof FEATURES)[number];

interface Row { x: number[]; answer: boolean; id: number }
interface Query { group: Group; set: JudgedSet; query: string; unanswerable: boolean; hits: Row[]; /** every fused hit (no floor) for the floor sweep: answer flag and whether a raised floor shows it, by raise */ raised: { answer: boolean; shownBy: number[] }[] }

/** Raises of the floor's cosine floors (vectorOnly, combined, lexical together) for the trade-off. */
const RAISES = Array.from({ length: 81 }, (_, i) => i * 0.01);

const tableFile = '/tmp/honesty-model-table.json';
const setsKey = createHash('sha1')
	.update(['real', 'unanswerable', 'fresh', 'fourth', 'fifth', 'sets'].map((f) => (existsSync(`bench/judged/${f}.ts`) ? readFileSync(`bench/judged/${f}.ts`, 'utf8') : '')).join('\n') + readFileSync('src/lib/server/search/hybrid.ts', 'utf8') + readFileSync('src/lib/server/search/evidence.ts', 'utf8'))
	.digest('hex');

async function buildTable(): Promise<Query[]> {
	const encoder = await cachedEncoder();
	const handle = await createDb('pglite://memory');
	const queries: Query[] = [];
	try {
		await runMigrations(handle);
		const { corpus, index, semantic, links } = await judgedSearch(handle.db, encoder, { neighbours: true });
		const documents = index.terms.documents;
		for (const [set, query, isAnswer] of judgedQuerySets(index, corpus, { fresh: true })) {
			const ranked = rankAll(index, query);
			const unseen = unseenWords(index, query);
			const vector = (await withNeighbours(await semantic.queryVector(query, unseen)))!;
			const evidence = ranked.evidence;
			const all = fuseHits(ranked.segments, vector, () => true, { links, evidence, floor: null });
			const shown = fuseHits(ranked.segments, vector, () => true, { links, evidence, floor: FLOOR });
			const lexicalRank = new Map(ranked.segments.map((h, i) => [h.id, i + 1]));
			const topLexical = ranked.segments[0]?.score ?? 1;
			const lexicalScore = new Map(ranked.segments.map((h) => [h.id, h.score / topLexical]));
			const cosines = all.map((h) => h.cosine ?? 0).sort((a, b) => b - a);
			const vectorRank = new Map([...all].sort((a, b) => (b.cosine ?? 0) - (a.cosine ?? 0)).map((h, i) => [h.id, i + 1]));
			const words = queryWords(query);
			const known = words.filter((w) => !unseen.includes(w.typed)).length;
			const question = /\?\s*$/.test(query) || /^(how|what|why|when|where|who|which|is|are|can|do|does|should|will|would|could)\b/i.test(query.trim()) ? 1 : 0;
			const top = cosines[0] ?? 0;
			const hits = shown.map((h, i): Row => {
				const cosine = h.cosine ?? 0;
				const ev = evidence ? evidence.of(h.id, h.terms) : 0;
				const postings = [...h.terms].map((t) => index.terms.postings(t));
				const lr = lexicalRank.get(h.id);
				const vr = vectorRank.get(h.id) ?? all.length;
				const f: Record<Feature, number> = {
					cosine,
					evidence: ev,
					margin: cosine + FLOOR.evidenceWeight * ev - FLOOR.unknownPenalty * (evidence?.unknownShare ?? 0) - FLOOR.combined,
					lexicalRank: lr ? 1 / lr : 0,
					lexicalScore: lexicalScore.get(h.id) ?? 0,
					vectorRank: 1 / vr,
					rankAgreement: lr ? Math.abs(Math.log(lr) - Math.log(vr)) : 3,
					matchedShare: known ? Math.min(1, h.queryTermsMatched / known) : 0,
					rarestMatchedIdf: postings.length ? Math.log(1 + documents / (Math.min(...postings) + 1)) : 0,
					uncommonMatched: postings.filter((p) => p <= FLOOR.unseenMatchShare * documents).length,
					saysTyped: evidence ? (evidence.saysTypedWord(h.id) ? 1 : 0) : 1,
					shownRank: 1 / (i + 1),
					shown: Math.log(shown.length),
					words: words.length,
					knownWords: known,
					question,
					unknownShare: evidence?.unknownShare ?? 0,
					rarestUnsaid: (evidence?.rarestUnsaid ?? 0) / -30,
					topCosine: top,
					gap13: top - (cosines[2] ?? 0),
					cosineToTop: cosine - top
				};
				return { x: FEATURES.map((k) => f[k]), answer: isAnswer?.(h.id) ?? false, id: h.id };
			});
			const examined = all.slice(0, 200);
			const raised = examined.map((h) => ({
				answer: isAnswer?.(h.id) ?? false,
				shownBy: RAISES.filter((r) => clearsFloor(h, raise(r))).map((r) => Math.round(r * 100))
			}));
			queries.push({ group: groupOf(set), set, query, unanswerable: isUnanswerable(set), hits, raised });
		}
		encoder.save();
	} finally {
		await handle.close();
	}
	return queries;
}

/** Today's floor with its cosine floors raised by `r` (the trade-off's one knob). */
const raise = (r: number): Floor => ({ ...FLOOR, vectorOnly: FLOOR.vectorOnly + r, combined: FLOOR.combined + r, lexical: FLOOR.lexical + r });

const fresh = process.argv.includes('--fresh-table');
let queries: Query[];
if (!fresh && existsSync(tableFile) && JSON.parse(readFileSync(tableFile, 'utf8')).key === setsKey) queries = JSON.parse(readFileSync(tableFile, 'utf8')).queries;
else {
	queries = await buildTable();
	writeFileSync(tableFile, JSON.stringify({ key: setsKey, queries }));
}

// ---- Outcomes ----
type Veto = (row: Row, q: Query) => boolean;
/** Today's floor with `veto` on top, counted as the other honesty benches count (judged/sets.ts). */
const outcome = (qs: readonly Query[], veto: Veto): Outcome => tally(qs, (q, h) => veto(h, q), (q) => q.unanswerable);
const none: Veto = () => false;
/** No answer lost against today's floor: the questions answered in the first three, and each answer there. */
const keepsAnswers = (o: Outcome, today: Outcome) => o.answered >= today.answered && o.answerHits >= today.answerHits;
const show = (o: Outcome) => `answers ${o.answered}/${o.judged}` + (o.unanswerable ? `, silenced ${o.none}/${o.unanswerable}` : '');
const range = (xs: number[]) => (Math.min(...xs) === Math.max(...xs) ? `${xs[0]}` : `${Math.min(...xs)}-${Math.max(...xs)}`);

// ---- Logistic regression ----
interface Logistic { mean: number[]; sd: number[]; w: number[]; b: number; threshold: number }
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
function fitLogistic(train: readonly Query[], { l2 = 0.01, answerWeight = 5, use = FEATURES as readonly Feature[] } = {}): Omit<Logistic, 'threshold'> {
	const on = FEATURES.map((f) => use.includes(f));
	// Wrong hits (every hit of an unanswerable question) are 1, answers in today's first three 0; an answerable
	// question's other hits say nothing either way and are left out. Each unanswerable question weighs 1 in all.
	const xs: number[][] = [];
	const ys: number[] = [];
	const ws: number[] = [];
	for (const q of train) {
		if (q.unanswerable) for (const h of q.hits) xs.push(h.x), ys.push(1), ws.push(1 / q.hits.length);
		else for (const h of q.hits.slice(0, 3)) if (h.answer) xs.push(h.x), ys.push(0), ws.push(answerWeight / q.hits.slice(0, 3).filter((x) => x.answer).length);
	}
	const d = FEATURES.length;
	const mean = Array.from({ length: d }, (_, j) => xs.reduce((a, x) => a + x[j]!, 0) / xs.length);
	const sd = Array.from({ length: d }, (_, j) => Math.sqrt(xs.reduce((a, x) => a + (x[j]! - mean[j]!) ** 2, 0) / xs.length) || 1);
	const zs = xs.map((x) => x.map((v, j) => (on[j] ? (v - mean[j]!) / sd[j]! : 0)));
	const w = new Array<number>(d).fill(0);
	let b = 0;
	const total = ws.reduce((a, x) => a + x, 0);
	for (let it = 0; it < 3000; it++) {
		const gw = new Array<number>(d).fill(0);
		let gb = 0;
		zs.forEach((z, i) => {
			const err = (sigmoid(b + z.reduce((a, v, j) => a + v * w[j]!, 0)) - ys[i]!) * ws[i]!;
			for (let j = 0; j < d; j++) gw[j] = gw[j]! + err * z[j]!;
			gb += err;
		});
		for (let j = 0; j < d; j++) w[j] = w[j]! - 0.5 * (gw[j]! / total + l2 * w[j]!);
		b -= 0.5 * (gb / total);
	}
	return { mean, sd, w, b };
}
const probability = (m: Omit<Logistic, 'threshold'>, x: number[]) => sigmoid(m.b + x.reduce((a, v, j) => a + ((v - m.mean[j]!) / m.sd[j]!) * m.w[j]!, 0));
const logit = (p: number) => Math.log(p / (1 - p));
/** The lowest veto threshold that keeps every training answer (the most silenced), the highest among ties. */
function fitThreshold(m: Omit<Logistic, 'threshold'>, train: readonly Query[], margin = 0): number {
	const today = outcome(train, none);
	const ps = [...new Set(train.flatMap((q) => q.hits.map((h) => probability(m, h.x))))].sort((a, b) => a - b);
	let best = { t: 1, silenced: today.none };
	for (const p of ps) {
		const o = outcome(train, (h) => probability(m, h.x) > p);
		if (keepsAnswers(o, today) && o.none > best.silenced) best = { t: p, silenced: o.none };
	}
	// A margin (in log-odds) above the fitted threshold: the edge sits on one training answer.
	return margin === 0 ? best.t : sigmoid(logit(Math.min(best.t, 1 - 1e-12)) + margin);
}

// ---- Depth-2 tree: one vetoing leaf, a conjunction of two thresholds ----
interface Split { f: number; below: boolean; t: number }
interface Leaf { a: Split; b: Split }
const passes = (s: Split, x: number[]) => (s.below ? x[s.f]! < s.t : x[s.f]! > s.t);
const leafVeto = (l: Leaf): Veto => (h) => passes(l.a, h.x) && passes(l.b, h.x);
const describe = (s: Split) => `${FEATURES[s.f]} ${s.below ? '<' : '>'} ${+s.t.toFixed(3)}`;
function candidateSplits(train: readonly Query[], use: readonly Feature[]): Split[] {
	const splits: Split[] = [];
	for (let f = 0; f < FEATURES.length; f++) {
		if (!use.includes(FEATURES[f]!)) continue;
		const values = [...new Set(train.flatMap((q) => q.hits.map((h) => h.x[f]!)))].sort((a, b) => a - b);
		// Thresholds halfway between neighbouring values, at most ~24 per feature (quantiles).
		const mids = values.slice(1).map((v, i) => (v + values[i]!) / 2);
		const step = Math.max(1, Math.floor(mids.length / 24));
		for (let i = 0; i < mids.length; i += step) splits.push({ f, below: true, t: mids[i]! }, { f, below: false, t: mids[i]! });
	}
	return splits;
}
/**
 * Every leaf that spares each answer in today's first three of the training sets and silences the most training
 * questions (the ties). Exhaustive over pairs of splits, on flat arrays: ~1,000 splits, ~500,000 pairs a fit.
 */
function fitTree(train: readonly Query[], use: readonly Feature[] = FEATURES): { leaves: Leaf[]; silenced: number } {
	const today = outcome(train, none);
	const splits = candidateSplits(train, use);
	const answers = train.flatMap((q) => (q.unanswerable ? [] : q.hits.slice(0, 3).filter((h) => h.answer)));
	const wrong = train.filter((q) => q.unanswerable && q.hits.length > 0);
	const wrongHits = wrong.flatMap((q) => q.hits);
	const ends: number[] = [];
	wrong.reduce((at, q) => (ends.push(at + q.hits.length), at + q.hits.length), 0);
	const onAnswers = splits.map((s) => Uint8Array.from(answers, (h) => (passes(s, h.x) ? 1 : 0)));
	const onWrong = splits.map((s) => Uint8Array.from(wrongHits, (h) => (passes(s, h.x) ? 1 : 0)));
	const silent = today.none; // questions with no hit at all
	let best = silent;
	let leaves: Leaf[] = [];
	for (let i = 0; i < splits.length; i++) {
		const ai = onAnswers[i]!;
		const wi = onWrong[i]!;
		for (let j = i; j < splits.length; j++) {
			if (splits[i]!.f === splits[j]!.f && i !== j) continue;
			const aj = onAnswers[j]!;
			let spares = true;
			for (let k = 0; k < ai.length; k++) if (ai[k]! & aj[k]!) { spares = false; break; }
			if (!spares) continue;
			const wj = onWrong[j]!;
			let silenced = silent;
			let start = 0;
			for (const end of ends) {
				let all = 1;
				for (let k = start; k < end; k++) if (!(wi[k]! & wj[k]!)) { all = 0; break; }
				silenced += all;
				start = end;
			}
			if (silenced < best) continue;
			const leaf = { a: splits[i]!, b: splits[j]! };
			if (!keepsAnswers(outcome(train, leafVeto(leaf)), today)) continue;
			if (silenced > best) (best = silenced), (leaves = []);
			leaves.push(leaf);
		}
	}
	return { leaves, silenced: best };
}

// ---- Leave one set out ----
/** The hit's own evidence, and the query's shape without its length or kind. */
const HIT: Feature[] = ['cosine', 'evidence', 'margin', 'lexicalRank', 'lexicalScore', 'vectorRank', 'rankAgreement', 'matchedShare', 'rarestMatchedIdf', 'uncommonMatched', 'saysTyped', 'cosineToTop'];
const SHAPE: Feature[] = ['topCosine', 'gap13', 'unknownShare', 'rarestUnsaid'];
const groups: Group[] = (['real', 'demo', 'fresh', 'fourth', 'fifth'] as const).filter((g) => queries.some((q) => q.group === g));
const fitGroups = groups.filter((g) => g !== 'fifth');
console.log(`${queries.length} judged queries, ${queries.reduce((a, q) => a + q.hits.length, 0)} hits shown by today's floor; sets ${groups.map((g) => `${g} ${queries.filter((q) => q.group === g).length}`).join(', ')}`);
for (const g of groups) console.log(`today's floor on ${g}: ${show(outcome(queries.filter((q) => q.group === g), none))}`);

console.log('\nLeave one set out (trained on the others; fifth, if present, is never trained on here):');
for (const left of fitGroups) {
	const train = queries.filter((q) => q.group !== left && q.group !== 'fifth');
	const test = queries.filter((q) => q.group === left);
	const today = outcome(test, none);
	const m = fitLogistic(train);
	const t = fitThreshold(m, train);
	const lr = outcome(test, (h) => probability(m, h.x) > t);
	const mp = fitLogistic(train, { use: HIT });
	const tp = fitThreshold(mp, train, 0.5);
	const primary = outcome(test, (h) => probability(mp, h.x) > tp);
	const tree = fitTree(train);
	const tos = tree.leaves.map((l) => outcome(test, leafVeto(l)));
	console.log(`  ${left.padEnd(6)} today ${show(today)}`);
	console.log(`         primary (logistic, hit features, margin 0.5; p > ${tp.toFixed(3)}): ${show(primary)}${keepsAnswers(primary, today) ? '' : '  ANSWERS LOST'}`);
	console.log(`         logistic, every feature, no margin (p > ${t.toFixed(3)}): ${show(lr)}${keepsAnswers(lr, today) ? '' : '  ANSWERS LOST'}`);
	console.log(
		`         tree (${tree.leaves.length} tied leaves, training silenced ${tree.silenced}): answers ${range(tos.map((o) => o.answered))}/${today.judged}, answer hits ${range(tos.map((o) => o.answerHits))} (today ${today.answerHits})` +
			(today.unanswerable ? `, silenced ${range(tos.map((o) => o.none))}/${today.unanswerable} (today ${today.none})` : '')
	);
	if (process.argv.includes('--leaves')) for (const l of tree.leaves.slice(0, 12)) console.log(`           veto if ${describe(l.a)} and ${describe(l.b)}`);
}

// ---- Variants, each leave-one-set-out: which features, how much an answer weighs, a margin on the threshold ----
const VARIANTS: { name: string; use: readonly Feature[]; answerWeight: number; margin: number }[] = [];
for (const [name, use] of [['all', FEATURES], ['hit', HIT], ['hit+shape', [...HIT, ...SHAPE]]] as const)
	for (const answerWeight of [5, 20, 50])
		for (const margin of [0, 0.5, 1, 2, 3]) VARIANTS.push({ name: `${name} w${answerWeight} m${margin}`, use, answerWeight, margin });
const cell = (o: Outcome, today: Outcome) => `${o.answered - today.answered >= 0 ? '+' : ''}${o.answered - today.answered}a` + (o.unanswerable ? ` ${o.none - today.none >= 0 ? '+' : ''}${o.none - today.none}s` : '');
console.log(`\nVariants, left-out set: answers (a) and silenced (s) against today's floor (${fitGroups.join(' | ')})`);
for (const v of process.argv.includes('--variants') ? VARIANTS : []) {
	const cells = fitGroups.map((left) => {
		const train = queries.filter((q) => q.group !== left && q.group !== 'fifth');
		const test = queries.filter((q) => q.group === left);
		const m = fitLogistic(train, { answerWeight: v.answerWeight, use: v.use });
		const t = fitThreshold(m, train, v.margin);
		return cell(outcome(test, (h) => probability(m, h.x) > t), outcome(test, none));
	});
	console.log(`  logistic ${v.name.padEnd(22)} ${cells.join(' | ')}`);
}
for (const [name, use] of process.argv.includes('--variants') ? ([['hit', HIT], ['hit+shape', [...HIT, ...SHAPE]]] as const) : []) {
	const cells = fitGroups.map((left) => {
		const train = queries.filter((q) => q.group !== left && q.group !== 'fifth');
		const test = queries.filter((q) => q.group === left);
		const today = outcome(test, none);
		const os = fitTree(train, use).leaves.map((l) => outcome(test, leafVeto(l)));
		return `${range(os.map((o) => o.answered - today.answered))}a` + (today.unanswerable ? ` +${range(os.map((o) => o.none - today.none))}s` : '');
	});
	console.log(`  tree ${name.padEnd(26)} ${cells.join(' | ')}`);
}

// ---- The answers' frontier: a monotone model with no fitted direction ----
// Keep a hit only when it is at least as good, on every one of a few features where more means likelier an answer,
// as some training answer (in today's first three), less a slack; otherwise veto it. Nothing is learnt but the
// training answers themselves, so a feature cannot turn against answers the way query length did above.
const index = (f: Feature) => FEATURES.indexOf(f);
function frontier(train: readonly Query[], use: readonly Feature[], slack: number): Veto {
	const cols = use.map(index);
	const answers = train.flatMap((q) => (q.unanswerable ? [] : q.hits.slice(0, 3).filter((h) => h.answer).map((h) => cols.map((c) => h.x[c]!))));
	return (h) => !answers.some((a) => cols.every((c, k) => h.x[c]! + slack * (Math.abs(a[k]!) || 1) >= a[k]!));
}
const FRONTIERS: (readonly Feature[])[] = [
	['cosine', 'evidence'],
	['margin', 'matchedShare'],
	['cosine', 'evidence', 'matchedShare'],
	['cosine', 'evidence', 'lexicalScore'],
	['cosine', 'matchedShare'],
	['margin', 'lexicalScore'],
	['cosine', 'evidence', 'vectorRank'],
	['cosine', 'evidence', 'topCosine'],
	['margin', 'cosineToTop'],
	['cosine', 'evidence', 'matchedShare', 'lexicalScore']
];
if (process.argv.includes('--variants'))
	for (const use of FRONTIERS)
		for (const slack of [0, 0.02, 0.05]) {
			const cells = fitGroups.map((left) => {
				const train = queries.filter((q) => q.group !== left && q.group !== 'fifth');
				const test = queries.filter((q) => q.group === left);
				return cell(outcome(test, frontier(train, use, slack)), outcome(test, none));
			});
			console.log(`  frontier ${`${use.join('+')} slack ${slack}`.padEnd(50)} ${cells.join(' | ')}`);
		}

// ---- The models fixed before the fifth set was read, fitted on every set before it ----
// Fixed from the leave-one-set-out figures above (December 6, 18:45 UTC), before bench/judged/fifth.ts was read:
// the primary is the regression on the hit's own evidence (no query length or kind, which turned against the demo's
// short topics when it was left out) with a 0.5 log-odds margin; beside it the regression as first specified (every
// feature, no margin) and the tree's tied leaves on every feature.
const trainAll = queries.filter((q) => q.group !== 'fifth');
const FIXED = [
	{ name: 'primary: logistic, hit features, answer weight 5, margin 0.5', use: HIT, answerWeight: 5, margin: 0.5 },
	{ name: 'logistic, every feature, answer weight 5, no margin', use: FEATURES as readonly Feature[], answerWeight: 5, margin: 0 }
];
const fixed = FIXED.map((v) => {
	const m = fitLogistic(trainAll, { use: v.use, answerWeight: v.answerWeight });
	return { ...v, m, t: fitThreshold(m, trainAll, v.margin) };
});
for (const f of fixed) {
	console.log(`\n${f.name}, fitted on ${fitGroups.join(', ')} (standardised weights, + = likelier wrong), veto when p > ${f.t.toFixed(4)}:`);
	console.log('  ' + FEATURES.filter((x) => f.use.includes(x)).map((x) => `${x} ${f.m.w[index(x)]! >= 0 ? '+' : ''}${f.m.w[index(x)]!.toFixed(2)}`).join(', ') + `, bias ${f.m.b.toFixed(2)}`);
	console.log(`  on the sets it was fitted on: ${fitGroups.map((g) => `${g} ${show(outcome(queries.filter((q) => q.group === g), (h) => probability(f.m, h.x) > f.t))}`).join(' | ')}`);
}
const treeAll = fitTree(trainAll);
console.log(`Tree on ${fitGroups.join(', ')}: ${treeAll.leaves.length} tied leaves silence ${treeAll.silenced} (today ${outcome(trainAll, none).none}); first: ${treeAll.leaves.slice(0, 3).map((l) => `${describe(l.a)} and ${describe(l.b)}`).join(' | ')}`);
if (groups.includes('fifth')) {
	const test = queries.filter((q) => q.group === 'fifth');
	const today = outcome(test, none);
	console.log(`\nFifth set (never fitted on, nothing retuned): today's floor ${show(today)} (answer hits ${today.answerHits})`);
	for (const f of fixed) {
		const o = outcome(test, (h) => probability(f.m, h.x) > f.t);
		console.log(`  ${f.name}: ${show(o)} (answer hits ${o.answerHits})`);
	}
	const os = treeAll.leaves.map((l) => outcome(test, leafVeto(l)));
	console.log(`  tree over its ${treeAll.leaves.length} tied leaves: answers ${range(os.map((o) => o.answered))}/${today.judged}, silenced ${range(os.map((o) => o.none))}/${today.unanswerable}`);
}

// ---- Trade-off: what silencing every unanswerable question of a set costs ----
console.log('\nTrade-off: the first setting that silences every unanswerable question of a set (chosen on that set: an oracle), answers (hit@3) lost:');
for (const g of groups.filter((x) => queries.some((q) => q.group === x && q.unanswerable))) {
	const qs = queries.filter((q) => q.group === g);
	const today = outcome(qs, none);
	// Today's floor raised.
	const floorAt = (r: number) => {
		const o = { answered: 0, none: 0 };
		for (const q of qs) {
			const kept = q.raised.filter((h) => h.shownBy.includes(r));
			if (q.unanswerable) o.none += kept.length === 0 ? 1 : 0;
			else o.answered += kept.slice(0, 3).some((h) => h.answer) ? 1 : 0;
		}
		return o;
	};
	const r = RAISES.map((x) => Math.round(x * 100)).find((x) => floorAt(x).none === today.unanswerable);
	const floorLine = r === undefined ? `not reached by +${RAISES.at(-1)}` : `+${(r / 100).toFixed(2)}: answers ${floorAt(r).answered}/${today.judged} (lost ${today.answered - floorAt(r).answered})`;
	// The regression trained without this set, its threshold lowered until the set is silent.
	// Each regression trained without this set (all four for the fifth), its threshold lowered until the set is silent.
	const models = ([['hit features', HIT], ['every feature', FEATURES]] as const).map(([name, use]) => {
		const m = fitLogistic(queries.filter((q) => q.group !== g && q.group !== 'fifth'), { use });
		const t = qs.filter((q) => q.unanswerable && q.hits.length).reduce((t, q) => Math.min(t, Math.min(...q.hits.map((h) => probability(m, h.x)))), 1) - 1e-9;
		const o = outcome(qs, (h) => probability(m, h.x) > t);
		return `logistic on ${name} p > ${t.toFixed(3)}: answers ${o.answered}/${o.judged} (lost ${today.answered - o.answered})`;
	});
	console.log(`  ${g.padEnd(6)} today ${show(today)}; floor raised ${floorLine}; ${models.join('; ')}`);
}
