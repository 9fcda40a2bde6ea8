import { error } from '@sveltejs/kit';
import { demoEpisodeAudio } from '$lib/server/audio/demo-episodes';
import { demoWav, parseRangeHeader } from '$lib/server/audio/demo-wav';
import { getDb } from '$lib/server/db';
import { getEpisodePage } from '$lib/server/episodes';
import type { RequestHandler } from './$types';

/** Bytes synthesised per pull: the stream only computes what the client reads, so a seek costs little. */
const CHUNK_BYTES = 64 * 1024;

export const GET: RequestHandler = async ({ params, request }) => {
	// Only the bundled demo episodes have audio, at their own length, whatever an imported episode's row says.
	const demo = demoEpisodeAudio(params.podcast, params.episode);
	if (!demo) error(404, 'No demo audio for this episode: only the demo shows have generated audio.');
	const page = await getEpisodePage(await getDb(), params.podcast, params.episode);
	if (page?.episode.audioUrl !== `/audio/demo/${params.podcast}/${params.episode}.wav`) error(404, 'No demo audio for this episode.');
	// An editor may have re-cut the demo's segments: the pitch follows them, within the demo's length.
	const starts = page.segments.map((s) => s.startSeconds).filter((t) => t < demo.durationSeconds);
	const wav = demoWav(demo.durationSeconds, starts.length ? starts : demo.boundaries);
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
