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
	const lines = splitRunOnEntries(notesToLines(notes));
	for (let i = 0; i < lines.length; i++) {
		const m = ENTRY.exec(lines[i]!);
		if (!m) continue;
		const start = parseTimestamp(m[1] ?? m[2] ?? m[3] ?? '');
		if (start === null) continue;
		let title = cleanTitle(m[4] ?? '');
		if (!title) {
			// A time alone on its line (`<p>12:34</p><p>Topic</p>`, `<li>12:34</li><li>Topic</li>`): the topic is the next line.
			const next = nextTextLine(lines, i);
			if (next !== null && !ENTRY.test(lines[next]!)) {
				title = cleanTitle(lines[next]!.replace(/^\s*(?:[-*•·–]\s+|\d{1,3}[.)]\s+)/, ''));
				i = next;
			}
		}
		entries.push({ startSeconds: start, title });
	}
	return longestIncreasingRun(entries);
}

/** The index of the first line after `i` with text on it; null when there is none. */
function nextTextLine(lines: string[], i: number): number | null {
	for (let j = i + 1; j < lines.length; j++) if (lines[j]!.trim()) return j;
	return null;
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

/** A time in running text, not part of a longer number or time. */
const TIME_IN_TEXT = /(?<![\d:.,])((?:\d{1,2}:)?\d{1,2}:\d{2})(?![\d:]|[.,]\d)/g;
/** What may stand before a time that starts a line: space, a bullet or list number, an opening bracket. */
const LINE_START_PREFIX = /^\s*(?:[-*•·–—]\s*|\d{1,3}[.)]\s+)?[(\[]?$/;
/** What may follow such a time: the end of the line, a space, a separator or a closing bracket. */
const AFTER_LINE_START_TIME = /^(?:$|[\s\-–—:|.)\]])/;
/** "10:30 am", "18:00 Uhr": a time of day, not a moment in the episode. */
const CLOCK_TIME_AFTER = /^\s*(?:[ap]\.?m\b|uhr\b|h\b|o'clock)/i;

/**
 * Show notes HTML (already sanitized) with the timestamps people write in them made seek links: `<a href="?t=754"
 * class="seek">12:34</a>`, which the episode page plays in place (and which reload at that second without script).
 * Only times that read as moments of the episode are linked: one in brackets, `(12:34)` or `[1:02:03]`, anywhere; and
 * one that starts a line, paragraph or list item (`12:34 - Topic`, `- 12:34 Topic`). A time quoted in a sentence
 * ("- Darcy Clarke @ 12:28", "we met at 10:30") is left as text, as is any time past the episode's end, inside a
 * link or inside code. Only text is changed: the notes' tags and attributes are copied through untouched.
 */
export function linkNoteTimestamps(html: string, durationSeconds: number | null): string {
	const inserts: { at: number; end: number; seconds: number }[] = [];
	let linkDepth = 0;
	let codeDepth = 0;
	let line = '';
	let lastChar = '';
	const parser = new Parser(
		{
			onopentag(name) {
				if (name === 'a') linkDepth++;
				if (name === 'code' || name === 'pre') codeDepth++;
				if (BLOCK_TAGS.has(name)) line = lastChar = '';
			},
			onclosetag(name) {
				if (name === 'a') linkDepth = Math.max(0, linkDepth - 1);
				if (name === 'code' || name === 'pre') codeDepth = Math.max(0, codeDepth - 1);
				if (BLOCK_TAGS.has(name)) line = lastChar = '';
			},
			ontext(raw) {
				const offset = parser.startIndex;
				// Entities stay as written (so offsets are the source's); a no-break space is a space to the eye.
				const text = raw.replace(/&nbsp;|&#160;|&#xa0;/gi, (m) => ' '.padEnd(m.length));
				if (!linkDepth && !codeDepth) {
					// A time can only start the line within the first few characters after this text's leading space.
					const lead = text.length - text.trimStart().length;
					for (const m of text.matchAll(TIME_IN_TEXT)) {
						const end = m.index + m[0].length;
						const after = text.slice(end, end + 16);
						const bracketed = '(['.includes((m.index ? text[m.index - 1] : lastChar) || ' ') && /^[)\]]/.test(after);
						const startsLine = m.index <= lead + 6 && LINE_START_PREFIX.test((line + text.slice(0, m.index)).trimStart()) && AFTER_LINE_START_TIME.test(after);
						if (!(bracketed || startsLine) || CLOCK_TIME_AFTER.test(after)) continue;
						const seconds = parseTimestamp(m[1]!);
						if (seconds === null || (durationSeconds && seconds > durationSeconds)) continue;
						inserts.push({ at: offset + m.index, end: offset + m.index + m[0].length, seconds });
					}
				}
				// Only how the line starts matters: keep its first characters, not the whole line.
				line = (line + text).trimStart().slice(0, 16);
				lastChar = text.at(-1) ?? lastChar;
			}
		},
		{ decodeEntities: false }
	);
	parser.write(html);
	parser.end();
	let out = '';
	let from = 0;
	for (const { at, end, seconds } of inserts) {
		out += `${html.slice(from, at)}<a href="?t=${Math.floor(seconds)}" class="seek">${html.slice(at, end)}</a>`;
		from = end;
	}
	return out + html.slice(from);
}
