/** Automatic chapters from a timed transcript: where boundaries land, what the segments are called, odd input. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chapterTranscript, chapterTranscriptLexical, isKeywordListTitle, mergeCuesIntoSentences, type ChapterResult } from '../../src/lib/server/chapters';
import { getEncoder, type SentenceEncoder } from '../../src/lib/server/embeddings';
import { splitTranscriptIntoTopics } from '../../src/lib/server/import/transcript-topics';
import { parseTranscript } from '../../src/lib/server/import/transcripts';
import type { Cue } from '../../src/lib/server/import/types';
import { realdataDir } from '../helpers/environment';
import { syntheticCues, syntheticStretches, syntheticTopicStarts, type Stretch } from './synthetic-talk';

let encoder: SentenceEncoder;
beforeAll(async () => {
	encoder = await getEncoder();
}, 60_000);

describe('mergeCuesIntoSentences', () => {
	it('joins caption rows into sentences and splits a row where a sentence ends inside it', () => {
		const sentences = mergeCuesIntoSentences([
			{ startSeconds: 0, endSeconds: 2, speaker: 'Ade', text: 'The kettle whistled' },
			{ startSeconds: 2, endSeconds: 4, speaker: 'Ade', text: 'all morning. Then it stopped' },
			{ startSeconds: 4, endSeconds: 5, speaker: 'Ade', text: 'for good.' },
			{ startSeconds: 5, endSeconds: 7, speaker: 'Bea', text: 'Buy a new one' }
		]);
		expect(sentences.map((s) => s.text)).toEqual(['The kettle whistled all morning.', 'Then it stopped for good.', 'Buy a new one']);
		expect(sentences[1]!.startSeconds).toBeGreaterThan(2);
		expect(sentences[1]!.startSeconds).toBeLessThan(4);
		expect(sentences[2]).toMatchObject({ startSeconds: 5, newSpeaker: true, speaker: 'Bea' });
	});
});

describe('chapterTranscript on a conversation with known topic changes', () => {
	const cues = syntheticCues();
	let results: ChapterResult[];
	beforeAll(async () => {
		results = [chapterTranscriptLexical(cues, { durationSeconds: 1000 }), await chapterTranscript(cues, { durationSeconds: 1000, encoder })];
	}, 60_000);

	it('puts a boundary at every change of topic and nowhere else', () => {
		for (const { segments } of results) {
			expect(segments.slice(1).map((s) => s.startSeconds)).toEqual(syntheticTopicStarts());
		}
	});

	it('starts every segment on a sentence start, and covers the episode without gaps', () => {
		const sentenceStarts = new Set(mergeCuesIntoSentences(cues).map((s) => s.startSeconds));
		for (const { segments } of results) {
			expect(segments[0]!.startSeconds).toBe(0);
			expect(segments.at(-1)!.endSeconds).toBe(1000);
			for (const [i, s] of segments.entries()) {
				if (i > 0) expect(sentenceStarts.has(s.startSeconds)).toBe(true);
				if (i > 0) expect(s.startSeconds).toBe(segments[i - 1]!.endSeconds);
			}
		}
	});

	it('lands on the speaker turn when there is no other sign than the turn and the words', () => {
		// Without cue phrases the change of words decides, and the boundary still falls where a turn starts.
		const plain = cues.map((c) => ({ ...c, text: c.text.replace(/^(Our next topic is|This episode is brought to you by|Let's talk about)\s*/i, '') }));
		const turnStarts = new Set(plain.filter((c, i) => i === 0 || c.speaker !== plain[i - 1]!.speaker).map((c) => c.startSeconds));
		const sentenceStarts = new Set(mergeCuesIntoSentences(plain).map((s) => s.startSeconds));
		const { segments } = chapterTranscriptLexical(plain, { durationSeconds: 1000 });
		expect(segments.length).toBeGreaterThan(1);
		for (const s of segments.slice(1)) expect(sentenceStarts.has(s.startSeconds) || turnStarts.has(s.startSeconds)).toBe(true);
	});

	it('titles the sponsor read as a sponsor and the topics in words of their own', () => {
		for (const { segments } of results) {
			expect(segments[2]!.title).toBe('Sponsor: Acme Coffee');
			expect(segments[0]!.title).toMatch(/sourdough|starter|flour|dough|loaf|bread/i);
			expect(segments[1]!.title).toMatch(/chain|bicycle|bike|derailleur|brake|tyre|tube/i);
			expect(segments[3]!.title).toMatch(/tomato|balcony|blossom|seed/i);
			for (const s of segments) expect(isKeywordListTitle(s.title), s.title).toBe(false);
		}
	});

	it('summarises each segment with its own sentences', () => {
		const said = new Set(cues.map((c) => c.text));
		for (const { segments } of results) {
			for (const s of segments) {
				expect(s.summary.length).toBeGreaterThan(20);
				// Each summary sentence is one the segment itself contains.
				for (const sentence of s.summary.split(/(?<=\.)\s+/)) expect(said.has(sentence), sentence).toBe(true);
			}
		}
	});
});

