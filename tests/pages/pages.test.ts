/**
 * The site's pages against the real production server: one server per database, shared by every page suite here
 * (starting one costs more than all of its page tests).
 */
import { describe } from 'vitest';
import { databaseKinds } from '../helpers/db';
import { describeEpisodePage } from './episode-page';
import { describeHeadTags } from './head-tags';
import { describeSitePages } from './site-pages';
import { serveSite } from './support';

describe.each(databaseKinds)('pages served on %s', (kind) => {
	const site = serveSite(kind);
	describeSitePages(site);
	describeEpisodePage(site);
	describeHeadTags(site);
});
