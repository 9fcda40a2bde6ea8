/**
 * Mining questions from real transcripts (../shared/realdata): the questions a reader understands on their own are
 * kept and worded for a page, fragments and filler are dropped, the answer span runs from the question to where the
 * next speaker moves on, and near-duplicates are merged by meaning and shared nouns.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeCuesIntoSentences } from '../../src/lib/server/chapters';
import { getEncoder, type SentenceEncoder } from '../../src/lib/server/embeddings';
import { isSelfContained, mergeNearDuplicates, mineQuestions, normaliseQuestion, type MinedQuestion, type MiningCue } from '../../src/lib/server/mining';
import { BUZZCAST_JSON, BUZZSPROUT_SRT, BUZZSPROUT_VTT, readTranscript } from './transcripts';

const FILES = [BUZZCAST_JSON, BUZZSPROUT_SRT, BUZZSPROUT_VTT];
const LEADING_MARKER = /^(?:so|and|but|um|uh|okay|well|yeah|like|you know)\b/i;

/** Who speaks at a time (the cue under it). */
function speakerAt(cues: readonly MiningCue[], seconds: number): string | null {
	return cues.find((c) => c.startSeconds <= seconds + 0.01 && seconds < c.endSeconds)?.speaker ?? null;
}

describe('mineQuestions', () => {
	const mined = new Map<string, MinedQuestion[]>();
	beforeAll(() => {
		for (const file of FILES) mined.set(file, mineQuestions(readTranscript(file), []));
	});

	it('keeps the questions that stand on their own, worded for a page: capital first, one "?" last, no opening "so" or "um"', () => {
		const all = [...mined.values()].flat();
		expect(all.length).toBeGreaterThanOrEqual(2);
		for (const q of all) {
			expect(q.text).toMatch(/^\p{Lu}/u);
			expect(q.text).toMatch(/[^?]\?$/);
			expect(q.text).not.toMatch(LEADING_MARKER);
			expect(q.text).not.toMatch(/\b(?:um|uh)\b/i);
			expect(isSelfContained(q.text)).toBe(true);
		}
		// The host's question to a colleague in the Buzzcast episode, without the name and the run-up before it.
		const differentiators = mined.get(BUZZCAST_JSON)!.find((q) => /differentiators/i.test(q.text));
		expect(differentiators, 'the question about what sets the two kinds of content apart').toBeDefined();
		expect(differentiators!.text).toMatch(/^What are the differentiators between /);
		expect(differentiators!.spoken.startsWith(differentiators!.text.slice(0, 10))).toBe(false);
		expect(differentiators!.asker).toBe('Alban');
		// The SRT's presenter question, its trailing "short answer" aside dropped.
		expect(mined.get(BUZZSPROUT_SRT)!.map((q) => q.text)).toContain('Is there an ideal podcast length?');
	});

	it('drops fragments, asides and questions nobody answers: most sentences ending in "?" are not kept', () => {
		for (const file of [BUZZCAST_JSON, BUZZSPROUT_SRT]) {
			const asked = mergeCuesIntoSentences(readTranscript(file)).filter((s) => s.text.trim().endsWith('?'));
			const kept = mined.get(file)!;
			expect(asked.length).toBeGreaterThan(10);
			expect(kept.length).toBeLessThan(asked.length / 5);
			// None of what is kept leans on the talk around it.
			for (const q of kept) expect(q.text).not.toMatch(/\b(?:it|that|this|those|these)\?$|^(?:what|how) about\b|\bright\?$/i);
		}
		// The voice-tag VTT ends on a listener's question that the file never answers: nothing is cited for it.
		expect(mined.get(BUZZSPROUT_VTT)).toEqual([]);
	});

	it('ends the answer where the next speaker moves on', () => {
		const cues = readTranscript(BUZZCAST_JSON);
		const q = mined.get(BUZZCAST_JSON)!.find((m) => /differentiators/i.test(m.text))!;
		const answerer = speakerAt(cues, q.answerStartSeconds);
		expect(answerer).not.toBeNull();
		expect(answerer).not.toBe(q.asker);
		// Every cue inside the answer is the answerer's; the first after it is the asker taking the floor back.
		const inside = cues.filter((c) => c.startSeconds >= q.answerStartSeconds && c.endSeconds <= q.endSeconds + 0.01);
		expect(inside.length).toBeGreaterThan(5);
		expect(new Set(inside.map((c) => c.speaker))).toEqual(new Set([answerer]));
		const next = cues.find((c) => c.startSeconds >= q.endSeconds - 0.01 && c.speaker !== answerer);
		expect(next?.speaker).toBe(q.asker);
		expect(next!.startSeconds - q.endSeconds).toBeLessThan(2);
		expect(q.startSeconds).toBeLessThan(q.answerStartSeconds);
		// The excerpt is the answer's own first words.
		expect(inside.map((c) => c.text).join(' ').replace(/\s+/g, ' ')).toContain(q.excerpt.replace(/ …$/, '').slice(0, 60));
	});

	it('lets a presenter answer their own question, and stops before the next speaker starts a new clip', () => {
		const cues = readTranscript(BUZZSPROUT_SRT);
		const q = mined.get(BUZZSPROUT_SRT)!.find((m) => m.text === 'Is there an ideal podcast length?')!;
		expect(speakerAt(cues, q.answerStartSeconds)).toBe(q.asker);
		const nextSpeaker = cues.find((c) => c.startSeconds > q.startSeconds && c.speaker !== q.asker)!;
		expect(q.endSeconds).toBeLessThanOrEqual(nextSpeaker.startSeconds);
		expect(q.endSeconds - q.answerStartSeconds).toBeGreaterThan(20);
	});

	it('takes a chapter titled with a question as answered by that chapter', () => {
		const cues = readTranscript(BUZZCAST_JSON);
		const segments = [
			{ startSeconds: 0, endSeconds: 300, title: 'Why did the team stop publishing video episodes on YouTube?' },
			{ startSeconds: 300, endSeconds: cues.at(-1)!.endSeconds, title: 'Analytics' }
		];
		const chapter = mineQuestions(cues, segments).find((q) => q.source === 'chapter')!;
		expect(chapter).toMatchObject({ text: segments[0]!.title, startSeconds: 0, endSeconds: 300, segmentIndex: 0 });
		expect(chapter.excerpt.length).toBeGreaterThan(20);
	});

	it('mines nothing from a transcript in another language or one without punctuation', () => {
		const cues = readTranscript(BUZZCAST_JSON);
		expect(mineQuestions(cues, [], { language: 'de' })).toEqual([]);
		const unpunctuated = cues.map((c) => ({ ...c, speaker: null, text: c.text.replace(/[.?!,]/g, '').toLowerCase() }));
		expect(mineQuestions(unpunctuated, [])).toEqual([]);
	});
});