describe('chapterTranscript on hand-offs as people say them', () => {
	// Listener questions about running, two minutes each, handed over the way live talk does it (the "um"s and
	// "all right"s around "our next question"): a listener expects each question to start where the host hands over.
	const question = (from: string, opening: string, lines: string[]): Stretch => ({ topic: from, seconds: 120, opening, lines });
	const stretches: Stretch[] = [
		{
			topic: 'intro',
			seconds: 150,
			lines: [
				'Today we are answering your questions about running.',
				'Most runners build their weekly mileage far too quickly.',
				'Easy runs should feel slow enough to hold a conversation.',
				'A long run once a week builds the base for a marathon.'
			]
		},
		question('Sam', 'All right, um, our next question comes from Sam, who asks about knee pain after long runs.', [
			'Knee pain after a long run often comes from weak hips and glutes.',
			'Strengthening the hips with side planks takes load off the knee.',
			'If the knee swells, rest it and see a physiotherapist.',
			'Worn out running shoes can make knee pain worse too.'
		]),
		question('Priya', 'So, uh, our next, um, question is from Priya, about running in the heat.', [
			'In hot weather your heart rate climbs even at an easy pace.',
			'Drink before you feel thirsty and add salt on long hot runs.',
			'Run early in the morning before the sun is high.',
			'It takes about two weeks for the body to adapt to heat.'
		]),
		question('Jo', "Okay so, um, let's, uh, talk about Jo's question on the taper before a marathon.", [
			'A taper cuts your weekly volume over the last three weeks.',
			'Keep a little speed work during the taper so the legs stay sharp.',
			'Many runners feel sluggish in taper week and start to panic.',
			'Sleep and carbohydrates matter most in the final days.'
		])
	];
	const cues = syntheticCues(stretches, { speakers: false });

	it('starts a segment at every hand-off, fillers and all, even when they come two minutes apart', async () => {
		for (const { segments } of [chapterTranscriptLexical(cues, { durationSeconds: 510 }), await chapterTranscript(cues, { durationSeconds: 510, encoder })]) {
			expect(segments.slice(1).map((s) => s.startSeconds)).toEqual(syntheticTopicStarts(stretches));
		}
	}, 60_000);
});

