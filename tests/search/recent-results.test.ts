import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { onContentChange } from '../../src/lib/server/content-events';
import { useContentMemos } from '../../src/lib/server/content-memo';
import { deleteEpisode } from '../../src/lib/server/editor/episodes';
import { parseSearchParams } from '../../src/lib/server/search/params';
import { SearchService } from '../../src/lib/server/search/service';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';

describe.each(databaseKinds)('SearchService.search keeps recent results (%s)', (kind) => {
	let t: TestDb;
	let service: SearchService;
	let unsubscribe: () => void;
	/** Word-engine queries run so far: one per search actually worked out. */
	let searchesRun = 0;

	beforeAll(async () => {
		t = await createTestDb(kind, { seed: true });
		service = await SearchService.build(t.db);
		unsubscribe = onContentChange((change) => service.applyChange(change));
		const words = service.index.words;
		const query = words.query.bind(words);
		words.query = (q) => {
			if (q.kind === undefined) searchesRun++; // the ranking's one query (suggestions ask for questions only)
			return query(q);
		};
	});
	afterEach(() => useContentMemos(() => false));
	afterAll(async () => {
		unsubscribe?.();
		await t?.close();
	});

	/** The request /search and /api/search make for these parameters. */
	const request = (params: string) => parseSearchParams(new URLSearchParams(params), service.index).request;

	it('works out a query once for the page, its data request and the API, with the same answer', async () => {
		useContentMemos(() => true);
		const before = searchesRun;
		// A popular new query: the page and the API asked for at the same time, then the page's data request.
		const [page, api] = await Promise.all([service.search(request('q=sleep+debt')), service.search(request('q=sleep+debt'))]);
		const data = await service.search(request('q=+sleep+debt+'));
		expect(searchesRun - before).toBe(1);
		expect(page.segments.length).toBeGreaterThan(0);
		expect(api).toEqual(page);
		expect(data).toEqual(page);
		// Another filter or limit is another search, with its own answer.
		const show = page.segments[0]!.show.slug;
		const filtered = await service.search(request(`q=sleep+debt&show=${show}`));
		const shorter = await service.search(request('q=sleep+debt&limit=1'));
		expect(searchesRun - before).toBe(3);
		expect(filtered.filters.show).toBe(show);
		expect(filtered.segments.every((s) => s.show.slug === show)).toBe(true);
		expect(shorter.segments).toHaveLength(1);
	});

	it('searches afresh after a content change: a deleted episode is never found again', async () => {
		useContentMemos(() => true);
		const results = await service.search(request('q=sleep+debt'));
		const episode = results.segments[0]!.episode;
		const id = [...service.index.episodes.values()].find((e) => e.slug === episode.slug)!.id;
		await deleteEpisode(t.db, id); // (its automatic links are worked out again meanwhile: searches of their own)
		const before = searchesRun;
		const after = await service.search(request('q=sleep+debt'));
		expect(searchesRun - before).toBe(1);
		expect(after.segments.map((s) => s.episode.slug)).not.toContain(episode.slug);
		expect(after.episodes.map((e) => e.slug)).not.toContain(episode.slug);
	});

	it('does not keep results worked out while a change was applied', async () => {
		useContentMemos(() => true);
		const results = await service.search(request('q=coffee'));
		const episode = results.segments[0]!.episode;
		const id = [...service.index.episodes.values()].find((e) => e.slug === episode.slug)!.id;
		// Asked while the deletion is being applied to the index (as another visitor's request would be)...
		const index = service.index;
		const remove = index.removeEpisode.bind(index);
		let during: Promise<unknown> | null = null;
		index.removeEpisode = (episodeId) => {
			during = service.search(request('q=coffee'));
			return remove(episodeId);
		};
		try {
			await deleteEpisode(t.db, id);
		} finally {
			index.removeEpisode = remove;
		}
		expect(during).not.toBeNull();
		await during;
		// ...answered, but not kept: once the change is in, the same request is worked out again, without it.
		const before = searchesRun;
		const after = await service.search(request('q=coffee'));
		expect(searchesRun - before).toBe(1);
		expect(after.segments.map((s) => s.episode.slug)).not.toContain(episode.slug);
	});

	it('keeps nothing while the response cache may not answer (changes may be going unheard)', async () => {
		useContentMemos(() => false);
		const before = searchesRun;
		await service.search(request('q=running+shoes'));
		await service.search(request('q=running+shoes'));
		expect(searchesRun - before).toBe(2);
	});
});
