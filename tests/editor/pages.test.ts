/**
 * The editors' pages on the real production server (demo content, ADMIN_TOKEN set): signing in, refusing a wrong
 * token and a cross-site POST, and an editor's round trip through plain form posts, as a browser without JavaScript
 * sends them.
 */
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';

const TOKEN = 'editor-test-token-31f9';

describe('the editors’ pages', () => {
	let server: TestServer;
	let cookie = '';

	const get = async (path: string, withCookie = true) => {
		const response = await fetch(new URL(path, server.url), { redirect: 'manual', headers: { accept: 'text/html', ...(withCookie && cookie ? { cookie } : {}) } });
		const html = await response.text();
		return { status: response.status, location: response.headers.get('location'), html, doc: parse(html), text: parse(html).querySelector('body')?.text.replace(/\s+/g, ' ') ?? '' };
	};
	// The origin the server believes it has: adapter-node assumes https when neither ORIGIN nor a protocol header is set.
	const siteOrigin = () => server.url.replace(/^http:/, 'https:');
	const post = async (path: string, fields: Record<string, string>, { origin = siteOrigin(), withCookie = true } = {}) => {
		const response = await fetch(new URL(path, server.url), {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin, ...(withCookie && cookie ? { cookie } : {}) },
			body: new URLSearchParams(fields).toString()
		});
		const html = await response.text();
		return { status: response.status, location: response.headers.get('location'), setCookie: response.headers.get('set-cookie'), html, text: parse(html).text.replace(/\s+/g, ' ') };
	};

	beforeAll(async () => {
		server = await startServer({ env: { ADMIN_TOKEN: TOKEN } });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('asks for the token on /admin, and answers 401 with a sign-in form on every other editor page', async () => {
		const index = await get('/admin', false);
		expect(index.status).toBe(200);
		const input = index.doc.querySelector('form input[name=token]')!;
		expect(index.doc.querySelector(`label[for=${input.id}]`)?.text).toBe('Admin token');
		for (const path of ['/admin/questions', '/admin/questions/1', '/admin/shows', '/admin/episodes/1', '/admin/asked', '/admin/log']) {
			const page = await get(path, false);
			expect(page.status, path).toBe(401);
			expect(page.text, path).toContain('Sign in with the admin token');
			expect(page.doc.querySelector('form[action="/admin?/signin"] input[name=token]'), path).not.toBeNull();
		}
		// A made-up cookie is no better.
		const forged = await fetch(new URL('/admin/log', server.url), { headers: { cookie: 'pm_editor=forged' } });
		expect(forged.status).toBe(401);
	});

	it('refuses a wrong token with 403, and signs in with the right one (HttpOnly, SameSite=Strict, /admin only)', async () => {
		const wrong = await post('/admin?/signin', { token: 'not-it' }, { withCookie: false });
		expect(wrong.status).toBe(403);
		expect(wrong.setCookie).toBeNull();
		expect(wrong.text).toContain('That admin token is not right');

		const right = await post('/admin?/signin', { token: TOKEN, next: '/admin/log' }, { withCookie: false });
		expect(right.status).toBe(303);
		expect(right.location).toBe('/admin/log');
		expect(right.setCookie).toMatch(/^pm_editor=[\w-]+;/);
		expect(right.setCookie).toMatch(/HttpOnly/i);
		expect(right.setCookie).toMatch(/SameSite=Strict/i);
		expect(right.setCookie).toMatch(/Path=\/admin/);
		expect(right.setCookie).not.toContain(TOKEN);
		// The site is on https (as far as the server knows): the cookie is only sent back over https.
		expect(right.setCookie).toMatch(/Secure/i);
		cookie = right.setCookie!.split(';')[0]!;
		const log = await get('/admin/log');
		expect(log.status).toBe(200);
		expect(log.text).toContain('Change log');
	});

	it('refuses a cross-site POST even with the editor’s cookie, and a wrong or missing token without it; nothing changes', async () => {
		const crossSite = await post('/admin/questions?/create', { text: 'Cross-site question?' }, { origin: 'https://evil.example' });
		expect(crossSite.status).toBe(403);
		expect(crossSite.text).toContain('Cross-site POST form submissions are forbidden');
		const wrongToken = await post('/admin/questions?/create', { text: 'Wrong token question?', token: 'guess' }, { withCookie: false });
		expect(wrongToken.status).toBe(403);
		expect(wrongToken.text).toContain('That admin token is not right. Nothing was changed.');
		const noToken = await post('/admin/questions?/create', { text: 'No token question?' }, { withCookie: false });
		expect(noToken.status).toBe(401);
		const list = await get('/admin/questions?q=question%3F');
		expect(list.text).not.toMatch(/Cross-site question|Wrong token question|No token question/);
		const log = await get('/admin/log');
		expect(log.text).toContain('No changes yet.');
	});

	it('accepts the token in the form instead of the cookie (for scripts), creating the question', async () => {
		const created = await post('/admin/questions?/create', { text: 'Does a token in the form work?', token: TOKEN }, { withCookie: false });
		expect(created.status).toBe(303);
		expect(created.location).toMatch(/^\/admin\/questions\/\d+$/);
	});

	it('lets an editor create a question, pin a segment with a moment, fix a segment, hide an episode, and read it all in the log', async () => {
		const created = await post('/admin/questions?/create', { text: 'How do you keep running through a hard week?', alternatives: 'Running when stressed' });
		expect(created.status).toBe(303);
		const questionPage = created.location!;
		const editor = await get(questionPage);
		expect(editor.status).toBe(200);
		expect(editor.doc.querySelector('input[name=text]')!.getAttribute('value')).toBe('How do you keep running through a hard week?');
		expect((await get('/questions/how-do-you-keep-running-through-a-hard-week', false)).status).toBe(200);

		// Find a segment and pin it with the moment that answers.
		const found = await get(`${questionPage}?find=${encodeURIComponent('Working Through Emotions')}`);
		const pinForm = found.doc.querySelectorAll('form[action="?/pin"]').find((f) => f.text.includes('Working Through Emotions'))!;
		const segmentId = pinForm.querySelector('input[name=segmentId]')!.getAttribute('value')!;
		const outside = await post(`${questionPage}?/pin`, { segmentId, start: '1', end: '5' });
		expect(outside.status).toBe(400);
		expect(parse(outside.html).querySelector('[role=alert]')!.text).toMatch(/^the moment 1-5 s is not inside segment \d+ \(\d+-\d+ s\)\.$/);
		const pinned = await post(`${questionPage}?/pin`, { segmentId, start: '', end: '' });
		expect(pinned.status).toBe(200);
		expect(parse(pinned.html).querySelector('[role=status]')!.text).toBe(`Segment ${segmentId} is pinned.`);
		const publicPage = await get('/questions/how-do-you-keep-running-through-a-hard-week', false);
		expect(publicPage.text).toContain('Working Through Emotions at a Steady Rhythm');

		// The episode: rename the first segment, then try to swallow the next one.
		const shows = await get('/admin/shows');
		const showLink = shows.doc.querySelectorAll('a').find((a) => a.text === 'The Running Explained Podcast')!.getAttribute('href')!;
		const show = await get(showLink);
		const episodeLink = show.doc.querySelectorAll('a').find((a) => a.text === "Running Isn't Therapy")!.getAttribute('href')!;
		const episode = await get(episodeLink);
		const forms = episode.doc.querySelectorAll('form[action="?/segment"]');
		const fieldsOf = (i: number) =>
			Object.fromEntries(
				[...forms[i]!.querySelectorAll('input[name], textarea[name]')].map((el) => [el.getAttribute('name')!, el.tagName === 'TEXTAREA' ? el.text : el.getAttribute('value') ?? ''])
			);
		const first = fieldsOf(0);
		const second = fieldsOf(1);
		const renamed = await post(`${episodeLink}?/segment`, { ...first, title: 'Meet Sarah, trail runner and therapist' });
		expect(renamed.status).toBe(200);
		const overlap = await post(`${episodeLink}?/segment`, { ...first, end: String(Number(second.end) + 5) });
		expect(overlap.status).toBe(400);
		expect(parse(overlap.html).querySelector('[role=alert]')!.text).toContain('would vanish. End earlier, or edit that one first.');
		const publicEpisode = await get('/podcasts/running-explained/running-isnt-therapy', false);
		expect(publicEpisode.text).toContain('Meet Sarah, trail runner and therapist');
		expect(publicEpisode.text).toContain(second.title);

		// Hidden: the public page answers 404, the editor's page says so.
		const hidden = await post(`${episodeLink}?/hide`, { hidden: 'true' });
		expect(hidden.status).toBe(200);
		expect((await get('/podcasts/running-explained/running-isnt-therapy', false)).status).toBe(404);
		expect((await get('/podcasts/running-explained', false)).text).not.toContain("Running Isn't Therapy");
		await post(`${episodeLink}?/hide`, { hidden: 'false' });
		expect((await get('/podcasts/running-explained/running-isnt-therapy', false)).status).toBe(200);

		const log = await get('/admin/log');
		const actions = log.doc.querySelectorAll('tbody tr td:last-child').map((td) => td.text);
		expect(actions.slice(0, 5)).toEqual([
			expect.stringMatching(/^unhid episode \d+ "Running Isn't Therapy"$/),
			expect.stringMatching(/^hid episode \d+ "Running Isn't Therapy"$/),
			expect.stringMatching(/renamed "Welcome and Meet Sarah Strong" to "Meet Sarah, trail runner and therapist"$/),
			expect.stringMatching(new RegExp(`^pinned segment ${segmentId} "Working Through Emotions at a Steady Rhythm" to question \\d+$`)),
			expect.stringMatching(/^created question \d+ "How do you keep running through a hard week\?"/)
		]);
	});

	it('deletes a question only when the editor ticks the box, then sends them back to the list', async () => {
		const created = await post('/admin/questions?/create', { text: 'A question to delete?' });
		const unticked = await post(`${created.location}?/delete`, {});
		expect(unticked.status).toBe(400);
		expect(parse(unticked.html).querySelector('[role=alert]')!.text).toBe('tick “Yes, delete it” to delete the question.');
		const deleted = await post(`${created.location}?/delete`, { confirm: 'on' });
		expect(deleted.status).toBe(303);
		expect(deleted.location).toBe('/admin/questions');
		expect((await get(created.location!)).status).toBe(404);
	});

	it('sends a merged question’s address on to the question it was merged into (308, also after a second merge)', async () => {
		const first = await post('/admin/questions?/create', { text: 'Is a short nap before an evening run useful?' });
		const second = await post('/admin/questions?/create', { text: 'Should runners nap before training?' });
		const third = await post('/admin/questions?/create', { text: 'Do naps help runners?' });
		const merged = await post(`${first.location}?/merge`, { into: '/questions/should-runners-nap-before-training' });
		expect(merged.status).toBe(303);
		expect(merged.location).toBe(second.location);
		const gone = await get('/questions/is-a-short-nap-before-an-evening-run-useful?from=share', false);
		expect(gone.status).toBe(308);
		expect(gone.location).toBe('/questions/should-runners-nap-before-training?from=share');
		expect((await get('/questions/should-runners-nap-before-training', false)).status).toBe(200);

		// The kept question merged on in turn: the first address follows both merges.
		await post(`${second.location}?/merge`, { into: third.location!.split('/').at(-1)! });
		expect((await get('/questions/is-a-short-nap-before-an-evening-run-useful', false)).location).toBe('/questions/do-naps-help-runners');
		expect((await get('/questions/should-runners-nap-before-training', false)).location).toBe('/questions/do-naps-help-runners');
		// An address no question ever had is still a 404, and so is a deleted one's.
		expect((await get('/questions/never-a-question', false)).status).toBe(404);
		await post(`${third.location}?/delete`, { confirm: 'on' });
		expect((await get('/questions/is-a-short-nap-before-an-evening-run-useful', false)).status).toBe(404);
	});

	it('lists what visitors asked with how often and how well it was answered, and promotes one to a stored question', async () => {
		const asked = 'Do compression socks help sore calves after a long run?';
		for (let i = 0; i < 2; i++) expect((await get(`/ask?q=${encodeURIComponent(asked)}`, false)).status).toBe(200);
		const page = await get('/admin/asked');
		const row = page.doc.querySelectorAll('tbody tr').find((tr) => tr.text.includes(asked))!;
		const cells = row.querySelectorAll('td').map((td) => td.text.trim());
		expect(cells[1]).toBe('2');
		expect(cells[2]).toMatch(/^(none|[01]\.\d\d)$/);
		const normalized = row.querySelector('input[name=normalized]')!.getAttribute('value')!;
		const promoted = await post('/admin/asked?/promote', { normalized, text: 'Do compression socks help sore calves?' });
		expect(promoted.status).toBe(303);
		expect(promoted.location).toMatch(/^\/admin\/questions\/\d+$/);
		expect((await get('/questions/do-compression-socks-help-sore-calves', false)).status).toBe(200);
		expect((await get('/admin/asked')).text).not.toContain(asked);
		const log = await get('/admin/log');
		expect(log.text).toMatch(/promoted the asked question "Do compression socks help sore calves after a long run\?" \(asked 2 time\(s\)\)/);
	});

	it('promotes an asked question with the moments its answer quotes pinned as its citations, from a plain form post', async () => {
		// This server runs no worker, so the demo has no passage vectors yet: the question is one the answer page
		// answers from words and sentence meaning alone.
		const asked = 'Does caffeine before an evening workout hurt sleep?';
		const answer = await get(`/ask?q=${encodeURIComponent(asked)}`, false);
		const quoted = answer.doc.querySelectorAll('a[href*="?t="]').map((a) => a.getAttribute('href')!).filter((h) => /\?t=[\d.]+,[\d.]+$/.test(h));
		expect(quoted.length, answer.text.slice(0, 600)).toBeGreaterThanOrEqual(1);
		const row = (await get('/admin/asked')).doc.querySelectorAll('tbody tr').find((tr) => tr.text.includes(asked))!;
		const normalized = row.querySelector('input[name=normalized]')!.getAttribute('value')!;
		const promoted = await post('/admin/asked?/promote', { normalized, text: asked });
		expect(promoted.status).toBe(303);
		const page = await get('/questions/does-caffeine-before-an-evening-workout-hurt-sleep', false);
		expect(page.status).toBe(200);
		// Each pinned citation plays the quoted sentences: from the first quote's start to the last one's end.
		const played = page.doc.querySelectorAll('ol.sources > li a.time').map((a) => a.getAttribute('href')!);
		expect(played.length).toBeGreaterThanOrEqual(1);
		for (const href of played) expect(href).toMatch(/\?t=[\d.]+,[\d.]+$/);
		const starts = (hrefs: string[]) => hrefs.map((h) => `${h.split('?')[0]}@${h.split('=')[1]!.split(',')[0]}`);
		expect(starts(quoted)).toEqual(expect.arrayContaining([starts(played)[0]]));
	});
});
