/**
 * Which episodes have synthesised demo audio, and how long it is: only the bundled demo episodes, at their own
 * length. The database is not asked: an imported feed whose enclosure points at /audio/demo/... (with a duration
 * of 100 hours, or Infinity) would otherwise have the server synthesise gigabytes of WAV for anyone who asks.
 */
import { demoContent } from '../demo/content';
import type { DemoContent } from '../demo/types';

/** The demo episode's length and segment starts, in seconds; null when `showSlug`/`episodeSlug` is no demo episode. */
export function demoEpisodeAudio(showSlug: string, episodeSlug: string, content: DemoContent = demoContent): { durationSeconds: number; boundaries: number[] } | null {
	const episode = content.shows.find((s) => s.slug === showSlug)?.episodes.find((e) => e.slug === episodeSlug);
	return episode ? { durationSeconds: episode.durationSeconds, boundaries: episode.segments.map((s) => s.startSeconds) } : null;
}
