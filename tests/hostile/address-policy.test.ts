/**
 * Which addresses a feed may make the site fetch from: every non-public range in every spelling is refused, the
 * operator's allow-list lets exactly its ranges through, and a host name is judged by what it resolves to when the
 * connection is made (localhost is refused although it is not written as an address).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { fetchWithLimits } from '../../src/lib/server/import/fetch-file';
import { AddressPolicy, parseAddressRanges } from '../../src/lib/server/net';

const limits = { timeoutMs: 5_000, maxBytes: 10_000, maxRedirects: 3 };

describe('AddressPolicy', () => {
	const policy = new AddressPolicy();

	it('refuses loopback, private, CGNAT, link-local, unique-local, multicast and unspecified addresses, IPv4 and IPv6', () => {
		const refused = ['127.0.0.1', '127.255.0.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '169.254.169.254',
			'0.0.0.0', '224.0.0.1', '255.255.255.255', '::', '::1', 'fe80::1', 'fe80::1%eth0', 'fc00::1', 'fd12:3456::1', 'ff02::1'];
		expect(refused.filter((a) => policy.allows(a))).toEqual([]);
	});

	it('judges IPv6 forms that carry an IPv4 address by that address', () => {
		const refused = ['::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::127.0.0.1', '64:ff9b::a9fe:a9fe', '2002:c0a8:101::1'];
		expect(refused.filter((a) => policy.allows(a))).toEqual([]);
		expect(policy.allows('::ffff:8.8.8.8')).toBe(true);
	});

	it('allows public addresses', () => {
		expect(['8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111'].every((a) => policy.allows(a))).toBe(true);
	});

	it('refuses the numeric spellings of 127.0.0.1 in a URL, and localhost by name', () => {
		for (const url of ['http://2130706433/', 'http://0x7f000001/', 'http://127.1/', 'http://0177.0.0.1/', 'http://[::ffff:127.0.0.1]/', 'http://localhost/', 'http://LOCALHOST./']) {
			expect(() => policy.checkHost(new URL(url).hostname), url).toThrow('refused: private address');
		}
	});

	it('lets through the ranges an operator allows, and only those', () => {
		const office = new AddressPolicy(parseAddressRanges('10.20.0.0/16, 127.0.0.2 fd00::/8'));
		expect(['10.20.1.1', '127.0.0.2', '::ffff:10.20.3.4', 'fd00::7'].every((a) => office.allows(a))).toBe(true);
		expect(['10.21.0.1', '127.0.0.1', '192.168.0.1', 'fc00::1'].some((a) => office.allows(a))).toBe(false);
	});

	it('names the entry of an allow-list it cannot read', () => {
		expect(() => parseAddressRanges('10.0.0.0/8, 10.0.0/8')).toThrow('"10.0.0/8" is not an address range');
		expect(() => parseAddressRanges('127.0.0.1/33')).toThrow('"127.0.0.1/33" is not an address range');
	});
});

describe('fetchWithLimits with a policy', () => {
	it('refuses a name that resolves to a refused address when it connects, and fetches it once allowed', async () => {
		const server = createServer((_req, res) => res.end('internal answer'));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const port = (server.address() as AddressInfo).port;
		try {
			await expect(fetchWithLimits(`http://localhost:${port}/`, limits, undefined, new AddressPolicy())).rejects.toThrow(/^refused: private address$/);
			await expect(fetchWithLimits(`http://127.1:${port}/`, limits, undefined, new AddressPolicy())).rejects.toThrow(/^refused: private address$/);
			const allowed = await fetchWithLimits(`http://localhost:${port}/`, limits, undefined, new AddressPolicy(parseAddressRanges('127.0.0.0/8,::1')));
			expect(new TextDecoder().decode(allowed.bytes)).toBe('internal answer');
		} finally {
			server.close();
		}
	});
});
