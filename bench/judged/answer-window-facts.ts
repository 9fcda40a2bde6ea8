/**
 * The facts bench/answer-window-honesty.ts writes (what the floor shows per judged query, with each query word's
 * rarity and neighbours), read back for the honesty rule sweeps (answer-window-rules.ts, honesty-rules-2.ts), and the
 * answer window they share: the words around where a hit's link starts, across its segments' edges.
 */
import { readFileSync } from 'node:fs';
import { normalizeWord, queryTerm, tokenize } from '../../src/lib/server/search/terms';
import type { JudgedSet, Outcome } from './sets';

export interface FactWord { typed: string; term: string; unseen: boolean; segments: number; episodes: number; neighbours: string[] }
export interface FactHit { id: number; answer: boolean; cosine: number | null; via: string; evidence: number; terms: string[]; sentence: { startSeconds: number; endSeconds: number; text: string } | null }
export interface FactQuery { set: JudgedSet; at: number; query: string; words: FactWord[]; unseenNeighbours: Record<string, string[]>; lexical: number[]; meaning: { id: number; cosine: number }[]; hits: FactHit[] }
export interface FactSegment { id: number; episodeId: number; order: number; startSeconds: number; endSeconds: number; title: string; text: string }
export interface Facts { segments: FactSegment[]; queries: FactQuery[]; normalized: Record<string, string[]> }

/** A window's words, as normalised words and as query terms (stems with synonyms). */
export interface WindowWords { words: Set<string>; terms: Set<string> }

/** The facts file named on the command line (the first argument not an option), else /tmp/answer-window-facts.json. */
export function readFacts(): Facts {
	const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '/tmp/answer-window-facts.json';
	return JSON.parse(readFileSync(file, 'utf8')) as Facts;
}

/** Each episode's segments in their order. */
export function segmentsByEpisode(segments: readonly FactSegment[]): Map<number, FactSegment[]> {
	const byEpisode = new Map<number, FactSegment[]>();
	for (const s of segments) byEpisode.set(s.episodeId, [...(byEpisode.get(s.episodeId) ?? []), s]);
	for (const list of byEpisode.values()) list.sort((a, b) => a.order - b.order);
	return byEpisode;
}

/**
 * The answer window of a hit: ±n words of the run of sentences its link starts at, reading across the segment's edges
 * into the episode's other segments (evidence.ts addressesUnseenNear's window); the segment alone when it has no
 * sentence or n is Infinity. Cached per hit, n and sentence.
 */
export function answerWindows(facts: Facts): (h: FactHit, n: number) => WindowWords {
	const segments = new Map(facts.segments.map((s) => [s.id, s]));
	// The episode's words in order, and where each segment's words start and end among them.
	const streams = new Map<number, { words: string[]; startOf: Map<number, number>; endOf: Map<number, number> }>();
	for (const [episodeId, list] of segmentsByEpisode(facts.segments)) {
		const words: string[] = [];
		const startOf = new Map<number, number>();
		const endOf = new Map<number, number>();
		for (const s of list) {
			startOf.set(s.id, words.length);
			words.push(...tokenize(s.text).map(normalizeWord));
			endOf.set(s.id, words.length);
		}
		streams.set(episodeId, { words, startOf, endOf });
	}
	const cache = new Map<string, WindowWords>();
	return (h, n) => {
		const key = `${h.id}|${n}|${h.sentence?.text ?? ''}`;
		let got = cache.get(key);
		if (got) return got;
		const stream = streams.get(segments.get(h.id)!.episodeId)!;
		let from = stream.startOf.get(h.id)!;
		let to = stream.endOf.get(h.id)!;
		if (h.sentence && n !== Infinity) {
			const said = tokenize(h.sentence.text).map(normalizeWord);
			for (let i = from; i + said.length <= to; i++) {
				if (said.every((w, k) => stream.words[i + k] === w)) {
					from = Math.max(0, i - n);
					to = Math.min(stream.words.length, i + said.length + n);
					break;
				}
			}
		}
		const words = new Set(stream.words.slice(from, to));
		got = { words, terms: new Set([...words].map((w) => queryTerm(w)).filter((t): t is string => t !== null)) };
		cache.set(key, got);
		return got;
	};
}

/** A family of veto rules to sweep: its name, its settings, how to describe one, and the veto a setting makes. */
export interface RuleFamily<S> { name: string; settings: S[]; describe: (s: S) => string; veto: (s: S) => (q: FactQuery, h: FactHit) => boolean }

/** The outcome of a veto on the calibration half (odd false), the held-out half (true), both (null) or the fresh set ('fresh'). */
export type HalfOutcome = (veto: (q: FactQuery, h: FactHit) => boolean, odd: boolean | null | 'fresh') => Outcome;

export const showOutcome = (o: Outcome) => `${o.answered}/${o.judged} answers, ${o.none}/${o.unanswerable} none`;

/**
 * Sweeps a family on bench:quality's halves: the settings that keep every calibration answer `today` keeps and
 * silence the most there tie; prints the held-out range over those ties (each one with `tiesFlag` on the command
 * line), and the fresh set's when `today` has it (facts written with it), and returns them, or nothing when no
 * setting keeps every calibration answer.
 */
export function sweepFamily<S>(f: RuleFamily<S>, outcome: HalfOutcome, today: { cal: Outcome; held: Outcome; fresh?: Outcome }, tiesFlag: string) {
	const scored = f.settings.map((s) => ({ s, c: outcome(f.veto(s), false) })).filter((x) => x.c.answered >= today.cal.answered);
	console.log(`\n${f.name} (${f.settings.length} settings)`);
	if (!scored.length) return console.log('  no setting keeps every answer of the calibration half');
	const best = Math.max(...scored.map((x) => x.c.none));
	const tied = scored.filter((x) => x.c.none === best);
	const held = tied.map((x) => ({ s: x.s, o: outcome(f.veto(x.s), true) }));
	const a = held.map((x) => x.o.answered);
	const n = held.map((x) => x.o.none);
	console.log(`  calibration: none ${today.cal.none} -> ${best}/${today.cal.unanswerable} (${tied.length} tie, e.g. ${f.describe(tied[0]!.s)})`);
	console.log(`  held-out over those: answers ${Math.min(...a)}-${Math.max(...a)}/${today.held.judged} (today ${today.held.answered}), none ${Math.min(...n)}-${Math.max(...n)}/${today.held.unanswerable} (today ${today.held.none})`);
	const fresh = today.fresh?.judged || today.fresh?.unanswerable ? tied.map((x) => outcome(f.veto(x.s), 'fresh')) : [];
	if (fresh.length) {
		const fa = fresh.map((o) => o.answered);
		const fn = fresh.map((o) => o.none);
		console.log(`  fresh set over those: answers ${Math.min(...fa)}-${Math.max(...fa)}/${today.fresh!.judged} (today ${today.fresh!.answered}), none ${Math.min(...fn)}-${Math.max(...fn)}/${today.fresh!.unanswerable} (today ${today.fresh!.none})`);
	}
	if (process.argv.includes(tiesFlag)) for (const [i, x] of held.entries()) console.log(`    ${f.describe(x.s)}: held-out ${showOutcome(x.o)}${fresh[i] ? ` | fresh ${showOutcome(fresh[i]!)}` : ''}`);
	return held;
}
