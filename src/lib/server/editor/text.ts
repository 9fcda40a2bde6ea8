/** Checks on the text editors type: control characters out, spaces folded, lengths bounded with a clear message. */
import { EditorError } from './errors';

/** One line of text (a question, a title): control characters removed, spaces folded; required unless `optional`. */
export function cleanLine(value: string, what: string, max: number): string {
	const text = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
	if (!text) throw new EditorError(`${what} is empty; write some text.`);
	if (text.length > max) throw new EditorError(`${what} is ${text.length} characters long; at most ${max} are allowed.`);
	return text;
}

/** Several lines of text (an answer, a summary): line breaks kept, other control characters removed; empty is null. */
export function cleanParagraphs(value: string | null | undefined, what: string, max: number): string | null {
	const text = (value ?? '')
		.replace(/\r\n?/g, '\n')
		.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	if (!text) return null;
	if (text.length > max) throw new EditorError(`${what} is ${text.length} characters long; at most ${max} are allowed.`);
	return text;
}

/** Other phrasings, one a line: each cleaned, duplicates and blanks dropped. */
export function cleanAlternatives(values: string[], max = 30): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const value of values) {
		if (!value.trim()) continue;
		const line = cleanLine(value, 'An alternative phrasing', 300);
		const key = line.toLowerCase();
		if (seen.has(key)) continue;
		seen.add(key);
		out.push(line);
	}
	if (out.length > max) throw new EditorError(`${out.length} alternative phrasings given; at most ${max} are allowed.`);
	return out;
}

/** A time in seconds from a form or a command line: a finite, non-negative number. */
export function parseSeconds(value: string | number, what: string): number {
	const n = typeof value === 'number' ? value : parseTime(value.trim());
	if (!Number.isFinite(n) || n < 0) throw new EditorError(`${what} "${value}" is not a time: give seconds (754.5) or minutes:seconds (12:34).`);
	return n;
}

function parseTime(text: string): number {
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
	const parts = /^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(text);
	if (!parts) return NaN;
	return Number(parts[1] ?? 0) * 3600 + Number(parts[2]) * 60 + Number(parts[3]);
}
