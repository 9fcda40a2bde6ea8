/**
 * Answering /art/...: the stored WebP of an episode, else of its show, else the show's generated placeholder. The
 * address is stable (it names the show or episode and the size, not the image), so answers are not `immutable`:
 * browsers keep them a day and then ask again with the ETag, which answers 304 when nothing changed. While an
 * image the feed names is not stored yet (its job is queued, or its fetch failed), what stands in for it is kept
 * only a minute, so the real one shows soon after it arrives.
 */
import { eq, and, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { artwork, episodes, podcasts } from '../db/schema';
import { ARTWORK_SIZES, type ArtworkSize } from '../../paths';
import { placeholderArtwork } from './placeholder';

export interface ArtworkAnswer {
	bytes: Uint8Array;
	/** A strong ETag, quoted. */
	etag: string;
	maxAgeSeconds: number;
}

const DAY_SECONDS = 86_400;
const PENDING_SECONDS = 60;

/** The size in a `/art/.../<size>.webp` address, or null when it is not one of the sizes served. */
export function artworkSizeOf(text: string): ArtworkSize | null {
	return (ARTWORK_SIZES as readonly number[]).find((s) => String(s) === text) as ArtworkSize | undefined ?? null;
}

/** What /art answers for a show (episodeSlug null) or an episode at `size`; null when there is no such show or visible episode. */
export async function findArtwork(db: Db, podcastSlug: string, episodeSlug: string | null, size: ArtworkSize): Promise<ArtworkAnswer | null> {
	const episodeArt = alias(artwork, 'episode_art');
	const showArt = alias(artwork, 'show_art');
	const column = (table: typeof episodeArt | typeof showArt) => ({ 96: table.webp96, 300: table.webp300, 600: table.webp600 })[size];
	const [row] = await db
		.select({
			slug: podcasts.slug,
			title: podcasts.title,
			showImageUrl: podcasts.imageUrl,
			episodeId: episodes.id,
			episodeImageUrl: episodes.imageUrl,
			ownHash: episodeArt.sourceHash,
			showHash: showArt.sourceHash,
			bytes: sql<Uint8Array | null>`coalesce(${column(episodeArt)}, ${column(showArt)})`
		})
		.from(podcasts)
		.leftJoin(episodes, and(eq(episodes.podcastId, podcasts.id), eq(episodes.slug, episodeSlug ?? ''), isNull(episodes.hiddenAt)))
		.leftJoin(episodeArt, eq(episodeArt.episodeId, episodes.id))
		.leftJoin(showArt, and(eq(showArt.podcastId, podcasts.id), isNull(showArt.episodeId)))
		.where(eq(podcasts.slug, podcastSlug));
	if (!row || (episodeSlug !== null && row.episodeId === null)) return null;
	const wantsOwn = episodeSlug !== null && !!row.episodeImageUrl && row.episodeImageUrl !== row.showImageUrl;
	const hash = row.ownHash ?? row.showHash;
	const pending = (wantsOwn && !row.ownHash) || (!hash && !!(row.showImageUrl || row.episodeImageUrl));
	const maxAgeSeconds = pending ? PENDING_SECONDS : DAY_SECONDS;
	if (row.bytes && hash) return { bytes: toBytes(row.bytes), etag: `"${hash}-${size}"`, maxAgeSeconds };
	const placeholder = await placeholderArtwork(row.slug, row.title, size);
	return { bytes: placeholder.bytes, etag: placeholder.etag, maxAgeSeconds };
}

/** The HTTP answer: the image, or 304 when the browser's copy (If-None-Match) is current. */
export function artworkResponse(answer: ArtworkAnswer, ifNoneMatch: string | null): Response {
	const headers = {
		'content-type': 'image/webp',
		etag: answer.etag,
		'cache-control': `public, max-age=${answer.maxAgeSeconds}`,
		'x-content-type-options': 'nosniff'
	};
	if (matches(ifNoneMatch, answer.etag)) return new Response(null, { status: 304, headers });
	return new Response(answer.bytes as Uint8Array<ArrayBuffer>, { headers: { ...headers, 'content-length': String(answer.bytes.byteLength) } });
}

/** If-None-Match holds `etag` (weak comparison, as RFC 9110 asks for it), or is `*`. */
function matches(header: string | null, etag: string): boolean {
	if (!header) return false;
	const bare = (tag: string) => tag.trim().replace(/^W\//, '');
	return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === etag);
}

/** postgres.js hands bytea over as a Buffer, PGlite as a Uint8Array. */
function toBytes(value: Uint8Array | string): Uint8Array {
	if (typeof value === 'string') return Buffer.from(value.replace(/^\\x/, ''), 'hex');
	return value;
}
