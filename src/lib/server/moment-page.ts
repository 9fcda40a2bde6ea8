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
 * the kept page by what surrounds it, and filled here with the values the page's own code computes (the same
 * functions, the same escaping as Svelte's server rendering). When a slot is not where it should be (a page this
 * does not know), nothing is filled and the moment is rendered as before.
 *
 * tests/scaling/moment-pages.test.ts compares filled moments with rendered ones, byte for byte.
 */
import { createHash } from 'node:crypto';
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

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

/**
 * The kept page and the edits to make in it: every slot is found in the page as it was kept, and the page is built
 * once at the end (one copy of it, not one per slot).
 */
class Slots {
	readonly #edits: Edit[] = [];
	constructor(readonly html: string) {}
	/** Replaces `from` by `to` at `at` (where `from` must be). */
	replaceAt(at: number, from: string, to: string): boolean {
		if (at < 0 || !this.html.startsWith(from, at)) return false;
		if (from !== to) this.#edits.push({ at, from, to });
		return true;
	}
	/** The `n`th (0-based) index of `needle` from `from` up to `to`, or -1. */
	nth(needle: string, n: number, from: number, to: number): number {
		let at = from - 1;
		for (let i = 0; i < n + 1; i++) {
			at = this.html.indexOf(needle, at + 1);
			if (at < 0 || at >= to) return -1;
		}
		return at;
	}
	/** The page with every edit made; null when two overlap. */
	build(): string | null {
		const edits = this.#edits.sort((a, b) => a.at - b.at);
		const parts: string[] = [];
		let done = 0;
		for (const edit of edits) {
			if (edit.at < done) return null;
			parts.push(this.html.slice(done, edit.at), edit.to);
			done = edit.at + edit.from.length;
		}
		parts.push(this.html.slice(done));
		return parts.join('');
	}
}

const plainStates = new WeakMap<MomentSource, ReturnType<typeof momentState>>();
/** The page's state without `t` (what every moment is filled from), worked out once per kept page. */
function plainState(source: MomentSource): ReturnType<typeof momentState> {
	let state = plainStates.get(source);
	if (!state) plainStates.set(source, (state = momentState(source, null)));
	return state;
}

