/**
 * Dates and durations as real feeds write them. RFC 822 dates come with zone abbreviations JavaScript does not know
 * (CEST, AEST ...), without a weekday, or with the wrong one (the weekday is redundant, so it is ignored); durations
 * come as seconds, MM:SS, H:MM:SS, with fractions, or "1h 2m".
 */
import { MAX_SECONDS, parseTimestamp } from '../../time-param';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Offsets in minutes east of UTC for the abbreviations feeds use. Ambiguous ones take their commonest meaning. */
const ZONES: Record<string, number> = {
	UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, IST: 60, WEST: 60, CET: 60, CEST: 120, MET: 60, MEST: 120,
	EET: 120, EEST: 180, MSK: 180, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480,
	PDT: -420, AKST: -540, AKDT: -480, HST: -600, AST: -240, ADT: -180, NST: -210, NDT: -150, JST: 540, KST: 540,
	AEST: 600, AEDT: 660, ACST: 570, ACDT: 630, AWST: 480, NZST: 720, NZDT: 780, SGT: 480, HKT: 480
};

const RFC822 =
	/^(?:[A-Za-z]+\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,})\.?[\s-]+(\d{2,4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?(?:\s*\(.*\))?$/;

/** Reads a feed date; null when it is not a date. */
export function parseFeedDate(raw: string | null | undefined): Date | null {
	const value = raw?.trim();
	if (!value) return null;
	const m = RFC822.exec(value);
	if (m) {
		const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
		let year = Number(m[3]);
		if (m[3]!.length === 2) year += year < 70 ? 2000 : 1900;
		const offset = zoneOffsetMinutes(m[7]);
		if (month !== -1 && offset !== null) {
			// Date.UTC reads years 0-99 as 1900-1999; a four-digit "0000" means year 0, which the range check refuses.
			const day = new Date(Date.UTC(2000, month, Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)));
			day.setUTCFullYear(year);
			const date = new Date(day.getTime() - offset * 60_000);
			if (!Number.isNaN(date.getTime())) return date;
		}
	}
	// ISO 8601 and whatever else the engine reads (never a bare number: that is not a date in a feed).
	if (/^\d+$/.test(value)) return null;
	const parsed = new Date(value);
	return Number.isNaN(parsed.getTime()) ? null : parsed;
}

function zoneOffsetMinutes(zone: string | undefined): number | null {
	if (!zone) return 0; // no zone: read as UTC rather than as the importing machine's zone
	const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
	if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
	const named = ZONES[zone.toUpperCase()];
	if (named !== undefined) return named;
	// RFC 822 military zones are single letters; anything else unknown is refused rather than guessed.
	return /^[A-IK-Z]$/i.test(zone) ? 0 : null;
}

/**
 * Publication dates kept: from 1900 to the end of 2199. Outside that a date is a mistake or a trap (year 0000 is
 * not a date at all; past 9999 the database refuses it, which once failed the whole feed), so the item keeps none.
 */
export const EARLIEST_PUBLICATION = Date.UTC(1900, 0, 1);
export const LATEST_PUBLICATION = Date.UTC(2200, 0, 1);

/** Whether a feed's publication date is one to keep (see EARLIEST_PUBLICATION). */
export function isPlausiblePublicationDate(date: Date): boolean {
	const time = date.getTime();
	return time >= EARLIEST_PUBLICATION && time < LATEST_PUBLICATION;
}

/**
 * Reads an itunes:duration; null when missing, zero, unreadable or longer than MAX_SECONDS (100 hours: 1e308 and
 * Infinity are not lengths, and a page or a sitemap would otherwise show and compute with them).
 */
export function parseFeedDuration(raw: string | number | null | undefined): number | null {
	if (raw === null || raw === undefined) return null;
	if (typeof raw === 'number') return Number.isFinite(raw) && raw > 0 && raw <= MAX_SECONDS ? raw : null;
	const value = raw.trim().replace(/\s+/g, '').replace(/,/g, '.');
	if (!value) return null;
	const seconds = parseTimestamp(value) ?? parseLongClock(value);
	return seconds !== null && seconds > 0 && seconds <= MAX_SECONDS ? seconds : null;
}

/** "123:45:06" and "00:75:10": clocks that timestamp parsing refuses but feeds write. */
function parseLongClock(value: string): number | null {
	const m = /^(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(value);
	return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null;
}
