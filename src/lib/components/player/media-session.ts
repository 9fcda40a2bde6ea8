/**
 * The lock screen and the headset's buttons: what the one player plays (title, show, artwork) and what its actions do.
 * Browser-only, and loaded when something first plays (nothing shows on a lock screen before): a browser without the
 * Media Session API simply has no lock-screen controls.
 */
import { artworkPath } from '$lib/paths';
import { SKIP_SECONDS, type Listening, type Track } from '$lib/player.svelte';

/** The episode's artwork at the sizes pages use, largest last, as the Media Session wants it. */
export function trackArtwork(track: Pick<Track, 'podcastSlug' | 'episodeSlug'>): MediaImage[] {
	return ([96, 300, 600] as const).map((size) => ({ src: artworkPath(track.podcastSlug, track.episodeSlug, size), sizes: `${size}x${size}`, type: 'image/webp' }));
}

/** Routes the lock screen's actions to `player`; returns a function that removes them. */
export function handleMediaSessionActions(player: Listening): () => void {
	if (!('mediaSession' in navigator)) return () => {};
	const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
		['play', () => player.paused && player.toggle()],
		['pause', () => !player.paused && player.toggle()],
		['seekbackward', (d) => player.skip(-(d.seekOffset ?? SKIP_SECONDS))],
		['seekforward', (d) => player.skip(d.seekOffset ?? SKIP_SECONDS)],
		['seekto', (d) => d.seekTime !== undefined && player.seek(d.seekTime, { play: !player.paused })],
		['previoustrack', () => player.goToSegment(-1)],
		['nexttrack', () => player.goToSegment(1)]
	];
	const set = (handler: (action: MediaSessionAction) => MediaSessionActionHandler | null) => {
		for (const [action] of handlers) {
			try {
				navigator.mediaSession.setActionHandler(action, handler(action));
			} catch {
				// an action this browser does not support
			}
		}
	};
	set((action) => handlers.find(([a]) => a === action)![1]);
	return () => set(() => null);
}

/** Tells the lock screen what is playing, and where in it. */
export function describeToMediaSession(player: Listening): void {
	if (!('mediaSession' in navigator)) return;
	const track = player.track;
	navigator.mediaSession.metadata = track
		? new MediaMetadata({ title: track.title, artist: track.show, album: track.show, artwork: trackArtwork(track) })
		: null;
}

/**
 * Tells the lock screen how long the episode is and where the player is in it, so its scrubber and elapsed time
 * are right: called when playback starts, after a seek and when the speed changes (the browser runs the clock on from
 * there). Unknown durations (a stream, metadata not loaded yet) are left unsaid: the API refuses them.
 */
export function describePosition(player: Listening, duration: number): void {
	if (!('mediaSession' in navigator) || !navigator.mediaSession.setPositionState) return;
	if (!Number.isFinite(duration) || duration <= 0) return;
	navigator.mediaSession.setPositionState({ duration, playbackRate: player.rate, position: Math.min(duration, Math.max(0, player.currentTime)) });
}
