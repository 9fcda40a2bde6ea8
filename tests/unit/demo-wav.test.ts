import { describe, expect, it } from 'vitest';
import { demoWav, parseRangeHeader, SAMPLE_RATE } from '../../src/lib/server/audio/demo-wav';

const ascii = (bytes: Uint8Array, from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));

/** Zero crossings per second around the 8-bit midpoint: twice the tone's pitch. */
function pitchAround(wav: ReturnType<typeof demoWav>, fromSeconds: number, seconds = 1): number {
	const start = 44 + Math.round(fromSeconds * SAMPLE_RATE);
	const bytes = wav.read(start, start + seconds * SAMPLE_RATE - 1);
	let crossings = 0;
	for (let i = 1; i < bytes.length; i++) if ((bytes[i - 1]! < 128) !== (bytes[i]! < 128)) crossings++;
	return crossings / 2 / seconds;
}

describe('demoWav', () => {
	it('is a valid 8 kHz mono 8-bit PCM WAV whose length matches the episode', () => {
		const wav = demoWav(3000, [0, 180]);
		expect(wav.size).toBe(44 + 3000 * SAMPLE_RATE);
		const header = wav.read(0, 43);
		const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
		expect(ascii(header, 0, 4)).toBe('RIFF');
		expect(view.getUint32(4, true)).toBe(wav.size - 8);
		expect(ascii(header, 8, 4)).toBe('WAVE');
		expect(ascii(header, 12, 4)).toBe('fmt ');
		expect(view.getUint32(16, true)).toBe(16);
		expect(view.getUint16(20, true)).toBe(1); // PCM
		expect(view.getUint16(22, true)).toBe(1); // mono
		expect(view.getUint32(24, true)).toBe(SAMPLE_RATE);
		expect(view.getUint32(28, true)).toBe(SAMPLE_RATE);
		expect(view.getUint16(32, true)).toBe(1);
		expect(view.getUint16(34, true)).toBe(8);
		expect(ascii(header, 36, 4)).toBe('data');
		expect(view.getUint32(40, true)).toBe(3000 * SAMPLE_RATE);
	});

	it('gives the same bytes however the file is read in pieces', () => {
		const wav = demoWav(20, [0, 10]);
		const whole = wav.read(0, wav.size - 1);
		expect(whole).toHaveLength(wav.size);
		const pieces = [wav.read(0, 10), wav.read(11, 43), wav.read(44, 80_000), wav.read(80_001, wav.size - 1)];
		expect(Buffer.concat(pieces).equals(Buffer.from(whole))).toBe(true);
		expect(Buffer.from(wav.read(70_000, 70_099)).equals(Buffer.from(whole.subarray(70_000, 70_100)))).toBe(true);
	});

	it('is audible: quiet but not silent, and never clipped', () => {
		const samples = demoWav(5, [0]).read(44, 44 + 5 * SAMPLE_RATE - 1);
		const max = Math.max(...samples);
		const min = Math.min(...samples);
		expect(max).toBeGreaterThan(128 + 5);
		expect(min).toBeLessThan(128 - 5);
		expect(max).toBeLessThan(255);
		expect(min).toBeGreaterThan(0);
	});

	it('changes pitch at each segment start, so a listener hears a jump land', () => {
		const wav = demoWav(3000, [0, 180, 480]);
		const first = pitchAround(wav, 100);
		const second = pitchAround(wav, 200);
		const third = pitchAround(wav, 500);
		expect(first).toBeCloseTo(220, -1);
		expect(second).toBeCloseTo(247.5, -1);
		expect(third).toBeCloseTo(277.2, -1);
		expect(pitchAround(wav, 178)).toBeCloseTo(first, -1);
		expect(pitchAround(wav, 180)).toBeCloseTo(second, -1);
	});

	it('reads a range deep in a long episode without computing what comes before it', () => {
		const wav = demoWav(100 * 3600, [0]);
		const started = performance.now();
		const bytes = wav.read(wav.size - 65_536, wav.size - 1);
		expect(bytes).toHaveLength(65_536);
		expect(performance.now() - started).toBeLessThan(1000);
	});
});

describe('parseRangeHeader', () => {
	const size = 1000;

	it('sends the whole file when there is no Range header', () => {
		expect(parseRangeHeader(null, size)).toBeNull();
		expect(parseRangeHeader('', size)).toBeNull();
	});

	it('reads a byte range, inclusive at both ends', () => {
		expect(parseRangeHeader('bytes=0-99', size)).toEqual({ start: 0, end: 99 });
		expect(parseRangeHeader('bytes=500-500', size)).toEqual({ start: 500, end: 500 });
		expect(parseRangeHeader(' bytes=10-19 ', size)).toEqual({ start: 10, end: 19 });
	});

	it('reads an open range to the end of the file, as browsers ask when seeking', () => {
		expect(parseRangeHeader('bytes=0-', size)).toEqual({ start: 0, end: 999 });
		expect(parseRangeHeader('bytes=900-', size)).toEqual({ start: 900, end: 999 });
	});

	it('stops a range that runs past the end at the last byte', () => {
		expect(parseRangeHeader('bytes=900-5000', size)).toEqual({ start: 900, end: 999 });
	});

	it('reads a suffix range as the last N bytes, or the whole file when N is larger', () => {
		expect(parseRangeHeader('bytes=-100', size)).toEqual({ start: 900, end: 999 });
		expect(parseRangeHeader('bytes=-5000', size)).toEqual({ start: 0, end: 999 });
	});

	it('refuses ranges that start past the end, run backwards, or ask for zero bytes', () => {
		expect(parseRangeHeader('bytes=1000-', size)).toBe('unsatisfiable');
		expect(parseRangeHeader('bytes=1000-1100', size)).toBe('unsatisfiable');
		expect(parseRangeHeader('bytes=50-10', size)).toBe('unsatisfiable');
		expect(parseRangeHeader('bytes=-0', size)).toBe('unsatisfiable');
	});

	it('ignores multi-range and malformed headers and sends the whole file', () => {
		for (const header of ['bytes=0-1,5-6', 'bytes=-', 'bytes=abc', 'items=0-10', 'bytes 0-10', 'bytes=1.5-2']) {
			expect(parseRangeHeader(header, size), header).toBeNull();
		}
	});
});

describe('demoWav lengths', () => {
	it('refuses a length that is not a number of seconds up to 100 hours, instead of an Infinity-byte file', () => {
		for (const seconds of [Infinity, Number.NaN, 0, -5, 100 * 3600 + 1]) {
			expect(() => demoWav(seconds, [0]), String(seconds)).toThrow(/demo audio: a length of .* is not one to synthesise/);
		}
	});
});
