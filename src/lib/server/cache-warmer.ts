/**
 * Fills the response cache ahead of traffic with the pages most likely asked for (every question page, then episode
 * pages newest first, each without `t`), as sites put their popular pages in a cache before visitors do, and again
 * after every content change (which drops the cache). Without it, the first visitor of each page after a start or a
 * change waits for it to be rendered, and a run of such first visits is what real traffic mostly is (Zipf-shaped:
 * a few pages hot, most asked for once or twice).
 *
 * Pages are requested from this very server over loopback, one at a time, so they take the path a visitor's would
 * (and are kept under the key a visitor's is looked up by: the site's origin, ORIGIN or the Host visitors send).
 * Warming stops at WARM_SHARE of the cache's size, so pages visitors actually ask for are not pushed out, and yields
 * between pages, so a visitor waits for one page's rendering at most.
 */
import http from 'node:http';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { onContentChange } from './content-events';
import { getDb } from './db';
import { episodes, podcasts, questions } from './db/schema';
import { cacheKey, type ResponseCache } from './response-cache';
import { episodePath, questionPath } from '$lib/paths';

/** The share of the cache warming may fill. */
const WARM_SHARE = 0.8;
/** Wait after a content change before warming again: an import announces many changes in a row. */
const SETTLE_MS = 2000;
/** Wait after a page failed (the database away, most likely) before trying again. */
const RETRY_MS = 10_000;

export interface CacheWarmer {
	/** The server listens at `loopback` (http://127.0.0.1:PORT): warming can begin once the site's origin is known. */
	listening(loopback: string): void;
	/** The origin visitors reach the site by (ORIGIN, or the first visitor's Host). */
	sawOrigin(origin: string): void;
	/** Whether a pass is running or scheduled (tests and benches). */
	readonly busy: boolean;
	stop(): void;
}

export interface CacheWarmerOptions {
	maxBytes: number;
	/** Paths to warm, most likely first (default: the database's question and episode pages). */
	paths?: () => Promise<string[]>;
	log?: (message: string) => void;
}

export function createCacheWarmer(cache: ResponseCache, { maxBytes, paths = likelyPaths, log = () => {} }: CacheWarmerOptions): CacheWarmer {
	let loopback: URL | null = null;
	let origin: URL | null = null;
	let timer: NodeJS.Timeout | null = null;
	let running = false;
	/** Bumped by each content change: a pass in progress stops, and another is scheduled. */
	let generation = 0;
	let stopped = false;

	const schedule = (delayMs: number) => {
		if (stopped || !loopback || !origin) return;
		if (timer) clearTimeout(timer);
		timer = setTimeout(() => {
			timer = null;
			void pass();
		}, delayMs);
		timer.unref();
	};

	async function pass(): Promise<void> {
		if (running) return void schedule(SETTLE_MS);
		running = true;
		const started = performance.now();
		const mine = generation;
		let warmed = 0;
		try {
			const list = await paths();
			for (const path of list) {
				if (stopped || mine !== generation) return;
				if (cache.stats().bytes >= maxBytes * WARM_SHARE) break;
				const key = cacheKey('GET', new URL(origin!.origin + path), (name) => (name === 'accept' ? 'text/html' : null));
				if (!key || cache.has(key)) continue;
				const status = await request(loopback!, origin!, path);
				if (status >= 500) {
					// The site cannot render pages now (the database is away): asking for the rest would only add load
					// while it recovers, and delayed its catching up on changes by many seconds. Try again later.
					log(`warming paused: ${path} answered ${status}; trying again in ${RETRY_MS / 1000} s`);
					schedule(RETRY_MS);
					return;
				}
				warmed++;
				await new Promise((resolve) => setImmediate(resolve));
			}
			const { bytes, entries } = cache.stats();
			log(`warmed ${warmed} page(s) in ${((performance.now() - started) / 1000).toFixed(1)} s; the cache holds ${entries} (${(bytes / 1048576).toFixed(1)} MB)`);
		} catch (error) {
			log(`warming the cache stopped: ${error instanceof Error ? error.message : String(error)}`);
		} finally {
			running = false;
		}
	}

	const unsubscribe = onContentChange(() => {
		generation++;
		schedule(SETTLE_MS);
	});

	return {
		listening(url) {
			loopback = new URL(url);
			schedule(0);
		},
		sawOrigin(seen) {
			if (origin) return;
			origin = new URL(seen);
			schedule(0);
		},
		get busy() {
			return running || timer !== null;
		},
		stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
			unsubscribe();
		}
	};
}

/** Asks this server for `path` as a visitor of `origin` would (accepting HTML, no cookie), reads the answer, and gives its status. */
function request(loopback: URL, origin: URL, path: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = http.get(
			{ host: loopback.hostname, port: loopback.port, path, headers: { host: origin.host, accept: 'text/html' }, timeout: 30_000 },
			(res) => {
				res.resume();
				res.once('end', () => resolve(res.statusCode ?? 0));
				res.once('error', reject);
			}
		);
		req.once('timeout', () => req.destroy(new Error(`${path} took longer than 30 s`)));
		req.once('error', reject);
	});
}

/** Every question page, then the episode pages, newest first: what visitors are likeliest to open. */
async function likelyPaths(): Promise<string[]> {
	const db = await getDb();
	const [questionRows, episodeRows] = await Promise.all([
		db.select({ slug: questions.slug }).from(questions).orderBy(desc(questions.featured), questions.id),
		db
			.select({ podcast: podcasts.slug, episode: episodes.slug })
			.from(episodes)
			.innerJoin(podcasts, eq(podcasts.id, episodes.podcastId))
			.where(and(isNull(episodes.hiddenAt)))
			.orderBy(desc(episodes.publishedAt), desc(episodes.id))
	]);
	return [...questionRows.map((q) => questionPath(q.slug)), ...episodeRows.map((e) => episodePath(e.podcast, e.episode))];
}
