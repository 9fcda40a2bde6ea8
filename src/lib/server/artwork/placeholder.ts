/**
 * The artwork of a show without any: a square tile in a colour derived from the show's slug, with the initials of its
 * title. The letters are drawn from strokes defined here, not from a font, so the tile is the same on every machine
 * (a server without fonts would otherwise draw empty boxes). Titles without Latin letters or digits get the tile alone.
 */
import sharp from 'sharp';
import type { ArtworkSize } from '../../paths';
import { hashOf } from './render';

type Stroke = [number, number][];

/** Letters on a 4 x 6 grid (x right, y down), as polylines drawn with round caps. */
const O: Stroke = [[1, 0], [3, 0], [4, 1], [4, 5], [3, 6], [1, 6], [0, 5], [0, 1], [1, 0]];
const P: Stroke = [[0, 6], [0, 0], [3, 0], [4, 1], [4, 2], [3, 3], [0, 3]];
const GLYPHS: Record<string, Stroke[]> = {
	A: [[[0, 6], [2, 0], [4, 6]], [[0.7, 4], [3.3, 4]]],
	B: [[[0, 3], [3, 3], [4, 4], [4, 5], [3, 6], [0, 6], [0, 0], [3, 0], [4, 1], [4, 2], [3, 3]]],
	C: [[[4, 1], [3, 0], [1, 0], [0, 1], [0, 5], [1, 6], [3, 6], [4, 5]]],
	D: [[[0, 0], [0, 6], [2, 6], [4, 4], [4, 2], [2, 0], [0, 0]]],
	E: [[[4, 0], [0, 0], [0, 6], [4, 6]], [[0, 3], [3, 3]]],
	F: [[[4, 0], [0, 0], [0, 6]], [[0, 3], [3, 3]]],
	G: [[[4, 1], [3, 0], [1, 0], [0, 1], [0, 5], [1, 6], [3, 6], [4, 5], [4, 3], [2, 3]]],
	H: [[[0, 0], [0, 6]], [[4, 0], [4, 6]], [[0, 3], [4, 3]]],
	I: [[[1, 0], [3, 0]], [[2, 0], [2, 6]], [[1, 6], [3, 6]]],
	J: [[[4, 0], [4, 5], [3, 6], [1, 6], [0, 5]]],
	K: [[[0, 0], [0, 6]], [[4, 0], [0, 4]], [[1.3, 3], [4, 6]]],
	L: [[[0, 0], [0, 6], [4, 6]]],
	M: [[[0, 6], [0, 0], [2, 3], [4, 0], [4, 6]]],
	N: [[[0, 6], [0, 0], [4, 6], [4, 0]]],
	O: [O],
	P: [P],
	Q: [O, [[2.5, 4.5], [4, 6]]],
	R: [P, [[2, 3], [4, 6]]],
	S: [[[4, 1], [3, 0], [1, 0], [0, 1], [0, 2], [1, 3], [3, 3], [4, 4], [4, 5], [3, 6], [1, 6], [0, 5]]],
	T: [[[0, 0], [4, 0]], [[2, 0], [2, 6]]],
	U: [[[0, 0], [0, 5], [1, 6], [3, 6], [4, 5], [4, 0]]],
	V: [[[0, 0], [2, 6], [4, 0]]],
	W: [[[0, 0], [1, 6], [2, 2.5], [3, 6], [4, 0]]],
	X: [[[0, 0], [4, 6]], [[4, 0], [0, 6]]],
	Y: [[[0, 0], [2, 3], [4, 0]], [[2, 3], [2, 6]]],
	Z: [[[0, 0], [4, 0], [0, 6], [4, 6]]],
	'0': [O, [[3, 1.5], [1, 4.5]]],
	'1': [[[1, 1], [2, 0], [2, 6]], [[1, 6], [3, 6]]],
	'2': [[[0, 1], [1, 0], [3, 0], [4, 1], [4, 2], [0, 6], [4, 6]]],
	'3': [[[0, 1], [1, 0], [3, 0], [4, 1], [4, 2], [3, 3], [4, 4], [4, 5], [3, 6], [1, 6], [0, 5]], [[1.5, 3], [3, 3]]],
	'4': [[[3, 6], [3, 0], [0, 4], [4, 4]]],
	'5': [[[4, 0], [0, 0], [0, 3], [3, 3], [4, 4], [4, 5], [3, 6], [0, 6]]],
	'6': [[[3, 0], [1, 0], [0, 1], [0, 5], [1, 6], [3, 6], [4, 5], [4, 4], [3, 3], [0, 3]]],
	'7': [[[0, 0], [4, 0], [1, 6]]],
	'8': [[[1, 3], [0, 2], [0, 1], [1, 0], [3, 0], [4, 1], [4, 2], [3, 3], [1, 3], [0, 4], [0, 5], [1, 6], [3, 6], [4, 5], [4, 4], [3, 3]]],
	'9': [[[4, 3], [1, 3], [0, 2], [0, 1], [1, 0], [3, 0], [4, 1], [4, 5], [3, 6], [1, 6]]]
};

