import { describe, expect, it } from 'vitest';
import { MESSAGE_CONTEXT, originOf, parseEmbedCommand } from '../../src/lib/embed-api';
import { embedPath, episodePath } from '../../src/lib/paths';
import { buildEmbedCode, buildMomentUrl, escapeHtml } from '../../src/lib/share';
import { ATTRIBUTE_PAYLOAD, SCRIPT_PAYLOAD } from './support';

const ORIGIN = 'https://moments.example';

describe('buildMomentUrl', () => {
	it('links to the page alone when there is no moment, or the moment is the very start', () => {
		expect(buildMomentUrl(ORIGIN, '/podcasts/a/b', null)).toBe('https://moments.example/podcasts/a/b');
		expect(buildMomentUrl(ORIGIN, '/podcasts/a/b', { start: 0, end: null })).toBe('https://moments.example/podcasts/a/b');
	});

	it('adds t for a start, and t=start,end with a plain comma for a clip', () => {
		expect(buildMomentUrl(ORIGIN, '/podcasts/a/b', { start: 754, end: null })).toBe('https://moments.example/podcasts/a/b?t=754');
		expect(buildMomentUrl(ORIGIN, '/podcasts/a/b', { start: 754.25, end: 800 })).toBe('https://moments.example/podcasts/a/b?t=754.3,800');
		expect(buildMomentUrl(ORIGIN, '/podcasts/a/b', { start: 0, end: 30 })).toBe('https://moments.example/podcasts/a/b?t=0,30');
	});

	it('puts the embed of a page under /embed', () => {
		expect(embedPath(episodePath('show', 'episode'))).toBe('/embed/podcasts/show/episode');
	});
});

describe('buildEmbedCode', () => {
	it('fills its column up to the default width when no width is asked for', () => {
		const code = buildEmbedCode({ src: 'https://moments.example/embed/podcasts/a/b?t=5', title: 'T' });
		expect(code).toBe(
			'<iframe src="https://moments.example/embed/podcasts/a/b?t=5" title="T" width="100%" height="360" style="max-width:640px;border:0" allow="autoplay; clipboard-write" loading="lazy"></iframe>'
		);
	});

	it('escapes a hostile title so it stays inside its attribute', () => {
		const code = buildEmbedCode({ src: 'https://moments.example/embed/x', title: `${ATTRIBUTE_PAYLOAD}${SCRIPT_PAYLOAD}`, width: 300, height: 200 });
		expect(code).not.toContain('<img');
		expect(code).not.toContain('<script');
		expect(code).toContain(`title="${escapeHtml(ATTRIBUTE_PAYLOAD + SCRIPT_PAYLOAD)}"`);
		expect(code.match(/"/g)!.length % 2).toBe(0);
	});
});

describe('parseEmbedCommand', () => {
	it('accepts seek (with an optional play), play and pause in our context', () => {
		expect(parseEmbedCommand({ context: MESSAGE_CONTEXT, command: 'seek', seconds: 90 })).toEqual({ context: MESSAGE_CONTEXT, command: 'seek', seconds: 90 });
		expect(parseEmbedCommand({ context: MESSAGE_CONTEXT, command: 'seek', seconds: 1.5, play: true })).toMatchObject({ play: true });
		expect(parseEmbedCommand({ context: MESSAGE_CONTEXT, command: 'play' })).toEqual({ context: MESSAGE_CONTEXT, command: 'play' });
		expect(parseEmbedCommand({ context: MESSAGE_CONTEXT, command: 'pause', extra: 1 })).toEqual({ context: MESSAGE_CONTEXT, command: 'pause' });
	});

	it('ignores other messages, other contexts, unknown commands and times that are not finite and positive', () => {
		for (const data of [
			null,
			'seek',
			42,
			{ command: 'play' },
			{ context: 'youtube', command: 'play' },
			{ context: MESSAGE_CONTEXT, command: 'stop' },
			{ context: MESSAGE_CONTEXT, command: 'seek' },
			{ context: MESSAGE_CONTEXT, command: 'seek', seconds: '90' },
			{ context: MESSAGE_CONTEXT, command: 'seek', seconds: -1 },
			{ context: MESSAGE_CONTEXT, command: 'seek', seconds: Number.NaN },
			{ context: MESSAGE_CONTEXT, command: 'seek', seconds: Number.POSITIVE_INFINITY }
		]) {
			expect(parseEmbedCommand(data)).toBeNull();
		}
	});
});

describe('originOf', () => {
	it('reads the origin of a URL and refuses what has none', () => {
		expect(originOf('https://blog.example:8443/post?x=1')).toBe('https://blog.example:8443');
		expect(originOf('')).toBeNull();
		expect(originOf('not a url')).toBeNull();
		expect(originOf('data:text/html,hi')).toBeNull();
	});
});
