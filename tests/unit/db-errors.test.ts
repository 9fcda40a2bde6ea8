import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/lib/server/db/availability';
import { isRefusedInput } from '../../src/lib/server/db/input-errors';

/** A driver error as drizzle wraps it: "Failed query: …" with the driver's error as the cause. */
const wrapped = (cause: object) => Object.assign(new Error('Failed query: select 1\nparams: '), { cause: Object.assign(new Error('driver'), cause) });

describe('isDatabaseUnavailable', () => {
	it.each([
		['a refused connection', { code: 'ECONNREFUSED' }],
		['a reset connection', { code: 'ECONNRESET' }],
		['postgres.js: a connection closed under a query', { code: 'CONNECTION_CLOSED' }],
		['postgres.js: a connection that could not be made in time', { code: 'CONNECT_TIMEOUT' }],
		['postgres.js: the pool was ended (shutdown)', { code: 'CONNECTION_ENDED' }],
		['57P01 admin_shutdown', { code: '57P01' }],
		['57P03 cannot_connect_now', { code: '57P03' }],
		['08006 connection_failure', { code: '08006' }],
		['53300 too_many_connections', { code: '53300' }],
		['a database closed to connections', { code: '55000', message: 'database "x" is not currently accepting connections' }]
	])('is true for %s, wrapped by drizzle', (_, cause) => {
		expect(isDatabaseUnavailable(wrapped(cause))).toBe(true);
	});

	it('is true when one of several addresses refused (AggregateError)', () => {
		expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]))).toBe(true);
	});

	it.each([
		['a syntax error', { code: '42601' }],
		['a unique violation', { code: '23505' }],
		['another 55000', { code: '55000', message: 'object is in use' }],
		['a NUL in a parameter', { code: '22021' }]
	])('is false for %s: that is a bug or bad input, not an outage', (_, cause) => {
		expect(isDatabaseUnavailable(wrapped(cause))).toBe(false);
	});

	it('is false for anything else, and survives a cause that points back at itself', () => {
		const loop: { code?: string; cause?: unknown } = {};
		loop.cause = loop;
		for (const value of [null, undefined, 'ECONNREFUSED', 42, new Error('boom'), loop]) expect(isDatabaseUnavailable(value)).toBe(false);
	});
});

describe('isRefusedInput', () => {
	it('is true for a value PostgreSQL cannot take (a NUL byte, bad text for a number, a number out of range)', () => {
		for (const code of ['22021', '22P05', '22P02', '22003']) expect(isRefusedInput(wrapped({ code }))).toBe(true);
	});

	it('is false for an outage or a bug', () => {
		for (const code of ['ECONNREFUSED', '57P01', '42601', '23505']) expect(isRefusedInput(wrapped({ code }))).toBe(false);
	});
});
