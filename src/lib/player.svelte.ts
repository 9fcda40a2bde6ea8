/**
 * What the episode page's parts share about playback: the player, the segment list, the timeline and the
 * transcript all read `currentTime` and call `seek`. The <audio> element stays the source of truth; this mirrors it.
 */
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
	#audio: HTMLAudioElement | null = null;

	constructor(initialTime = 0, clipEnd: number | null = null) {
		this.currentTime = initialTime;
		this.clipEnd = clipEnd;
	}

	attach(audio: HTMLAudioElement): void {
		this.#audio = audio;
	}

	/** Jumps to `seconds` and, by default, plays from there (the user asked to hear that moment). */
	seek(seconds: number, { play = true, end = null }: { play?: boolean; end?: number | null } = {}): void {
		this.clipEnd = end;
		this.currentTime = seconds;
		const audio = this.#audio;
		if (!audio) return;
		audio.currentTime = seconds;
		if (play) audio.play().catch(() => {}); // a refused autoplay leaves the player ready at the right second
	}

	toggle(): void {
		const audio = this.#audio;
		if (!audio) return;
		if (audio.paused) audio.play().catch(() => {});
		else audio.pause();
	}

	skip(deltaSeconds: number): void {
		const audio = this.#audio;
		if (!audio) return;
		const limit = Number.isFinite(audio.duration) ? audio.duration : Infinity;
		this.seek(Math.min(limit, Math.max(0, audio.currentTime + deltaSeconds)), { play: !audio.paused });
	}

	setRate(rate: number): void {
		this.rate = rate;
		if (this.#audio) this.#audio.playbackRate = rate;
	}

	/** Called on the element's timeupdate: mirrors the time and stops a clip at its end. */
	sync(): void {
		const audio = this.#audio;
		if (!audio) return;
		this.currentTime = audio.currentTime;
		this.paused = audio.paused;
		if (this.clipEnd !== null && audio.currentTime >= this.clipEnd) {
			audio.pause();
			this.clipEnd = null;
		}
	}
}

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
