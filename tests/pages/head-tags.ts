import { describe, expect, it } from 'vitest';
import type { SiteUnderTest } from './support';

const SHOW = '/podcasts/sleep-and-recovery-lab';
const EPISODE = '/podcasts/running-explained/running-isnt-therapy';

/** Every page type a crawler reaches, with what its head must carry beyond the canonical URL and a title. */
const PAGE_TYPES: { path: string; rss?: string; oembed?: boolean }[] = [
	{ path: '/' },
	{ path: '/podcasts' },
	{ path: SHOW, rss: `${SHOW}/feed.xml` },
	{ path: EPISODE, rss: '/podcasts/running-explained/feed.xml', oembed: true },
	{ path: '/questions/can-running-serve-as-therapy', oembed: true },
	{ path: '/people' },
	{ path: '/people/sarah-strong' }
];

/** The head tags crawlers, link previews and podcast apps read, on every page type (issue 13: the RSS link once vanished). */
export function describeHeadTags(site: SiteUnderTest): void {
	describe('head tags', () => {
		for (const { path, rss, oembed } of PAGE_TYPES) {
			it(`${path} names its canonical URL and title${rss ? ', and its show\'s RSS feed' : ''}`, async () => {
				const page = await site.get(path);
				expect(page.status).toBe(200);
				const head = page.doc.querySelector('head')!;
				const canonical = head.querySelectorAll('link[rel="canonical"]');
				expect(canonical, 'one canonical link').toHaveLength(1);
				expect(new URL(canonical[0]!.getAttribute('href')!).pathname).toBe(path);
				expect(head.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBeTruthy();
				expect(head.querySelector('title')?.text).toBeTruthy();

				const feeds = head.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]');
				if (rss) {
					expect(feeds, 'RSS discovery link').toHaveLength(1);
					const href = feeds[0]!.getAttribute('href')!;
					expect(new URL(href).pathname).toBe(rss);
					// The link leads to a feed a podcast app can read.
					const feed = await fetch(href.replace(new URL(href).origin, site.url));
					expect(feed.status).toBe(200);
					expect(feed.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
					expect(await feed.text()).toContain('<rss');
				} else {
					expect(feeds).toHaveLength(0);
				}
				expect(head.querySelectorAll('link[type="application/json+oembed"]').length > 0, 'oEmbed discovery').toBe(Boolean(oembed));
			});
		}
	});
}
