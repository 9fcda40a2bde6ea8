/**
 * Where a feed and its files come from. A feed is an http(s) URL or a local file; the chapters and transcripts it
 * references are fetched over http(s), or read from disk when the feed itself is a local file (relative references
 * resolve against its folder). A remote feed can never make the importer read a local file.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FeedImportError, messageOf } from './errors';
import { fetchWithLimits, formatBytes, type FetchLike, type FetchLimits } from './fetch-file';

export interface FeedSource {
	/** What the user gave, for messages. */
	label: string;
	/** The feed's identity in the database (podcasts.feed_url): the URL as given, or the file's file:// URL. */
	feedUrl: string;
	local: boolean;
}

export interface LoadedFeed {
	source: FeedSource;
	bytes: Uint8Array;
	/** Relative references in the feed resolve against this (the address after redirects, or the file's URL). */
	baseUrl: string;
}

export interface SourceLimits {
	feed: FetchLimits;
	file: FetchLimits;
	fetch?: FetchLike;
}

/** Reads what the user named: `https://...` is fetched, anything else is a path on this machine. */
export function feedSourceOf(input: string): FeedSource {
	const value = input.trim();
	if (/^https?:\/\//i.test(value)) {
		let url: URL;
		try {
			url = new URL(value);
		} catch {
			throw new FeedImportError(value, 'not a valid URL');
		}
		return { label: value, feedUrl: url.toString(), local: false };
	}
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/^file:\/\//i.test(value)) {
		throw new FeedImportError(value, 'only http(s) URLs and local files can be imported');
	}
	const file = /^file:\/\//i.test(value) ? fileURLToPath(value) : path.resolve(value);
	return { label: value, feedUrl: pathToFileURL(file).toString(), local: true };
}

/** Gets a feed's bytes; throws FeedImportError saying why it could not. */
export async function loadFeed(source: FeedSource, limits: SourceLimits): Promise<LoadedFeed> {
	if (source.local) {
		const file = fileURLToPath(source.feedUrl);
		return { source, bytes: await readLocalFile(file, limits.feed.maxBytes, source.label), baseUrl: source.feedUrl };
	}
	try {
		const fetched = await fetchWithLimits(source.feedUrl, limits.feed, limits.fetch);
		return { source, bytes: fetched.bytes, baseUrl: fetched.finalUrl };
	} catch (error) {
		throw new FeedImportError(source.label, `could not be fetched: ${messageOf(error)}`);
	}
}

/** Reads a chapters or transcript file the feed references; throws an Error with the reason. */
export async function readReference(reference: string, feed: LoadedFeed, limits: SourceLimits): Promise<{ text: string; url: string }> {
	let url: URL;
	try {
		url = new URL(reference, feed.baseUrl);
	} catch {
		throw new Error('not a valid address');
	}
	if (url.protocol === 'http:' || url.protocol === 'https:') {
		const fetched = await fetchWithLimits(url.toString(), limits.file, limits.fetch);
		return { text: decodeText(fetched.bytes), url: fetched.finalUrl };
	}
	if (url.protocol === 'file:') {
		if (!feed.source.local) throw new Error('a feed fetched from the web cannot point at local files');
		const bytes = await readLocalFile(fileURLToPath(url), limits.file.maxBytes, null);
		return { text: decodeText(bytes), url: url.toString() };
	}
	throw new Error(`"${url.protocol}" addresses are not supported`);
}

async function readLocalFile(file: string, maxBytes: number, feedLabel: string | null): Promise<Uint8Array> {
	const fail = (reason: string) => (feedLabel ? new FeedImportError(feedLabel, reason) : new Error(reason));
	let info: Awaited<ReturnType<typeof stat>>;
	try {
		info = await stat(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw fail(code === 'ENOENT' ? `there is no file at ${file}` : `could not be read (${code ?? messageOf(error)})`);
	}
	if (!info.isFile()) throw fail(`${file} is not a file`);
	const size = Number(info.size);
	if (size > maxBytes) throw fail(`larger than the ${formatBytes(maxBytes)} limit (${formatBytes(size)})`);
	return new Uint8Array(await readFile(file));
}

function decodeText(bytes: Uint8Array): string {
	return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}
