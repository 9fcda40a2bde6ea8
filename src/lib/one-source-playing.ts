/**
 * One source plays at a time: on pages with several players (a question's citations, an answer's sources), starting
 * one pauses the others. Browser-only; without JavaScript the players are independent, as plain <audio> elements are.
 */

/** Pauses every other audio element on the page (use as an <audio>'s onplay handler). */
export function pauseOtherSources(event: Event): void {
	const playing = event.currentTarget;
	for (const audio of document.querySelectorAll('audio')) {
		if (audio !== playing && !audio.paused) audio.pause();
	}
}
