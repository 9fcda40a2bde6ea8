/**
 * Known cross-site scripting payloads, and hostile content carrying them: a feed of our own (imported through the
 * real importer, with its chapters and transcript files) and rows the importer does not write (a question, a bio).
 * Each payload calls alert() with its own number, so a failure says which one got through. Not a test file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq, like } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import { episodes, people, questions, questionSegments, segments } from '../../src/lib/server/db/schema';

export const XSS_PAYLOADS = [
	'<script>alert(1)</script>',
	'</script><script>alert(2)</script>',
	'"><img src=x onerror=alert(3)>',
	"'><svg onload=alert(4)>",
	'javascript:alert(5)',
	'<iframe srcdoc="<script>alert(6)</script>"></iframe>',
	'&lt;script&gt;alert(7)&lt;/script&gt;',
	'<ScRiPt>alert(8)</sCrIpT>',
	"{@html '<b onmouseover=alert(9)>x</b>'}",
	'\u2028\u2029</script><script>alert(10)</script>',
	'<div style="background:url(javascript:alert(11));width:expression(alert(11))">x</div>',
	'data:text/html;base64,PHNjcmlwdD5hbGVydCgxMik8L3NjcmlwdD4=',
	'<a href="jav&#x09;ascript:alert(13)">x</a>',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(14)>',
	'<object data="javascript:alert(15)"></object>',
	'<base href="javascript:alert(16)//">',
	'<meta http-equiv="refresh" content="0;url=javascript:alert(17)">',
	"{{constructor.constructor('alert(18)')()}} ${alert(18)}",
	'<img src="x" onerror="&#97;lert(19)">',
	'<details open ontoggle=alert(20)>',
	'--><script>alert(21)</script><!--',
	']]><script>alert(22)</script><![CDATA['
] as const;

/** All of them in one string, for fields that hold one value. */
export const ALL_PAYLOADS = XSS_PAYLOADS.join(' ');

/** URLs a hostile feed may give for links and images. */
const HOSTILE_URLS = ['javascript:alert(31)', ' JaVaScRiPt:alert(32)', 'data:text/html,<script>alert(33)</script>', 'vbscript:msgbox(34)'];