/** What the page shows that depends on `t`, as the page's own code computes it. */
function momentState(source: MomentSource, rawT: string | null) {
	const time = parseTimeParam(rawT, source.durationSeconds);
	const start = time?.ok ? time.range : null;
	const notice = time && !time.ok ? time.reason : null;
	const at = start?.start ?? 0;
	const sentences = source.paragraphs.flat();
	const target = { origin: source.origin, path: source.path, title: source.shareTitle };
	return {
		start,
		data: `start:${uneval(start)},timeNotice:${uneval(notice)},origin:${uneval(source.origin)}},uses:`,
		sentence: activeIndex(sentences, at),
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

/**
 * The page at the moment `rawT` (the `t` parameter as given; null for none), made from `base`, the same page rendered
 * at `baseT`; null when a slot is not where it should be (then the page is rendered).
 */
export function fillMomentPage(base: CachedAnswer, baseT: string | null, source: MomentSource, rawT: string | null): CachedAnswer | null {
	const was = baseT === null ? plainState(source) : momentState(source, baseT);
	const now = momentState(source, rawT);
	const page = new Slots(Buffer.from(base.body.buffer, base.body.byteOffset, base.body.byteLength).toString('utf8'));

	// The page's data (its last values: layout data comes before it, and user text in strings cannot end it so).
	const dataAt = page.html.lastIndexOf(was.data);
	const scriptStart = page.html.lastIndexOf('<script>', dataAt) + '<script>'.length;
	const scriptEnd = page.html.indexOf('</script>', dataAt);
	if (dataAt < 0 || scriptStart < '<script>'.length || scriptEnd < 0) return null;
	const oldScript = page.html.slice(scriptStart, scriptEnd);
	const oldHash = `'sha256-${sha256(oldScript)}'`;
	const policy = base.headers.find(([name]) => name === 'content-security-policy')?.[1];
	if (policy !== undefined && !policy.includes(oldHash)) return null;
	if (!page.replaceAt(dataAt, was.data, now.data)) return null;
	const newScript = oldScript.slice(0, dataAt - scriptStart) + now.data + oldScript.slice(dataAt - scriptStart + was.data.length);

	// The other slots, each found in the page as it was kept.
	const mark = ' aria-current="true"';
	if (source.paragraphs.length && was.sentence !== now.sentence) {
		// The transcript: the paragraph holding the sentence playing, and the sentence (Transcript.svelte).
		const from = page.html.indexOf('<ol class="transcript ');
		const to = page.html.indexOf('</ol>', from);
		if (from < 0 || to < 0) return null;
		const paragraphOf = (sentence: number) => {
			if (sentence < 0) return -1; // no sentence is said at that moment (before the first, between two, after the last)
			let n = sentence;
			for (let p = 0; p < source.paragraphs.length; p++) {
				if (n < source.paragraphs[p]!.length) return p;
				n -= source.paragraphs[p]!.length;
			}
			return -1;
		};
		const edits: Edit[] = [];
		for (const [index, on] of [
			[was.sentence, false],
			[now.sentence, true]
		] as const) {
			if (index < 0) continue;
			const tagAt = page.nth('<a class="sentence ', index, from, to);
			const end = tagAt < 0 ? -1 : page.html.indexOf('>', tagAt);
			if (end < 0 || end > to) return null;
			edits.push(toggle(end, mark, on));
		}
		const [pWas, pNow] = [paragraphOf(was.sentence), paragraphOf(now.sentence)];
		if (pWas !== pNow) {
			for (const [index, on] of [
				[pWas, false],
				[pNow, true]
			] as const) {
				if (index < 0) continue;
				const tagAt = page.nth('<li class="', index, from, to);
				const close = tagAt < 0 ? -1 : page.html.indexOf('"', tagAt + '<li class="'.length);
				if (close < 0 || close > to) return null;
				edits.push(toggle(close, ' playing', on));
			}
		}
		if (!applyEdits(page, edits)) return null;
	}

	if (source.segments.length && was.segment !== now.segment) {
		// The segment list: the segment playing is aria-current (SegmentList.svelte).
		const edits: Edit[] = [];
		for (const [index, on] of [
			[was.segment, false],
			[now.segment, true]
		] as const) {
			if (index < 0) continue;
			const id = `<li id="segment-${source.segments[index]!.id}"`;
			const tagAt = page.html.indexOf(id);
			if (tagAt < 0) return null;
			edits.push(on ? { at: tagAt + id.length, from: '', to: mark } : { at: tagAt + id.length, from: mark, to: '' });
		}
		if (!applyEdits(page, edits)) return null;
	}

	if (source.segments.length && source.durationSeconds) {
		// The timeline: the segment playing, and the playhead (Timeline.svelte).
		const from = page.html.indexOf('<nav class="timeline ');
		const to = page.html.indexOf('</nav>', from);
		if (from < 0 || to < 0) return null;
		const playhead = page.html.indexOf('<span class="playhead ', from);
		const style = playhead < 0 ? -1 : page.html.indexOf(was.playhead, playhead);
		if (style < 0 || style > to) return null;
		const edits: Edit[] = [{ at: style, from: was.playhead, to: now.playhead }];
		if (was.segment !== now.segment) {
			for (const [index, on] of [
				[was.segment, false],
				[now.segment, true]
			] as const) {
				if (index < 0) continue;
				const tagAt = page.nth('<a ', index, from, to);
				const classAt = tagAt < 0 ? -1 : page.html.indexOf(' class="', tagAt);
				const close = classAt < 0 ? -1 : page.html.indexOf('"', classAt + ' class="'.length);
				if (close < 0 || close > page.html.indexOf('>', tagAt)) return null;
				edits.push(toggle(close, ' current', on));
			}
		}
		if (!applyEdits(page, edits)) return null;
	}

	// The player for readers without JavaScript (Player.svelte), which starts at the moment by a media fragment, and
	// the share panel for the moment after it, whose link and code are inside <noscript> (SharePanel.svelte).
	const audioAt = page.html.indexOf('<noscript><div class="episode-audio');
	if (was.audioSrc === null || now.audioSrc === null || audioAt < 0) return null; // no player: rendered (rare)
	const shareAt = page.html.indexOf('<details class="share', audioAt);
	const shareEnd = page.html.indexOf('</details>', shareAt);
	const linkFrom = `value="${escapeAttribute(was.share.link)}"`;
	const codeFrom = `>${escapeText(was.share.code)}</textarea>`;
	const linkAt = page.html.indexOf(linkFrom, shareAt);
	const codeAt = page.html.indexOf(codeFrom, shareAt);
	const srcAt = page.html.indexOf(was.audioSrc, audioAt);
	if (shareAt < 0 || linkAt < 0 || codeAt < 0 || codeAt > shareEnd || srcAt < 0 || srcAt > page.html.indexOf('</audio>', audioAt)) return null;
	const edits: Edit[] = [
		{ at: linkAt, from: linkFrom, to: `value="${escapeAttribute(now.share.link)}"` },
		{ at: codeAt, from: codeFrom, to: `>${escapeText(now.share.code)}</textarea>` },
		{ at: srcAt, from: was.audioSrc, to: now.audioSrc }
	];
	if (!applyEdits(page, edits)) return null;

	// The notice under the episode's header (the page's {#if notice} ... {:else if data.start} block), just before
	// the player's block.
	const noticeEnd = audioAt - ' <!--[0-->'.length;
	if (!page.html.startsWith(' <!--[0-->', noticeEnd) || !page.replaceAt(noticeEnd - was.notice.length, was.notice, now.notice)) return null;

	// The head tags (page-meta.ts).
	const headAt = page.html.indexOf(was.head);
	if (headAt < 0 || !page.replaceAt(headAt, was.head, now.head)) return null;

	const html = page.build();
	if (html === null) return null;
	const headers = base.headers.map(([name, value]): [string, string] => {
		if (name === 'etag') return [name, etagOf(html)];
		if (name === 'content-security-policy') return [name, value.replace(oldHash, `'sha256-${sha256(newScript)}'`)];
		return [name, value];
	});
	return { status: base.status, headers, body: new Uint8Array(Buffer.from(html, 'utf8')) };
}

/** The edit that adds `marker` just before `at`, or takes it away from just before `at`. */
function toggle(at: number, marker: string, on: boolean): Edit {
	return on ? { at, from: '', to: marker } : { at: at - marker.length, from: marker, to: '' };
}

interface Edit {
	at: number;
	from: string;
	to: string;
}

/** Adds edits found in the page, each checked at its place. */
function applyEdits(page: Slots, edits: Edit[]): boolean {
	return edits.every((edit) => page.replaceAt(edit.at, edit.from, edit.to));
}

/** The variants of an episode page kept by the response cache: its `?t=` moments, filled from it. */
export function momentVariants(source: MomentSource): PageVariants {
	return {
		bytes: heldBytes(source),
		matches: isMomentUrl,
		fill: (page, url) => fillMomentPage(page, null, source, url.searchParams.get('t')),
		page: (moment, url) => fillMomentPage(moment, url.searchParams.get('t'), source, null)
	};
}

/** About what a moment source holds in memory: a small object per span (V8: ~80 bytes with its two numbers), and strings. */
function heldBytes(source: MomentSource): number {
	const spans = source.segments.length + source.paragraphs.reduce((sum, p) => sum + p.length + 1, 0);
	return 512 + 80 * spans + 2 * (source.origin.length + source.path.length + source.shareTitle.length + (source.audioSrc?.length ?? 0));
}
