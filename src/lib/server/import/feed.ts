/**
 * Reads a podcast feed into plain values: the show, its items, and what was skipped or tolerated on the way.
 * podcast-partytime does the podcast parsing; fast-xml-parser's tree of the same XML supplies what partytime leaves
 * out (Podlove simple chapters, the raw duration and date strings, and the items it drops silently, so they can be
 * named in a warning).
 */
import { XMLParser } from 'fast-xml-parser';
import { MAX_CHAPTERS_PER_EPISODE, parseChaptersFromPodlove } from './chapters';
import { isPlausiblePublicationDate, parseFeedDate, parseFeedDuration } from './dates';
import { FeedImportError } from './errors';
import { LineCounter, prepareFeedXml, XmlProblem } from './feed-xml';
import { parseWithPartytime, type PartytimeItem } from './partytime';
import { personFromPartytime } from './persons';
import type { Chapter, FileReference, PersonDraft, Tolerance } from './types';

export interface ParsedPodcast {
	title: string;
	author: string | null;
	/** Plain text or HTML, as the feed has it. */
	description: string | null;
	link: string | null;
	imageUrl: string | null;
	language: string | null;
	people: PersonDraft[];
}

export interface ParsedItem {
	/** 1-based position among the feed's items, for messages. */
	index: number;
	line: number | null;
	/** The item's guid, or its enclosure URL when it has none. */
	guid: string;
	title: string;
	link: string | null;
	publishedAt: Date | null;
	durationSeconds: number | null;
	season: number | null;
	episodeNumber: number | null;
	audioUrl: string;
	audioMimeType: string | null;
	imageUrl: string | null;
	/** Show notes as the feed has them (HTML or text), not yet sanitized. */
	notes: string | null;
	/** podcast:person at item level; null when the item names nobody (the channel's people then apply). */
	people: PersonDraft[] | null;
	chapters: FileReference | null;
	podloveChapters: Chapter[];
	transcripts: FileReference[];
	/** Values of the item that were dropped as unusable (a year 0000 date, a duration of 1e308), for the report. */
	problems: string[];
}

export interface SkippedItem {
	index: number;
	line: number | null;
	label: string;
	reason: string;
}

export interface ParsedFeed {
	podcast: ParsedPodcast;
	items: ParsedItem[];
	skipped: SkippedItem[];
	tolerated: Tolerance[];
}

type RawNode = Record<string, unknown>;

const rawParser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	textNodeName: '#text',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	processEntities: true,
	htmlEntities: true,
	// Show notes can be long HTML; their inside is not needed from this tree.
	stopNodes: ['*.description', '*.content:encoded', '*.itunes:summary'],
	isArray: (_name, jpath) => jpath === 'rss.channel.item' || jpath === 'rss.channel.item.psc:chapters.psc:chapter'
});

