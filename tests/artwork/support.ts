/**
 * What the artwork suites share: real images made with sharp (a PNG and a JPEG of known colours), a PNG whose header
 * claims more pixels than the site decodes, feeds naming them, and running the queued 'artwork' jobs as a worker would.
 */
import { crc32 } from 'node:zlib';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { artworkJob } from '../../src/lib/server/artwork';
import type { Db } from '../../src/lib/server/db/client';
import { jobs } from '../../src/lib/server/db/schema';

/** A solid image of one colour, `width` x `height`, in a real encoded format. */
export function solidImage(format: 'png' | 'jpeg', width: number, height: number, colour: string): Promise<Buffer> {
	const image = sharp({ create: { width, height, channels: 3, background: colour } });
	return (format === 'png' ? image.png() : image.jpeg()).toBuffer();
}

/** A valid little PNG whose header says it is `width` x `height`: a decompression bomb as the decoder first sees it. */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
	const png = Buffer.from(await solidImage('png', 1, 1, '#000'));
	// IHDR: length (4) and type (4) at 8, then width and height (4 bytes each) at 16, its CRC over type+data at 29.
	png.writeUInt32BE(width, 16);
	png.writeUInt32BE(height, 20);
	png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
	return png;
}

/** The red, green and blue of an image's centre pixel. */
export async function centreColour(bytes: Uint8Array): Promise<[number, number, number]> {
	const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
	const at = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
	return [data[at]!, data[at + 1]!, data[at + 2]!];
}

export interface FeedItem {
	guid: string;
	title: string;
	image?: string;
}

/** A small RSS feed with a channel image (when given) and items, each with its own image when given. */
export function artworkFeed(title: string, channelImage: string | null, items: FeedItem[]): string {
	const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel>
	<title>${esc(title)}</title>
	<link>https://example.org/</link>
	<description>A show for the artwork tests.</description>
	${channelImage ? `<itunes:image href="${esc(channelImage)}"/>` : ''}
	${items
		.map(
			(item, i) => `<item>
		<title>${esc(item.title)}</title>
		<guid>${esc(item.guid)}</guid>
		<pubDate>Mon, 0${i + 1} Jun 2026 10:00:00 GMT</pubDate>
		<enclosure url="https://example.org/${esc(item.guid)}.mp3" type="audio/mpeg" length="1000"/>
		<itunes:duration>600</itunes:duration>
		${item.image ? `<itunes:image href="${esc(item.image)}"/>` : ''}
	</item>`
		)
		.join('\n')}
</channel>
</rss>`;
}

/** Runs every queued 'artwork' job once, as a worker would; returns the errors of those that failed, by episode id. */
export async function runArtworkJobs(db: Db): Promise<Map<number, string>> {
	const queued = await db.select({ episodeId: jobs.episodeId }).from(jobs).where(eq(jobs.kind, 'artwork'));
	const failures = new Map<number, string>();
	for (const { episodeId } of queued) {
		try {
			await artworkJob.run({ db, episodeId: episodeId!, progress: async () => {}, signal: new AbortController().signal, log: () => {} });
		} catch (error) {
			failures.set(episodeId!, (error as Error).message);
		}
	}
	await db.update(jobs).set({ status: 'done' }).where(eq(jobs.kind, 'artwork'));
	return failures;
}
