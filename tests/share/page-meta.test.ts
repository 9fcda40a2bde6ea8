import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { injectPageMeta, PAGE_META_MARK, renderPageMeta } from '../../src/lib/server/page-meta';
import { readJsonLd } from './support';

const HOSTILE = `"><script>alert(1)</script> $& $' $1 </title>`;

describe('head tags for link previews and search engines', () => {
	it('keeps a hostile title, description and JSON-LD as text: every value reads back exactly, no script runs', () => {
		const html = renderPageMeta({
			canonical: 'https://moments.example/podcasts/a/b?t=720',
			title: HOSTILE,
			description: HOSTILE,
			image: '/art.png',
			embed: { url: 'https://moments.example/embed/podcasts/a/b?t=720' },
			jsonLd: { '@type': 'PodcastEpisode', name: HOSTILE }
		});
		const head = parse(`<head>${html}</head>`);
		expect(head.querySelectorAll('script').map((s) => s.getAttribute('type'))).toEqual(['application/ld+json']);
		expect(head.querySelector('meta[property="og:title"]')!.getAttribute('content')).toBe(HOSTILE);
		expect(head.querySelector('meta[name="twitter:description"]')!.getAttribute('content')).toBe(HOSTILE);
		expect(head.querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe('https://moments.example/art.png');
		expect(head.querySelector('link[type="application/json+oembed"]')!.getAttribute('href')).toBe(
			`https://moments.example/oembed?url=${encodeURIComponent('https://moments.example/podcasts/a/b?t=720')}&format=json`
		);
		expect(readJsonLd(html)).toEqual([{ '@type': 'PodcastEpisode', name: HOSTILE }]);
		// Every tag is marked, so the layout can take them away after a client-side navigation.
		const tags = head.querySelectorAll('meta, link, script');
		expect(tags.length).toBeGreaterThan(10);
		expect(head.querySelectorAll('[data-page-meta]').length).toBe(tags.length);
	});

	it('cuts a long description for previews and offers no oEmbed discovery when asked not to', () => {
		const head = parse(`<head>${renderPageMeta({ canonical: 'https://m.example/people/p', title: 'P', description: 'x'.repeat(400), oembed: false })}</head>`);
		expect(head.querySelector('meta[property="og:description"]')!.getAttribute('content')).toBe(`${'x'.repeat(297)}…`);
		expect(head.querySelector('link[rel="alternate"]')).toBeNull();
		expect(head.querySelector('meta[name="twitter:card"]')!.getAttribute('content')).toBe('summary');
	});

	it('puts the tags at the mark, literally (a "$&" in a title is not a replacement pattern), or nothing', () => {
		const page = `<head><title>t</title>${PAGE_META_MARK}</head><body></body>`;
		const locals: App.Locals = {};
		expect(injectPageMeta(locals)({ html: page })).toBe('<head><title>t</title></head><body></body>');
		locals.pageMeta = renderPageMeta({ canonical: 'https://m.example/q', title: HOSTILE });
		const out = injectPageMeta(locals)({ html: page });
		expect(out).toContain(locals.pageMeta);
		expect(out).not.toContain(PAGE_META_MARK);
	});
});
