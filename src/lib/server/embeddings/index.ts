/**
 * The embeddings wing's front door: the sentence encoder the site uses, loaded once per process on first use.
 */
import type { SentenceEncoder } from './encoder';
import { loadUseLite } from './use-lite';

export type { SentenceEncoder } from './encoder';
export { cosine, normalize } from './encoder';

let loading: Promise<SentenceEncoder> | null = null;

/** The site's sentence encoder, loaded on first call and shared after that. */
export function getEncoder(): Promise<SentenceEncoder> {
	loading ??= loadUseLite().catch((error: unknown) => {
		loading = null;
		throw new Error(`embeddings: could not load the sentence encoder: ${error instanceof Error ? error.message : String(error)}`);
	});
	return loading;
}
