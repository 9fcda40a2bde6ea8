import { transcriptResponse } from '$lib/server/export/transcript-response';
import { buildSrt, SRT_CONTENT_TYPE } from '$lib/server/export/transcripts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) => transcriptResponse(params, buildSrt, SRT_CONTENT_TYPE);
