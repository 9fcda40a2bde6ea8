/**
 * A deterministic synthetic podcast feed for the import benchmark: N items, each with a podcast:chapters file and a
 * transcript (WebVTT, SRT and PC2.0 JSON in turn), show notes with links, and people, written to a folder as
 * feed.xml plus chapters/ and transcripts/. The same seed writes byte-identical files on every machine.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildVocabulary, createRandom, createZipfSampler } from './synthetic';

export interface SyntheticFeedOptions {
	items: number;
	/** Transcript cues per episode. */
	cuesPerEpisode: number;
	seed?: number;
}

export interface SyntheticFeed {
	dir: string;
	feedFile: string;
	/** Totals the import should report. */
	expected: { episodes: number; cues: number; files: number };
}

const GUESTS = ['Ada Lindqvist', 'Bram Okafor', 'Cora Vance', 'Dev Malhotra', 'Elin Sato', 'Femi Adeyemi', 'Greta Holm', 'Hugo Marin'];

/** Writes the feed and its files under `dir` (emptied first). */
export async function writeSyntheticFeed(dir: string, { items, cuesPerEpisode, seed = 42 }: SyntheticFeedOptions): Promise<SyntheticFeed> {
	await rm(dir, { recursive: true, force: true });
	await mkdir(path.join(dir, 'chapters'), { recursive: true });
	await mkdir(path.join(dir, 'transcripts'), { recursive: true });
	const random = createRandom(seed);
	const vocabulary = buildVocabulary(3000, random);
	const zipf = createZipfSampler(vocabulary.length, 1.07, random);
	const words = (n: number) => Array.from({ length: n }, () => vocabulary[zipf()]!).join(' ');
	const title = (n: number) => {
		const text = words(n);
		return text[0]!.toUpperCase() + text.slice(1);
	};

	const xmlItems: string[] = [];
	let cueTotal = 0;
	const started = Date.UTC(2026, 0, 5);
	for (let i = items; i >= 1; i--) {
		const id = `ep-${String(i).padStart(5, '0')}`;
		const cueSeconds = 12;
		const duration = cuesPerEpisode * cueSeconds + 30;
		const chapterCount = 5 + Math.floor(random() * 6);
		const chapters = Array.from({ length: chapterCount }, (_, k) => ({
			startTime: k === 0 ? 0 : Math.round((duration / chapterCount) * k * 10) / 10,
			title: title(3 + Math.floor(random() * 3)),
			...(k === 2 && i % 10 === 0 ? { toc: false } : {})
		}));
		if (i % 7 === 0) chapters.reverse(); // some files list chapters out of order
		await writeFile(path.join(dir, 'chapters', `${id}.json`), JSON.stringify({ version: '1.2.0', chapters }));

		const speakers = ['Host', GUESTS[i % GUESTS.length]!];
		const cues = Array.from({ length: cuesPerEpisode }, (_, k) => ({
			start: k * cueSeconds + 1,
			end: k * cueSeconds + cueSeconds - 0.5,
			speaker: speakers[Math.floor(k / 4) % 2]!,
			text: `${title(8 + Math.floor(random() * 10))}.`
		}));
		cueTotal += cues.length;
		const format = (['vtt', 'srt', 'json'] as const)[i % 3]!;
		await writeFile(path.join(dir, 'transcripts', `${id}.${format}`), transcriptText(format, cues));

		xmlItems.push(`
    <item>
      <title>Episode ${i}: ${escapeXml(title(4))}</title>
      <guid isPermaLink="false">${id}</guid>
      <pubDate>${new Date(started - (items - i) * 86_400_000).toUTCString()}</pubDate>
      <itunes:duration>${duration}</itunes:duration>
      <itunes:episode>${i}</itunes:episode>
      <enclosure url="https://audio.example/${id}.mp3" length="${duration * 16000}" type="audio/mpeg"/>
      <description><![CDATA[<p>${words(40)}</p><ul><li><a href="/links/${id}">${words(3)}</a></li><li>${words(6)}</li></ul>]]></description>
      <podcast:chapters url="chapters/${id}.json" type="application/json+chapters"/>
      <podcast:transcript url="transcripts/${id}.${format}" type="${{ vtt: 'text/vtt', srt: 'application/srt', json: 'application/json' }[format]}"/>
      <podcast:person role="guest">${GUESTS[i % GUESTS.length]}</podcast:person>
      <podcast:person role="host">Sam Host</podcast:person>
    </item>`);
	}
	const feed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>Synthetic Bench Show</title>
    <link>https://bench.example/</link>
    <description>Generated for the import benchmark.</description>
    <language>en</language>
    <podcast:person role="host">Sam Host</podcast:person>${xmlItems.join('')}
  </channel>
</rss>
`;
	const feedFile = path.join(dir, 'feed.xml');
	await writeFile(feedFile, feed);
	return { dir, feedFile, expected: { episodes: items, cues: cueTotal, files: items * 2 } };
}

interface SyntheticCue {
	start: number;
	end: number;
	speaker: string;
	text: string;
}

function transcriptText(format: 'vtt' | 'srt' | 'json', cues: SyntheticCue[]): string {
	if (format === 'json') {
		return JSON.stringify({ version: '1.0.0', segments: cues.map((c) => ({ speaker: c.speaker, startTime: c.start, endTime: c.end, body: c.text })) });
	}
	if (format === 'vtt') return `WEBVTT\n\n${cues.map((c) => `${clock(c.start, '.')} --> ${clock(c.end, '.')}\n<v ${c.speaker}>${c.text}\n`).join('\n')}`;
	let speaker = '';
	return cues
		.map((c, k) => {
			const prefix = c.speaker !== speaker ? `${c.speaker}: ` : '';
			speaker = c.speaker;
			return `${k + 1}\n${clock(c.start, ',')} --> ${clock(c.end, ',')}\n${prefix}${c.text}\n`;
		})
		.join('\n');
}

function clock(seconds: number, decimal: '.' | ','): string {
	const ms = Math.round(seconds * 1000);
	const pad = (n: number, w = 2) => String(n).padStart(w, '0');
	return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${decimal}${pad(ms % 1000, 3)}`;
}

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
