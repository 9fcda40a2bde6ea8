/** The shared body of the transcript.vtt and transcript.srt endpoints. */
import { error } from '@sveltejs/kit';
import { getDb } from '../db';
import { getEpisodePage, type EpisodeCue } from '../episodes';

/** The episode's cues rendered by `build`, with CORS open so other players can load it; 404 without cues. */
export async function transcriptResponse(
	params: { podcast: string; episode: string },
	build: (cues: EpisodeCue[]) => string,
	contentType: string
): Promise<Response> {
	const page = await getEpisodePage(await getDb(), params.podcast, params.episode);
	if (!page) error(404, `There is no episode "${params.episode}" in "${params.podcast}".`);
	if (!page.cues.length) error(404, `"${page.episode.title}" has no transcript.`);
	return new Response(build(page.cues), {
		headers: {
			'content-type': `${contentType}; charset=utf-8`,
			'access-control-allow-origin': '*',
			'cache-control': 'public, max-age=300'
		}
	});
}
