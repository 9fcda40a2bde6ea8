import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SECONDS, parseTimeHash, parseTimeParam, parseTimestamp } from '../../src/lib/time-param';
import { formatDuration, formatTimestamp, mediaFragment, timeParamValue, toIsoDuration } from '../../src/lib/timestamp';

describe('parseTimestamp', () => {
	it.each([
		['754', 754],
		['12:34', 754],
		['1:02:03', 3723],
		['01:02:03', 3723],
		['1h2m3s', 3723],
		['1H2M3S', 3723],
		['12m34s', 754],
		['2m', 120],
		['90s', 90],
		['1h', 3600],
		['754.5', 754.5],
		['12:34.5', 754.5],
		['npt:754', 754],
		['NPT:12:34', 754],
		['  754  ', 754],
		['0', 0],
		['0:00', 0],
		// In MM:SS the minutes may run past an hour, as podcast apps print them.
		['75:10', 4510]
	])('reads %j as %d seconds', (input, seconds) => {
		expect(parseTimestamp(input)).toBe(seconds);
	});

	it.each([
		'',
		'   ',
		'abc',
		'garbage',
		'-5',
		'12:60',
		'1:60:00',
		'1:02:60',
		'12::34',
		':34',
		'1h2x',
		'm',
		'1e3',
		'Infinity',
		'NaN',
		'0x10',
		'12 34',
		'1,5',
		'npt:',
		'9'.repeat(40)
	])('refuses %j', (input) => {
		expect(parseTimestamp(input)).toBeNull();
	});

	it('refuses anything past 100 hours, and accepts exactly 100 hours', () => {
		expect(parseTimestamp(String(MAX_SECONDS))).toBe(MAX_SECONDS);
		expect(parseTimestamp('100:00:00')).toBe(MAX_SECONDS);
		expect(parseTimestamp(String(MAX_SECONDS + 1))).toBeNull();
		expect(parseTimestamp('99999999')).toBeNull();
		expect(parseTimestamp('101h')).toBeNull();
	});
});

describe('formatTimestamp', () => {
	it.each([
		[0, '0:00'],
		[5, '0:05'],
		[754, '12:34'],
		[754.9, '12:34'],
		[3599, '59:59'],
		[3600, '1:00:00'],
		[3723, '1:02:03'],
		[-3, '0:00']
	])('prints %d as %s', (seconds, text) => {
		expect(formatTimestamp(seconds)).toBe(text);
	});

	it('prints every whole second so that it reads back to the same second', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: MAX_SECONDS }), (seconds) => {
				expect(parseTimestamp(formatTimestamp(seconds))).toBe(seconds);
			})
		);
	});

	it('drops fractions: a printed time reads back as the whole second at or before the real time', () => {
		fc.assert(
			fc.property(fc.double({ min: 0, max: MAX_SECONDS, noNaN: true }), (seconds) => {
				expect(parseTimestamp(formatTimestamp(seconds))).toBe(Math.floor(seconds));
			})
		);
	});
});

describe('parseTimeParam', () => {
	it('returns null when there is no time to read', () => {
		expect(parseTimeParam(null)).toBeNull();
		expect(parseTimeParam(undefined)).toBeNull();
		expect(parseTimeParam('')).toBeNull();
		expect(parseTimeParam('   ')).toBeNull();
	});

	it.each([
		['754', 754],
		['12:34', 754],
		['1:02:03', 3723],
		['1h2m3s', 3723],
		['754.5', 754.5],
		['npt:754', 754]
	])('reads t=%s as a start at %d with no end', (raw, start) => {
		expect(parseTimeParam(raw, 4000)).toEqual({ ok: true, range: { start, end: null } });
	});

	it('reads a range "754,800" as a clip from 754 to 800', () => {
		expect(parseTimeParam('754,800')).toEqual({ ok: true, range: { start: 754, end: 800 } });
		expect(parseTimeParam('12:34,13:20')).toEqual({ ok: true, range: { start: 754, end: 800 } });
		expect(parseTimeParam('npt:754,800')).toEqual({ ok: true, range: { start: 754, end: 800 } });
	});

	it('reads an open start ",800" as a clip from the beginning, and "754," as no end', () => {
		expect(parseTimeParam(',800')).toEqual({ ok: true, range: { start: 0, end: 800 } });
		expect(parseTimeParam('754,')).toEqual({ ok: true, range: { start: 754, end: null } });
	});

	it('stops a clip at the end of the episode when the range runs past it', () => {
		expect(parseTimeParam('2900,4000', 3000)).toEqual({ ok: true, range: { start: 2900, end: 3000 } });
	});

	it.each([
		['garbage', /"garbage" is not a time we understand; try 754, 12:34/],
		['12:99', /not a time we understand/],
		['-5', /not a time we understand/],
		['754,abc', /The end of "754,abc" is not a time/],
		['800,754', /ends before it starts/],
		['754,754', /ends before it starts/],
		['1,2,3', /use one time, or two separated by a comma/]
	])('explains why t=%s cannot be used', (raw, reason) => {
		const result = parseTimeParam(raw, 3000);
		expect(result?.ok).toBe(false);
		expect(result).toHaveProperty('reason', expect.stringMatching(reason));
	});

	it('explains that a time past the end of the episode is past its end, in clock form', () => {
		expect(parseTimeParam('99999', 3000)).toEqual({
			ok: false,
			reason: '27:46:39 is past the end of this episode (50:00).'
		});
		expect(parseTimeParam('3000', 3000)).toMatchObject({ ok: false });
		expect(parseTimeParam('2999', 3000)).toEqual({ ok: true, range: { start: 2999, end: null } });
	});

	it('accepts any time when the episode length is unknown', () => {
		expect(parseTimeParam('99999', null)).toEqual({ ok: true, range: { start: 99999, end: null } });
	});

	it('shortens a very long bad value in its reason', () => {
		const result = parseTimeParam('x'.repeat(500));
		expect(result).toMatchObject({ ok: false });
		if (result?.ok === false) {
			expect(result.reason.length).toBeLessThan(120);
			expect(result.reason).toContain('…');
		}
	});

	it('never throws, and never gives a negative, infinite or NaN time, whatever it is given', () => {
		const timeLike = fc.oneof(
			fc.string({ maxLength: 60 }),
			fc.stringMatching(/^[0-9:.,hms npt-]{0,24}$/),
			fc.constantFrom('1e309', 'NaN', 'Infinity', '-0', '0x1F', '١٢:٣٤', '12:34\u0000', '%00', '754,,800')
		);
		fc.assert(
			fc.property(timeLike, fc.option(fc.integer({ min: 1, max: MAX_SECONDS }), { nil: null }), (raw, duration) => {
				const result = parseTimeParam(raw, duration);
				if (result === null) return;
				if (!result.ok) {
					expect(result.reason).toMatch(/\S/);
					return;
				}
				const { start, end } = result.range;
				expect(Number.isFinite(start)).toBe(true);
				expect(start).toBeGreaterThanOrEqual(0);
				expect(start).toBeLessThanOrEqual(MAX_SECONDS);
				if (duration !== null) expect(start).toBeLessThan(duration);
				if (end !== null) {
					expect(Number.isFinite(end)).toBe(true);
					expect(end).toBeGreaterThan(start);
				}
			}),
			{ numRuns: 2000 }
		);
	});

	it('reads back every link the site writes with timeParamValue', () => {
		const whole = fc.integer({ min: 0, max: MAX_SECONDS - 1 });
		fc.assert(
			fc.property(whole, fc.option(fc.integer({ min: 1, max: 3600 }), { nil: null }), (start, length) => {
				const range = { start, end: length === null ? null : Math.min(MAX_SECONDS, start + length) };
				expect(parseTimeParam(timeParamValue(range))).toEqual({ ok: true, range });
			})
		);
	});
});

