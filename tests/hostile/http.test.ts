/**
 * Hostile input against the real production server, all on one server (starting one costs more than these tests):
 * property tests over every route, oversized input, cross-site scripting payloads from a feed, security headers and
 * the admin token. The content is on the embedded database: none of this depends on which database serves it.
 */
import { describe } from 'vitest';
import { describeSecurityHeaders } from './headers';
import { describeRouteProperties } from './routes';
import { serveHostileSite } from './site';
import { describeXssInert } from './xss';

describe('the site under hostile input', () => {
	const site = serveHostileSite();
	describeXssInert(site);
	describeSecurityHeaders(site);
	describeRouteProperties(site);
});
