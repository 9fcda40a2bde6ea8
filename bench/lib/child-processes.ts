import { readdirSync, readFileSync } from 'node:fs';

/**
 * The processes whose parent is `pid`, read from Linux /proc (none where it cannot be read): the workers of a server
 * started with SERVER_PROCESSES above 1, for bench:http's CPU and memory figures and the tests that count them.
 */
export function childrenOf(pid: number): number[] {
	try {
		return readdirSync('/proc')
			.filter((name) => /^\d+$/.test(name))
			.filter((name) => {
				try {
					return Number(readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1]) === pid;
				} catch {
					return false; // ended meanwhile
				}
			})
			.map(Number);
	} catch {
		return [];
	}
}
