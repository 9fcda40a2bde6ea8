/** The site's own paths for episodes, questions and their embeds. Safe in the browser too. */

/** The site path of an episode page. */
export function episodePath(podcastSlug: string, episodeSlug: string): string {
	return `${podcastPath(podcastSlug)}/${encodeURIComponent(episodeSlug)}`;
}

/** The site path of a show's page. */
export function podcastPath(podcastSlug: string): string {
	return `/podcasts/${encodeURIComponent(podcastSlug)}`;
}

/** The site path of one page of a show's episode list (the first page is the show's own path). */
export function podcastPagePath(podcastSlug: string, page: number): string {
	return page === 1 ? podcastPath(podcastSlug) : `${podcastPath(podcastSlug)}?page=${page}`;
}

/** The site path of a show's RSS feed (the one podcast apps subscribe to). */
export function podcastFeedPath(podcastSlug: string): string {
	return `${podcastPath(podcastSlug)}/feed.xml`;
}

/** The site path of a person's page. */
export function personPath(slug: string): string {
	return `/people/${encodeURIComponent(slug)}`;
}

/** The site path of a question page. */
export function questionPath(slug: string): string {
	return `/questions/${encodeURIComponent(slug)}`;
}

/** The embed route for a site path: `/podcasts/a/b` is embedded from `/embed/podcasts/a/b`. */
export function embedPath(sitePath: string): string {
	return `/embed${sitePath}`;
}

/** The square sizes, in pixels, artwork is served at: list rows and the player bar, cards, and large/Open Graph. */
export const ARTWORK_SIZES = [96, 300, 600] as const;
export type ArtworkSize = (typeof ARTWORK_SIZES)[number];

/**
 * The site path of a show's or an episode's artwork at one size. It always answers an image: an episode without art of
 * its own gets its show's, a show without art a generated placeholder.
 */
export function artworkPath(podcastSlug: string, episodeSlug: string | null, size: ArtworkSize): string {
	const owner = episodeSlug === null ? podcastPath(podcastSlug) : episodePath(podcastSlug, episodeSlug);
	return `/art${owner}/${size}.webp`;
}
