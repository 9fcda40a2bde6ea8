/**
 * Timestamps as listeners paste them: `t=` parameters, `#t=` fragments and the share panel's fields. Safe in the
 * browser too, where pages load it only when they need it (a `#t=` link, the share controls).
 *
 * Accepted forms (each also as the start of a range "START,END"):
 *   754   754.5   12:34   1:02:03   12:34.5   1h2m3s   2m   90s   1h   npt:754 (media-fragment style)
 */
import { formatTimestamp, type TimeRange } from './timestamp';

/** The largest time we accept: 100 hours. Anything longer is a typo, not a podcast. */
export const MAX_SECONDS = 100 * 3600;

export type TimeParam = { ok: true; range: TimeRange } | { ok: false; reason: string };

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
