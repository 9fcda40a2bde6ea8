/**
 * Playback state. `PlayerState` mirrors one <audio> element (the embeds each have their own); `listening` is the
 * site's one player: the layout's bar owns its <audio>, which keeps playing across client-side navigation, and pages
 * hand it their moment (`listening.load`) instead of starting an audio element of their own.
 */

/** Seconds the skip buttons and keys move, in the bar, on the episode page and on the lock screen. */
export const SKIP_SECONDS = 15;

export interface Span {
	startSeconds: number;
	endSeconds: number;
}

export class PlayerState {
	currentTime = $state(0);
	paused = $state(true);
	rate = $state(1);
	/** Where a clip (`t=754,800`) stops; null plays on. */
	clipEnd = $state<number | null>(null);
	protected audio: HTMLAudioElement | null = null;

	constructor(initialTime = 0, clipEnd: number | null = null) {
		this.currentTime = initialTime;
		this.clipEnd = clipEnd;
	}

	attach(audio: HTMLAudioElement): void {
		this.audio = audio;
	}

	/** Jumps to `seconds` and, by default, plays from there (the user asked to hear that moment). */
	seek(seconds: number, { play = true, end = null }: { play?: boolean; end?: number | null } = {}): void {
		this.clipEnd = end;
		this.currentTime = seconds;
		const audio = this.audio;
		if (!audio) return;
		audio.currentTime = seconds;
		if (play) audio.play().catch(() => {}); // a refused autoplay leaves the player ready at the right second
	}

	toggle(): void {
		const audio = this.audio;
		if (!audio) return;
		if (audio.paused) audio.play().catch(() => {});
		else audio.pause();
	}

	skip(deltaSeconds: number): void {
		const audio = this.audio;
		if (!audio) return;
		const limit = Number.isFinite(audio.duration) ? audio.duration : Infinity;
		this.seek(Math.min(limit, Math.max(0, audio.currentTime + deltaSeconds)), { play: !audio.paused });
	}

	setRate(rate: number): void {
		this.rate = rate;
		if (this.audio) this.audio.playbackRate = rate;
	}

	/** Called on the element's timeupdate: mirrors the time and stops a clip at its end. */
	sync(): void {
		const audio = this.audio;
		if (!audio) return;
		this.currentTime = audio.currentTime;
		this.paused = audio.paused;
		if (this.clipEnd !== null && audio.currentTime >= this.clipEnd) {
			audio.pause();
			this.clipEnd = null;
		}
	}
}

/** What the site's player plays: an episode, with what the bar and the lock screen show of it. */
export interface Track {
	podcastSlug: string;
	episodeSlug: string;
	/** The episode page, /podcasts/{show}/{episode}: the bar links back to it at the current time. */
	path: string;
	src: string;
	title: string;
	show: string;
	durationSeconds: number | null;
	/** The episode's segments (all of them on its page; the cited one elsewhere), sorted by start. */
	segments: (Span & { title: string })[];
}

/** The site's one player (see the top of this file). Browser state: it is only ever loaded from event handlers and effects. */
export class Listening extends PlayerState {
	track = $state<Track | null>(null);
	/** Set once the layout's bar (and its <audio>) is there: pages then show "play" buttons instead of their own <audio>. */
	ready = $state(false);
	duration = $state(0);
	/** Why the audio cannot play (the element's MediaError code, 0 when it has none), said by the bar; null while it can. */
	failure = $state<number | null>(null);

	/** Whether the player holds the episode at `path`. */
	holds(path: string): boolean {
		return this.track?.path === path;
	}

	/** Puts `track` in the player at `start` (and plays it, by default), replacing whatever was there. */
	load(track: Track, start: number, options: { play?: boolean; end?: number | null } = {}): void {
		if (this.track?.src !== track.src) {
			this.failure = null;
			this.duration = track.durationSeconds ?? 0;
			if (this.audio) this.#setSource(this.audio, track.src, start);
		}
		this.track = track;
		this.seek(start, options);
	}

	/**
	 * A page offers its episode: taken when the player is idle or already holds that episode paused, left alone while
	 * something is playing (the listener is still listening to it). Returns whether the player now holds the episode.
	 */
	offer(track: Track, start: number, end: number | null): boolean {
		if (this.track && !this.paused && !(this.holds(track.path) && this.track.src === track.src)) return false;
		if (this.holds(track.path) && !this.paused) return true; // the same episode, playing on: do not jump back
		this.load(track, start, { play: false, end });
		return true;
	}

	override attach(audio: HTMLAudioElement): void {
		super.attach(audio);
		audio.playbackRate = this.rate;
		if (this.track) this.#setSource(audio, this.track.src, this.currentTime);
		this.ready = true;
	}

	#setSource(audio: HTMLAudioElement, src: string, start: number): void {
		// The fragment starts the new file at the moment even before its metadata (and so its seekable range) is known.
		audio.src = `${src}#t=${start}`;
		audio.currentTime = start;
	}

	override sync(): void {
		super.sync();
		const duration = this.audio?.duration;
		if (duration && Number.isFinite(duration)) this.duration = duration;
	}

	/** The segment `direction` away from the one playing; "previous" restarts the current one after its first seconds, as music players do. */
	goToSegment(direction: -1 | 1): number | null {
		const segments = this.track?.segments ?? [];
		const current = activeIndex(segments, this.currentTime);
		let target = current === -1 && direction === 1 ? segments.findIndex((s) => s.startSeconds > this.currentTime) : current + direction;
		if (direction === -1 && current >= 0 && this.currentTime - segments[current]!.startSeconds > 3) target = current;
		const segment = target >= 0 ? segments[Math.min(segments.length - 1, target)] : segments[0];
		if (!segment) return null;
		this.seek(segment.startSeconds);
		return segment.startSeconds;
	}
}

/** The site's one player. */
export const listening = new Listening();

/** Index of the span playing at `time` (binary search over spans sorted by start), or -1 when none is. */
export function activeIndex(spans: readonly Span[], time: number): number {
	let lo = 0;
	let hi = spans.length - 1;
	let found = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (spans[mid]!.startSeconds <= time + 0.001) {
			found = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return found >= 0 && time < spans[found]!.endSeconds ? found : -1;
}
