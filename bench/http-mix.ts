/**
 * The realistic mix for `npm run bench:http` (BENCH_ONLY=mix runs it alone): thousands of distinct URLs (episode
 * pages, episode pages with ?t= deep links, question pages, /search and /api/search queries) drawn Zipf-like, so
 * that a few are hot and most are seen once or twice, as real traffic is. The hit rate of the response cache is
 * what that traffic gives, not the 100 % of a benchmark that repeats one URL.
 */
import { createRandom, type SyntheticCorpus } from './lib/synthetic';
import { episodePath, questionSlug } from './lib/seed-corpus';

export interface MixOptions {
	questions: number;
	queries: string[];
	/** Requests in the drawn sequence (autocannon cycles through it). */
	length: number;
	/** Zipf exponent: 1 is the classic web-traffic shape. */
	exponent?: number;
	seed?: number;
}

/** The distinct URLs of the mix, most popular first (shuffled across kinds, so no kind is all hot or all cold). */
export function mixUrls(corpus: SyntheticCorpus, { questions, queries, seed = 11 }: MixOptions): string[] {
	const random = createRandom(seed);
	const urls: string[] = [];
	corpus.episodes.forEach((episode, i) => {
		urls.push(episodePath(corpus, i));
		// Two deep links into each episode: a shared moment is a URL of its own.
		for (let k = 0; k < 2; k++) urls.push(`${episodePath(corpus, i)}?t=${Math.floor(random() * episode.durationSeconds)}`);
	});
	for (let q = 1; q <= questions; q++) urls.push(`/questions/${questionSlug(q)}`);
	for (const q of queries) urls.push(`/search?q=${q}`, `/api/search?q=${q}`);
	for (let i = urls.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[urls[i], urls[j]] = [urls[j]!, urls[i]!];
	}
	return urls;
}

/** A request sequence drawn from `urls` with P(rank r) ∝ 1 / r^exponent. */
export function drawZipf(urls: string[], { length, exponent = 1, seed = 13 }: Pick<MixOptions, 'length' | 'exponent' | 'seed'>): string[] {
	const random = createRandom(seed);
	const cumulative = new Float64Array(urls.length);
	let total = 0;
	for (let r = 0; r < urls.length; r++) cumulative[r] = total += 1 / Math.pow(r + 1, exponent);
	const out: string[] = [];
	for (let i = 0; i < length; i++) {
		const x = random() * total;
		let lo = 0;
		let hi = urls.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cumulative[mid]! < x) lo = mid + 1;
			else hi = mid;
		}
		out.push(urls[lo]!);
	}
	return out;
}

/**
 * The share of `sequence` an LRU cache of `maxBytes` answers (what response-cache.ts does: a miss is rendered and
 * kept, the least recently used go first). From the bytes each URL answered; no clears, since nothing is written.
 */
export function simulateHitRate(sequence: string[], sizes: Map<string, number>, maxBytes: number, maxEntryBytes = 1024 * 1024): number {
	const kept = new Map<string, number>();
	let bytes = 0;
	let hits = 0;
	for (const url of sequence) {
		const size = sizes.get(url) ?? 0;
		if (kept.has(url)) {
			hits++;
			kept.delete(url);
			kept.set(url, size);
			continue;
		}
		if (size > maxEntryBytes) continue;
		kept.set(url, size);
		bytes += size;
		for (const [k, s] of kept) {
			if (bytes <= maxBytes) break;
			kept.delete(k);
			bytes -= s;
		}
	}
	return hits / sequence.length;
}

/**
 * The address the `i`th request of a run comes from, among `visitors` (X-Forwarded-For behind the proxy the bench
 * server is told of): real traffic is many people, and per-client limits (client-limit.ts) are meant to bind on one
 * client, not on a benchmark whose fifty connections all come from 127.0.0.1.
 */
export function visitorAddress(i: number, visitors: number): string {
	const v = Math.imul(i + 1, 2654435761) >>> 0; // spread consecutive requests over visitors, deterministically
	const n = v % visitors;
	return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/**
 * Drives `origin` through `sequence` in order, shared by all connections (wrapping at its end), each request from one
 * of `visitors` addresses; returns figures, with the count of each status answered.
 */
export async function driveSequence(
	origin: string,
	sequence: string[],
	{ connections, durationSeconds, visitors, kindOf = () => 'all' }: { connections: number; durationSeconds: number; visitors: number; kindOf?: (path: string) => string }
) {
	const { default: autocannon } = await import('autocannon');
	let next = 0;
	let answered = 0;
	let hits = 0;
	const statuses = new Map<number, number>();
	/** Per kind of URL: answers, and those from memory. */
	const kinds = new Map<string, { answered: number; hits: number }>();
	const result = await autocannon({
		url: origin,
		connections,
		duration: durationSeconds,
		timeout: 10,
		requests: [
			{
				method: 'GET',
				headers: { accept: 'text/html,application/json' },
				setupRequest: (request, context) => {
					const i = next++;
					const path = sequence[i % sequence.length]!;
					(context as { path?: string }).path = path; // one request in flight per connection: its answer is this one's
					return { ...request, path, headers: { ...request.headers, 'x-forwarded-for': visitorAddress(i, visitors) } };
				},
				// Answers from the response cache say so (x-cache: hit): the hit rate the site really had.
				onResponse: (status, _body, context, headers) => {
					answered++;
					statuses.set(status, (statuses.get(status) ?? 0) + 1);
					const marks = headers as Record<string, string> | undefined;
					const hit = (marks?.['x-cache'] ?? marks?.['X-Cache']) === 'hit';
					if (hit) hits++;
					const kind = kindOf((context as { path?: string }).path ?? '');
					const tally = kinds.get(kind) ?? { answered: 0, hits: 0 };
					kinds.set(kind, tally);
					tally.answered++;
					if (hit) tally.hits++;
				}
			}
		]
	});
	return {
		requestsPerSecond: result.requests.average,
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		errors: result.non2xx + result.errors + result.timeouts,
		sent: next,
		/** The share of answers that came from the response cache. */
		hitRate: answered ? hits / answered : 0,
		/** "moment 412 (98 % from memory), search ...": what was asked for, and how much of it came from memory. */
		byKind: [...kinds]
			.sort((a, b) => b[1].answered - a[1].answered)
			.map(([kind, t]) => `${kind} ${t.answered.toLocaleString('en')} (${Math.round((t.hits / t.answered) * 100)} % from memory)`)
			.join(', '),
		/** "200 41,000, 429 12": what the answers were. */
		statuses: [...statuses].sort((a, b) => a[0] - b[0]).map(([status, n]) => `${status} ${n.toLocaleString('en')}`).join(', ')
	};
}
