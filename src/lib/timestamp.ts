/**
 * Timestamps as we print them, and the time ranges links carry. Safe in the browser too. Reading the forms
 * listeners paste is in time-param.ts: the browser needs that only for `#t=` links and the share controls, so it
 * is loaded apart from the printing every page does.
 */

export interface TimeRange {
	start: number;
	/** Where playback should stop, for a clip; null plays on. */
	end: number | null;
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
