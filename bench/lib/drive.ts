/** Drives an HTTP server with autocannon on loopback and reduces the result to the figures the benchmark prints. */
import autocannon from 'autocannon';

export interface LoadOptions {
	connections: number;
	durationSeconds: number;
}

export interface LoadFigures {
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	/** Non-2xx answers, connection errors and timeouts together. */
	errors: number;
	requests: number;
}

/** Sends requests for `paths` (each connection cycles through them) for the given time, and measures. */
export async function drive(origin: string, paths: string[], { connections, durationSeconds }: LoadOptions): Promise<LoadFigures> {
	const result = await autocannon({
		url: origin,
		connections,
		duration: durationSeconds,
		timeout: 10,
		requests: paths.map((path) => ({ method: 'GET', path, headers: { accept: 'text/html,application/json' } }))
	});
	return {
		requestsPerSecond: result.requests.average,
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		errors: result.non2xx + result.errors + result.timeouts,
		requests: result.requests.total
	};
}