describe('normaliseQuestion', () => {
	it('drops discourse markers, fillers, restarts and a name the question is put to', () => {
		expect(normaliseQuestion('So, um, how do you handle guest bookings for a weekly show?')).toBe('How do you handle guest bookings for a weekly show?');
		expect(normaliseQuestion("Okay Dana, what's, what are the best microphones for a home studio?")).toBe('What are the best microphones for a home studio?');
		expect(normaliseQuestion('And do you, do you edit every episode of the podcast yourself, Sam?', ['Sam'])).toBe('Do you edit every episode of the podcast yourself?');
		// A condition the question needs stays ("if you were starting out"); a statement before it goes.
		expect(normaliseQuestion('So if you were starting out, which hosting platform would you pick?')).toBe('If you were starting out, which hosting platform would you pick?');
		expect(normaliseQuestion('We tried three of them last year, which hosting platform would you pick for a new show?')).toBe('Which hosting platform would you pick for a new show?');
	});

	it('refuses what needs the conversation, tags, small talk and hand-offs', () => {
		for (const refused of [
			'What about that?',
			'How is that working out for you?',
			'Why did they do it?',
			'You know what I mean?',
			'That was a great episode, right?',
			'Can you hear me okay?',
			'Should we move on to our next topic?',
			"Isn't it obvious?",
			'So what do you think?',
			'What are those two things?',
			'Can you imagine buying a couch you can only rent?',
			'Do you think something similar could happen to graphics cards?'
		]) {
			expect(normaliseQuestion(refused), refused).toBeNull();
		}
	});
});

describe('mergeNearDuplicates', () => {
	let encoder: SentenceEncoder;
	beforeAll(async () => {
		encoder = await getEncoder();
	});

	it('merges a mined question with its rewording and keeps a question about another subject apart', async () => {
		const mined = mineQuestions(readTranscript(BUZZSPROUT_SRT), []).find((q) => q.text === 'Is there an ideal podcast length?')!;
		const groups = await mergeNearDuplicates(
			[mined, { text: 'What is the ideal length for a podcast?' }, { text: 'Is there an ideal podcast release schedule?' }, { text: 'Which microphone should a beginner podcaster buy?' }, { text: 'Which headphones should a beginner podcaster buy?' }],
			encoder
		);
		expect(groups.map((g) => g.map((q) => q.text))).toEqual([
			['Is there an ideal podcast length?', 'What is the ideal length for a podcast?'],
			['Is there an ideal podcast release schedule?'],
			['Which microphone should a beginner podcaster buy?'],
			['Which headphones should a beginner podcaster buy?']
		]);
	});
});
