/** One address of every page type a visitor can reach, on the demo content (not a test file). */
import { EPISODE } from './support';

/** The browser suites that visit /admin start their server with this token, so /admin is its sign-in page. */
export const ADMIN_TOKEN = 'page-types-admin-token-0123456789abcdef';

export const PAGE_TYPES: { name: string; path: string }[] = [
	{ name: 'home', path: '/' },
	{ name: 'shows', path: '/podcasts' },
	{ name: 'show', path: '/podcasts/running-explained' },
	{ name: 'episode', path: EPISODE },
	{ name: 'episode at a moment (?t=)', path: `${EPISODE}?t=720` },
	{ name: 'questions', path: '/questions' },
	{ name: 'question', path: '/questions/can-running-serve-as-therapy' },
	{ name: 'answer (/ask)', path: `/ask?q=${encodeURIComponent('how do I calm my nerves before a race')}` },
	{ name: 'search with results', path: '/search?q=sleep' },
	{ name: 'search with nothing found', path: '/search?q=qwxzzyv' },
	{ name: 'people', path: '/people' },
	{ name: 'person', path: '/people/sarah-strong' },
	{ name: 'embedded episode', path: `/embed${EPISODE}` },
	{ name: 'embedded question', path: '/embed/questions/can-running-serve-as-therapy' },
	{ name: 'admin sign-in', path: '/admin' },
	{ name: 'not found (404)', path: '/no-such-page' }
];

/** The page types that carry the site header (embeds are framed by other sites and have none). */
export const PAGES_WITH_HEADER = PAGE_TYPES.filter((p) => !p.path.startsWith('/embed/'));
