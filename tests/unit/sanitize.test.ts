import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeShowNotes } from '../../src/lib/server/sanitize';

const BASE = 'https://example.com/episodes/9/';

describe('sanitizeShowNotes', () => {
	it('removes scripts and their content', () => {
		expect(sanitizeShowNotes('<p>Hi<script>alert(1)</script></p><script src="https://x.example/a.js"></script>')).toBe('<p>Hi</p>');
	});

	it('removes event handlers such as onerror and onclick, and the images that carry them', () => {
		const out = sanitizeShowNotes('<p onclick="steal()">Read</p><img src=x onerror="alert(1)">after');
		expect(out).toBe('<p>Read</p>after');
		expect(out).not.toMatch(/on\w+=/i);
	});

	it('removes <style> blocks and style attributes', () => {
		expect(sanitizeShowNotes('<style>p{display:none}</style><p style="color:red">styled</p>')).toBe('<p>styled</p>');
	});

	it('removes frames, forms and objects but keeps the text around them', () => {
		const out = sanitizeShowNotes('<iframe src="https://x.example"></iframe><form action="/x"><input name="a"></form><object data="x"></object><p>after</p>');
		expect(out).toBe('<p>after</p>');
	});

	it('resolves relative links against the episode page, and marks every link as not endorsed', () => {
		const out = sanitizeShowNotes('<a href="notes.html">notes</a> <a href="/about">about</a>', BASE);
		expect(out).toBe(
			'<a href="https://example.com/episodes/9/notes.html" rel="nofollow noopener noreferrer ugc">notes</a> ' +
				'<a href="https://example.com/about" rel="nofollow noopener noreferrer ugc">about</a>'
		);
	});

	it('keeps the link text but drops a relative link it cannot resolve without a base', () => {
		expect(sanitizeShowNotes('<a href="/about">about</a>')).toBe('<a>about</a>');
	});

	it('drops javascript: and data: links', () => {
		for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
			const out = sanitizeShowNotes(`<a href="${href}">click</a>`, BASE);
			expect(out).not.toContain('href');
			expect(out).toContain('click');
		}
	});

	it('keeps https and mailto links, replacing the feed\'s rel, target and handlers', () => {
		expect(sanitizeShowNotes('<a href="https://x.example" rel="dofollow" target="_blank" onclick="a()">x</a>')).toBe(
			'<a href="https://x.example/" rel="nofollow noopener noreferrer ugc">x</a>'
		);
		expect(sanitizeShowNotes('<a href="mailto:show@example.com">mail</a>')).toContain('href="mailto:show@example.com"');
	});

	it('keeps the structure of ordinary notes and demotes h1 so it does not compete with the page title', () => {
		const notes = '<h1>In this episode</h1><ul><li><strong>Mood</strong> and <em>stress</em></li></ul><p>Time: <time datetime="PT12M34S">12:34</time></p>';
		expect(sanitizeShowNotes(notes)).toBe(
			'<h2>In this episode</h2><ul><li><strong>Mood</strong> and <em>stress</em></li></ul><p>Time: <time datetime="PT12M34S">12:34</time></p>'
		);
	});
});

describe('htmlToText', () => {
	it('gives readable plain text with entities decoded and whitespace collapsed', () => {
		expect(htmlToText('<p>Tom &amp; Jerry&nbsp;&lt;3</p>\n\n<p>“quoted” &quot;x&quot; it&#39;s</p><script>bad()</script>')).toBe(
			'Tom & Jerry <3 “quoted” "x" it\'s'
		);
	});
});
