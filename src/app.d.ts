// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** The database was away: the page may work again in a few seconds (hooks.server.ts). */
			unavailable?: boolean;
		}
		interface Locals {
			/** Set by handleError when a database outage failed this request; handle then answers 503. */
			databaseUnavailable?: boolean;
			/** Set by handleError when PostgreSQL refused a value from the request (a NUL in a slug); handle then answers 400. */
			refusedInput?: boolean;
			/** The page's head tags for link previews and search engines (page-meta.ts), rendered by its load function. */
			pageMeta?: string;
			/** What the answer shows, so that a content change drops only the kept answers it alters (cache-tags.ts). */
			cacheTags?: Set<import('$lib/server/cache-tags').CacheTag>;
			/** Answers the response cache may make from this page for its variants (an episode's `?t=` moments). */
			pageVariants?: import('$lib/server/response-cache').PageVariants;
		}
	}
}

export {};
