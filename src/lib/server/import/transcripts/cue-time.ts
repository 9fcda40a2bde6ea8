/**
 * Cue times as transcript files really write them. The WebVTT grammar is `[hh:]mm:ss.ttt` and SRT's is
 * `hh:mm:ss,ttt`, but published files also use `1:36.360` (one-digit minutes) and `0.860` (seconds only), and some
 * drop the fraction. All of these read as seconds here.
 */
const CUE_TIME = /^(?:(?:(\d+):)?(\d{1,2}):)?(\d{1,2}|\d+(?=[.,]))(?:[.,](\d{1,3})\d*)?$/;

/** Seconds from a cue time, or null when it is not one. */
export function parseCueTime(raw: string): number | null {
	const m = CUE_TIME.exec(raw.trim());
	if (!m) return null;
	const [, h, min, s, frac] = m;
	// With minutes present, seconds are below 60; a bare "75.5" is seconds on its own.
	if (min !== undefined && Number(s) >= 60) return null;
	if (h !== undefined && Number(min) >= 60) return null;
	const fraction = frac ? Number(frac) / 10 ** frac.length : 0;
	return Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(s) + fraction;
}
