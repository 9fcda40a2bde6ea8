/**
 * An episode page at a moment (`?t=754`), made from the kept page without `t` instead of rendered again.
 *
 * A shared moment is a URL of its own, and half of real traffic to episodes is such links, each asked for once or
 * twice: rendered, each costs as much as the episode page (~14 ms of CPU on the synthetic corpus), answered from
 * memory a fortieth of that. What a moment changes on the page is small and known (docs/benchmarks.md lists it):
 * the head tags (canonical, Open Graph, Twitter, oEmbed), the "Starting at" notice (or the notice that `t` was not
 * understood), the `#t=` of the audio for readers without JavaScript, the share panel's link and code, the segment
 * and transcript sentence marked as playing and the timeline's playhead, and `start` / `timeNotice` in the page's
 * data (so the inline script's hash in the Content-Security-Policy, and the ETag). Each of these is a slot found in
 * the kept page by what surrounds it, once per kept page (MomentTemplate: byte offsets), and a moment is a splice of
 * byte ranges filled with the values the page's own code computes (the same functions, the same escaping as Svelte's
 * server rendering); its ETag is derived from the page's and the moment, the script's hash continued from the state
 * of its unchanging start. When a slot is not where it should be (a page this does not know), nothing is filled and
 * the moment is rendered as before.
 *
 * tests/scaling/moment-pages.test.ts compares filled moments with rendered ones, byte for byte.
 */
import { createHash, type Hash } from 'node:crypto';
import { uneval } from 'devalue';
import { activeIndex } from '$lib/player.svelte';
import { shareCodes } from '$lib/share';
import { parseTimeParam } from '$lib/time-param';
import { formatTimestamp, mediaFragment, type TimeRange } from '$lib/timestamp';
import type { CachedAnswer, PageVariants } from './response-cache';

interface Span {
	startSeconds: number;
	endSeconds: number;
}

/** What the episode page's load function knows that a moment needs (all of it independent of `t`). */
export interface MomentSource {
	/** The site's origin, as the page data carries it. */
	origin: string;
	/** The episode's path (/podcasts/show/episode). */
	path: string;
	/** The share panel's title ("Episode · Show"). */
	shareTitle: string;
	durationSeconds: number | null;
	/** The audio file's URL (null: the page has no player). */
	audioSrc: string | null;
	/** Segments in order; the timeline is drawn when there are some and a duration. */
	segments: (Span & { id: number })[];
	/** The transcript's paragraphs, each with its sentences' times, in order. */
	paragraphs: Span[][];
	/** The head tags (page-meta.ts) for the page at `start`, but for the JSON-LD (the same at every moment), which follows them. */
	headTags(start: TimeRange | null): string;
}

/** Whether `url` asks for a moment this can fill: its only parameter is `t`. */
export function isMomentUrl(url: URL): boolean {
	let any = false;
	for (const name of url.searchParams.keys()) {
		if (name !== 't') return false;
		any = true;
	}
	return any;
}

