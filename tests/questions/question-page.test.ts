import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../helpers/db';
import { noscriptMarkup, serveSite, squash } from '../pages/support';

describe.each(databaseKinds)('the question page, served on %s', (kind) => {
	const site = serveSite(kind);

	it('answers with the editorial answer, citing its sources as [1], [2]', async () => {
		const page = await site.get('/questions/how-much-sleep-do-runners-need');
		expect(page.status).toBe(200);
		expect(page.doc.querySelector('h1')!.text).toBe('How much sleep do runners need?');
		const answer = page.doc.querySelector('.answer')!;
		expect(squash(answer.text)).toMatch(/^Most adult runners should aim for seven to nine hours a night.* \[1\] \[2\]$/);
		const markers = answer.querySelectorAll('a.cite');
		expect(markers.map((a) => a.getAttribute('href'))).toEqual(['#citation-1', '#citation-2']);
		expect(markers[0]!.getAttribute('aria-label')).toBe('Play source 1: The Sleep Numbers for Endurance Athletes');
	});

	it('gives every source its episode, show, guest, timestamp, excerpt and a player that starts at the segment', async () => {
		const page = await site.get('/questions/how-much-sleep-do-runners-need');
		const source = page.doc.querySelector('#citation-1')!;
		expect(squash(source.querySelector('h3')!.text)).toBe('[1] Source 1: The Sleep Numbers for Endurance Athletes');
		const meta = squash(source.querySelector('.meta')!.text);
		expect(meta).toContain('How Much Sleep Do Runners Need? · The Sleep and Recovery Lab · with Owen Hartley, MD');
		expect(meta).toContain('3:00');
		expect(source.querySelector('a.time')!.getAttribute('href')).toBe('/podcasts/sleep-and-recovery-lab/how-much-sleep-do-runners-need?t=180');
		expect(source.querySelector('blockquote')!.text).toBe('For most adults the baseline is seven to nine hours a night.');
		const audio = noscriptMarkup(source).querySelector('audio')!;
		// Starts (and stops) at the segment without JavaScript, and fetches nothing until played.
		expect(audio.getAttribute('src')).toBe('/audio/demo/sleep-and-recovery-lab/how-much-sleep-do-runners-need.wav#t=180,600');
		expect(audio.getAttribute('preload')).toBe('none');
		expect(audio.getAttribute('aria-label')).toBe('Source 1: The Sleep Numbers for Endurance Athletes, from 3:00');
	});

	it("makes the segments' summaries the points of the answer when there is no editorial answer", async () => {
		const page = await site.get('/questions/what-are-the-signs-of-overtraining');
		const points = page.doc.querySelectorAll('ol.points li').map((li) => squash(li.text));
		expect(points[0]).toBe(
			'The difference between short-term, planned fatigue and the long-lasting performance drop of overtraining syndrome. [1]'
		);
		expect(points.length).toBe(page.doc.querySelectorAll('ol.sources > li').length);
	});

	it('lists related questions, never itself', async () => {
		const page = await site.get('/questions/what-are-the-signs-of-overtraining');
		const related = page.doc.querySelectorAll('section[aria-labelledby="related-questions-heading"] a').map((a) => a.getAttribute('href'));
		expect(related.length).toBeGreaterThanOrEqual(3);
		expect(related.length).toBeLessThanOrEqual(5);
		expect(related).not.toContain('/questions/what-are-the-signs-of-overtraining');
		// Both share "Overtraining, Burnout and the Case for Rest" as an answer, so they come before text-only matches.
		expect(related.slice(0, 2).sort()).toEqual(['/questions/can-overtraining-make-stress-worse', '/questions/why-are-rest-days-important-for-runners']);
	});

	it('answers 404 for a question that does not exist', async () => {
		const page = await site.get('/questions/no-such-question');
		expect(page.status).toBe(404);
		expect(page.text).toContain('There is no question "no-such-question"');
	});

	it('lists related questions on episode pages too', async () => {
		const page = await site.get('/podcasts/coaching-corner/fueling-your-first-marathon');
		const related = page.doc.querySelectorAll('section[aria-labelledby="episode-related-heading"] a').map((a) => a.text);
		expect(related.length).toBeGreaterThan(0);
		const answeredHere = page.doc.querySelectorAll('section[aria-labelledby="questions-heading"] li a:first-child').map((a) => a.text);
		for (const text of related) expect(answeredHere).not.toContain(text);
	});
});
