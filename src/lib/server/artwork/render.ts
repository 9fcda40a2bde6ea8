/**
 * Untrusted image bytes to the square WebP files pages use. The bytes come from whatever a feed points at, so they
 * are decoded by sharp (libvips) under limits: only raster formats (no SVG or PDF, which can reference other
 * files), at most MAX_INPUT_PIXELS, and a decoding error stops the work rather than producing a half image.
 */
import { createHash } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { ARTWORK_SIZES, type ArtworkSize } from '../../paths';

/** Pixels an image may declare (width x height): 6000 x 6000 is twice what podcast directories ask for. */
export const MAX_INPUT_PIXELS = 36_000_000;
/** Formats accepted from feeds; sharp reads more, but nothing else is podcast art. */
const RASTER_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif']);
const WEBP_QUALITY = 80;

/** An image that cannot be used as artwork, with why in a listener's words. */
export class ArtworkError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ArtworkError';
	}
}

export interface RenderedArtwork {
	/** A hash of the source bytes: the same image gives the same files and ETags. */
	sourceHash: string;
	webp: Record<ArtworkSize, Buffer>;
}

/** Decodes `bytes` and re-encodes them as square WebP at every artwork size (cropped to cover, centred). */
export async function renderArtwork(bytes: Uint8Array): Promise<RenderedArtwork> {
	const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let metadata: Metadata;
	try {
		metadata = await sharp(input, { limitInputPixels: false }).metadata();
	} catch {
		throw new ArtworkError('not an image (its first bytes are no image format this site reads)');
	}
	if (!RASTER_FORMATS.has(metadata.format ?? '')) throw new ArtworkError(`not a supported image format (${metadata.format ?? 'unknown'}); JPEG, PNG, WebP, GIF or AVIF are`);
	const pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
	if (pixels > MAX_INPUT_PIXELS) {
		throw new ArtworkError(`the image is ${metadata.width} x ${metadata.height} pixels, more than the ${MAX_INPUT_PIXELS / 1_000_000} million this site decodes`);
	}
	const largest = Math.max(...ARTWORK_SIZES);
	let square: { data: Buffer; info: OutputInfo };
	try {
		// Decoded once, at the largest size; the smaller ones are made from that.
		square = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', autoOrient: true })
			.resize(largest, largest, { fit: 'cover', position: 'centre' })
			.raw()
			.toBuffer({ resolveWithObject: true });
	} catch (error) {
		throw new ArtworkError(`the image could not be decoded (${(error as Error).message.split('\n')[0]})`);
	}
	const raw = { raw: { width: square.info.width, height: square.info.height, channels: square.info.channels } } as const;
	const entries = await Promise.all(
		ARTWORK_SIZES.map(async (size) => [size, await sharp(square.data, raw).resize(size, size).webp({ quality: WEBP_QUALITY }).toBuffer()] as const)
	);
	return { sourceHash: hashOf(input), webp: Object.fromEntries(entries) as Record<ArtworkSize, Buffer> };
}

/** A short, stable hash of some bytes (ETags). */
export function hashOf(bytes: Uint8Array | string): string {
	return createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
}
