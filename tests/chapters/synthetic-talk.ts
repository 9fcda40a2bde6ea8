/** A made-up conversation with known topic changes, for the chapters suites (not a test file). */
import type { Cue } from '../../src/lib/server/import/types';

export interface Stretch {
	/** What the stretch is about, for assertions. */
	topic: string;
	seconds: number;
	/** Said once, at the start of the stretch (a host's hand-off). */
	opening?: string;
	/** Said in turn for the rest of the stretch. */
	lines: string[];
}

const sourdough: Stretch = {
	topic: 'sourdough',
	seconds: 300,
	lines: [
		'My sourdough starter finally doubled overnight on the kitchen counter.',
		'Do you feed the starter with rye flour or with plain white flour?',
		'Rye flour makes the starter bubbly, and the dough rises faster.',
		'The hydration of the dough matters more than people expect.',
		'I bake the loaf in a cast iron pot so the crust gets dark and crackly.',
		'Scoring the dough with a razor lets the loaf open up in the oven.',
		'A cold proof in the fridge gives the bread a sour tang.',
		'The crumb was open and glossy this time, with big holes.'
	]
};

const bicycles: Stretch = {
	topic: 'bicycle',
	seconds: 300,
	opening: 'Our next topic is fixing a bicycle chain that keeps slipping.',
	lines: [
		'A worn chain stretches and skips over the rear cassette.',
		'You can measure chain wear with a cheap gauge from any bike shop.',
		'The derailleur needs its limit screws set before you touch the cable tension.',
		'Brake pads on a road bike wear down quickly in the rain.',
		'I replaced the inner tube twice last month after punctures on gravel.',
		'Tubeless tyres seal small punctures with the sealant inside.',
		'Lubricate the chain after every wet ride and wipe off the excess.'
	]
};

const sponsor: Stretch = {
	topic: 'sponsor',
	seconds: 100,
	opening: 'This episode is brought to you by Acme Coffee.',
	lines: [
		'Acme Coffee roasts small batches every Monday and ships them the same week.',
		'Use code TALK for twenty percent off your first bag.',
		'Every order comes with a free trial of their grinder subscription.',
		'Go to the Acme Coffee site and sign up today.'
	]
};

const tomatoes: Stretch = {
	topic: 'tomatoes',
	seconds: 300,
	opening: "Let's talk about growing tomatoes on a small balcony.",
	lines: [
		'Cherry tomatoes do well in pots if they get six hours of sun.',
		'Pinch out the side shoots so the plant puts energy into the fruit.',
		'Blossom end rot usually means the watering was uneven.',
		'A tomato feed high in potassium helps once the first flowers open.',
		'Tie the stems to a cane before the trusses get heavy.',
		'Green tomatoes ripen indoors in a paper bag with a banana.',
		'Save seeds from the best plant for next spring.'
	]
};

/** Sourdough, bicycles, a sponsor read, tomatoes: 1,000 s of two people talking, a cue every 5 s. */
export const syntheticStretches: Stretch[] = [sourdough, bicycles, sponsor, tomatoes];

/** The cues of the stretches in order, alternating speakers every few lines when `speakers` is true. */
export function syntheticCues(stretches: Stretch[] = syntheticStretches, { speakers = true } = {}): Cue[] {
	const cues: Cue[] = [];
	let at = 0;
	let line = 0;
	for (const stretch of stretches) {
		const end = at + stretch.seconds;
		for (let i = stretch.opening ? -1 : 0; at < end; i++, line++) {
			const text = i < 0 ? stretch.opening! : stretch.lines[i % stretch.lines.length]!;
			cues.push({ startSeconds: at, endSeconds: at + 4.2, text, speaker: speakers ? (Math.floor(line / 3) % 2 ? 'Bea' : 'Ade') : null });
			at += 5;
		}
	}
	return cues;
}

/** Where each stretch after the first begins, in seconds. */
export function syntheticTopicStarts(stretches: Stretch[] = syntheticStretches): number[] {
	const starts: number[] = [];
	let at = 0;
	for (const stretch of stretches.slice(0, -1)) {
		at += stretch.seconds;
		starts.push(at);
	}
	return starts;
}
