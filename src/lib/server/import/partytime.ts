/**
 * podcast-partytime (the Podcast Index's parser), made quiet and kept from reading ./.env: it logs through pino to
 * stdout and console.warn, which would tear through a progress bar (what it warns about the importer reports itself,
 * per item), and on load it calls dotenv, which would copy a .env file in the working directory into process.env,
 * settings the operator never gave. It is loaded here with dotenv's config() made a no-op for that one call.
 * (Loaded with require, in this module's body: an import would be hoisted above any code that could step in.)
 */
import { createRequire } from 'node:module';
import type { FeedObject } from 'podcast-partytime';

type Partytime = typeof import('podcast-partytime');

function loadWithoutDotenv(): { partytime: Partytime; logger: { level: string } } {
	const appRequire = createRequire(import.meta.url);
	const partytimeRequire = createRequire(appRequire.resolve('podcast-partytime'));
	const dotenv = partytimeRequire('dotenv') as { config: (...args: unknown[]) => unknown };
	const config = dotenv.config;
	dotenv.config = () => ({ parsed: {} });
	try {
		const partytime = partytimeRequire('podcast-partytime') as Partytime;
		const log = partytimeRequire('podcast-partytime/dist/logger.js') as { logger: { level: string } };
		return { partytime, logger: log.logger };
	} finally {
		dotenv.config = config;
	}
}

const { partytime, logger } = loadWithoutDotenv();
logger.level = 'silent';

/** Parses well-formed feed XML with partytime; null when it is not an RSS or Atom document it understands. */
export function parseWithPartytime(xml: string): FeedObject | null {
	const warn = console.warn;
	console.warn = () => {};
	try {
		// allowMissingGuid: items without a guid are matched by their enclosure URL instead of being dropped.
		return partytime.parseFeed(xml, { allowMissingGuid: true });
	} finally {
		console.warn = warn;
	}
}

export type { FeedObject };
export type PartytimeItem = FeedObject['items'][number];
