/** The text inside a cue: markup removed, entities decoded, and who is speaking when the text says so. */
import { decodeHTML } from 'entities';

/** `Travis: When you...` or `SPEAKER_1: ...`: one to four name-like words, then a colon. */
const SPEAKER_PREFIX = /^((?:[\p{Lu}\d][\p{L}\p{M}\d_.'’-]*)(?:\s+[\p{Lu}\d][\p{L}\p{M}\d_.'’-]*){0,3}):\s+(?=\S)/u;
const VOICE = /<v(?:\.[^\s>]*)?\s+([^>]+)>/i;

/** Plain text from cue markup: voice, class and timestamp tags dropped, entities decoded, spaces collapsed. */
export function cueText(raw: string): string {
	let text = raw;
	if (text.includes('<')) text = text.replace(/<[^>]*>/g, '');
	if (text.includes('&')) text = decodeHTML(text);
	return text.replace(/\s+/g, ' ').trim();
}

/** The speaker a WebVTT `<v Name>` tag names, if any. */
export function voiceOf(raw: string): string | null {
	const m = VOICE.exec(raw);
	return m ? cleanSpeaker(m[1]!) : null;
}

/** Splits `Name: text` into speaker and text; speaker is null when the text does not start with a name. */
export function splitSpeakerPrefix(text: string): { speaker: string | null; text: string } {
	const m = SPEAKER_PREFIX.exec(text);
	if (!m || m[1]!.length > 40) return { speaker: null, text };
	return { speaker: cleanSpeaker(m[1]!), text: text.slice(m[0].length) };
}

/** A speaker label without a trailing colon or surrounding space; null when nothing is left. */
export function cleanSpeaker(raw: string): string | null {
	const name = decodeHTML(raw).replace(/\s+/g, ' ').replace(/:\s*$/, '').trim();
	return name || null;
}