describe('parseTimeHash', () => {
	it('reads #t=754 and #t=754,800 as the page address carries them', () => {
		expect(parseTimeHash('#t=754')).toEqual({ ok: true, range: { start: 754, end: null } });
		expect(parseTimeHash('#t=754,800')).toEqual({ ok: true, range: { start: 754, end: 800 } });
		expect(parseTimeHash('#t=12:34')).toEqual({ ok: true, range: { start: 754, end: null } });
		expect(parseTimeHash('#t=npt:754')).toEqual({ ok: true, range: { start: 754, end: null } });
		expect(parseTimeHash('t=1h2m3s')).toEqual({ ok: true, range: { start: 3723, end: null } });
	});

	it('finds t among other fragment parameters', () => {
		expect(parseTimeHash('#xywh=0,0,10,10&t=754')).toEqual({ ok: true, range: { start: 754, end: null } });
	});

	it('returns null for a hash that is not a time, such as a heading anchor', () => {
		expect(parseTimeHash('')).toBeNull();
		expect(parseTimeHash('#')).toBeNull();
		expect(parseTimeHash('#segments-heading')).toBeNull();
	});

	it('gives a reason for a bad or too-late #t', () => {
		expect(parseTimeHash('#t=soon')).toMatchObject({ ok: false, reason: expect.stringContaining('"soon"') });
		expect(parseTimeHash('#t=99999', 3000)).toMatchObject({ ok: false, reason: expect.stringContaining('past the end') });
	});
});

describe('timeParamValue and mediaFragment', () => {
	it('writes whole seconds, one decimal for fractions, and a comma for ranges', () => {
		expect(timeParamValue({ start: 754, end: null })).toBe('754');
		expect(timeParamValue({ start: 754.5, end: null })).toBe('754.5');
		expect(timeParamValue({ start: 754.04, end: null })).toBe('754');
		expect(timeParamValue({ start: 754, end: 800 })).toBe('754,800');
	});

	it('writes a W3C media fragment so a plain <audio> starts at the moment', () => {
		expect(mediaFragment({ start: 754, end: null })).toBe('#t=754');
		expect(mediaFragment({ start: 754, end: 800 })).toBe('#t=754,800');
		expect(mediaFragment({ start: 0, end: 30 })).toBe('#t=0,30');
	});

	it('writes no fragment when playback starts at the beginning anyway', () => {
		expect(mediaFragment(null)).toBe('');
		expect(mediaFragment({ start: 0, end: null })).toBe('');
	});
});

describe('formatDuration and toIsoDuration', () => {
	it('prints lengths for people', () => {
		expect(formatDuration(45)).toBe('45 s');
		expect(formatDuration(3000)).toBe('50 min');
		expect(formatDuration(3720)).toBe('1 h 2 min');
	});

	it('prints ISO 8601 durations for <time datetime>', () => {
		expect(toIsoDuration(3000)).toBe('PT50M');
		expect(toIsoDuration(3723)).toBe('PT1H2M3S');
		expect(toIsoDuration(3600)).toBe('PT1H');
		expect(toIsoDuration(0)).toBe('PT0S');
	});
});