/** Words that do not make initials ("The Daily" is "D", "A Way With Words" is "WW"). */
const SKIPPED = new Set(['THE', 'A', 'AN', 'OF', 'AND', 'DE', 'LA', 'LE', 'DER', 'DIE', 'DAS']);

/** Up to two initials of `title` that can be drawn: first letters of its first words, accents removed. */
export function initialsOf(title: string): string {
	const words = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toUpperCase()
		.split(/[^A-Z0-9]+/)
		.filter(Boolean);
	const kept = words.filter((w) => !SKIPPED.has(w));
	return (kept.length ? kept : words)
		.slice(0, 2)
		.map((w) => w[0]!)
		.join('');
}

/** A hue from the slug (FNV-1a), so a show keeps its colour wherever it appears. */
export function hueOf(slug: string): number {
	let hash = 0x811c9dc5;
	for (const char of slug) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
	// FNV's last step leaves neighbouring slugs ("show-1", "show-2") close: mixed once more (murmur3's finaliser).
	hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b) >>> 0;
	hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35) >>> 0;
	return (hash ^ (hash >>> 16)) % 360;
}

/** The tile as SVG in a 100 x 100 box: a dark-enough colour for white letters to pass contrast. */
export function placeholderSvg(slug: string, title: string, size: number): string {
	const hue = hueOf(slug);
	const initials = initialsOf(title);
	const unit = initials.length > 1 ? 4.2 : 5; // grid units to box units
	const glyphWidth = 4 * unit;
	const gap = 2.2 * unit;
	const width = initials.length * glyphWidth + Math.max(0, initials.length - 1) * gap;
	const left = (100 - width) / 2;
	const top = (100 - 6 * unit) / 2;
	const paths = [...initials].flatMap((char, i) =>
		GLYPHS[char]!.map(
			(stroke) =>
				`<polyline points="${stroke.map(([x, y]) => `${round(left + i * (glyphWidth + gap) + x * unit)},${round(top + y * unit)}`).join(' ')}"/>`
		)
	);
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">` +
		`<rect width="100" height="100" fill="hsl(${hue} 45% 32%)"/>` +
		`<circle cx="100" cy="100" r="62" fill="hsl(${(hue + 40) % 360} 50% 40%)" opacity="0.55"/>` +
		`<g fill="none" stroke="#fff" stroke-width="${round(unit * 0.85)}" stroke-linecap="round" stroke-linejoin="round">${paths.join('')}</g>` +
		`</svg>`
	);
}

function round(n: number): number {
	return Math.round(n * 100) / 100;
}

/** The version of the drawing: bump it when the tile changes, so ETags change with it. */
const PLACEHOLDER_VERSION = 1;
const cache = new Map<string, { bytes: Buffer; etag: string }>();
const CACHE_ENTRIES = 600;

/** The placeholder tile as WebP at `size`, with its ETag; kept in memory (a few kilobytes each). */
export async function placeholderArtwork(slug: string, title: string, size: ArtworkSize): Promise<{ bytes: Buffer; etag: string }> {
	const key = `${size}\u0000${slug}\u0000${title}`;
	const kept = cache.get(key);
	if (kept) return kept;
	const svg = placeholderSvg(slug, title, size);
	const bytes = await sharp(Buffer.from(svg)).webp({ quality: 85 }).toBuffer();
	const made = { bytes, etag: `"p${PLACEHOLDER_VERSION}-${hashOf(svg)}-${size}"` };
	if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
	cache.set(key, made);
	return made;
}
