/**
 * The sentence encoder runs on its own thread: the vectors are the model's, a query is not kept waiting behind a
 * background job's batch, a command that used it exits by itself, and a thread that fails is reported or replaced.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cosine, getEncoder } from '../../src/lib/server/embeddings';
import { startEncoderThread } from '../../src/lib/server/embeddings/encoder-thread';

describe('the site encoder on its thread', () => {
	it('gives unit vectors that put a paraphrase nearer than an unrelated sentence', async () => {
		const encoder = await getEncoder();
		const [question, paraphrase, unrelated] = await encoder.encode([
			'Can running help with anxiety?',
			'Going for a jog calms my nerves when I feel stressed.',
			'The quarterly tax return is due at the end of the month.'
		]);
		expect(question).toHaveLength(encoder.dimensions);
		expect(cosine(question!, question!)).toBeCloseTo(1, 5);
		expect(cosine(question!, paraphrase!)).toBeGreaterThan(cosine(question!, unrelated!) + 0.1);
	});

	it('answers a short query before a large batch that was asked for first', async () => {
		const encoder = await getEncoder();
		const finished: string[] = [];
		const bulk = encoder.encode(Array.from({ length: 80 }, (_, i) => `Background sentence ${i} about training plans.`)).then((v) => {
			finished.push('bulk');
			return v;
		});
		const query = encoder.encode(['how do I start running']).then((v) => {
			finished.push('query');
			return v;
		});
		const [vectors] = await Promise.all([bulk, query]);
		expect(vectors).toHaveLength(80);
		expect(finished).toEqual(['query', 'bulk']);
	});

	it('lets a command that used it exit on its own', async () => {
		const program = `import { getEncoder } from './src/lib/server/embeddings/index.ts';
const vectors = await (await getEncoder()).encode(['one sentence']);
console.log('encoded', vectors.length);`;
		const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		const code = await new Promise<number | null>((resolve) => {
			const timer = setTimeout(() => (child.kill('SIGKILL'), resolve(null)), 60_000);
			child.on('exit', (c) => (clearTimeout(timer), resolve(c)));
		});
		expect(code, `the command did not exit by itself:\n${output}`).toBe(0);
		expect(output).toContain('encoded 1');
	}, 70_000);
});

/** A stand-in model: vector i is [length of text i, 1, 0...]; a text "die" kills the thread. */
const FAKE = `
const { parentPort, workerData } = require('node:worker_threads');
if (workerData.fail) parentPort.postMessage({ failed: 'weights are missing' });
else parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, texts }) => {
	if (texts.includes('die')) process.exit(3);
	const vectors = new Float32Array(texts.length * 4);
	texts.forEach((t, i) => { vectors[i * 4] = t.length; vectors[i * 4 + 1] = 1; });
	parentPort.postMessage({ id, vectors }, [vectors.buffer]);
});
`;

describe('the encoder thread', () => {
	it('reports why a model could not load', async () => {
		await expect(startEncoderThread({ model: 'fake@1', dimensions: 4, script: FAKE, workerData: { fail: true } })).rejects.toThrow('weights are missing');
	});

	it('fails the request a dying thread held, and starts a new thread for the next', async () => {
		const encoder = await startEncoderThread({ model: 'fake@1', dimensions: 4, script: FAKE, workerData: {} });
		await expect(encoder.encode(['die'])).rejects.toThrow(/encoder thread stopped \(exit code 3\)/);
		const [vector] = await encoder.encode(['abc']);
		// [3, 1, 0, 0] scaled to unit length
		expect(vector![0]).toBeCloseTo(3 / Math.sqrt(10), 5);
		expect(vector![1]).toBeCloseTo(1 / Math.sqrt(10), 5);
	});

	it('keeps the order of a large request split into chunks', async () => {
		const encoder = await startEncoderThread({ model: 'fake@1', dimensions: 4, script: FAKE, workerData: {} });
		const texts = Array.from({ length: 37 }, (_, i) => 'x'.repeat(i + 1));
		const vectors = await encoder.encode(texts);
		expect(vectors.map((v) => Math.round((v[0]! / v[1]!) * 100) / 100)).toEqual(texts.map((t) => t.length));
	});
});
