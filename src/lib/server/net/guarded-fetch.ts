/**
 * A fetch for requests made on a feed's behalf that checks the address it connects to, at connect time: the host
 * name is looked up here and the connection goes to the address that was checked, so a name that answers a public
 * address to a first lookup and 127.0.0.1 to the next (DNS rebinding) gets nowhere. Addresses written in the URL
 * itself are checked before connecting (no lookup sees them). Built on node:http(s), whose `lookup` option is the
 * connect-time hook (Node's built-in fetch offers none without the undici package); the answer is a standard
 * Response, its body decompressed as fetch would. Redirects are not followed: the caller follows them and each hop
 * comes back through here.
 */
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { PrivateAddressError, type AddressPolicy } from './address-policy';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** A name lookup that refuses a name when any address it answers is refused by `policy`. */
export function guardedLookup(policy: AddressPolicy): LookupFunction {
	return (hostname, options, callback) => {
		dnsLookup(hostname, { all: true, family: options.family, hints: options.hints }, (error, addresses: LookupAddress[]) => {
			if (error) return callback(error, '', 0);
			if (!addresses.length || addresses.some((a) => !policy.allows(a.address))) return callback(new PrivateAddressError(), '', 0);
			if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
			callback(null, addresses[0]!.address, addresses[0]!.family);
		});
	};
}

const agents = new WeakMap<AddressPolicy, { http: http.Agent; https: https.Agent }>();

function agentsFor(policy: AddressPolicy) {
	let pair = agents.get(policy);
	if (!pair) {
		const lookup = guardedLookup(policy);
		pair = { http: new http.Agent({ keepAlive: true, lookup }), https: new https.Agent({ keepAlive: true, lookup }) };
		agents.set(policy, pair);
	}
	return pair;
}

/** A GET-only fetch that connects only where `policy` allows. Errors look like fetch's ("fetch failed", with the cause). */
export function guardedFetch(policy: AddressPolicy): FetchLike {
	return (input, init = {}) =>
		new Promise<Response>((resolve, reject) => {
			const url = new URL(input);
			try {
				policy.checkHost(url.hostname);
			} catch (error) {
				return reject(new TypeError('fetch failed', { cause: error }));
			}
			const send = (mayRetry: boolean) => {
				let answered = false;
				const answer = (response: Response) => {
					answered = true;
					resolve(response);
				};
				const request = get(url, policy, init, answer, reject);
				request.on('error', (error) => {
					// A kept-alive connection that the server closed while this process was busy (writing a big import) is
					// found dead only when reused, before any answer: a GET may go again, once, on a new connection
					// (Node's documented remedy).
					if (mayRetry && !answered && request.reusedSocket && isDroppedConnection(error)) return send(false);
					reject(error.name === 'AbortError' ? error : new TypeError('fetch failed', { cause: error }));
				});
				request.end();
			};
			send(true);
		});
}

/** One GET of `url`, resolving with its Response; the caller handles the request's errors. */
function get(
	url: URL,
	policy: AddressPolicy,
	init: RequestInit,
	resolve: (response: Response) => void,
	reject: (error: Error) => void
): http.ClientRequest {
	const secure = url.protocol === 'https:';
	const agent = secure ? agentsFor(policy).https : agentsFor(policy).http;
	const headers = { ...Object.fromEntries(new Headers(init.headers).entries()), 'accept-encoding': 'gzip, deflate, br' };
	return (secure ? https : http).request(url, { method: 'GET', agent, headers, signal: init.signal ?? undefined }, (response) => {
		const status = response.statusCode ?? 0;
		const responseHeaders = new Headers();
		for (const [name, value] of Object.entries(response.headers)) {
			for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(name, v);
		}
		if (status < 200 || status > 599) {
			response.destroy();
			return reject(new TypeError('fetch failed', { cause: new Error(`the server answered with status ${status}`) }));
		}
		const empty = status === 204 || status === 205 || status === 304;
		if (empty) response.resume();
		const body = empty ? null : (Readable.toWeb(decoded(response)) as ReadableStream<Uint8Array>);
		resolve(new Response(body, { status, statusText: response.statusMessage ?? '', headers: responseHeaders }));
	});
}

function isDroppedConnection(error: Error): boolean {
	const code = (error as NodeJS.ErrnoException).code;
	return code === 'ECONNRESET' || code === 'EPIPE';
}

/** The body as the server meant it: gzip, deflate and brotli undone (size limits then apply to what is read). */
function decoded(response: http.IncomingMessage): Readable {
	const encoding = String(response.headers['content-encoding'] ?? '').trim().toLowerCase();
	const decoder =
		encoding === 'gzip' || encoding === 'x-gzip'
			? zlib.createGunzip()
			: encoding === 'deflate'
				? zlib.createInflate()
				: encoding === 'br'
					? zlib.createBrotliDecompress()
					: null;
	if (!decoder) return response;
	response.on('error', (error) => decoder.destroy(error));
	return response.pipe(decoder);
}
