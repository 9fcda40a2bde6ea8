/**
 * Show notes into stored HTML. Notes arrive as HTML (from CDATA or entity-escaped) or as plain text whose line
 * breaks carry the layout (timestamp lists); plain text becomes paragraphs and line breaks before sanitizing.
 */
import { sanitizeShowNotes } from '../sanitize';

/** Whether notes are HTML: they contain at least one tag. */
export function isHtml(notes: string): boolean {
	return /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i.test(notes);
}

/** Sanitized HTML for notes; relative links resolve against `baseUrl` (the item link, else the show's site). */
export function showNotesHtml(notes: string, baseUrl: string | null): string | null {
	const html = sanitizeShowNotes(isHtml(notes) ? notes : plainTextToHtml(notes), baseUrl).trim();
	return html || null;
}

/** Blank lines make paragraphs, single line breaks stay line breaks; entity references already in the text are kept. */
export function plainTextToHtml(text: string): string {
	return text
		.trim()
		.split(/\r?\n\s*\r?\n/)
		.map((paragraph) => `<p>${escapeText(paragraph.trim()).replace(/\r?\n/g, '<br>')}</p>`)
		.join('');
}

function escapeText(text: string): string {
	return text.replace(/&(?!#?\w+;)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
