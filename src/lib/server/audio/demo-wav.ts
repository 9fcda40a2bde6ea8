/**
 * Demo episodes need audio that plays and seeks offline without shipping media: this synthesises a quiet WAV on
 * request. Each segment has its own pitch, so a listener hears the jump when a timestamp is clicked. Bytes are
 * computed for the requested range only, so seeking into a 50-minute file costs no more than the part played.
 */
import { MAX_SECONDS } from '../../time-param';

export const SAMPLE_RATE = 8000;
const HEADER_BYTES = 44;
/** A pentatonic scale: neighbouring segments sound different but never harsh. */
const PITCHES_HZ = [220, 247.5, 277.2, 330, 370, 440, 495, 554.4];

export interface DemoWav {
	/** Total length of the file in bytes. */
	size: number;
	/** Bytes [start, end] inclusive. */
	read(start: number, end: number): Uint8Array;
}

/**
 * The longest audio made: 100 hours, the longest episode the site stores (MAX_SECONDS). The route asks only for the
 * demo episodes' own lengths (under an hour); this stops Infinity or NaN from becoming a Content-Length.
 */
export const MAX_DEMO_SECONDS = MAX_SECONDS;

/**
 * A WAV of `durationSeconds`, with a change of pitch at each segment start in `boundaries` (seconds). Throws a
 * RangeError for a length that is not a number of seconds from 0 to MAX_DEMO_SECONDS.
 */
export function demoWav(durationSeconds: number, boundaries: number[]): DemoWav {
	if (!Number.isFinite(durationSeconds) || durationSeconds <= 0 || durationSeconds > MAX_DEMO_SECONDS) {
		throw new RangeError(`demo audio: a length of ${durationSeconds} s is not one to synthesise (up to ${MAX_DEMO_SECONDS} s)`);
	}
	const samples = Math.max(1, Math.round(durationSeconds * SAMPLE_RATE));
	const size = HEADER_BYTES + samples;
	const header = wavHeader(samples);
	const starts = [...boundaries].sort((a, b) => a - b);

	function sampleAt(index: number): number {
		const t = index / SAMPLE_RATE;
		let segment = 0;
		while (segment + 1 < starts.length && starts[segment + 1]! <= t) segment++;
		const pitch = PITCHES_HZ[segment % PITCHES_HZ.length]!;
		// A soft tone that swells once a second, so it reads as "audio playing" rather than a test signal.
		const swell = 0.55 + 0.45 * Math.sin(2 * Math.PI * 0.5 * t) ** 2;
		const value = Math.sin(2 * Math.PI * pitch * t) * swell * 18;
		return 128 + Math.round(value); // 8-bit PCM is unsigned, silence at 128
	}

	return {
		size,
		read(start, end) {
			const out = new Uint8Array(end - start + 1);
			for (let pos = start; pos <= end; pos++) {
				out[pos - start] = pos < HEADER_BYTES ? header[pos]! : sampleAt(pos - HEADER_BYTES);
			}
			return out;
		}
	};
}

function wavHeader(samples: number): Uint8Array {
	const buffer = new ArrayBuffer(HEADER_BYTES);
	const view = new DataView(buffer);
	const ascii = (offset: number, text: string) => [...text].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
	ascii(0, 'RIFF');
	view.setUint32(4, 36 + samples, true);
	ascii(8, 'WAVE');
	ascii(12, 'fmt ');
	view.setUint32(16, 16, true); // PCM chunk size
	view.setUint16(20, 1, true); // PCM
	view.setUint16(22, 1, true); // mono
	view.setUint32(24, SAMPLE_RATE, true);
	view.setUint32(28, SAMPLE_RATE, true); // byte rate: 1 byte per sample
	view.setUint16(32, 1, true); // block align
	view.setUint16(34, 8, true); // bits per sample
	ascii(36, 'data');
	view.setUint32(40, samples, true);
	return new Uint8Array(buffer);
}

/**
 * Parses a single-range `Range: bytes=...` header against a file of `size` bytes.
 * Returns the inclusive range, null for "send it all", or 'unsatisfiable'.
 */
export function parseRangeHeader(header: string | null, size: number): { start: number; end: number } | null | 'unsatisfiable' {
	if (!header) return null;
	const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!match || (match[1] === '' && match[2] === '')) return null; // multi-range or junk: ignore it, as servers may
	let start: number;
	let end: number;
	if (match[1] === '') {
		const suffix = Number(match[2]);
		if (suffix === 0) return 'unsatisfiable';
		start = Math.max(0, size - suffix);
		end = size - 1;
	} else {
		start = Number(match[1]);
		end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	}
	if (start >= size || start > end) return 'unsatisfiable';
	return { start, end };
}