/** Parses feed text; throws FeedImportError naming `feedLabel` (and the line) when it is not a podcast feed. */
export function parsePodcastFeed(text: string, feedLabel: string): ParsedFeed {
	let prepared: { xml: string; tolerated: Tolerance[] };
	try {
		prepared = prepareFeedXml(text);
	} catch (error) {
		if (error instanceof XmlProblem) throw new FeedImportError(feedLabel, error.reason, error.line);
		throw error;
	}
	const { xml, tolerated } = prepared;
	const tree = rawParser.parse(xml) as RawNode;
	const channel = rssChannel(tree, feedLabel);
	const feed = parseWithPartytime(xml);
	if (!feed) throw new FeedImportError(feedLabel, 'not a podcast feed: the RSS has no <channel> partytime can read');

	const rawItems = asArray(channel.item) as RawNode[];
	const itemLines = itemStartLines(xml);
	const items: ParsedItem[] = [];
	const skipped: SkippedItem[] = [];
	const language = feed.language ?? null;
	let next = 0; // partytime keeps the items it accepts, in feed order
	const seenGuids = new Map<string, number>();
	rawItems.forEach((raw, i) => {
		const index = i + 1;
		const line = itemLines[i] ?? null;
		const label = rawLabel(raw, index);
		const reason = whyPartytimeSkips(raw);
		if (reason) {
			skipped.push({ index, line, label, reason });
			return;
		}
		const parsed = feed.items[next++];
		// Only web audio: a javascript:, data: or vbscript: enclosure would be re-published in pages and feed.xml.
		const refused = whyEnclosureRefused(rawEnclosureUrl(raw));
		if (refused) {
			skipped.push({ index, line, label, reason: refused });
			return;
		}
		// partytime keeps no reference to its source node: check that the pairing by order holds.
		if (!parsed || !sameUrl(parsed.enclosure.url, rawEnclosureUrl(raw))) {
			throw new FeedImportError(feedLabel, `item ${index} could not be read (the parsers disagree about its enclosure)`, line);
		}
		const item = toParsedItem(parsed, raw, index, line, language);
		const first = seenGuids.get(item.guid);
		if (first !== undefined) {
			skipped.push({ index, line, label, reason: `same guid as item ${first} ("${item.guid}")` });
			return;
		}
		seenGuids.set(item.guid, index);
		items.push(item);
	});

	const podcast: ParsedPodcast = {
		title: clean(feed.title) || feedLabel,
		author: clean(feed.author) || clean(feed.owner?.name) || null,
		description: clean(feed.description) || clean(feed.summary) || null,
		link: normalizeLink(feed.link),
		imageUrl: imageLink(feed.itunesImage) ?? imageLink(feed.image?.url),
		language: clean(language) || null,
		people: (feed.podcastPeople ?? []).map(personFromPartytime).filter((p): p is PersonDraft => p !== null)
	};
	return { podcast, items, skipped, tolerated };
}

function rssChannel(tree: RawNode, feedLabel: string): RawNode {
	const rss = tree.rss as RawNode | undefined;
	if (!rss || typeof rss !== 'object') {
		const root = Object.keys(tree).find((k) => !k.startsWith('?') && !k.startsWith('#'));
		const what =
			root === 'feed' ? 'an Atom feed; podcasts are published as RSS 2.0 with <enclosure>s'
			: root?.toLowerCase() === 'html' ? 'a web page, not a feed'
			: root ? `the root element is <${root}>, not <rss>`
			: 'no root element';
		throw new FeedImportError(feedLabel, `not a podcast feed: ${what}`);
	}
	const channel = asArray(rss.channel)[0];
	if (!channel || typeof channel !== 'object') throw new FeedImportError(feedLabel, 'not a podcast feed: <rss> has no <channel>');
	return channel as RawNode;
}

function rawEnclosureUrl(raw: RawNode): string {
	const enclosure = asArray(raw.enclosure).find((e) => typeof e === 'object' && e !== null && textOf((e as RawNode)['@_url']));
	return textOf((enclosure as RawNode | undefined)?.['@_url']);
}

/** partytime decodes entities in URLs once more than XML does; compare with that undone. */
function sameUrl(a: string, b: string): boolean {
	const plain = (url: string) => url.trim().replace(/&amp;/g, '&');
	return plain(a) === plain(b);
}

/** Mirrors partytime's own filter (it drops these items without saying which), so they can be named. */
function whyPartytimeSkips(raw: RawNode): string | null {
	const hasEnclosure = asArray(raw.enclosure).some((e) => typeof e === 'object' && e !== null && textOf((e as RawNode)['@_url']));
	if (!hasEnclosure) return 'no <enclosure> with a url (no audio to play)';
	const hasText = ['title', 'itunes:title', 'description', 'content:encoded', 'itunes:summary'].some((k) => textOf(raw[k]));
	if (!hasText) return 'no title and no description';
	return null;
}

