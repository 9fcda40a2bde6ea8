/**
 * Which network addresses the importer may fetch from on a feed's behalf. A feed is written by anyone, so a
 * transcript or chapters URL pointing at 127.0.0.1, the cloud metadata service or a box on the office network
 * must not be fetched (the answer would be published as the episode's transcript). Public unicast addresses are
 * allowed; loopback, private, shared (CGNAT), link-local, unique-local, multicast, reserved and unspecified ones
 * are refused, in every spelling: IPv4-mapped, IPv4-compatible, NAT64 and 6to4 IPv6 forms are judged by the IPv4
 * address inside them. An operator who imports from their own network on purpose lists those ranges
 * (IMPORT_ALLOW_PRIVATE), and only those are let through.
 */
import { isIP } from 'node:net';

/** A range of addresses: `bits` leading bits of `bytes` (4 bytes for IPv4, 16 for IPv6). */
export interface AddressRange {
	bytes: Uint8Array;
	bits: number;
	/** As written, for messages. */
	text: string;
}

/** The message of every refusal: nothing about what (if anything) answers there. */
export const PRIVATE_ADDRESS_REFUSED = 'refused: private address';

/** Thrown when a fetch would reach an address the policy refuses. */
export class PrivateAddressError extends Error {
	constructor() {
		super(PRIVATE_ADDRESS_REFUSED);
		this.name = 'PrivateAddressError';
	}
}

const NEVER_PUBLIC_V4 = [
	'0.0.0.0/8', // "this network", unspecified
	'10.0.0.0/8',
	'100.64.0.0/10', // shared address space (CGNAT)
	'127.0.0.0/8',
	'169.254.0.0/16', // link-local, cloud metadata services
	'172.16.0.0/12',
	'192.0.0.0/24', // IETF protocol assignments
	'192.0.2.0/24', // documentation
	'192.88.99.0/24', // 6to4 relay anycast
	'192.168.0.0/16',
	'198.18.0.0/15', // benchmarking
	'198.51.100.0/24',
	'203.0.113.0/24',
	'224.0.0.0/4', // multicast
	'240.0.0.0/4' // reserved, broadcast
].map(parseRange);

const NEVER_PUBLIC_V6 = [
	'::/128', // unspecified
	'::1/128', // loopback
	'100::/64', // discard-only
	'2001:db8::/32', // documentation
	'fc00::/7', // unique-local
	'fe80::/10', // link-local
	'fec0::/10', // site-local (deprecated, still routed by some)
	'ff00::/8' // multicast
].map(parseRange);

/** Decides per address; `allowed` are the operator's ranges that may be fetched although not public. */
export class AddressPolicy {
	readonly allowed: readonly AddressRange[];

	constructor(allowed: readonly AddressRange[] = []) {
		this.allowed = allowed;
	}

	/** Whether `address` (an IP address as text) may be fetched from. Anything unreadable is refused. */
	allows(address: string): boolean {
		const bytes = addressBytes(address);
		if (!bytes) return false;
		const judged = embeddedIpv4(bytes) ?? bytes;
		if (this.allowed.some((range) => inRange(judged, range) || inRange(bytes, range))) return true;
		return !(judged.length === 4 ? NEVER_PUBLIC_V4 : NEVER_PUBLIC_V6).some((range) => inRange(judged, range));
	}

	/**
	 * Checks what can be checked from a URL's host alone: an address written in the URL (which no name lookup
	 * will see; the URL parser has already turned 2130706433, 0x7f000001 and 127.1 into 127.0.0.1) and the names
	 * that always mean this machine. Throws PrivateAddressError.
	 */
	checkHost(hostname: string): void {
		const host = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
		if (isIP(host)) {
			if (!this.allows(host)) throw new PrivateAddressError();
			return;
		}
		if ((host === 'localhost' || host.endsWith('.localhost')) && !this.allows('127.0.0.1')) throw new PrivateAddressError();
	}
}

/** Reads "10.0.0.0/8, 192.168.1.7, fd00::/8" (commas or spaces); throws an Error naming the entry it cannot read. */
export function parseAddressRanges(text: string): AddressRange[] {
	return text
		.split(/[\s,]+/)
		.filter(Boolean)
		.map((entry) => {
			try {
				return parseRange(entry);
			} catch {
				throw new Error(`"${entry}" is not an address range`);
			}
		});
}

function parseRange(text: string): AddressRange {
	const [address = '', bitsText, ...rest] = text.split('/');
	const bytes = addressBytes(address);
	if (!bytes || rest.length) throw new Error(`not a range: ${text}`);
	const max = bytes.length * 8;
	if (bitsText !== undefined && !/^\d{1,3}$/.test(bitsText)) throw new Error(`not a range: ${text}`);
	const bits = bitsText === undefined ? max : Number(bitsText);
	if (bits > max) throw new Error(`not a range: ${text}`);
	return { bytes, bits, text };
}

function inRange(bytes: Uint8Array, range: AddressRange): boolean {
	if (bytes.length !== range.bytes.length) return false;
	for (let bit = 0; bit < range.bits; bit += 8) {
		const take = Math.min(8, range.bits - bit);
		const mask = (0xff << (8 - take)) & 0xff;
		if ((bytes[bit / 8]! & mask) !== (range.bytes[bit / 8]! & mask)) return false;
	}
	return true;
}

/** The IPv4 address an IPv6 address carries in a form that reaches it: mapped, compatible, NAT64, 6to4. */
function embeddedIpv4(bytes: Uint8Array): Uint8Array | null {
	if (bytes.length !== 16) return null;
	const zeros = (from: number, to: number) => bytes.subarray(from, to).every((b) => b === 0);
	// ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible; :: and ::1 themselves are judged as IPv6)
	if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12);
	if (zeros(0, 12) && !zeros(12, 15)) return bytes.slice(12);
	// 64:ff9b::a.b.c.d (NAT64 well-known prefix)
	if (bytes[0] === 0 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return bytes.slice(12);
	// 2002:AABB:CCDD::/48 (6to4)
	if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6);
	return null;
}

/** An IP address as bytes (4 or 16); null when `text` is not one. Zone ids (fe80::1%eth0) are dropped. */
export function addressBytes(text: string): Uint8Array | null {
	const address = text.replace(/%.*$/, '');
	const version = isIP(address);
	if (version === 4) return Uint8Array.from(address.split('.').map(Number));
	if (version !== 6) return null;
	let tail: number[] = [];
	let body = address;
	const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
	if (dotted) {
		tail = dotted[1]!.split('.').map(Number);
		body = address.slice(0, dotted.index + 1) + '0:0';
	}
	const [head = '', rear] = body.split('::');
	const groups = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
	const front = groups(head);
	const back = rear === undefined ? [] : groups(rear);
	const all = [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
	const bytes = new Uint8Array(16);
	all.forEach((group, i) => {
		bytes[i * 2] = group >> 8;
		bytes[i * 2 + 1] = group & 0xff;
	});
	if (tail.length) bytes.set(tail, 12);
	return bytes;
}
