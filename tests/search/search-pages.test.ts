import { describe, expect, it } from 'vitest';
import type { SearchResults } from '../../src/lib/search-results';
import { databaseKinds } from '../helpers/db';
import { serveSite } from '../pages/support';

describe.each(databaseKinds)('search served on %s', (kind) => {
	const site = serveSite(kind);
	const api = async (query: string) => {
		const response = await fetch(new URL(`/api/search?${query}`, site.url));
		return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
	};

	describe('GET /api/search', () => {
		it('answers a typo with the moment that answers it, as a deep link', async () => {
			const { status, type, body } = await api('q=slep+debt&limit=3');
			expect(status).toBe(200);
			expect(type).toMatch(/^application\/json/);
			const results = body as SearchResults;
			expect(results.query).toBe('slep debt');
			expect(results.segments.length).toBeLessThanOrEqual(3);
			expect(results.segments[0]).toMatchObject({
				title: 'Sleep Debt, Injury Risk and Performance',
				startSeconds: 960,
				url: '/podcasts/sleep-and-recovery-lab/how-much-sleep-do-runners-need?t=960'
			});
			expect(results.segments[0]!.snippetHtml).toContain('<mark>');
		});

		it('filters by show and person, echoing the filters', async () => {
			const { body } = await api('q=stress&show=sleep-and-recovery-lab&person=leah-moreno');
			const results = body as SearchResults;
			expect(results.filters).toEqual({ show: 'sleep-and-recovery-lab', person: 'leah-moreno' });
			expect(results.segments.length).toBeGreaterThan(0);
			for (const segment of results.segments) {
				expect(segment.show.slug).toBe('sleep-and-recovery-lab');
				expect(segment.people.map((p) => p.slug)).toContain('leah-moreno');
			}
		});

		it.each([
			['', 'q', /q is required/],
			['q=sleep&limit=0', 'limit', /limit must be a whole number from 1 to 50; got "0"/],
			['q=sleep&limit=ten', 'limit', /got "ten"/],
			['q=sleep&show=nope', 'show', /show "nope" is not a show slug here; use one of: coaching-corner, running-explained, sleep-and-recovery-lab/],
			['q=sleep&person=nobody', 'person', /person "nobody" is not a person slug/],
			[`q=${'a'.repeat(201)}`, 'q', /the limit is 200/],
			['q=a&q=b', 'q', /given 2 times/]
		])('refuses ?%s with a 400 that names %s', async (query, parameter, message) => {
			const { status, body } = await api(query);
			expect(status).toBe(400);
			expect(body.problems).toEqual([{ parameter, message: expect.stringMatching(message) }]);
			expect(body.error).toMatch(message);
		});
	});

	describe('/search', () => {
		it('renders results on the server, grouped, for a plain GET form', async () => {
			const page = await site.get('/search?q=how+much+sleep+do+runners+need');
			expect(page.status).toBe(200);
			const form = page.doc.querySelector('main form[role="search"]')!;
			expect(form.getAttribute('method')).toBe('GET');
			expect(form.getAttribute('action')).toBe('/search');
			expect(page.doc.querySelector('#search-q')!.getAttribute('value')).toBe('how much sleep do runners need');
			expect(page.doc.querySelector('label[for="search-q"]')).not.toBeNull();
			const headings = page.doc.querySelectorAll('main h2').map((h) => h.text);
			expect(headings).toEqual(expect.arrayContaining(['Questions', 'Moments in episodes', 'Episodes']));
			const question = page.doc.querySelector('section[aria-labelledby="questions-heading"] a[data-nav]')!;
			expect(question.getAttribute('href')).toBe('/questions/how-much-sleep-do-runners-need');
			const moment = page.doc.querySelector('section[aria-labelledby="segments-heading"] a[data-nav]')!;
			expect(moment.getAttribute('href')).toMatch(/^\/podcasts\/sleep-and-recovery-lab\/how-much-sleep-do-runners-need\?t=\d+$/);
		});

		it('shows featured questions for an empty search and for one that finds nothing', async () => {
			const empty = await site.get('/search');
			expect(empty.status).toBe(200);
			expect(empty.doc.querySelector('#search-featured-heading')!.text).toBe('Questions people ask');
			expect(empty.doc.querySelectorAll('section[aria-labelledby="search-featured-heading"] li').length).toBeGreaterThan(0);
			// Finding nothing says so, and offers the featured questions (no query word is in any) and the shows.
			const nothing = await site.get('/search?q=zzqxv+wqpr');
			expect(nothing.status).toBe(200);
			expect(nothing.doc.querySelector('#nothing-heading')!.text).toBe('Nothing found for “zzqxv wqpr”');
			expect(nothing.doc.querySelector('#offered-heading')!.text).toBe('Questions people ask');
			expect(nothing.doc.querySelectorAll('ul[aria-labelledby="offered-heading"] li').length).toBeGreaterThan(0);
			expect(nothing.doc.querySelectorAll('ul[aria-labelledby="shows-heading"] a').length).toBeGreaterThan(0);
		});

		it('escapes whatever the query holds', async () => {
			const page = await site.get(`/search?q=${encodeURIComponent('<script>alert(1)</script> sleep')}`);
			expect(page.html).not.toContain('<script>alert(1)</script>');
			expect(page.doc.querySelector('#search-q')!.getAttribute('value')).toBe('<script>alert(1)</script> sleep');
		});

		it('explains a filter it cannot use and searches without it', async () => {
			const page = await site.get('/search?q=sleep&show=nope');
			expect(page.status).toBe(200);
			expect(page.text).toContain('show "nope" is not a show slug here');
			expect(page.doc.querySelectorAll('section[aria-labelledby="segments-heading"] li').length).toBeGreaterThan(0);
		});
	});

	it('puts a labelled GET search form in the site header', async () => {
		const page = await site.get('/');
		const form = page.doc.querySelector('header form[role="search"]')!;
		expect(form.getAttribute('action')).toBe('/search');
		expect(form.getAttribute('method')).toBe('GET');
		const input = form.querySelector('input[name="q"]')!;
		expect(page.doc.querySelector(`label[for="${input.getAttribute('id')}"]`)!.text).toBe('Search questions, topics and episodes');
	});
});
