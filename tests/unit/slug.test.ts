import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/slug';

describe('slugify', () => {
	it.each([
		["Running Isn't Therapy", 'running-isnt-therapy'],
		['Running Isn’t Therapy', 'running-isnt-therapy'],
		['How Much Sleep Do Runners Need?', 'how-much-sleep-do-runners-need'],
		['Tomás Rivera', 'tomas-rivera'],
		['Crème Brûlée & Co.', 'creme-brulee-co'],
		['  --Hello,   World!--  ', 'hello-world'],
		['Episode 42: 10K PRs', 'episode-42-10k-prs']
	])('turns %j into %j', (text, slug) => {
		expect(slugify(text)).toBe(slug);
	});

	it('falls back to "untitled" when nothing usable is left', () => {
		expect(slugify('')).toBe('untitled');
		expect(slugify('!!!')).toBe('untitled');
		expect(slugify('日本語')).toBe('untitled');
	});

	it('cuts long titles without leaving a trailing hyphen', () => {
		expect(slugify('alpha beta gamma', 11)).toBe('alpha-beta');
		expect(slugify('a'.repeat(200))).toHaveLength(80);
	});

	it('always gives lower-case words joined by single hyphens, within the length limit', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 1, max: 120 }), (text, max) => {
				const slug = slugify(text, max);
				expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
				if (slug !== 'untitled') expect(slug.length).toBeLessThanOrEqual(max);
			}),
			{ numRuns: 1000 }
		);
	});

	it('gives the same slug for a slug (stable URLs when a title is slugified twice)', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 100 }), (text) => {
				const slug = slugify(text);
				expect(slugify(slug)).toBe(slug);
			})
		);
	});
});