export const HOSTILE_SHOW = {
	title: `Hostile Show ${XSS_PAYLOADS[0]} ${XSS_PAYLOADS[2]}`,
	/** The importer derives slugs from titles; these are what it makes of the ones above. */
	episodeTitle: `Hostile Episode ${XSS_PAYLOADS[1]} ${XSS_PAYLOADS[3]}`,
	guestName: `Guest ${XSS_PAYLOADS[2]}`,
	question: 'hostile-question',
	duration: 1800
};

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Writes hostile-feed.xml, with its chapters and transcripts beside it, into `dir`; returns the feed's path. */
export async function writeHostileFeed(dir: string): Promise<string> {
	await mkdir(dir, { recursive: true });
	const chapters = {
		version: '1.2.0',
		chapters: XSS_PAYLOADS.map((p, i) => ({
			startTime: i * 60,
			title: `Chapter ${p}`,
			url: HOSTILE_URLS[i % HOSTILE_URLS.length],
			img: HOSTILE_URLS[(i + 1) % HOSTILE_URLS.length]
		}))
	};
	await writeFile(path.join(dir, 'hostile-chapters.json'), JSON.stringify(chapters));
	const time = (s: number) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
	// A cue's text cannot hold "-->" in WebVTT (the reader takes it for a timing line); tests/share plants that directly.
	const vtt = ['WEBVTT', '', ...XSS_PAYLOADS.flatMap((p, i) => [`${i + 1}`, `${time(i * 60)} --> ${time(i * 60 + 30)}`, `<v Speaker ${i} ${p.replace(/-->/g, '')}>Said ${p.replace(/-->/g, '')}`, ''])];
	await writeFile(path.join(dir, 'hostile.vtt'), vtt.join('\n'));
	const notes = `<p>Notes ${ALL_PAYLOADS}</p><ul>${XSS_PAYLOADS.map((p, i) => `<li>(${i}:00) Note ${p}</li>`).join('')}</ul>${HOSTILE_URLS.map((u) => `<a href="${xml(u)}">link</a><img src="${xml(u)}">`).join('')}`;
	const feed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>${xml(HOSTILE_SHOW.title)}</title>
    <link>${xml(HOSTILE_URLS[0]!)}</link>
    <description>${xml(`About ${ALL_PAYLOADS}`)}</description>
    <language>en</language>
    <itunes:author>${xml(`Author ${XSS_PAYLOADS[3]}`)}</itunes:author>
    <itunes:image href="${xml(HOSTILE_URLS[1]!)}"/>
    <podcast:person role="host" href="${xml(HOSTILE_URLS[0]!)}" img="${xml(HOSTILE_URLS[2]!)}">${xml(`Host ${XSS_PAYLOADS[5]}`)}</podcast:person>
    <item>
      <title>${xml(HOSTILE_SHOW.episodeTitle)}</title>
      <guid isPermaLink="false">${xml(`guid ${XSS_PAYLOADS[2]}`)}</guid>
      <link>${xml(HOSTILE_URLS[3]!)}</link>
      <pubDate>Mon, 06 Jan 2025 10:00:00 GMT</pubDate>
      <itunes:duration>${HOSTILE_SHOW.duration}</itunes:duration>
      <itunes:image href="${xml(HOSTILE_URLS[2]!)}"/>
      <enclosure url="https://audio.example/hostile.mp3" length="1000" type="audio/mpeg"/>
      <description>${xml(notes)}</description>
      <podcast:chapters url="hostile-chapters.json" type="application/json+chapters"/>
      <podcast:transcript url="hostile.vtt" type="text/vtt"/>
      <podcast:person role="guest" href="${xml(HOSTILE_URLS[1]!)}">${xml(HOSTILE_SHOW.guestName)}</podcast:person>
    </item>
    <item>
      <title>${xml(`Second ${XSS_PAYLOADS[4]}`)}</title>
      <guid>hostile-second</guid>
      <pubDate>Sun, 05 Jan 2025 10:00:00 GMT</pubDate>
      <itunes:duration>600</itunes:duration>
      <enclosure url="${xml(HOSTILE_URLS[0]!)}" length="1000" type="audio/mpeg"/>
      <description>${xml(XSS_PAYLOADS[0])}</description>
    </item>
  </channel>
</rss>`;
	const file = path.join(dir, 'hostile-feed.xml');
	await writeFile(file, feed);
	return file;
}

/** What the importer does not write: a question citing the hostile episode's first segment, and the hostile people's bios. */
export async function insertHostileRows(db: Db, episodeSlug: string): Promise<void> {
	const [episode] = await db.select({ id: episodes.id }).from(episodes).where(eq(episodes.slug, episodeSlug));
	if (!episode) throw new Error(`tests: the hostile feed's episode "${episodeSlug}" was not imported`);
	const [segment] = await db.select({ id: segments.id }).from(segments).where(eq(segments.episodeId, episode.id)).orderBy(segments.position).limit(1);
	const [question] = await db
		.insert(questions)
		.values({ slug: HOSTILE_SHOW.question, text: `Question ${ALL_PAYLOADS}?`, answer: `Answer ${ALL_PAYLOADS}`, featured: true })
		.returning();
	await db.insert(questionSegments).values({ questionId: question!.id, segmentId: segment!.id, rank: 1, origin: 'editorial', excerpt: `Excerpt ${ALL_PAYLOADS}` });
	await db.update(people).set({ bio: `Bio ${ALL_PAYLOADS}`, credentials: `PhD ${XSS_PAYLOADS[3]}` }).where(like(people.name, '%alert(%'));
}
