import { describe, expect, it } from 'vitest';
import { indexTerms, normalizeWord, queryTerm, queryTerms, tokenize } from '../../src/lib/server/search/terms';

describe('tokenize', () => {
	it('splits on spaces and punctuation, keeping contractions and possessives whole', () => {
		expect(tokenize("The runner's high isn't marketing—it's real (mostly).")).toEqual([
			'The',
			"runner's",
			'high',
			"isn't",
			'marketing',
			"it's",
			'real',
			'mostly'
		]);
	});

	it('splits hyphenated words', () => {
		expect(tokenize('walk-run return-to-running')).toEqual(['walk', 'run', 'return', 'to', 'running']);
	});
});

describe('normalizeWord', () => {
	it('folds case and accents and drops apostrophes and a possessive s', () => {
		expect(normalizeWord('Tomás')).toBe('tomas');
		expect(normalizeWord("Runner's")).toBe('runner');
		expect(normalizeWord('Isn’t')).toBe('isnt');
	});
});

describe('queryTerm', () => {
	it('stems with the stemmer package, so inflections meet', () => {
		expect(queryTerm('breathing')).toBe(queryTerm('breathe'));
		expect(queryTerm('marathons')).toBe(queryTerm('marathon'));
		expect(queryTerm('stressful')).toBe(queryTerm('stressed'));
	});

	it('maps synonyms to one term: jogging/running, anxious/anxiety, burnout/overtraining', () => {
		expect(queryTerm('jogging')).toBe(queryTerm('running'));
		expect(queryTerm('anxious')).toBe(queryTerm('anxiety'));
		expect(queryTerm('burnout')).toBe(queryTerm('overtraining'));
		expect(queryTerm('injured')).toBe(queryTerm('injury'));
		expect(queryTerm('counselor')).toBe(queryTerm('therapist'));
	});

	it('keeps unrelated words apart', () => {
		expect(queryTerm('sleep')).not.toBe(queryTerm('rest'));
		expect(queryTerm('runner')).not.toBe(queryTerm('race'));
	});

	it('drops stop words and single letters but keeps numbers', () => {
		for (const word of ['the', 'How', 'do', "don't", 'I', 's']) expect(queryTerm(word)).toBeNull();
		expect(queryTerm('5')).toBe('5');
		expect(queryTerm('988')).toBe('988');
	});
});

describe('indexTerms', () => {
	it("indexes a word's own form beside its stem, so half-typed words can prefix-match it", () => {
		expect(indexTerms('marathons')).toEqual(['marathon', 'marathons']);
		expect(indexTerms('sleep')).toEqual(['sleep']);
	});
});

describe('queryTerms', () => {
	it('gives the distinct content terms of a question, in order', () => {
		expect(queryTerms('How much sleep do runners need? Runners!')).toEqual(['sleep', 'runner', 'need']);
	});
});
