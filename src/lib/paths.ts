/** The site's own paths for episodes, questions and their embeds. Safe in the browser too. */

/** The site path of an episode page. */
export function episodePath(podcastSlug: string, episodeSlug: string): string {
	return `/podcasts/${encodeURIComponent(podcastSlug)}/${encodeURIComponent(episodeSlug)}`;
}

/** The site path of a question page. */
export function questionPath(slug: string): string {
	return `/questions/${encodeURIComponent(slug)}`;
}

/** The embed route for a site path: `/podcasts/a/b` is embedded from `/embed/podcasts/a/b`. */
export function embedPath(sitePath: string): string {
	return `/embed${sitePath}`;
}
