/**
 * `npx tsx bench/answer-window-honesty.ts [--dump=FILE]`: facts about what today's floor (hybrid.ts) shows for every
 * judged query (bench/judged/sets.ts), for candidate honesty rules on top of it (docs/search-honesty.md, December 6,
 * "answer window"). Writes one JSON file: the segments (episode, order, text), and per query its words (with how many
 * segments and episodes of the index say each, and each word's vector neighbours), its lexical and meaning candidates,
 * and each shown hit (cosine, via, evidence, the sentences its link starts at, whether it is an answer).
 * bench/answer-window-rules.ts reads it and sweeps the rules.
 */
import { writeFileSync } from 'node:fs';
import { createDb } from '../src/lib/server/db/client';
import { runMigrations } from '../src/lib/server/db/migrate';
import { FLOOR, fuseHits, locateAnswer, withNeighbours } from '../src/lib/server/search/hybrid';
import { rankAll } from '../src/lib/server/search/ranking';
import { unseenWords } from '../src/lib/server/search/evidence';
import { normalizeWord, queryTerm, queryWords, tokenize } from '../src/lib/server/search/terms';
import { WordNeighbours } from '../src/lib/server/search/word-neighbours';
import { cachedEncoder, judgedSearch } from './judged/corpus';
import { judgedQuerySets } from './judged/sets';

