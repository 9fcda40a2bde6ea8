/**
 * Fetching feeds and the files they point at, with the limits an importer needs against the open web: a deadline
 * for the whole transfer, a size cap enforced while reading (a wrong content-length cannot get past it), redirects
 * followed by hand (so loops and their count are reported) and only ever to http(s), and never to this machine or
 * its network (net/: every hop's host is checked, and the connection goes only to an address that was checked, so a
 * feed cannot make the site fetch from inside and publish the answer). A refusal reads "refused: private address"
 * whatever answers there, so an import report cannot be used to map internal ports.
 */
import { AddressPolicy, feedFetchPolicy, guardedFetch, PrivateAddressError, type FetchLike } from '../net';

export type { FetchLike };

export interface FetchLimits {
	timeoutMs: number;
	maxBytes: number;
	maxRedirects: number;
}

export interface Fetched {
	bytes: Uint8Array;
	/** Where the content was found, after redirects: relative references resolve against this. */
	finalUrl: string;
	contentType: string | null;
}

const USER_AGENT = 'PodcastMoments-Importer/0.1';

/**
 * Fetches `url` within `limits`; throws an Error whose message says what went wrong in a listener's words.
 * `policy` says which addresses may be reached (default: public ones plus IMPORT_ALLOW_PRIVATE). Hosts written as
 * addresses are checked at every hop whatever `fetchImpl` is; names are checked at connect time by the default
 * fetch (a `fetchImpl` passed in, as tests do, answers for where its connections go).
 */
export async function fetchWithLimits(url: string, limits: FetchLimits, fetchImpl?: FetchLike, policy: AddressPolicy = feedFetchPolicy()): Promise<Fetched> {
	const network = { fetch: fetchImpl ?? guardedFetch(policy), policy };
	try {
		return await fetchOnce(url, limits, network);
	} catch (error) {
		// A kept-alive connection the server closed a moment ago fails at once; one more try opens a fresh one.
		if (!isDroppedConnection((error as Error).cause)) throw error;
		return fetchOnce(url, limits, network);
	}
}

function isDroppedConnection(error: unknown): boolean {
	const cause = (error as { cause?: { code?: string } } | null)?.cause;
	return error instanceof Error && error.message === 'fetch failed' && ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'].includes(cause?.code ?? '');
}

async function fetchOnce(url: string, limits: FetchLimits, network: { fetch: FetchLike; policy: AddressPolicy }): Promise<Fetched> {
	const signal = AbortSignal.timeout(limits.timeoutMs);
	const seen = new Set<string>();
	let current = url;
	try {
		for (let hop = 0; ; hop++) {
			const { protocol, hostname } = new URL(current);
			if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`"${current}" is not an http(s) address`);
			network.policy.checkHost(hostname);
			seen.add(current);
			const response = await network.fetch(current, {
				redirect: 'manual',
				signal,
				headers: { 'user-agent': USER_AGENT, accept: '*/*' }
			});
			if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
				await response.body?.cancel();
				const next = new URL(response.headers.get('location')!, current).toString();
				if (seen.has(next)) throw new Error(`redirect loop (${current} -> ${next})`);
				if (hop + 1 > limits.maxRedirects) throw new Error(`more than ${limits.maxRedirects} redirects`);
				current = next;
				continue;
			}
			if (!response.ok) {
				await response.body?.cancel();
				throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
			}
			const declared = Number(response.headers.get('content-length'));
			if (Number.isFinite(declared) && declared > limits.maxBytes) {
				await response.body?.cancel();
				throw new Error(`larger than the ${formatBytes(limits.maxBytes)} limit (${formatBytes(declared)})`);
			}
			const bytes = await readCapped(response, limits.maxBytes);
			return { bytes, finalUrl: current, contentType: response.headers.get('content-type') };
		}
	} catch (error) {
		throw new Error(describeFetchError(error, limits), { cause: error });
	}
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
	if (!response.body) return new Uint8Array();
	const chunks: Uint8Array[] = [];
	let total = 0;
	const reader = response.body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > maxBytes) {
			await reader.cancel();
			throw new Error(`larger than the ${formatBytes(maxBytes)} limit`);
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

function describeFetchError(error: unknown, limits: FetchLimits): string {
	if (!(error instanceof Error)) return String(error);
	if (error instanceof PrivateAddressError || error.cause instanceof PrivateAddressError) return new PrivateAddressError().message;
	if (error.name === 'TimeoutError' || error.name === 'AbortError') return `timed out after ${Math.round(limits.timeoutMs / 100) / 10} s`;
	const cause = (error as { cause?: { code?: string; message?: string } }).cause;
	if (error.message === 'fetch failed' && cause) {
		const code = cause.code ?? '';
		if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name could not be found';
		if (code === 'ECONNREFUSED') return 'the server refused the connection';
		if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was dropped';
		if (/CERT|SSL|TLS/i.test(code)) return `the server's certificate was not accepted (${code})`;
		return `could not connect (${code || cause.message || 'network error'})`;
	}
	return error.message;
}

/** "10 MB", "512 kB": sizes for messages. */
export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
	if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
	return `${bytes} bytes`;
}
