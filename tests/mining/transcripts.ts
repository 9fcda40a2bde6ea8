/** Real transcripts from ../shared/realdata, read at run time (never copied here), as cues the miner reads. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { detectTranscriptFormat, parseTranscript } from '../../src/lib/server/import/transcripts';
import type { MiningCue } from '../../src/lib/server/mining';
import { realdataDir } from '../helpers/environment';

/** The PC2.0 JSON of a Buzzcast episode (5 speakers), the SRT whose speaker prefix appears only when the speaker changes, and the VTT with voice tags. */
export const BUZZCAST_JSON = 'buzzcast-pc20.json';
export const BUZZSPROUT_SRT = 'podcastindex-buzzsprout-example.srt';
export const BUZZSPROUT_VTT = 'podcastindex-buzzsprout-example-voice-tags.vtt';
/** A daily news show's VTT with `<v SPEAKER_1>` tags and short timestamps. */
export const PODNEWS_DAILY_VTT = 'podnews-daily-2024-01-25-short-timestamps.vtt';

/** A transcript file of ../shared/realdata/transcripts parsed into cues; fails with where it looked when it is missing. */
export function readTranscript(file: string): MiningCue[] {
	const location = path.join(realdataDir, 'transcripts', file);
	if (!existsSync(location)) throw new Error(`tests: ${location} is needed (../shared/realdata, or set REALDATA_DIR)`);
	const text = readFileSync(location, 'utf8');
	const format = detectTranscriptFormat(text, '', file);
	if (!format) throw new Error(`tests: ${file} is not a transcript format the importer reads`);
	return parseTranscript(text, format, null).cues;
}