const out = process.argv.find((a) => a.startsWith('--dump='))?.slice(7) ?? '/tmp/answer-window-facts.json';
const encoder = await cachedEncoder();
const handle = await createDb('pglite://memory');
try {
	await runMigrations(handle);
	const { corpus, index, semantic, links } = await judgedSearch(handle.db, encoder, { neighbours: true });
	const table = await WordNeighbours.build(encoder);
	encoder.save();
	const segments = [...index.segments].map(([id, s]) => ({
		id,
		episodeId: s.episodeId,
		order: index.segmentsByEpisode.get(s.episodeId)!.indexOf(id),
		startSeconds: s.startSeconds,
		endSeconds: s.endSeconds,
		title: s.title,
		text: `${s.title} ${s.summary ?? ''} ${s.text ?? ''}`
	}));
	// Segments and episodes that say each query term (as the index's words, normalised and as query terms).
	const segmentsSaying = new Map<string, Set<number>>();
	for (const s of segments) for (const t of new Set(tokenize(s.text).map((w) => queryTerm(w)).filter((t): t is string => t !== null))) {
		if (!segmentsSaying.has(t)) segmentsSaying.set(t, new Set());
		segmentsSaying.get(t)!.add(s.id);
	}
	const episodeOf = new Map(segments.map((s) => [s.id, s.episodeId]));
	const counters = { real: 0, demo: 0, none: 0, fresh: 0, 'fresh-none': 0, fourth: 0, 'fourth-none': 0, fifth: 0, 'fifth-none': 0 };
	const queries = [];
	for (const [set, query, answers] of judgedQuerySets(index, corpus, { fresh: true })) {
		const ranked = rankAll(index, query);
		const unseen = unseenWords(index, query);
		const vector = (await withNeighbours(await semantic.queryVector(query, unseen)))!;
		// The floor as it was before the rule this bench calibrated (addressesUnseenNear) and the uncommon-match rules
		// (unseenMatchShare, under 0.6 and from the override's cosine): the rules are vetoes on top of it.
		const hits = fuseHits(ranked.segments, vector, () => true, { links, evidence: ranked.evidence, floor: { ...FLOOR, unseenNearCosine: 0, unseenMatchShare: Infinity } });
		const words = [];
		for (const w of queryWords(query)) {
			const [v] = await encoder.encode([w.typed]);
			const saying = segmentsSaying.get(w.term) ?? new Set<number>();
			words.push({
				typed: w.typed,
				term: w.term,
				unseen: unseen.includes(w.typed),
				segments: saying.size,
				episodes: new Set([...saying].map((id) => episodeOf.get(id))).size,
				neighbours: [...table.near(w.typed, v!)]
			});
		}
		queries.push({
			set,
			at: counters[set]++,
			query,
			words,
			unseenNeighbours: Object.fromEntries([...(vector.neighbours ?? new Map<string, ReadonlySet<string>>())].map(([k, v]) => [k, [...v]])) as Record<string, string[]>,
			lexical: ranked.segments.slice(0, 10).map((h) => h.id),
			meaning: vector.vectors.search(vector.vector, vector.model, { limit: 10 }).map((h) => ({ id: h.segmentId, cosine: h.score })),
			hits: hits.map((h) => ({
				id: h.id,
				answer: answers?.(h.id) ?? false,
				cosine: h.cosine,
				via: h.via,
				evidence: h.evidence?.of(h.id, h.terms) ?? 0,
				terms: [...h.terms],
				sentence: locateAnswer(vector, h.id)
			}))
		});
	}
	encoder.save();
	// What the index can say of a word cheaply: its term's postings (document fields), beside the documents indexed.
	const postings: Record<string, number> = {};
	for (const q of queries) for (const w of [...q.words.flatMap((w) => w.neighbours), ...Object.values(q.unseenNeighbours).flat()]) {
		const term = queryTerm(w);
		if (term !== null) postings[w] = index.terms.postings(term);
	}
	// ...and of the index terms each shown hit matched (bench/honesty-rules-2.ts: a hit that matched only common words).
	const matchedPostings: Record<string, number> = {};
	for (const q of queries) for (const h of q.hits) for (const t of h.terms) matchedPostings[t] = index.terms.postings(t);
	// What the rule costs a query: the floor over each judged query's hits, with and without it (fresh evidence each
	// time, as a request has), the median of five rounds; the queries with an unseen word apart (only they pay).
	const timed = async (floor: typeof FLOOR) => {
		const rounds: { all: number; unseen: number }[] = [];
		const inputs = [];
		for (const [, query] of judgedQuerySets(index, corpus)) {
			const unseen = unseenWords(index, query);
			inputs.push({ query, unseen: unseen.length > 0, vector: (await withNeighbours(await semantic.queryVector(query, unseen)))! });
		}
		for (let round = 0; round < 5; round++) {
			let all = 0;
			let unseen = 0;
			for (const input of inputs) {
				const ranked = rankAll(index, input.query);
				const started = performance.now();
				fuseHits(ranked.segments, input.vector, () => true, { links, evidence: ranked.evidence, floor });
				const ms = performance.now() - started;
				all += ms;
				if (input.unseen) unseen += ms;
			}
			rounds.push({ all: all / inputs.length, unseen: unseen / inputs.filter((i) => i.unseen).length });
		}
		rounds.sort((a, b) => a.all - b.all);
		return { ...rounds[2]!, queries: inputs.length, withUnseen: inputs.filter((i) => i.unseen).length };
	};
	const before = await timed({ ...FLOOR, unseenNearCosine: 0 });
	const after = await timed(FLOOR);
	const withoutMatch = await timed({ ...FLOOR, unseenMatchShare: Infinity });
	console.log(
		`... and without the uncommon-match rule (FLOOR.unseenMatchShare): ${withoutMatch.all.toFixed(2)} ms (${withoutMatch.unseen.toFixed(2)} ms with an unseen word)`
	);
	console.log(
		`fuseHits with the floor, per query (median of 5 rounds over ${before.queries} queries, ${before.withUnseen} with an unseen word): without the answer-window rule ${before.all.toFixed(2)} ms (${before.unseen.toFixed(2)} ms with an unseen word), with it ${after.all.toFixed(2)} ms (${after.unseen.toFixed(2)} ms)`
	);
	writeFileSync(out, JSON.stringify({ documents: index.terms.documents, postings, matchedPostings, segments, queries, normalized: Object.fromEntries(segments.map((s) => [s.id, [...new Set(tokenize(s.text).map(normalizeWord))]])) }));
	console.log(`wrote ${out}: ${segments.length} segments, ${queries.length} queries`);
} finally {
	await handle.close();
}
