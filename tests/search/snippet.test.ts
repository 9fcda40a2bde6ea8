import { describe, expect, it } from 'vitest';
import { bestSentence, buildSnippet, escapeHtml } from '../../src/lib/server/search/snippet';
import { queryTerms } from '../../src/lib/server/search/terms';
import { searchContent } from '../../src/lib/server/search/results';
import { SearchIndex } from '../../src/lib/server/search/search-index';
import type { IndexContent } from '../../src/lib/server/search/content';

const terms = (query: string) => new Set(queryTerms(query));

describe('escapeHtml', () => {
	it('escapes everything that could open markup or break out of an attribute', () => {
		expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
	});
});

describe('buildSnippet', () => {
	it('marks every word that matches a query term, in any inflection', () => {
		const html = buildSnippet('Sleep matters. Runners who slept badly raced slower.', terms('sleeping'));
		expect(html).toBe('<mark>Sleep</mark> matters. Runners who <mark>slept</mark> badly raced slower.');
	});

	it('marks synonyms of the query', () => {
		expect(buildSnippet('Anxiety before a race is normal.', terms('anxious'))).toContain('<mark>Anxiety</mark>');
	});

	it('cuts long text to a window around the densest matches, with ellipses', () => {
		const filler = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
		const html = buildSnippet(`${filler} the cortisol answer is here ${filler}`, terms('cortisol'), 10);
		expect(html.startsWith('… ')).toBe(true);
		expect(html.endsWith(' …')).toBe(true);
		expect(html).toContain('<mark>cortisol</mark>');
		expect(html.split(' ').filter((w) => w !== '…').length).toBe(10);
	});

	it('escapes markup in the content: nothing but <mark> survives as a tag', () => {
		const html = buildSnippet('Try <script>alert("run")</script> and <img src=x onerror=alert(1)> running', terms('running'));
		expect(html).not.toMatch(/<(?!\/?mark>)/);
		expect(html).toContain('&lt;script&gt;');
		expect(html).toContain('<mark>running</mark>');
	});

	it('cannot be given markup through the query', () => {
		const html = buildSnippet('Plain words about sleep.', terms('<mark onmouseover=alert(1)>sleep</mark>'));
		expect(html).toBe('Plain words about <mark>sleep</mark>.');
	});
});

describe('bestSentence', () => {
	it('picks the sentence with the most matching terms, as plain text', () => {
		const text = 'Welcome back. Cortisol stays high for days when training stress and life stress pile up together. Thanks for listening.';
		expect(bestSentence(text, terms('cortisol stress'))).toBe('Cortisol stays high for days when training stress and life stress pile up together.');
	});

	it('adds the next sentence when the best one is too short to stand alone', () => {
		expect(bestSentence('Intro here. Cortisol matters. It slows repair when it stays high.', terms('cortisol'))).toBe(
			'Cortisol matters. It slows repair when it stays high.'
		);
	});
});

describe('searchContent snippets', () => {
	const content: IndexContent = {
		shows: [{ id: 1, slug: 'show', title: 'A <b>Show</b>' }],
		episodes: [{ id: 1, podcastId: 1, slug: 'ep', title: 'Ep', durationSeconds: 100, audioUrl: null, audioMimeType: null, people: [] }],
		segments: [
			{
				id: 1,
				episodeId: 1,
				position: 0,
				startSeconds: 0,
				endSeconds: 100,
				title: '<img src=x onerror=alert(1)> tempo runs',
				summary: null,
				text: 'A tempo run <script>alert("x")</script> is comfortably hard.'
			}
		],
		questions: [{ id: 1, slug: 'q', text: 'What is a <i>tempo</i> run?', alternatives: [], featured: false }],
		people: [],
		links: [{ questionId: 1, segmentId: 1, rank: 1, origin: 'editorial', score: null }]
	};

	it('returns only escaped HTML with <mark>, whatever the content and the query hold', () => {
		// Markup in the query; its words half of it, so the question about tempo runs is shown beside the segment.
		const results = searchContent(SearchIndex.build(content), { query: 'tempo <script></script>' });
		const htmls = [
			...results.segments.map((s) => s.snippetHtml),
			...results.questions.flatMap((q) => [q.textHtml, q.bestSegment?.snippetHtml ?? ''])
		];
		expect(htmls.length).toBeGreaterThan(2);
		for (const html of htmls) {
			expect(html).not.toMatch(/<(?!\/?mark>)/);
			expect(html).toContain('<mark>tempo</mark>');
		}
		expect(results.questions[0]!.textHtml).toBe('What is a &lt;i&gt;<mark>tempo</mark>&lt;/i&gt; run?');
	});
});
