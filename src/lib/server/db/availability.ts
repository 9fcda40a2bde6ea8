/**
 * Tells a database that is away (down, restarting, unreachable, refusing connections) from a query that is wrong.
 * The first is worth a 503 and a retry: postgres.js opens a new connection on the next query, so the site recovers
 * by itself when the database is back. The second is a bug, and stays a 500.
 */

/** Seconds a client is asked to wait before trying again while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 10;

/** The message readers see while the database is away (no detail of the failure: that goes to the log). */
export const DATABASE_UNAVAILABLE_MESSAGE =
	'This page needs our database, which is not answering right now. Please try again in a few seconds.';

/** Socket errors from Node when the server cannot be reached or dropped the connection. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** postgres.js's own codes for a connection that closed, timed out or was ended under a query. */
const DRIVER_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'CONNECTION_ENDED', 'CONNECT_TIMEOUT']);

/**
 * SQLSTATEs that mean "the server is not there for you now", not "your query is wrong": 57P01 admin_shutdown (the
 * server or an admin ended the session), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or shutting
 * down), 53300 too_many_connections. Every 08xxx connection_exception is matched by its class below.
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/**
 * Whether `error` (or anything in its `cause` chain, or an AggregateError's parts) says the database could not be
 * reached or dropped the connection. Drizzle wraps driver errors as "Failed query: …" with the driver's error as
 * `cause`, so the chain is walked.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
	const seen = new Set<unknown>();
	const visit = (value: unknown): boolean => {
		if (!value || typeof value !== 'object' || seen.has(value)) return false;
		seen.add(value);
		const { code, message, cause, errors } = value as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
		if (typeof code === 'string') {
			if (NETWORK_CODES.has(code) || DRIVER_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08')) return true;
			// 55000 is a broad class; this one message is a database closed to new connections (ALLOW_CONNECTIONS false).
			if (code === '55000' && typeof message === 'string' && /not currently accepting connections/i.test(message)) return true;
		}
		if (Array.isArray(errors) && errors.some(visit)) return true;
		return visit(cause);
	};
	return visit(error);
}
