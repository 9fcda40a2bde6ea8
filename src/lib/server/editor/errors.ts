/** Editor errors: what the editor asked for cannot be done as asked. Pages show the message; the CLI prints it. */
export class EditorError extends Error {
	constructor(message: string) {
		super(`Editor: ${message}`);
		this.name = 'EditorError';
	}
}

/** Whether an error is the editor's to fix (a clear message, nothing changed) rather than a fault of ours. */
export function isEditorError(error: unknown): error is EditorError {
	return error instanceof EditorError;
}
