import { transcriptResponse } from '$lib/server/export/transcript-response';
import { buildVtt, VTT_CONTENT_TYPE } from '$lib/server/export/transcripts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) => transcriptResponse(params, buildVtt, VTT_CONTENT_TYPE);
