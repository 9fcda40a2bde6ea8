/** Transcript files out: WebVTT with `<v Speaker>` voice tags, and SubRip with "Speaker: " prefixes. */
import type { EpisodeCue } from '../episodes';

export const VTT_CONTENT_TYPE = 'text/vtt';
export const SRT_CONTENT_TYPE = 'application/x-subrip';

/** 01:02:03.456 (WebVTT) or 01:02:03,456 (SRT): hours always present, so every reader accepts it. */
function formatCueTime(totalSeconds: number, decimal: '.' | ','): string {
	const ms = Math.max(0, Math.round(totalSeconds * 1000));
	const h = Math.floor(ms / 3_600_000);
	const m = Math.floor((ms % 3_600_000) / 60_000);
	const s = Math.floor((ms % 60_000) / 1000);
	const pad = (n: number, width = 2) => String(n).padStart(width, '0');
	return `${pad(h)}:${pad(m)}:${pad(s)}${decimal}${pad(ms % 1000, 3)}`;
}

// A blank line ends a cue in both formats: a cue's text is one paragraph, whatever line breaks it came with.
function oneParagraph(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

// WebVTT cue text is markup: `<` starts a tag and `&` an entity, and "-->" would read as a timing line.
function escapeVtt(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A WebVTT file; each cue names its speaker in a voice tag. */
export function buildVtt(cues: EpisodeCue[]): string {
	const blocks = cues.map((cue, i) => {
		const text = escapeVtt(oneParagraph(cue.text));
		const speaker = cue.speaker ? oneParagraph(cue.speaker) : '';
		const line = speaker ? `<v ${escapeVtt(speaker)}>${text}` : text;
		return `${i + 1}\n${formatCueTime(cue.startSeconds, '.')} --> ${formatCueTime(cue.endSeconds, '.')}\n${line}`;
	});
	return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

/** A SubRip file; SRT has no speaker field, so the speaker leads the text as "Name: ". */
export function buildSrt(cues: EpisodeCue[]): string {
	const blocks = cues.map((cue, i) => {
		const text = oneParagraph(cue.text);
		const line = cue.speaker ? `${oneParagraph(cue.speaker)}: ${text}` : text;
		return `${i + 1}\n${formatCueTime(cue.startSeconds, ',')} --> ${formatCueTime(cue.endSeconds, ',')}\n${line}`;
	});
	return `${blocks.join('\n\n')}\n`;
}
