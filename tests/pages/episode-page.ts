import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoContent } from '../../src/lib/server/demo/content';
import { cuesForSegment } from '../../src/lib/server/demo/seed';
import { formatTimestamp } from '../../src/lib/timestamp';
import { noscriptMarkup, squash, type SiteUnderTest } from './support';
import type { HTMLElement } from 'node-html-parser';

/** A time link as a screen reader gets it (the hidden label) and as it is seen (the time). */
function spoken(link: HTMLElement): [string, string] {
	const label = link.querySelector('.visually-hidden')?.text ?? '';
	return [squash(label), squash(link.text.replace(label, ''))];
}

const EPISODE = '/podcasts/running-explained/running-isnt-therapy';
const demo = demoContent.shows.find((s) => s.slug === 'running-explained')!.episodes.find((e) => e.slug === 'running-isnt-therapy')!;
const AUDIO = '/audio/demo/running-explained/running-isnt-therapy.wav';

/** The demo episode's page: content, timestamps, ?t= handling, transcript, notes and scripts. */
export function describeEpisodePage(site: SiteUnderTest): void {
	describe('the episode page', () => {
		it('shows the episode, its show, season and number, date and length', async () => {
			const page = await site.get(EPISODE);
			expect(page.status).toBe(200);
			expect(page.headers.get('content-type')).toMatch(/^text\/html/);
			expect(page.doc.querySelector('title')!.text).toBe("Running Isn't Therapy · The Running Explained Podcast");
			expect(page.doc.querySelector('h1')!.text).toBe("Running Isn't Therapy");
			expect(page.text).toContain('Season 3, episode 9');
			expect(page.text).toContain('14 October 2025');
			expect(page.doc.querySelector('time[datetime="PT50M"]')!.text).toBe('50 min');
			const description = page.doc.querySelector('meta[name="description"]')!.getAttribute('content');
			expect(description).toContain('Mindful Running: Breath, Footsteps and Surroundings');
		});

		it('names the guest with credentials and handle, and the host', async () => {
			const page = await site.get(EPISODE);
			expect(page.text).toContain('With Sarah Strong, MSW, LCSW (@the_trail_therapist)');
			expect(page.text).toContain('Marcus Bell (host)');
		});

		it('lists every segment in order with its title, summary and a ?t= link to its start', async () => {
			const page = await site.get(EPISODE);
			const items = page.doc.querySelectorAll('section[aria-labelledby="segments-heading"] li');
			expect(items).toHaveLength(demo.segments.length);
			items.forEach((item, i) => {
				const segment = demo.segments[i]!;
				expect(item.querySelector('h3')!.text).toBe(segment.title);
				expect(squash(item.querySelector('p')!.text)).toBe(segment.summary);
				const link = item.querySelector('a.time')!;
				expect(link.getAttribute('href')).toBe(`?t=${segment.startSeconds}`);
				expect(spoken(link)).toEqual(['Play from', formatTimestamp(segment.startSeconds)]);
			});
		});

		it('draws a timeline with one ?t= link per segment, labelled with its time and title', async () => {
			const page = await site.get(EPISODE);
			const links = page.doc.querySelectorAll('nav[aria-label="Episode timeline"] a');
			expect(links.map((a) => a.getAttribute('href'))).toEqual(demo.segments.map((s) => `?t=${s.startSeconds}`));
			expect(links[3]!.getAttribute('aria-label')).toBe('12:00: Mindful Running: Breath, Footsteps and Surroundings');
		});

		it('plays the episode audio from the start when no time is given', async () => {
			const page = await site.get(EPISODE);
			const audio = noscriptMarkup(page.doc).querySelector('audio')!;
			expect(audio.getAttribute('src')).toBe(AUDIO);
			expect(audio.getAttribute('preload')).toBe('metadata');
			expect(audio.querySelector('a')!.getAttribute('href')).toBe(AUDIO);
			expect(page.doc.querySelector('.notice')).toBeNull();
			expect(page.doc.querySelector('li[aria-current="true"] h3')!.text).toBe('Welcome and Meet Sarah Strong');
		});

		it.each([
			['12:34', '#t=754'],
			['754', '#t=754'],
			['12m34s', '#t=754'],
			['0h12m34s', '#t=754'],
			['npt:754', '#t=754'],
			['754.5', '#t=754.5'],
			['754,800', '#t=754,800'],
			['12:34,13:20', '#t=754,800']
		])('starts the audio at the linked moment for ?t=%s (media fragment %s)', async (t, fragment) => {
			const page = await site.get(`${EPISODE}?t=${encodeURIComponent(t)}`);
			expect(page.status).toBe(200);
			expect(noscriptMarkup(page.doc).querySelector('audio')!.getAttribute('src')).toBe(`${AUDIO}${fragment}`);
			// The segment playing at 12:34 is highlighted before any script runs.
			expect(page.doc.querySelector('section[aria-labelledby="segments-heading"] li[aria-current="true"] h3')!.text).toBe(
				'Mindful Running: Breath, Footsteps and Surroundings'
			);
			expect(page.doc.querySelector('.notice')).toBeNull();
		});

		it('says where playback starts, and where a clip stops', async () => {
			expect((await site.get(`${EPISODE}?t=12:34`)).doc.querySelector('[role="status"]')!.text).toBe('Starting at 12:34.');
			expect(squash((await site.get(`${EPISODE}?t=754,800`)).doc.querySelector('[role="status"]')!.text)).toBe(
				'Starting at 12:34, stopping at 13:20.'
			);
		});

		it.each([
			['garbage', '"garbage" is not a time we understand; try 754, 12:34, 1:02:03 or 1h2m3s. Playing from the start.'],
			['99999', '27:46:39 is past the end of this episode (50:00). Playing from the start.'],
			['1h2m3s', '1:02:03 is past the end of this episode (50:00). Playing from the start.'],
			['800,754', 'The range "800,754" ends before it starts. Playing from the start.'],
			['<script>alert(1)</script>', '"<script>alert(1)</script>" is not a time we understand; try 754, 12:34, 1:02:03 or 1h2m3s. Playing from the start.']
		])('explains a ?t=%s it cannot use and plays from 0:00', async (t, notice) => {
			const page = await site.get(`${EPISODE}?t=${encodeURIComponent(t)}`);
			expect(page.status).toBe(200);
			expect(squash(page.doc.querySelector('.notice[role="status"]')!.text)).toBe(notice);
			expect(noscriptMarkup(page.doc).querySelector('audio')!.getAttribute('src')).toBe(AUDIO);
			expect(page.doc.querySelector('li[aria-current="true"] h3')!.text).toBe('Welcome and Meet Sarah Strong');
			// What the visitor typed is shown as text, never as markup.
			expect(page.html).not.toContain('<script>alert(1)</script>');
		});

		it('lists the questions the episode answers, each with a link to the moment that answers it', async () => {
			const page = await site.get(EPISODE);
			const items = page.doc.querySelectorAll('section[aria-labelledby="questions-heading"] li');
			const therapy = items.find((li) => li.querySelector('a')!.text === 'Can running serve as therapy?')!;
			expect(therapy.querySelector('a')!.getAttribute('href')).toBe('/questions/can-running-serve-as-therapy');
			const moment = therapy.querySelector('a.time')!;
			expect(moment.getAttribute('href')).toBe('?t=1380');
			expect(spoken(moment)).toEqual(['Play the answer from', '23:00']);
		});

		it('includes the whole transcript as paragraphs by speaker, with a ?t= link on every paragraph and sentence', async () => {
			const page = await site.get(EPISODE);
			const cues = demo.segments.flatMap(cuesForSegment);
			const lines = page.doc.querySelectorAll('ol[aria-label="Transcript"] > li');
			expect(squash(lines[0]!.querySelector('p')!.text)).toBe(`Marcus Bell: ${cues[0]!.text}`);
			expect(squash(lines[1]!.querySelector('p')!.text)).toBe(`Sarah Strong: ${cues[1]!.text}`);
			const sentences = page.doc.querySelectorAll('ol[aria-label="Transcript"] a.sentence');
			expect(squash(sentences.map((a) => a.text).join(' '))).toBe(squash(cues.map((c) => c.text).join(' ')));
			for (const line of lines) expect(line.querySelector('a.time')!.getAttribute('href')).toBe(line.querySelector('a.sentence')!.getAttribute('href'));
			for (const a of sentences) expect(a.getAttribute('href')).toMatch(/^\?t=\d+$/);
		});

		it('shows the show notes as sanitized HTML: structure and links kept, links marked as not endorsed', async () => {
			const page = await site.get(EPISODE);
			const notes = page.doc.querySelector('section[aria-labelledby="notes-heading"] .notes')!;
			expect(notes.querySelectorAll('li')).toHaveLength(5);
			expect(squash(notes.querySelector('strong')!.text)).toBe('Sarah Strong, MSW, LCSW');
			const link = notes.querySelector('a')!;
			expect(link.getAttribute('href')).toBe('https://example.com/people/sarah-strong');
			expect(link.getAttribute('rel')).toBe('nofollow noopener noreferrer ugc');
			expect(notes.querySelectorAll('script, style, iframe, img, [style], [onclick], [onerror]')).toHaveLength(0);
		});

		it('runs no script that the Content-Security-Policy does not allow', async () => {
			const page = await site.get(EPISODE);
			const csp = page.headers.get('content-security-policy')!;
			const scriptSrc = /script-src([^;,]*)/.exec(csp)?.[1] ?? '';
			expect(scriptSrc).not.toContain("'unsafe-inline'");
			const scripts = page.doc.querySelectorAll('script');
			expect(scripts.length).toBeGreaterThan(0);
			for (const script of scripts) {
				if (script.getAttribute('src')) expect(script.getAttribute('src')).toMatch(/^(\.\.\/)*_app\/|^\/_app\//);
				// JSON-LD is a data block, which script-src does not govern (tests/e2e/embed.test.ts checks Chromium agrees).
				else if (script.getAttribute('type') === 'application/ld+json') expect(JSON.parse(script.text)).toBeTruthy();
				// Inline scripts run only when the policy names their hash.
				else expect(scriptSrc).toContain(`'sha256-${createHash('sha256').update(script.rawText).digest('base64')}'`);
			}
			expect(page.html).not.toMatch(/\son[a-z]+=/i);
		});

		it('shows an episode without a transcript without that section', async () => {
			const page = await site.get('/podcasts/sleep-and-recovery-lab/rest-days-are-training-days');
			expect(page.status).toBe(200);
			expect(page.doc.querySelector('h1')!.text).toBe('Rest Days Are Training Days');
			expect(page.doc.querySelector('#transcript-heading')).toBeNull();
			expect(page.doc.querySelectorAll('section[aria-labelledby="segments-heading"] li').length).toBeGreaterThan(3);
		});
	});
}
