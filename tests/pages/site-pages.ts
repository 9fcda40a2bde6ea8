import { describe, expect, it } from 'vitest';
import { squash, type SiteUnderTest } from './support';

const AUDIO = '/audio/demo/running-explained/running-isnt-therapy.wav';
/** 50 minutes of 8 kHz 8-bit mono, plus the 44-byte header. */
const AUDIO_BYTES = 44 + 3000 * 8000;

/** Home, show lists, 404s, security headers and the demo audio, on a running site. */
export function describeSitePages(site: SiteUnderTest): void {
	describe('home page', () => {
		it('invites people to find a moment, and lists the featured questions', async () => {
			const page = await site.get('/');
			expect(page.status).toBe(200);
			expect(page.doc.querySelector('h1')!.text).toBe('Find the moment a podcast answered your question');
			const questions = page.doc.querySelectorAll('section[aria-labelledby="featured-heading"] li a');
			expect(questions.length).toBeGreaterThanOrEqual(3);
			expect(questions[0]!.text).toBe('Can running serve as therapy?');
			expect(questions[0]!.getAttribute('href')).toBe('/questions/can-running-serve-as-therapy');
		});

		it('lists recent episodes, newest first, each linking to a page that exists', async () => {
			const page = await site.get('/');
			const items = page.doc.querySelectorAll('section[aria-labelledby="recent-heading"] li');
			expect(items).toHaveLength(6);
			const dates = items.map((li) => li.querySelector('time')!.getAttribute('datetime')!);
			expect(dates).toEqual([...dates].sort().reverse());
			for (const item of items) {
				const href = item.querySelector('a')!.getAttribute('href')!;
				expect(href).toMatch(/^\/podcasts\/[a-z0-9-]+\/[a-z0-9-]+$/);
				const episode = await site.get(href);
				expect(episode.status, href).toBe(200);
				expect(episode.doc.querySelector('h1')!.text).toBe(item.querySelector('strong')!.text);
			}
		});

		it('lists every show with its episode count and host', async () => {
			const page = await site.get('/');
			const shows = page.doc.querySelectorAll('section[aria-labelledby="shows-heading"] li').map((li) => squash(li.text));
			expect(shows).toEqual([
				'Coaching Corner · 3 episodes by Jenna Park',
				'The Running Explained Podcast · 1 episode by Marcus Bell',
				'The Sleep and Recovery Lab · 3 episodes by Priya Natarajan'
			]);
		});
	});

	describe('show pages', () => {
		it('lists the shows at /podcasts with their descriptions', async () => {
			const page = await site.get('/podcasts');
			expect(page.status).toBe(200);
			expect(page.doc.querySelectorAll('h2 a').map((a) => a.getAttribute('href'))).toEqual([
				'/podcasts/coaching-corner',
				'/podcasts/running-explained',
				'/podcasts/sleep-and-recovery-lab'
			]);
			expect(page.text).toContain('Plain language, no gatekeeping');
		});

		it('lists a show\'s episodes, each linking to its page', async () => {
			const page = await site.get('/podcasts/sleep-and-recovery-lab');
			expect(page.status).toBe(200);
			expect(page.doc.querySelector('h1')!.text).toBe('The Sleep and Recovery Lab');
			const links = page.doc.querySelectorAll('ul.card-list a[href^="/podcasts/"]').map((a) => a.getAttribute('href'));
			expect(links).toHaveLength(3);
			expect(links).toContain('/podcasts/sleep-and-recovery-lab/how-much-sleep-do-runners-need');
			// The questions its episodes answer, each linking to its page.
			const questions = page.doc.querySelectorAll('section[aria-labelledby="show-questions-heading"] a');
			expect(questions.map((a) => a.text)).toContain('How much sleep do runners need?');
			for (const a of questions) expect(a.getAttribute('href')).toMatch(/^\/questions\/[\w-]+$/);
		});

		it('lists every question at /questions, each linking to its answer page with its number of moments', async () => {
			const page = await site.get('/questions');
			expect(page.status).toBe(200);
			const items = page.doc.querySelectorAll('ul.card-list li');
			expect(items.length).toBeGreaterThanOrEqual(19);
			const therapy = items.find((li) => li.querySelector('a')!.text === 'Can running serve as therapy?')!;
			expect(therapy.querySelector('a')!.getAttribute('href')).toBe('/questions/can-running-serve-as-therapy');
			expect(squash(therapy.text)).toMatch(/· [1-9]\d* moments? · featured$/);
			const answer = await site.get('/questions/can-running-serve-as-therapy');
			expect(answer.doc.querySelector('nav[aria-label="Breadcrumb"] a')!.getAttribute('href')).toBe('/questions');
		});

		it('lists every person at /people with credentials and episode count, linking to their page', async () => {
			const page = await site.get('/people');
			expect(page.status).toBe(200);
			const sarah = page.doc.querySelectorAll('ul.card-list li').find((li) => li.text.includes('Sarah Strong'))!;
			expect(squash(sarah.text)).toBe('Sarah Strong, MSW, LCSW · 1 episode');
			expect(sarah.querySelector('a')!.getAttribute('href')).toBe('/people/sarah-strong');
			expect((await site.get('/people/sarah-strong')).status).toBe(200);
		});

		it('links shows, questions and people from the site navigation', async () => {
			const page = await site.get('/podcasts');
			const nav = page.doc.querySelectorAll('nav[aria-label="Site"] a').map((a) => a.getAttribute('href'));
			expect(nav).toEqual(expect.arrayContaining(['/podcasts', '/questions', '/people']));
		});
	});

	describe('pages that do not exist', () => {
		it.each([
			['/podcasts/running-explained/no-such-episode', 'There is no episode "no-such-episode" in "running-explained".'],
			['/podcasts/no-such-show/running-isnt-therapy', 'There is no episode "running-isnt-therapy" in "no-such-show".'],
			['/podcasts/no-such-show', 'There is no show called "no-such-show" here.'],
			['/no/such/page', 'Not Found']
		])('answers %s with a 404 page that says what is missing and where to go', async (path, message) => {
			const page = await site.get(path);
			expect(page.status).toBe(404);
			expect(page.doc.querySelector('title')!.text).toBe('Not found · Podcast Moments');
			expect(page.doc.querySelector('h1')!.text).toBe('Not found');
			expect(page.text).toContain(message);
			const links = page.doc.querySelectorAll('main a').map((a) => a.getAttribute('href'));
			expect(links).toEqual(expect.arrayContaining(['/', '/podcasts']));
		});
	});

	describe('security headers', () => {
		it.each(['/', '/podcasts/running-explained/running-isnt-therapy', '/podcasts/no-such-show'])(
			'%s may not be framed, sniffed or run inline script',
			async (path) => {
				const page = await site.get(path);
				expect(page.headers.get('x-frame-options')).toBe('DENY');
				expect(page.headers.get('x-content-type-options')).toBe('nosniff');
				expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
				const csp = page.headers.get('content-security-policy')!;
				expect(csp).toContain("frame-ancestors 'none'");
				expect(csp).toContain("object-src 'none'");
				expect(csp).toContain("default-src 'self'");
				const scriptSrc = /script-src ([^;,]*)/.exec(csp)![1]!;
				expect(scriptSrc).toContain("'self'");
				expect(scriptSrc).not.toContain("'unsafe-inline'");
				expect(scriptSrc).not.toContain("'unsafe-eval'");
				expect(scriptSrc).not.toMatch(/https?:|\*/);
			}
		);
	});

	describe('demo audio', () => {
		it('sends a valid WAV header for the start of the file, with byte-range support', async () => {
			const response = await fetch(new URL(AUDIO, site.url), { headers: { range: 'bytes=0-43' } });
			expect(response.status).toBe(206);
			expect(response.headers.get('content-type')).toBe('audio/wav');
			expect(response.headers.get('accept-ranges')).toBe('bytes');
			expect(response.headers.get('content-range')).toBe(`bytes 0-43/${AUDIO_BYTES}`);
			expect(response.headers.get('content-length')).toBe('44');
			const header = Buffer.from(await response.arrayBuffer());
			expect(header.toString('ascii', 0, 4)).toBe('RIFF');
			expect(header.readUInt32LE(4)).toBe(AUDIO_BYTES - 8);
			expect(header.toString('ascii', 8, 16)).toBe('WAVEfmt ');
			expect(header.readUInt16LE(20)).toBe(1);
			expect(header.readUInt32LE(24)).toBe(8000);
			expect(header.toString('ascii', 36, 40)).toBe('data');
			expect(header.readUInt32LE(40)).toBe(3000 * 8000);
		});

		it('sends the bytes at 12:34 when a player seeks there', async () => {
			const offset = 44 + 754 * 8000;
			const response = await fetch(new URL(AUDIO, site.url), { headers: { range: `bytes=${offset}-${offset + 7999}` } });
			expect(response.status).toBe(206);
			expect(response.headers.get('content-range')).toBe(`bytes ${offset}-${offset + 7999}/${AUDIO_BYTES}`);
			const bytes = new Uint8Array(await response.arrayBuffer());
			expect(bytes).toHaveLength(8000);
			expect(Math.max(...bytes) - Math.min(...bytes)).toBeGreaterThan(10); // a tone, not silence
		});

		it('sends the last bytes for a suffix range', async () => {
			const response = await fetch(new URL(AUDIO, site.url), { headers: { range: 'bytes=-100' } });
			expect(response.status).toBe(206);
			expect(response.headers.get('content-range')).toBe(`bytes ${AUDIO_BYTES - 100}-${AUDIO_BYTES - 1}/${AUDIO_BYTES}`);
			expect((await response.arrayBuffer()).byteLength).toBe(100);
		});

		it('answers a range past the end with 416 and the real size', async () => {
			const response = await fetch(new URL(AUDIO, site.url), { headers: { range: `bytes=${AUDIO_BYTES}-` } });
			expect(response.status).toBe(416);
			expect(response.headers.get('content-range')).toBe(`bytes */${AUDIO_BYTES}`);
			await response.body?.cancel();
		});

		it('sends the whole file, with its length, when no range is asked for', async () => {
			const response = await fetch(new URL(AUDIO, site.url));
			expect(response.status).toBe(200);
			expect(response.headers.get('content-length')).toBe(String(AUDIO_BYTES));
			const reader = response.body!.getReader();
			const { value } = await reader.read();
			expect(Buffer.from(value!).toString('ascii', 0, 4)).toBe('RIFF');
			await reader.cancel();
		});

		it('answers 404 for audio of an episode that does not exist', async () => {
			const response = await fetch(new URL('/audio/demo/running-explained/no-such-episode.wav', site.url));
			expect(response.status).toBe(404);
			await response.body?.cancel();
		});
	});
}