/** Svelte's escaping on the server (svelte/src/escaping.js): `&`, `<` in text; `&`, `"`, `<` in attributes. */
function escapeText(value: string): string {
	return value.replace(/[&<]/g, (c) => (c === '&' ? '&amp;' : '&lt;'));
}
function escapeAttribute(value: string): string {
	return value.replace(/[&"<]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&lt;'));
}

/** SvelteKit's ETag of a page: djb2 over the characters, last first (kit/src/utils/hash.js). */
function etagOf(html: string): string {
	let hash = 5381;
	let i = html.length;
	while (i) hash = (hash * 33) ^ html.charCodeAt(--i);
	return `"${(hash >>> 0).toString(36)}"`;
}

/**
 * The ETag of the page at a moment made from a kept page: the kept page's ETag (which changes with its content) and
 * the moment asked for, so it differs between moments and stays the same for one, without hashing the whole page. It
 * is not the one SvelteKit would give the same bytes (a hash of the page): a browser revalidating it is answered
 * from memory with a 304 (response-cache.ts), or rendered again when the page is not kept.
 */
export function momentEtag(pageEtag: string, rawT: string): string {
	let hash = 5381;
	for (let i = 0; i < rawT.length; i++) hash = (hash * 33) ^ rawT.charCodeAt(i);
	const inner = pageEtag.replace(/^(W\/)?"|"$/g, '');
	return `"${inner}-t${(hash >>> 0).toString(36)}${rawT.length.toString(36)}"`;
}

const sentencesOf = new WeakMap<MomentSource, Span[]>();
/** The transcript's sentences in order, flattened once per kept page. */
function sentences(source: MomentSource): Span[] {
	let all = sentencesOf.get(source);
	if (!all) sentencesOf.set(source, (all = source.paragraphs.flat()));
	return all;
}

const plainStates = new WeakMap<MomentSource, MomentState>();
/** The page's state without `t` (what every moment is filled from), worked out once per kept page. */
function plainState(source: MomentSource): MomentState {
	let state = plainStates.get(source);
	if (!state) plainStates.set(source, (state = momentState(source, null)));
	return state;
}

type MomentState = ReturnType<typeof momentState>;

/** What the page shows that depends on `t`, as the page's own code computes it. */
function momentState(source: MomentSource, rawT: string | null) {
	const time = parseTimeParam(rawT, source.durationSeconds);
	const start = time?.ok ? time.range : null;
	const notice = time && !time.ok ? time.reason : null;
	const at = start?.start ?? 0;
	const target = { origin: source.origin, path: source.path, title: source.shareTitle };
	return {
		start,
		data: `start:${uneval(start)},timeNotice:${uneval(notice)},origin:${uneval(source.origin)}},uses:`,
		sentence: activeIndex(sentences(source), at),
		segment: activeIndex(source.segments, at),
		playhead: source.durationSeconds ? ` style="left: ${Math.min(100, (at / source.durationSeconds) * 100)}%;"` : '',
		share: shareCodes(target, start),
		audioSrc: source.audioSrc === null ? null : ` src="${escapeAttribute(source.audioSrc + mediaFragment(start))}"`,
		notice: notice
			? `<!--[0--><p class="notice" role="status">${escapeText(notice)} Playing from the start.</p><!--]-->`
			: start
				? `<!--[1--><p class="muted" role="status">Starting at ${escapeText(formatTimestamp(start.start))}${escapeText(start.end !== null ? `, stopping at ${formatTimestamp(start.end)}` : '')}.</p><!--]-->`
				: '<!--[-1--><!--]-->',
		head: source.headTags(start)
	};
}

/** The paragraph holding the `sentence`th sentence, or -1 (no sentence is said at that moment). */
function paragraphOf(source: MomentSource, sentence: number): number {
	if (sentence < 0) return -1;
	let n = sentence;
	for (let p = 0; p < source.paragraphs.length; p++) {
		if (n < source.paragraphs[p]!.length) return p;
		n -= source.paragraphs[p]!.length;
	}
	return -1;
}

/** A byte range of the kept page that a moment rewrites, and what the kept page has there. */
interface Slot {
	at: number;
	from: Buffer;
}

/** An edit of the kept page's bytes: `length` bytes at `at` replaced by `to`. */
interface ByteEdit {
	at: number;
	length: number;
	to: string;
}

const MARK = ' aria-current="true"';

/**
 * A kept page cut, once, at every place a moment changes it: byte offsets into its body for the fixed slots (head
 * tags, notice, audio, share link and code, playhead, the page's data) and for the marks a moment moves (the sentence,
 * paragraph and segment playing). A moment is then a splice of byte ranges: no decoding, no search, no re-encoding,
 * and the inline script's hash continued from the state of its unchanging start.
 */
export class MomentTemplate {
	private constructor(
		readonly status: number,
		readonly headers: [string, string][],
		readonly source: MomentSource,
		readonly was: MomentState,
		readonly slots: { data: Slot; head: Slot; notice: Slot; link: Slot; code: Slot; src: Slot; playhead: Slot | null },
		/** The inline script's bytes before the page's data, hashed (copied for each moment), and after it. */
		readonly scriptHead: Hash,
		readonly scriptTail: Buffer,
		readonly oldHash: string,
		/** Offsets of the '>' ending each transcript sentence's link, of the closing quote of each paragraph's class. */
		readonly sentenceEnds: number[] | null,
		readonly paragraphCloses: number[] | null,
		/** Offset just after `<li id="segment-N"` of each segment in the list; of the closing quote of each timeline link's class. */
		readonly segmentIds: number[] | null,
		readonly timelineCloses: number[] | null
	) {}

	/** The template of `base`, the page rendered at `baseT`; null when a slot is not where it should be. */
	static of(base: CachedAnswer, baseT: string | null, source: MomentSource): MomentTemplate | null {
		const body = Buffer.from(base.body.buffer, base.body.byteOffset, base.body.byteLength);
		const was = baseT === null ? plainState(source) : momentState(source, baseT);
		const find = (needle: string, from = 0) => (from < 0 ? -1 : body.indexOf(needle, from));
		const slot = (at: number, from: string): Slot | null => {
			if (at < 0) return null;
			const bytes = Buffer.from(from);
			return body.subarray(at, at + bytes.length).equals(bytes) ? { at, from: bytes } : null;
		};

		// The page's data (its last values: layout data comes before it, and user text in strings cannot end it so).
		const dataAt = body.lastIndexOf(was.data);
		const scriptStart = dataAt < 0 ? -1 : body.lastIndexOf('<script>', dataAt) + '<script>'.length;
		const scriptEnd = find('</script>', dataAt);
		if (dataAt < 0 || scriptStart < '<script>'.length || scriptEnd < 0) return null;
		const data = slot(dataAt, was.data)!;
		const oldHash = `'sha256-${createHash('sha256').update(body.subarray(scriptStart, scriptEnd)).digest('base64')}'`;
		const policy = base.headers.find(([name]) => name === 'content-security-policy')?.[1];
		if (policy !== undefined && !policy.includes(oldHash)) return null;
		const scriptHead = createHash('sha256').update(body.subarray(scriptStart, dataAt));
		const scriptTail = Buffer.from(body.subarray(dataAt + data.from.length, scriptEnd)); // a copy: the template keeps no page

		// The transcript: each sentence's link and each paragraph (Transcript.svelte).
		let sentenceEnds: number[] | null = null;
		let paragraphCloses: number[] | null = null;
		if (source.paragraphs.length) {
			const from = find('<ol class="transcript ');
			const to = find('</ol>', from);
			if (from < 0 || to < 0) return null;
			sentenceEnds = [];
			for (let at = find('<a class="sentence ', from); at >= 0 && at < to; at = find('<a class="sentence ', at + 1)) {
				const end = find('>', at);
				if (end < 0 || end > to) return null;
				sentenceEnds.push(end);
			}
			paragraphCloses = [];
			for (let at = find('<li class="', from); at >= 0 && at < to; at = find('<li class="', at + 1)) {
				const close = find('"', at + '<li class="'.length);
				if (close < 0 || close > to) return null;
				paragraphCloses.push(close);
			}
		}

		// The segment list (SegmentList.svelte) and the timeline (Timeline.svelte) with its playhead.
		let segmentIds: number[] | null = null;
		let timelineCloses: number[] | null = null;
		let playhead: Slot | null = null;
		if (source.segments.length) {
			segmentIds = source.segments.map((segment) => {
				const id = `<li id="segment-${segment.id}"`;
				const at = find(id);
				return at < 0 ? -1 : at + id.length;
			});
			if (source.durationSeconds) {
				const from = find('<nav class="timeline ');
				const to = find('</nav>', from);
				if (from < 0 || to < 0) return null;
				const style = find(was.playhead, find('<span class="playhead ', from));
				if (style < 0 || style > to) return null;
				playhead = slot(style, was.playhead);
				timelineCloses = [];
				for (let at = find('<a ', from); at >= 0 && at < to; at = find('<a ', at + 1)) {
					const classAt = find(' class="', at);
					const close = classAt < 0 ? -1 : find('"', classAt + ' class="'.length);
					timelineCloses.push(close < 0 || close > find('>', at) ? -1 : close);
				}
			}
		}

		// The player for readers without JavaScript (Player.svelte), which starts at the moment by a media fragment, and
		// the share panel for the moment after it, whose link and code are inside <noscript> (SharePanel.svelte).
		const audioAt = find('<noscript><div class="episode-audio');
		if (was.audioSrc === null || audioAt < 0) return null; // no player: rendered (rare)
		const shareAt = find('<details class="share', audioAt);
		const shareEnd = find('</details>', shareAt);
		const link = slot(find(`value="${escapeAttribute(was.share.link)}"`, shareAt), `value="${escapeAttribute(was.share.link)}"`);
		const codeFrom = `>${escapeText(was.share.code)}</textarea>`;
		const codeAt = find(codeFrom, shareAt);
		const code = codeAt > shareEnd ? null : slot(codeAt, codeFrom);
		const srcAt = find(was.audioSrc, audioAt);
		const src = srcAt > find('</audio>', audioAt) ? null : slot(srcAt, was.audioSrc);
		// The notice under the episode's header (the page's {#if notice} ... {:else if data.start} block), just before
		// the player's block.
		const noticeEnd = audioAt - ' <!--[0-->'.length;
		const notice = slot(find(' <!--[0-->', noticeEnd) === noticeEnd ? noticeEnd - Buffer.byteLength(was.notice) : -1, was.notice);
		// The head tags (page-meta.ts).
		const head = slot(find(was.head), was.head);
		if (shareAt < 0 || !link || !code || !src || !notice || !head) return null;

		const template = new MomentTemplate(base.status, base.headers, source, was, { data, head, notice, link, code, src, playhead }, scriptHead, scriptTail, oldHash, sentenceEnds, paragraphCloses, segmentIds, timelineCloses);
		// The marks the kept page has where it is playing must be where they should be.
		return template.#moveMarks(body, was, [], true) ? template : null;
	}

	/**
	 * The page at the moment `rawT` (the `t` parameter as given; null for none); null when a mark is not where it
	 * should be (then the page is rendered). `etag`: 'moment' derives it from the kept page's (momentEtag), 'page'
	 * hashes the page as SvelteKit does (for the page without `t` made from a moment, kept as SvelteKit would give it).
	 */
	fill(page: Uint8Array, rawT: string | null, etag: 'moment' | 'page' = 'moment'): CachedAnswer | null {
		const from = Buffer.from(page.buffer, page.byteOffset, page.byteLength);
		const now = momentState(this.source, rawT);
		const { data, head, notice, link, code, src, playhead } = this.slots;
		const edits: ByteEdit[] = [
			{ at: data.at, length: data.from.length, to: now.data },
			{ at: head.at, length: head.from.length, to: now.head },
			{ at: notice.at, length: notice.from.length, to: now.notice },
			{ at: link.at, length: link.from.length, to: `value="${escapeAttribute(now.share.link)}"` },
			{ at: code.at, length: code.from.length, to: `>${escapeText(now.share.code)}</textarea>` },
			{ at: src.at, length: src.from.length, to: now.audioSrc! }
		];
		if (playhead) edits.push({ at: playhead.at, length: playhead.from.length, to: now.playhead });
		if (!this.#moveMarks(from, now, edits)) return null;
		edits.sort((a, b) => a.at - b.at);
		const pieces: Buffer[] = [];
		let done = 0;
		for (const edit of edits) {
			if (edit.at < done) return null; // two edits overlap: not a page this knows
			pieces.push(from.subarray(done, edit.at), Buffer.from(edit.to));
			done = edit.at + edit.length;
		}
		pieces.push(from.subarray(done));
		const body = Buffer.concat(pieces);
		const newHash = `'sha256-${this.scriptHead.copy().update(now.data).update(this.scriptTail).digest('base64')}'`;
		const headers = this.headers.map(([name, value]): [string, string] => {
			if (name === 'etag') return [name, etag === 'page' ? etagOf(body.toString('utf8')) : momentEtag(value, rawT ?? '')];
			if (name === 'content-security-policy') return [name, value.replace(this.oldHash, newHash)];
			return [name, value];
		});
		return { status: this.status, headers, body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) as Uint8Array<ArrayBuffer> };
	}

	/**
	 * Adds the edits that move the marks of what is playing from where the kept page has them to where `now` wants
	 * them (or, with `check`, only checks that the kept page has them where it should); false when one is missing.
	 */
	#moveMarks(page: Buffer, now: MomentState, edits: ByteEdit[], check = false): boolean {
		const was = this.was;
		const bytesBefore = (at: number, text: string) => at >= text.length && page.toString('latin1', at - text.length, at) === text;
		const bytesAt = (at: number, text: string) => page.toString('latin1', at, at + text.length) === text;
		const moves = (from: number, to: number) => (check ? ([[from, false]] as const) : from === to ? [] : ([[from, false], [to, true]] as const));
		if (this.sentenceEnds && this.paragraphCloses) {
			for (const [index, on] of moves(was.sentence, now.sentence)) {
				if (index < 0) continue;
				const end = this.sentenceEnds[index];
				if (end === undefined || (!on && !bytesBefore(end, MARK))) return false;
				edits.push(toggle(end, MARK, on));
			}
			for (const [index, on] of moves(paragraphOf(this.source, was.sentence), paragraphOf(this.source, now.sentence))) {
				if (index < 0) continue;
				const close = this.paragraphCloses[index];
				if (close === undefined || (!on && !bytesBefore(close, ' playing'))) return false;
				edits.push(toggle(close, ' playing', on));
			}
		}
		if (this.segmentIds) {
			for (const [index, on] of moves(was.segment, now.segment)) {
				if (index < 0) continue;
				const at = this.segmentIds[index];
				if (at === undefined || at < 0 || (!on && !bytesAt(at, MARK))) return false;
				edits.push(on ? { at, length: 0, to: MARK } : { at, length: MARK.length, to: '' });
				if (!this.timelineCloses) continue;
				const close = this.timelineCloses[index];
				if (close === undefined || close < 0 || (!on && !bytesBefore(close, ' current'))) return false;
				edits.push(toggle(close, ' current', on));
			}
		}
		return true;
	}
}

/**
 * The page at the moment `rawT` (the `t` parameter as given; null for none), made from `base`, the same page rendered
 * at `baseT`; null when a slot is not where it should be (then the page is rendered).
 */
export function fillMomentPage(base: CachedAnswer, baseT: string | null, source: MomentSource, rawT: string | null): CachedAnswer | null {
	return MomentTemplate.of(base, baseT, source)?.fill(base.body, rawT, rawT === null ? 'page' : 'moment') ?? null;
}

/** The edit that adds `marker` just before `at`, or takes it away from just before `at`. */
function toggle(at: number, marker: string, on: boolean): ByteEdit {
	return on ? { at, length: 0, to: marker } : { at: at - marker.length, length: marker.length, to: '' };
}

/**
 * The variants of an episode page kept by the response cache: its `?t=` moments, filled from it. The page's template
 * (its slots' offsets, no copy of the page) is made when the page is kept, while its body is at hand unzipped (or,
 * failing that, the first time a moment is asked for), and kept with the kept page.
 */
export function momentVariants(source: MomentSource): PageVariants {
	const templates = new WeakMap<CachedAnswer, MomentTemplate | null>();
	return {
		bytes: heldBytes(source),
		matches: isMomentUrl,
		prepare: (page, body) => {
			if (!templates.has(page)) templates.set(page, MomentTemplate.of({ status: page.status, headers: page.headers, body }, null, source));
		},
		fill: (page, url) => {
			const body = page.bodyOnce?.() ?? page.body;
			let template = templates.get(page);
			if (template === undefined) templates.set(page, (template = MomentTemplate.of({ status: page.status, headers: page.headers, body }, null, source)));
			return template?.fill(body, url.searchParams.get('t')) ?? null;
		},
		page: (moment, url) => fillMomentPage(moment, url.searchParams.get('t'), source, null)
	};
}

/**
 * About what a moment source holds in memory: a small object per span (V8: ~80 bytes with its two numbers), and
 * strings; with its template's offsets (a number per sentence, paragraph and segment) and head tags, within that.
 */
function heldBytes(source: MomentSource): number {
	const spans = source.segments.length + source.paragraphs.reduce((sum, p) => sum + p.length + 1, 0);
	return 512 + 80 * spans + 2 * (source.origin.length + source.path.length + source.shareTitle.length + (source.audioSrc?.length ?? 0));
}
