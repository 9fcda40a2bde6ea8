import type { PlayerState } from './player.svelte';

/** Whether an address fragment carries a time (`#t=754`, `#foo&t=1:02`), without loading the parser to find out. */
function hasTimeHash(hash: string): boolean {
	return /(?:^#|&)t=/.test(hash);
}

/**
 * Applies a `#t=...` in the browser (the server never sees a fragment): it wins over `?t=` as the later word in the
 * address. Resolves to why the time could not be used (the player then starts at 0:00), or null. The parser is
 * loaded only for an address that has one: most visits come without, and a page should not download what it does
 * not use.
 */
export async function seekToTimeHash(player: Pick<PlayerState, 'seek'>, hash: string, durationSeconds: number | null): Promise<string | null> {
	if (!hasTimeHash(hash)) return null;
	const { parseTimeHash } = await import('./time-param');
	const time = parseTimeHash(hash, durationSeconds);
	if (time?.ok) player.seek(time.range.start, { play: false, end: time.range.end });
	else if (time) player.seek(0, { play: false });
	return time && !time.ok ? time.reason : null;
}
