/**
 * Common-word queries over real talk (issue 15 point 1): four real WAN Show episodes from ../shared/segbench-dev,
 * cut at their human chapters, indexed without a database. A query of the words a show says most ("like", "think",
 * "going", in ones and fives) matches nearly every segment; search settles most of them without reading their
 * transcripts (evidence.ts `reaches`, terms.ts `initialsFilter`). These tests hold those shortcuts to what reading
 * every transcript in full decides: the same moments shown, every matching word marked in the snippets.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IndexContent } from '../../src/lib/server/search/content';
import { QueryEvidence } from '../../src/lib/server/search/evidence';
import { FLOOR } from '../../src/lib/server/search/hybrid';
import { rankAll } from '../../src/lib/server/search/ranking';
import { searchContent } from '../../src/lib/server/search/results';
import { SearchIndex } from '../../src/lib/server/search/search-index';
import { buildSnippet } from '../../src/lib/server/search/snippet';
import { indexTerms, initialsFilter, tokenize } from '../../src/lib/server/search/terms';
import { realdataDir } from '../helpers/environment';

const SEGBENCH = path.join(realdataDir, '../segbench-dev');
const EPISODES = ['wan-2021-03-26', 'wan-2021-06-18', 'wan-2022-10-21', 'wan-2021-04-30'];
const available = EPISODES.every((e) => existsSync(path.join(SEGBENCH, e, 'transcript.json')));

interface Cue {
	startTime: number;
	endTime: number;
	body: string;
}

/** Each episode's transcript cut at its human chapters: segments of real talk, as an import with chapters makes them. */
function realContent(): IndexContent {
	const content: IndexContent = { shows: [{ id: 1, slug: 'wan', title: 'The WAN Show' }], episodes: [], segments: [], questions: [], people: [], links: [] };
	for (const name of EPISODES) {
		const cues = (JSON.parse(readFileSync(path.join(SEGBENCH, name, 'transcript.json'), 'utf8')) as { segments: Cue[] }).segments;
		const chapters = (JSON.parse(readFileSync(path.join(SEGBENCH, name, 'chapters.json'), 'utf8')) as { chapters: { startTime: number; title: string }[] }).chapters;
		const episodeId = content.episodes.length + 1;
		const end = cues.at(-1)!.endTime;
		content.episodes.push({ id: episodeId, podcastId: 1, slug: name, title: name, durationSeconds: end, audioUrl: null, audioMimeType: null, people: [] });
		chapters.forEach((chapter, position) => {
			const until = chapters[position + 1]?.startTime ?? end + 1;
			const text = cues.filter((c) => c.startTime >= chapter.startTime && c.startTime < until).map((c) => c.body).join(' ');
			if (text) content.segments.push({ id: content.segments.length + 1, episodeId, position, startSeconds: chapter.startTime, endSeconds: until, title: chapter.title, summary: null, text });
		});
	}
	return content;
}

/** The show's most said words (by segments saying them), as a listener might type them. */
function commonWords(content: IndexContent, count: number): string[] {
	const df = new Map<string, number>();
	for (const s of content.segments) for (const w of new Set(tokenize((s.text ?? '').toLowerCase()))) if (/^\p{L}{3,}$/u.test(w)) df.set(w, (df.get(w) ?? 0) + 1);
	return [...df].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, count).map(([w]) => w);
}

describe.skipIf(!available)('common-word queries over real talk', () => {
	let content: IndexContent;
	let index: SearchIndex;
	let queries: string[];
	beforeAll(() => {
		content = realContent();
		index = SearchIndex.build(content);
		const words = commonWords(content, 60);
		const fives = words.map((_, i) => Array.from({ length: 5 }, (_, k) => words[(i + k * 7) % words.length]).join(' '));
		queries = [...words, 'running', 'anxious', ...fives, 'intel tiktok cpus', 'discord microsoft billion', 'ransom acer'];
	}, 120_000);

	it('shows exactly the moments whose transcripts say enough of the query, read in full or not', () => {
		let shown = 0;
		let examined = 0;
		for (const query of queries) {
			const hits = rankAll(index, query).segments.slice(0, 200);
			const quick = new QueryEvidence(index, query);
			const full = new QueryEvidence(index, query);
			for (const hit of hits) {
				const reads = full.of(hit.id, hit.terms) >= FLOOR.lexical;
				expect(quick.reaches(hit.id, hit.terms, FLOOR.lexical), `"${query}", segment ${hit.id}`).toBe(reads);
				if (reads) shown++;
			}
			examined += hits.length;
		}
		// Both kinds of answer occur: some hits are shown, others left out, so the comparison decides something.
		expect(shown).toBeGreaterThan(100);
		expect(shown).toBeLessThan(examined);
	});

	it('marks every word of a snippet that a common query word stands for, synonyms and inflections included', () => {
		const words = [...new Set(content.segments.flatMap((s) => tokenize(s.text ?? '')))];
		for (const query of queries.slice(0, 62)) {
			const terms = new Set(indexTerms(query) ?? []);
			const mayMatch = initialsFilter(terms);
			for (const word of words) {
				const matches = (indexTerms(word) ?? []).some((t) => terms.has(t));
				if (matches) {
					expect(mayMatch(word), `"${word}" for "${query}"`).toBe(true);
					expect(buildSnippet(word, terms)).toContain('<mark>');
				}
			}
		}
		// The quick test is worth having only if it rules most words out.
		const terms = new Set(indexTerms('going') ?? []);
		const ruledOut = words.filter((w) => !initialsFilter(terms)(w)).length;
		expect(ruledOut / words.length).toBeGreaterThan(0.8);
	});

	it('answers a run of single common words and fives with at most 50 moments each, every one saying a query word', () => {
		const termsOf = (text: string) => new Set(tokenize(text).flatMap((w) => indexTerms(w) ?? []));
		for (const query of queries) {
			const results = searchContent(index, { query, limit: 50 });
			expect(results.segments.length).toBeLessThanOrEqual(50);
			const asked = termsOf(query);
			for (const segment of results.segments) {
				// Said in the quoted words (marked), or in what the moment is called ("show" in "The WAN Show").
				const named = [...termsOf(`${segment.title} ${segment.episode.title} ${segment.show.title}`)].some((t) => asked.has(t));
				expect(segment.snippetHtml.includes('<mark>') || named, `"${query}": ${segment.title}`).toBe(true);
			}
		}
	});
});
