/** Small measuring helpers shared by the benchmarks: percentiles, heap, load average, progress lines. */
import os from 'node:os';

/** The p-th percentile (0-100) of some samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
	if (samples.length === 0) return NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** p50 / p95 / p99 / max of latencies in ms, as one line. */
export function latencyLine(samples: readonly number[]): string {
	const f = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)).padStart(6);
	return `p50 ${f(percentile(samples, 50))}  p95 ${f(percentile(samples, 95))}  p99 ${f(percentile(samples, 99))}  max ${f(Math.max(...samples))} ms`;
}

/** Heap in use after a full collection when the process runs with --expose-gc (otherwise as it stands), in MB. */
export function heapUsedMb(): number {
	(globalThis as { gc?: () => void }).gc?.();
	return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** The 1, 5 and 15 minute load averages and the core count: how busy the machine was while measuring. */
export function loadLine(): string {
	return `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`;
}

/** Times a synchronous function, in ms. */
export function timeSync<T>(fn: () => T): [T, number] {
	const started = performance.now();
	const value = fn();
	return [value, performance.now() - started];
}

/** A progress line on stderr that rewrites itself on a terminal and prints every so often elsewhere. */
export function progress(label: string): (done: number, total: number) => void {
	let lastPrinted = 0;
	return (done, total) => {
		const now = performance.now();
		if (done < total && now - lastPrinted < (process.stderr.isTTY ? 200 : 5000)) return;
		lastPrinted = now;
		const line = `${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${Math.round((done / total) * 100)}%)`;
		if (process.stderr.isTTY) process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
		else process.stderr.write(`${line}\n`);
	};
}
