import { error } from '@sveltejs/kit';
import { demoWav, parseRangeHeader } from '$lib/server/audio/demo-wav';
import { getDb } from '$lib/server/db';
import { getEpisodePage } from '$lib/server/episodes';
import type { RequestHandler } from './$types';

/** Bytes synthesised per pull: the stream only computes what the client reads, so a seek costs little. */
const CHUNK_BYTES = 64 * 1024;

export const GET: RequestHandler = async ({ params, request }) => {
	const page = await getEpisodePage(await getDb(), params.podcast, params.episode);
	if (!page?.episode.durationSeconds || !page.episode.audioUrl?.startsWith('/audio/demo/')) {
		error(404, 'No demo audio for this episode');
	}
	const wav = demoWav(page.episode.durationSeconds, page.segments.map((s) => s.startSeconds));
	const range = parseRangeHeader(request.headers.get('range'), wav.size);
	const common = {
		'content-type': 'audio/wav',
		'accept-ranges': 'bytes',
		'cache-control': 'public, max-age=3600'
	};
	if (range === 'unsatisfiable') {
		return new Response(null, { status: 416, headers: { ...common, 'content-range': `bytes */${wav.size}` } });
	}
	const start = range?.start ?? 0;
	const end = range?.end ?? wav.size - 1;
	let next = start;
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			const last = Math.min(end, next + CHUNK_BYTES - 1);
			controller.enqueue(wav.read(next, last));
			next = last + 1;
			if (next > end) controller.close();
		}
	});
	const length = String(end - start + 1);
	if (!range) return new Response(body, { status: 200, headers: { ...common, 'content-length': length } });
	return new Response(body, {
		status: 206,
		headers: { ...common, 'content-length': length, 'content-range': `bytes ${start}-${end}/${wav.size}` }
	});
};
