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
	const n = visitorNumber(i, visitors);
	return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** Which of `visitors` the `i`th request of a run comes from. */
function visitorNumber(i: number, visitors: number): number {
	const v = Math.imul(i + 1, 2654435761) >>> 0; // spread consecutive requests over visitors, deterministically
	return v % visitors;
}

/** A kind of client by what it sends as Accept-Encoding, and its share of the visitors. */
export interface EncodingClass {
	name: string;
	/** The Accept-Encoding header it sends; undefined: none. */
	acceptEncoding?: string;
	share: number;
}

/**
 * Who visits a podcast site, by what they accept (BENCH_MIX_ENCODING=realistic, the default): browsers and the
 * search engines' crawlers (Chrome, Firefox and Safari send `gzip, deflate, br` or more; Googlebot and Bingbot
 * `gzip, deflate, br`): 85 %; HTTP libraries that take gzip but not brotli (Node's fetch, Python's requests:
 * `gzip, deflate`): 5 %; clients that send no Accept-Encoding (curl without --compressed, scripts calling
 * /api/search, feed and uptime checkers): 10 %. The split is a stated assumption, not a measurement of this site's
 * traffic (it has none yet); docs/benchmarks.md says why it was chosen.
 */
export const REALISTIC_ENCODINGS: EncodingClass[] = [
	{ name: 'br', acceptEncoding: 'gzip, deflate, br', share: 0.85 },
	{ name: 'gzip', acceptEncoding: 'gzip, deflate', share: 0.05 },
	{ name: 'plain', share: 0.1 }
];

/** The encoding classes BENCH_MIX_ENCODING names: realistic (default), or one class alone (plain: the mix as it was before December 6, no Accept-Encoding at all). */
export function encodingClasses(setting = 'realistic'): EncodingClass[] {
	if (setting === 'realistic') return REALISTIC_ENCODINGS;
	const one = REALISTIC_ENCODINGS.find((c) => c.name === setting);
	if (!one) throw new Error(`bench: BENCH_MIX_ENCODING must be realistic, ${REALISTIC_ENCODINGS.map((c) => c.name).join(', ')}, not "${setting}"`);
	return [{ ...one, share: 1 }];
}

/** The encoding class of the `i`th request's visitor (a visitor always sends the same headers). */
export function encodingOf(i: number, visitors: number, classes: EncodingClass[]): EncodingClass {
	const x = ((Math.imul(visitorNumber(i, visitors) + 1, 40503) >>> 0) % 1000) / 1000;
	let total = 0;
	for (const c of classes) if (x < (total += c.share)) return c;
	return classes.at(-1)!;
}

/**
 * Drives `origin` through `sequence` in order, shared by all connections (wrapping at its end), each request from one
 * of `visitors` addresses; returns figures, with the count of each status answered.
 */
export async function driveSequence(
	origin: string,
	sequence: string[],
	{
		connections,
		durationSeconds,
		visitors,
		encodings = [{ name: 'plain', share: 1 }],
		kindOf = () => 'all'
	}: { connections: number; durationSeconds: number; visitors: number; encodings?: EncodingClass[]; kindOf?: (path: string) => string }
) {
	const { default: autocannon } = await import('autocannon');
	let next = 0;
	let answered = 0;
	let hits = 0;
	const statuses = new Map<number, number>();
	/** Per kind of URL: answers, and those from memory. */
	const kinds = new Map<string, { answered: number; hits: number }>();
	/** Per encoding class: answers, those from memory, bytes of bodies sent. */
	const classes = new Map<string, { answered: number; hits: number; bytes: number }>(encodings.map((c) => [c.name, { answered: 0, hits: 0, bytes: 0 }]));
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
					const encoding = encodingOf(i, visitors, encodings);
					// one request in flight per connection: its answer is this one's
					Object.assign(context as object, { path, encoding: encoding.name });
					const accepts = encoding.acceptEncoding ? { 'accept-encoding': encoding.acceptEncoding } : {};
					return { ...request, path, headers: { ...request.headers, 'x-forwarded-for': visitorAddress(i, visitors), ...accepts } };
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
					const byClass = classes.get((context as { encoding?: string }).encoding ?? '');
					if (byClass) {
						byClass.answered++;
						if (hit) byClass.hits++;
						byClass.bytes += Number(marks?.['content-length'] ?? 0);
					}
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
		/** "br 35,000 (540 req/s, 95 % from memory, 11 kB a body), ...": the figures per encoding class (a body's size from content-length, where sent). */
		byEncoding: [...classes]
			.filter(([, t]) => t.answered > 0)
			.map(([name, t]) => {
				const memory = hits > 0 ? `, ${Math.round((t.hits / t.answered) * 100)} % from memory` : '';
				return `${name} ${t.answered.toLocaleString('en')} (${Math.round(t.answered / durationSeconds)} req/s${memory}, ${(t.bytes / t.answered / 1024).toFixed(1)} kB a body)`;
			})
			.join(', '),
		/** "200 41,000, 429 12": what the answers were. */
		statuses: [...statuses].sort((a, b) => a[0] - b[0]).map(([status, n]) => `${status} ${n.toLocaleString('en')}`).join(', ')
	};
}
