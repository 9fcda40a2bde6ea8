/** Errors that stop a feed's import. Their message names the feed, what is wrong and, when known, the line. */

/** A feed could not be imported; nothing of it was written. */
export class FeedImportError extends Error {
	constructor(
		readonly feed: string,
		readonly reason: string,
		readonly line: number | null = null
	) {
		super(`import: feed "${feed}"${line !== null ? ` line ${line}` : ''}: ${reason}`);
		this.name = 'FeedImportError';
	}
}

/** A chapters or transcript file could not be fetched or read; the episode imports without it. */
export class FileImportError extends Error {
	constructor(
		readonly url: string,
		readonly reason: string
	) {
		super(reason);
		this.name = 'FileImportError';
	}
}

/** The message of anything thrown, without a stack. */
export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
