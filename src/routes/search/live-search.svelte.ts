/**
 * Results that follow the search box as someone types: requests are debounced, each new one aborts the last, and a
 * response that arrives after a newer request was made is dropped, so the list never jumps back to an older query.
 */
import type { SearchResults } from '$lib/search-results';

/** Wait this long after the last keystroke before asking the server. */
export const DEBOUNCE_MS = 150;

export interface SearchParams {
	q: string;
	show: string;
	person: string;
}

/** The query string for /search and /api/search, without empty parameters. */
export function toQueryString({ q, show, person }: SearchParams): string {
	const params = new URLSearchParams();
	if (q.trim()) params.set('q', q.trim());
	if (show) params.set('show', show);
	if (person) params.set('person', person);
	return params.toString();
}

export class LiveSearch {
	results = $state<SearchResults>() as SearchResults;
	pending = $state(false);
	failed = $state<string | null>(null);
	#sequence = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#controller: AbortController | null = null;
	#blank: (params: SearchParams) => SearchResults;

	/** `blank` makes the results for an empty box (featured questions), without asking the server. */
	constructor(initial: SearchResults, blank: (params: SearchParams) => SearchResults) {
		this.results = initial;
		this.#blank = blank;
	}

	/** Searches after the debounce delay (0: now); calls `onresults` with the params once their results are shown. */
	schedule(params: SearchParams, delay = DEBOUNCE_MS, onresults?: (params: SearchParams) => void): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.#run(params, onresults), delay);
	}

	async #run(params: SearchParams, onresults?: (params: SearchParams) => void): Promise<void> {
		const sequence = ++this.#sequence;
		this.#controller?.abort();
		if (!params.q.trim()) {
			this.results = this.#blank(params);
			this.pending = false;
			onresults?.(params);
			return;
		}
		const controller = (this.#controller = new AbortController());
		this.pending = true;
		try {
			const response = await fetch(`/api/search?${toQueryString(params)}`, { signal: controller.signal });
			const body = await response.json();
			if (sequence !== this.#sequence) return; // a newer request was made meanwhile
			if (!response.ok) throw new Error(body.error ?? `search failed (${response.status})`);
			this.results = body as SearchResults;
			this.failed = null;
			onresults?.(params);
		} catch (error) {
			if (sequence !== this.#sequence || controller.signal.aborted) return;
			this.failed = error instanceof Error ? error.message : String(error);
		} finally {
			if (sequence === this.#sequence) this.pending = false;
		}
	}

	/** Stops any pending request (leaving the page). */
	cancel(): void {
		clearTimeout(this.#timer);
		this.#controller?.abort();
		this.#sequence++;
	}
}
