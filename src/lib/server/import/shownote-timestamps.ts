/**
 * Chapters written into show notes: `(12:34) Topic`, `12:34 - Topic`, `[00:00](#t=00:00) Topic`, `1:02:03 Topic`,
 * one per line, in a list item or paragraph, or run together as `(00:00) Intro(02:32) Next...`.
 * A time only counts when it starts an entry and the entries form a list (two or more, in increasing order):
 * a time quoted in a sentence ("- Darcy Clarke @ 12:28") is not a chapter.
 */
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { parseTimestamp } from '../../time-param';
import { isHtml } from './show-notes';

export interface NotesTimestamp {
	startSeconds: number;
	title: string;
}

const TIME = String.raw`(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\.\d+)?`;
const ENTRY = new RegExp(
	String.raw`^\s*(?:[-*•·–]\s+|\d{1,3}[.)]\s+)?(?:\[(${TIME})\]\([^)]*\)|[(\[](${TIME})[)\]]|(${TIME})(?=[\s\-–—:|.]|$))\s*(?:[-–—:|.]\s*)?(.*)$`
);
const BRACKETED_TIME = new RegExp(String.raw`[(\[]${TIME}[)\]]`, 'g');
const BLOCK_TAGS = new Set(['p', 'div', 'li', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'blockquote', 'pre', 'ul', 'ol', 'section', 'dt', 'dd', 'hr']);

/** The timestamp list in show notes (HTML, Markdown or text); empty when the notes have none. */
export function findTimestampList(notes: string): NotesTimestamp[] {
	const entries: NotesTimestamp[] = [];
	for (const line of splitRunOnEntries(notesToLines(notes))) {
		const m = ENTRY.exec(line);
		if (!m) continue;
		const start = parseTimestamp(m[1] ?? m[2] ?? m[3] ?? '');
		if (start === null) continue;
		entries.push({ startSeconds: start, title: cleanTitle(m[4] ?? '') });
	}
	return longestIncreasingRun(entries);
}

/** Notes as lines of text: block elements and <br> end a line, other tags go, entities are decoded. */
export function notesToLines(notes: string): string[] {
	if (!isHtml(notes)) return notes.split(/\r?\n/).map((line) => (line.includes('&') ? decodeHTML(line) : line));
	let text = '';
	const parser = new Parser(
		{
			onopentag(name) {
				if (BLOCK_TAGS.has(name)) text += '\n';
			},
			onclosetag(name) {
				if (BLOCK_TAGS.has(name)) text += '\n';
			},
			ontext(chunk) {
				text += chunk;
			}
		},
		{ decodeEntities: true }
	);
	parser.write(notes);
	parser.end();
	return text.split(/\r?\n/);
}

/** `...raus:(00:00) Intro - ...(02:32) Next` -> one line per bracketed time, when a line holds two or more. */
function splitRunOnEntries(lines: string[]): string[] {
	return lines.flatMap((line) => {
		const times = line.match(BRACKETED_TIME);
		if (!times || times.length < 2) return [line];
		return line.replace(new RegExp(String.raw`(?!^)\s*(?=[(\[]${TIME}[)\]])`, 'g'), '\n').split('\n');
	});
}

function cleanTitle(raw: string): string {
	return raw
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // Markdown links keep their text
		.replace(/[*_`]{1,3}/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 300);
}

/** The longest run of consecutive entries whose times increase; a list needs two or more. */
function longestIncreasingRun(entries: NotesTimestamp[]): NotesTimestamp[] {
	let best: NotesTimestamp[] = [];
	let run: NotesTimestamp[] = [];
	for (const entry of entries) {
		if (run.length && entry.startSeconds <= run[run.length - 1]!.startSeconds) run = [];
		run.push(entry);
		if (run.length > best.length) best = run;
	}
	return best.length >= 2 ? best : [];
}