describe('chapterTranscript on the breaks a live show takes', () => {
	// A live show hands over to its sponsor spots and its listener mail in its own words, not "brought to you by", and
	// each break runs little more than a minute: a listener still expects a chapter to start at each.
	const stretches: Stretch[] = [
		{
			topic: 'graphics cards',
			seconds: 200,
			lines: [
				'Graphics card prices finally dropped this week after a year of shortages.',
				'Scalpers bought most of the launch stock with bots.',
				'The new cards draw far more power than the last generation.',
				'A bigger power supply is part of the real price of the upgrade.'
			]
		},
		{
			topic: 'sponsor spots',
			seconds: 80,
			opening: "In the meantime, why don't I run through the sponsor spots?",
			lines: [
				'Keeping every password in your head is impossible, so let a vault remember them.',
				'Use code LIVE for three months free on the family plan.',
				'It syncs across your phone and laptop with end to end encryption.',
				'Sign up today with the link below and try it free.'
			]
		},
		{
			topic: 'listener mail',
			seconds: 80,
			opening: 'Okay, time for some listener mail.',
			lines: [
				'Dana writes in asking whether a mechanical keyboard is worth the noise.',
				'Tactile switches are a good middle ground for an open office.',
				'Kai wants to know if an old laptop can become a home server.',
				'Any laptop with a working fan can serve files to the house.'
			]
		},
		{
			topic: 'electric cars',
			seconds: 200,
			opening: "Let's talk about electric car batteries in the cold.",
			lines: [
				'Electric car batteries lose range when the temperature drops below freezing.',
				'A heat pump keeps the cabin warm without draining the pack as fast.',
				'Charging speeds slow down until the battery warms up.',
				'Preconditioning the car while it is plugged in saves range on winter mornings.'
			]
		}
	];
	const cues = syntheticCues(stretches, { speakers: false });

	it('starts a chapter at the sponsor spots and at the listener mail, though each lasts under ninety seconds', async () => {
		for (const { segments } of [chapterTranscriptLexical(cues, { durationSeconds: 560 }), await chapterTranscript(cues, { durationSeconds: 560, encoder })]) {
			expect(segments.slice(1).map((s) => s.startSeconds)).toEqual(syntheticTopicStarts(stretches));
		}
	}, 60_000);
});

describe('chapterTranscript on a transcript without punctuation', () => {
	// Speech-to-text without punctuation: lower case, no full stops, one long run of words. Stretches of 280 s, so
	// topics change between the 25 s "sentences" a 60-word cap would make.
	const stretches = syntheticStretches.map((s, i) => (i === 0 ? { ...s, seconds: 280 } : s));
	const cues = syntheticCues(stretches, { speakers: false }).map((c) => ({ ...c, text: c.text.toLowerCase().replace(/[.,?!]/g, '') }));
	const duration = cues.at(-1)!.endSeconds;

	it('compares runs of about twenty words instead of one sentence per half minute', () => {
		const units = mergeCuesIntoSentences(cues);
		expect(units.length).toBeGreaterThan(cues.length / 3);
		for (const u of units) expect(u.text.split(' ').length).toBeLessThanOrEqual(32);
	});

	it('still finds each change of topic, on the start of a run of words, within seconds of where it is said', async () => {
		const runStarts = new Set(mergeCuesIntoSentences(cues).map((s) => s.startSeconds));
		for (const { segments } of [chapterTranscriptLexical(cues, { durationSeconds: duration }), await chapterTranscript(cues, { durationSeconds: duration, encoder })]) {
			const starts = segments.slice(1).map((s) => s.startSeconds);
			expect(starts).toHaveLength(syntheticTopicStarts(stretches).length);
			for (const [i, start] of starts.entries()) {
				expect(runStarts.has(start)).toBe(true);
				expect(Math.abs(start - syntheticTopicStarts(stretches)[i]!)).toBeLessThanOrEqual(5);
			}
		}
	}, 60_000);
});

describe('chapterTranscript on odd transcripts', () => {
	const cases: [string, Cue[]][] = [
		['empty', []],
		['all whitespace', [{ startSeconds: 0, endSeconds: 5, speaker: null, text: '   ' }, { startSeconds: 5, endSeconds: 9, speaker: null, text: '\n\t' }]],
		['one cue', [{ startSeconds: 3, endSeconds: 8, speaker: 'Ade', text: 'Welcome, this is the only thing anyone says.' }]]
	];
	for (const [name, cues] of cases) {
		it(`gives one segment covering the episode and a warning for a transcript that is ${name}`, async () => {
			for (const result of [chapterTranscriptLexical(cues, { durationSeconds: 300 }), await chapterTranscript(cues, { durationSeconds: 300, encoder })]) {
				expect(result.segments).toHaveLength(1);
				expect(result.segments[0]).toMatchObject({ startSeconds: 0, endSeconds: 300 });
				expect(result.segments[0]!.title.trim().length).toBeGreaterThan(0);
				expect(result.warnings.join(' ')).toMatch(/one segment/);
			}
		});
	}

	it('gives a segment even when neither the duration nor the cues say how long the episode is', () => {
		const { segments } = chapterTranscriptLexical([], { durationSeconds: 0 });
		expect(segments[0]!.endSeconds).toBeGreaterThan(segments[0]!.startSeconds);
	});
});

