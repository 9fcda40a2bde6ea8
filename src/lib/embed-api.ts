/**
 * The postMessage API between an embed and the page that embeds it (documented in the README, "Controlling the embed with postMessage").
 *
 * Every message is a plain object with `context: 'podcast-moments'`, so the embed and the host page can ignore the
 * other messages that fly around a page (ads, analytics, other widgets).
 *   host -> embed   { context, command: 'seek', seconds, play? } | { context, command: 'play' | 'pause' }
 *   embed -> host   { context, event: 'ready' | 'timeupdate' | 'ended', currentTime, duration, paused, src }
 */
export const MESSAGE_CONTEXT = 'podcast-moments';

export type EmbedCommand =
	| { context: typeof MESSAGE_CONTEXT; command: 'seek'; seconds: number; play?: boolean }
	| { context: typeof MESSAGE_CONTEXT; command: 'play' | 'pause' };

export type EmbedEventName = 'ready' | 'timeupdate' | 'ended';

export interface EmbedEvent {
	context: typeof MESSAGE_CONTEXT;
	event: EmbedEventName;
	currentTime: number;
	/** Seconds, or null while the audio has not told us. */
	duration: number | null;
	paused: boolean;
	/** The embed's own URL, so a host page with several embeds knows which one spoke. */
	src: string;
}

/** Reads a message as a command; anything else (wrong shape, wrong context, a time that is not a number) is null. */
export function parseEmbedCommand(data: unknown): EmbedCommand | null {
	if (typeof data !== 'object' || data === null) return null;
	const message = data as Record<string, unknown>;
	if (message.context !== MESSAGE_CONTEXT) return null;
	if (message.command === 'play' || message.command === 'pause') return { context: MESSAGE_CONTEXT, command: message.command };
	if (message.command === 'seek') {
		const seconds = message.seconds;
		if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return null;
		const play = typeof message.play === 'boolean' ? message.play : undefined;
		return { context: MESSAGE_CONTEXT, command: 'seek', seconds, ...(play === undefined ? {} : { play }) };
	}
	return null;
}

/** An origin ("https://blog.example") from a URL, or null when there is none to read. */
export function originOf(url: string | null | undefined): string | null {
	if (!url) return null;
	try {
		const origin = new URL(url).origin;
		return origin === 'null' ? null : origin;
	} catch {
		return null;
	}
}
