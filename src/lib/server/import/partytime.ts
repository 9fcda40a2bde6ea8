/**
 * podcast-partytime (the Podcast Index's parser), made quiet: it logs through pino to stdout and console.warn, which
 * would tear through a progress bar. What it warns about the importer reports itself, per item.
 */
import partytime, { type FeedObject } from 'podcast-partytime';
import partytimeLog from 'podcast-partytime/dist/logger.js';

partytimeLog.logger.level = 'silent';

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
