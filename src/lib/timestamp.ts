/**
 * Timestamps as listeners paste them, and as we print them. Safe in the browser too.
 *
 * Accepted forms (each also as the start of a range "START,END"):
 *   754   754.5   12:34   1:02:03   12:34.5   1h2m3s   2m   90s   1h   npt:754 (media-fragment style)
 */

/** The largest time we accept: 100 hours. Anything longer is a typo, not a podcast. */
export const MAX_SECONDS = 100 * 3600;

const CLOCK = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/;
const UNITS = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?$/i;
const PLAIN = /^\d+(?:\.\d+)?$/;

/** Parses one point in time into seconds, or null when it is not a timestamp we understand. */
export function parseTimestamp(input: string): number | null {
	const value = input.trim().replace(/^npt:/i, '');
	if (value === '' || value.length > 32) return null;
	let seconds: number | null = null;
	if (PLAIN.test(value)) {
		seconds = Number(value);
	} else {
		const clock = CLOCK.exec(value);
		if (clock) {
			const [, h, m, s] = clock;
			// In H:MM:SS the minutes and seconds are below 60; in MM:SS the minutes may run past 60 ("75:10").
			if (Number(s) >= 60 || (h !== undefined && Number(m) >= 60)) return null;
			seconds = Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
		} else {
			const units = UNITS.exec(value);
			if (units && (units[1] || units[2] || units[3])) {
				seconds = Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
			}
		}
	}
	if (seconds === null || !Number.isFinite(seconds) || seconds > MAX_SECONDS) return null;
	return seconds;
}

export interface TimeRange {
	start: number;
	/** Where playback should stop, for a clip; null plays on. */
	end: number | null;
}

export type TimeParam = { ok: true; range: TimeRange } | { ok: false; reason: string };

/**
 * Reads a `t` parameter ("754", "12:34", "754,800" ...). Returns null when there is none, and otherwise either a
 * range or a reason a listener can read. With a known duration, times past the end are refused.
 */
export function parseTimeParam(raw: string | null | undefined, durationSeconds?: number | null): TimeParam | null {
	if (raw === null || raw === undefined || raw.trim() === '') return null;
	const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
	const parts = raw.split(',');
	if (parts.length > 2) return { ok: false, reason: `"${shown}" is not a time: use one time, or two separated by a comma.` };
	const [startText = '', endText] = parts;
	// "t=,800" (media fragments allow an open start) starts at 0.
	const start = startText.trim() === '' && endText !== undefined ? 0 : parseTimestamp(startText);
	if (start === null) {
		return { ok: false, reason: `"${shown}" is not a time we understand; try 754, 12:34, 1:02:03 or 1h2m3s.` };
	}
	let end: number | null = null;
	if (endText !== undefined && endText.trim() !== '') {
		end = parseTimestamp(endText);
		if (end === null) return { ok: false, reason: `The end of "${shown}" is not a time we understand.` };
		if (end <= start) return { ok: false, reason: `The range "${shown}" ends before it starts.` };
	}
	if (durationSeconds && start >= durationSeconds) {
		return {
			ok: false,
			reason: `${formatTimestamp(start)} is past the end of this episode (${formatTimestamp(durationSeconds)}).`
		};
	}
	if (durationSeconds && end !== null && end > durationSeconds) end = durationSeconds;
	return { ok: true, range: { start, end } };
}

/** Reads `#t=...` from a location hash (the server never sees it, so the page does this in the browser). */
export function parseTimeHash(hash: string, durationSeconds?: number | null): TimeParam | null {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	return parseTimeParam(params.get('t'), durationSeconds);
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

/** Prints seconds as a clock: 0:05, 12:34, 1:02:03. Fractions are dropped, never rounded up past the real time. */
export function formatTimestamp(totalSeconds: number): string {
	const whole = Math.max(0, Math.floor(totalSeconds));
	const h = Math.floor(whole / 3600);
	const m = Math.floor((whole % 3600) / 60);
	const s = whole % 60;
	return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** "50 min", "1 h 2 min", "45 s": for people, not for parsing. */
export function formatDuration(totalSeconds: number): string {
	const whole = Math.round(totalSeconds);
	if (whole < 60) return `${whole} s`;
	const h = Math.floor(whole / 3600);
	const m = Math.round((whole % 3600) / 60);
	return h > 0 ? `${h} h ${m} min` : `${m} min`;
}

/** ISO 8601 duration for `<time datetime>` and structured data: PT1H2M3S. */
export function toIsoDuration(totalSeconds: number): string {
	const whole = Math.max(0, Math.round(totalSeconds));
	const h = Math.floor(whole / 3600);
	const m = Math.floor((whole % 3600) / 60);
	const s = whole % 60;
	return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

/** The value for `t=` in our own links: whole seconds, or with one decimal when the start is fractional. */
export function timeParamValue(range: TimeRange): string {
	const fmt = (n: number) => String(Math.round(n * 10) / 10);
	return range.end === null ? fmt(range.start) : `${fmt(range.start)},${fmt(range.end)}`;
}

/** A W3C media fragment (`#t=754` or `#t=754,800`) that makes a plain `<audio>` start there without JavaScript. */
export function mediaFragment(range: TimeRange | null): string {
	return range && (range.start > 0 || range.end !== null) ? `#t=${timeParamValue(range)}` : '';
}