/** Why an enclosure address is not kept: anything but http(s) (relative addresses are web addresses too). */
function whyEnclosureRefused(url: string): string | null {
	let protocol: string;
	try {
		protocol = new URL(url.replace(/&amp;/g, '&'), 'https://feed.invalid/').protocol;
	} catch {
		return `the enclosure url "${url.slice(0, 80)}" is not a valid address`;
	}
	return protocol === 'http:' || protocol === 'https:' ? null : `the enclosure url is a "${protocol}" address, not http(s) audio`;
}

/** The publication date, when it is one to keep; a problem for the report when the feed's is not. */
function publicationDate(rawText: string, fallback: unknown, problems: string[]): Date | null {
	const date = parseFeedDate(rawText) ?? (isValidDate(fallback) ? fallback : null);
	if (date === null || isPlausiblePublicationDate(date)) return date;
	problems.push(`publication date "${rawText.slice(0, 60)}" is outside the years 1900 to 2199 and was dropped`);
	return null;
}

/** The length in seconds, when it is one to keep (up to 100 hours); a problem for the report when given but not kept. */
function itemDuration(rawText: string, fallback: number | string | undefined, problems: string[]): number | null {
	// partytime's own reading only when the feed's text is missing: for text it cannot read it makes up 1800 s.
	if (!rawText) return parseFeedDuration(fallback);
	const seconds = parseFeedDuration(rawText);
	if (seconds === null && !/^0+(?:[:.]0+)*$/.test(rawText)) {
		problems.push(`duration "${rawText.slice(0, 40)}" is not a length up to 100 hours and was dropped`);
	}
	return seconds;
}

function toParsedItem(item: PartytimeItem, raw: RawNode, index: number, line: number | null, language: string | null): ParsedItem {
	const audioUrl = item.enclosure.url.trim();
	const problems: string[] = [];
	const podloveChapters = parseChaptersFromPodlove(asArray((raw['psc:chapters'] as RawNode | undefined)?.['psc:chapter']));
	if (podloveChapters.length > MAX_CHAPTERS_PER_EPISODE) {
		problems.push(`${podloveChapters.length - MAX_CHAPTERS_PER_EPISODE} Podlove chapter(s) past the first ${MAX_CHAPTERS_PER_EPISODE} not kept`);
		podloveChapters.length = MAX_CHAPTERS_PER_EPISODE;
	}
	const title = clean(item.title) || clean(item.subtitle) || `Episode ${index}`;
	const season = item.podcastSeason?.number ?? item.itunesSeason ?? null;
	const episodeNumber = item.podcastEpisode?.number ?? item.itunesEpisode ?? null;
	const people = (item.podcastPeople ?? []).map(personFromPartytime).filter((p): p is PersonDraft => p !== null);
	return {
		index,
		line,
		guid: clean(item.guid) || audioUrl,
		title,
		link: normalizeLink(item.link),
		publishedAt: publicationDate(textOf(raw.pubDate), item.pubDate, problems),
		durationSeconds: itemDuration(textOf(raw['itunes:duration']), item.duration, problems),
		season: wholeNumber(season),
		episodeNumber: wholeNumber(episodeNumber),
		audioUrl,
		audioMimeType: clean(item.enclosure.type) || null,
		imageUrl: imageLink(item.image) ?? imageLink(item.itunesImage),
		notes: showNotesOf(raw) || clean(item.content) || clean(item.description) || null,
		people: people.length ? people : null,
		chapters: item.podcastChapters?.url
			? { kind: 'chapters', url: item.podcastChapters.url.trim(), type: (item.podcastChapters.type ?? '').toLowerCase(), language: null }
			: null,
		podloveChapters,
		transcripts: (item.podcastTranscripts ?? [])
			.filter((t) => t.url)
			.map((t) => ({ kind: 'transcript', url: t.url.trim(), type: String(t.type).toLowerCase(), language: t.language ?? language })),
		problems
	};
}

