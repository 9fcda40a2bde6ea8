/**
 * The real chapter files, transcripts and show notes in ../shared/realdata are not feeds themselves. This builds a
 * feed of our own around them: one item per file, pointing at it through the test server (chapters, transcripts)
 * or carrying it as its description (show notes), so each goes through the importer exactly as in a real feed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface WrappedFile {
	/** Path under the realdata folder. */
	file: string;
	guid: string;
	title: string;
	durationSeconds: number | null;
	kind: 'chapters' | 'transcript' | 'shownotes';
	/** The MIME type the item declares for the file. */
	type?: string;
}

/** One item per chapters file, transcript and show-notes file, each in its own episode. */
export const wrappedFiles: WrappedFile[] = [
	{ file: 'chapters/podcastindex-example.json', guid: 'ch-example', title: 'Chapters: spec example', durationSeconds: 6500, kind: 'chapters' },
	{ file: 'chapters/podcastindex-exampleComplex-location-untitled.json', guid: 'ch-complex', title: 'Chapters: complex example', durationSeconds: 6500, kind: 'chapters' },
	{ file: 'chapters/jb-twib-0079-unsorted-endtime-nulls.json', guid: 'ch-twib', title: 'Chapters: unsorted with nulls', durationSeconds: 5400, kind: 'chapters' },
	// No duration: the last of 106 chapters has nothing to end at but an estimate.
	{ file: 'chapters/cdspill-1995-106-chapters.json', guid: 'ch-cdspill', title: 'Chapters: 106 in Norwegian', durationSeconds: null, kind: 'chapters' },
	{ file: 'transcripts/podcastindex-buzzsprout-example-voice-tags.vtt', guid: 'tr-vtt', title: 'Transcript: voice tags', durationSeconds: 30, kind: 'transcript', type: 'text/vtt' },
	{ file: 'transcripts/podnews-daily-2024-01-25-short-timestamps.vtt', guid: 'tr-short', title: 'Transcript: short times', durationSeconds: 230, kind: 'transcript', type: 'text/vtt' },
	{ file: 'transcripts/podcastindex-buzzsprout-example.srt', guid: 'tr-srt', title: 'Transcript: SRT', durationSeconds: 760, kind: 'transcript', type: 'application/srt' },
	{ file: 'transcripts/buzzcast-pc20.json', guid: 'tr-json', title: 'Transcript: PC2.0 JSON', durationSeconds: 1700, kind: 'transcript', type: 'application/json' },
	{ file: 'transcripts/podnews-weekly-2023-03-17-fragment.html', guid: 'tr-html', title: 'Transcript: HTML', durationSeconds: 1260, kind: 'transcript', type: 'text/html' },
	{ file: 'shownotes/syntax-150-dash-separated.md', guid: 'sn-syntax', title: 'Notes: dash separated', durationSeconds: 3600, kind: 'shownotes' },
	{ file: 'shownotes/dasding-endorphine-fuer-delfine-runon-parenthesized.txt', guid: 'sn-dasding', title: 'Notes: run together', durationSeconds: 2880, kind: 'shownotes' },
	{ file: 'shownotes/changelog-143-inline-quote-timestamps-false-positive.md', guid: 'sn-changelog', title: 'Notes: quoted times', durationSeconds: 3600, kind: 'shownotes' }
];

/** The feed's XML; `fileUrl` turns a realdata path into the address the test server serves it at. */
export function realdataWrapperFeed(realdataDir: string, fileUrl: (file: string) => string): string {
	const items = wrappedFiles.map((w) => {
		const reference =
			w.kind === 'chapters' ? `<podcast:chapters url="${escapeXml(fileUrl(w.file))}" type="application/json+chapters"/>`
			: w.kind === 'transcript' ? `<podcast:transcript url="${escapeXml(fileUrl(w.file))}" type="${w.type}"/>`
			: '';
		const description = w.kind === 'shownotes' ? escapeXml(readFileSync(path.join(realdataDir, w.file), 'utf8')) : `Wraps ${w.file}.`;
		return `
    <item>
      <title>${escapeXml(w.title)}</title>
      <guid isPermaLink="false">${w.guid}</guid>
      <pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>
      ${w.durationSeconds !== null ? `<itunes:duration>${w.durationSeconds}</itunes:duration>` : ''}
      <enclosure url="https://audio.example/${w.guid}.mp3" length="1" type="audio/mpeg"/>
      <description>${description}</description>
      ${reference}
    </item>`;
	});
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>Real files, wrapped</title>
    <link>https://wrapped.example/</link>
    <description>A test feed around the shared real-world chapter, transcript and show-note files.</description>
    <language>en</language>${items.join('')}
  </channel>
</rss>
`;
}

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