describe('chapterTranscript in another language', () => {
	it('titles a German conversation with its own German words', () => {
		const stretches = [
			{ topic: 'brot', seconds: 300, lines: ['Der Sauerteig braucht warmes Wasser und Roggenmehl.', 'Das Brot backt eine Stunde im heißen Ofen.', 'Die Kruste vom Sauerteigbrot wird dunkel und knusprig.', 'Roggenmehl macht den Sauerteig besonders kräftig.'] },
			{ topic: 'fahrrad', seconds: 300, lines: ['Die Fahrradkette springt immer wieder vom Ritzel.', 'Eine verschlissene Fahrradkette muss man rechtzeitig tauschen.', 'Die Bremsbeläge am Fahrrad nutzen sich im Regen schnell ab.', 'Der Schlauch im Hinterrad war schon wieder platt.'] }
		];
		const cues = syntheticCues(stretches);
		const { segments } = chapterTranscriptLexical(cues, { durationSeconds: 600, language: 'de' });
		expect(segments.map((s) => s.startSeconds)).toEqual([0, 300]);
		for (const [i, segment] of segments.entries()) {
			const spoken = stretches[i]!.lines.join(' ').toLowerCase();
			for (const word of segment.title.toLowerCase().replace(/[?.!,]/g, '').split(/\s+/)) expect(spoken, segment.title).toContain(word);
		}
	});
});

describe('chapters of real transcripts', () => {
	const files: [string, 'json' | 'srt'][] = [
		['buzzcast-pc20.json', 'json'],
		['podcastindex-buzzsprout-example.srt', 'srt']
	];
	for (const [file, format] of files) {
		it(`titles ${file} with phrases, not keyword lists, and never with the show's own name or site`, async () => {
			const location = path.join(realdataDir, 'transcripts', file);
			expect(existsSync(location), `${location} is needed (../shared/realdata)`).toBe(true);
			const { cues } = parseTranscript(readFileSync(location, 'utf8'), format, null);
			const duration = cues.at(-1)!.endSeconds;
			const show = { showTitle: 'Buzzcast', showLink: 'https://www.buzzsprout.com/' };
			const results = [chapterTranscriptLexical(cues, { durationSeconds: duration, ...show }), await chapterTranscript(cues, { durationSeconds: duration, ...show, encoder })];
			for (const { segments } of results) {
				expect(segments.length).toBeGreaterThan(1);
				for (const s of segments) {
					expect(isKeywordListTitle(s.title), s.title).toBe(false);
					expect(s.title).not.toMatch(/buzzcast|buzzsprout/i);
					expect(s.title.split(/\s+/).length).toBeLessThanOrEqual(16);
					expect(s.summary.length).toBeGreaterThan(0);
				}
			}
		}, 60_000);
	}
});

describe('splitTranscriptIntoTopics (the import path)', () => {
	it('stores the lexical chapters as automatic segments with the transcript text they cover', () => {
		const cues = syntheticCues();
		const drafts = splitTranscriptIntoTopics(cues, 1000, { showTitle: 'Kitchen Talk' });
		expect(drafts.map((d) => d.startSeconds)).toEqual([0, ...syntheticTopicStarts()]);
		expect(drafts.every((d) => d.origin === 'transcript')).toBe(true);
		expect(drafts[2]!.title).toBe('Sponsor: Acme Coffee');
		expect(drafts[1]!.text).toContain('bicycle chain');
		expect(drafts[1]!.text).not.toContain('sourdough');
	});
});
