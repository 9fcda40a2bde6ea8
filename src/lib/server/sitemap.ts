/**
 * Every page search engines should know about, with when it last changed. The sitemaps.org format allows 50,000
 * URLs per file: past that, /sitemap.xml is a sitemap index naming /sitemap.xml?page=1, ?page=2 ..., each a part.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './db/client';
import { isoTimestamp } from './db/dates';
import { episodes, people, podcasts, questions, questionSegments, segments } from './db/schema';
import { escapeXml } from './export/xml';
import { episodePath, questionPath } from '$lib/paths';

export interface SitemapEntry {
	path: string;
	/** ISO 8601, UTC. */
	lastmod: string | null;
}

/** Shows, episodes, questions and people; a page's lastmod counts the rows it shows (a show's episodes, an episode's segments). */
export async function listSitemapEntries(db: Db): Promise<SitemapEntry[]> {
	const [shows, episodeRows, questionRows, personRows] = await Promise.all([
		db
			.select({ slug: podcasts.slug, lastmod: isoTimestamp(sql`greatest(${podcasts.updatedAt}, max(${episodes.updatedAt}))`) })
			.from(podcasts)
			.leftJoin(episodes, and(eq(episodes.podcastId, podcasts.id), isNull(episodes.hiddenAt)))
			.groupBy(podcasts.id)
			.orderBy(podcasts.slug),
		db
			.select({
				podcast: podcasts.slug,
				slug: episodes.slug,
				lastmod: isoTimestamp(sql`greatest(${episodes.updatedAt}, max(${segments.updatedAt}))`)
			})
			.from(episodes)
			.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
			.leftJoin(segments, eq(segments.episodeId, episodes.id))
			.where(isNull(episodes.hiddenAt))
			.groupBy(episodes.id, podcasts.slug)
			.orderBy(podcasts.slug, episodes.slug),
		db
			.select({ slug: questions.slug, lastmod: isoTimestamp(sql`greatest(${questions.updatedAt}, max(${questionSegments.updatedAt}))`) })
			.from(questions)
			.leftJoin(questionSegments, eq(questionSegments.questionId, questions.id))
			.groupBy(questions.id)
			.orderBy(questions.slug),
		db.select({ slug: people.slug, lastmod: isoTimestamp(people.updatedAt) }).from(people).orderBy(people.slug)
	]);
	const newest = [...shows, ...questionRows].map((r) => r.lastmod).sort().at(-1) ?? null;
	return [
		{ path: '/', lastmod: newest },
		{ path: '/podcasts', lastmod: shows.map((s) => s.lastmod).sort().at(-1) ?? null },
		...shows.map((s) => ({ path: `/podcasts/${encodeURIComponent(s.slug)}`, lastmod: s.lastmod })),
		...episodeRows.map((e) => ({ path: episodePath(e.podcast, e.slug), lastmod: e.lastmod })),
		...questionRows.map((q) => ({ path: questionPath(q.slug), lastmod: q.lastmod })),
		...personRows.map((p) => ({ path: `/people/${encodeURIComponent(p.slug)}`, lastmod: p.lastmod }))
	];
}

/** URLs per sitemap file, the most sitemaps.org allows. */
export const SITEMAP_MAX_URLS = 50_000;

/** How many parts the entries make (1: one plain sitemap, no index). */
export function sitemapPartCount(entries: SitemapEntry[], perPart = SITEMAP_MAX_URLS): number {
	return Math.max(1, Math.ceil(entries.length / perPart));
}

/** Part `page` (1-based) of the entries; null when there is no such part. */
export function sitemapPart(entries: SitemapEntry[], page: number, perPart = SITEMAP_MAX_URLS): SitemapEntry[] | null {
	if (!Number.isInteger(page) || page < 1 || page > sitemapPartCount(entries, perPart)) return null;
	return entries.slice((page - 1) * perPart, page * perPart);
}

/** The sitemap index naming each part, as /sitemap.xml?page=N on `origin`. */
export function renderSitemapIndex(entries: SitemapEntry[], origin: string, perPart = SITEMAP_MAX_URLS): string {
	const parts: string[] = [];
	for (let page = 1; page <= sitemapPartCount(entries, perPart); page++) {
		const part = entries.slice((page - 1) * perPart, page * perPart);
		const lastmod = part.map((e) => e.lastmod ?? '').sort().at(-1);
		const loc = escapeXml(new URL(`/sitemap.xml?page=${page}`, origin).toString());
		parts.push(`<sitemap><loc>${loc}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ''}</sitemap>`);
	}
	return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts.join('\n')}\n</sitemapindex>\n`;
}

/** The sitemaps.org XML for the entries, with absolute URLs on `origin`. */
export function renderSitemap(entries: SitemapEntry[], origin: string): string {
	const urls = entries.map(
		(e) => `<url><loc>${escapeXml(new URL(e.path, origin).toString())}</loc>${e.lastmod ? `<lastmod>${escapeXml(e.lastmod)}</lastmod>` : ''}</url>`
	);
	return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
