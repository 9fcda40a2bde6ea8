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