/**
 * The fuller of content:encoded and description (by convention content:encoded holds the full notes and description
 * a summary, but feeds also do it the other way round), else itunes:summary. Read from the raw tree: partytime
 * decodes entities twice and folds the line breaks that plain-text notes rely on.
 */
function showNotesOf(raw: RawNode): string {
	const content = elementText(raw['content:encoded']);
	const description = elementText(raw.description);
	return (content.length >= description.length ? content : description) || elementText(raw['itunes:summary']);
}

/** Where each `<item>` starts, skipping CDATA and comments (show notes may quote XML). */
function itemStartLines(xml: string): number[] {
	const lines = new LineCounter(xml);
	const starts: number[] = [];
	const pattern = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<item[\s>/]/g;
	for (let m = pattern.exec(xml); m; m = pattern.exec(xml)) {
		if (m[0].startsWith('<item')) starts.push(lines.lineOf(m.index));
	}
	return starts;
}

function rawLabel(raw: RawNode, index: number): string {
	const title = textOf(raw.title) || textOf(raw['itunes:title']);
	return title ? `item ${index} "${title}"` : `item ${index}`;
}

/**
 * The content of an element kept unparsed (show notes): CDATA sections as they are, the rest with its XML entities
 * decoded once, so entity-escaped HTML (`&lt;p&gt;`) and CDATA HTML both come out as HTML.
 */
export function elementText(node: unknown): string {
	const raw = typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as RawNode)['#text'] : Array.isArray(node) ? node[0] : node;
	if (typeof raw !== 'string') return textOf(raw);
	let out = '';
	let last = 0;
	for (const m of raw.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) {
		out += decodeXmlEntities(raw.slice(last, m.index)) + m[1];
		last = m.index + m[0].length;
	}
	return (out + decodeXmlEntities(raw.slice(last))).trim();
}

const XML_ENTITY_VALUES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXmlEntities(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g, (whole, dec, hex, name) => {
		if (name) return XML_ENTITY_VALUES[name]!;
		const code = dec ? Number(dec) : parseInt(hex, 16);
		return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
	});
}

/** Text of a raw node: a string, a number, or an element's #text. */
export function textOf(node: unknown): string {
	if (node === null || node === undefined) return '';
	if (typeof node === 'string') return node.trim();
	if (typeof node === 'number' || typeof node === 'boolean') return String(node);
	if (Array.isArray(node)) return textOf(node[0]);
	if (typeof node === 'object') return textOf((node as RawNode)['#text']);
	return '';
}

export function asArray(value: unknown): unknown[] {
	if (value === undefined || value === null) return [];
	return Array.isArray(value) ? value : [value];
}

function clean(value: string | null | undefined): string {
	return typeof value === 'string' ? value.trim() : '';
}

function wholeNumber(value: number | null | undefined): number | null {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 2 ** 31 ? value : null;
}

function isValidDate(value: unknown): value is Date {
	return value instanceof Date && !Number.isNaN(value.getTime()) && value.getTime() > 0;
}

/** An item or channel link as an absolute URL; "www.example.com/ep8" (no scheme, as some feeds write it) gets https. */
export function normalizeLink(link: string | null | undefined): string | null {
	const value = clean(link);
	if (!value) return null;
	if (/^https?:\/\//i.test(value)) return safeUrl(value);
	if (/^[\w-]+(\.[\w-]+)+(\/|$)/.test(value)) return safeUrl(`https://${value}`);
	return null;
}

/** An image address kept only when it is http(s): pages and feeds out show it, so javascript: or data: must not get in. */
function imageLink(value: string | null | undefined): string | null {
	const url = clean(value) ? safeUrl(clean(value)) : null;
	return url && /^https?:/i.test(url) ? url : null;
}

function safeUrl(value: string): string | null {
	try {
		return new URL(value).toString();
	} catch {
		return null;
	}
}
