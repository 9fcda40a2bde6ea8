/**
 * Show notes come from feeds we do not control. Everything that reaches a page as HTML passes through here:
 * a fixed allow-list of tags and attributes, no scripts, no event handlers, no styles, only http(s)/mailto links,
 * relative links made absolute against the item's own address.
 */
import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [
	'p', 'br', 'a', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre',
	'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'sup', 'sub', 'time'
];

/** Returns HTML that is safe to render; `baseUrl` resolves relative links (the item link, else the show's site). */
export function sanitizeShowNotes(html: string, baseUrl?: string | null): string {
	return sanitizeHtml(html, {
		allowedTags: ALLOWED_TAGS,
		allowedAttributes: { a: ['href', 'title', 'rel'], time: ['datetime'] },
		allowedSchemes: ['http', 'https', 'mailto'],
		allowProtocolRelative: false,
		// Headings in notes would compete with the page's own outline: demote h1 to h2.
		transformTags: {
			h1: 'h2',
			a: (tagName, attribs) => {
				const href = attribs.href ? resolveLink(attribs.href, baseUrl) : undefined;
				// Whatever rel the feed set is replaced: links out of show notes are never endorsed.
				const out: Record<string, string> = attribs.title ? { title: attribs.title } : {};
				if (href) Object.assign(out, { href, rel: 'nofollow noopener noreferrer ugc' });
				return { tagName, attribs: out };
			}
		},
		exclusiveFilter: (frame) => frame.tag === 'a' && !frame.text.trim() && !frame.attribs.href
	});
}

function resolveLink(href: string, baseUrl?: string | null): string | undefined {
	const trimmed = href.trim();
	try {
		return new URL(trimmed, baseUrl ?? undefined).toString();
	} catch {
		// No base to resolve against: keep only links that are already absolute.
		return /^(https?:|mailto:)/i.test(trimmed) ? trimmed : undefined;
	}
}

/** Plain text from HTML, for summaries, meta descriptions and the search index. */
export function htmlToText(html: string): string {
	return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
}
