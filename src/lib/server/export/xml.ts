/** Writing XML by hand, safely: every text and attribute value goes through `escapeXml`. */

// Characters XML 1.0 forbids outright (C0 controls other than tab/newline/return, lone surrogates, U+FFFE/FFFF):
// escaping cannot help with these, so they are dropped rather than producing a feed no parser will read.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML element content and double- or single-quoted attributes. */
export function escapeXml(value: string | number): string {
	return String(value)
		.replace(INVALID_XML_CHARS, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** `<name a="1">text</name>`, or a self-closing element without text; null and undefined attributes are left out. */
export function xmlElement(
	name: string,
	attributes: Record<string, string | number | null | undefined> = {},
	text?: string | number | null
): string {
	const attrs = Object.entries(attributes)
		.filter(([, v]) => v !== null && v !== undefined)
		.map(([k, v]) => ` ${k}="${escapeXml(v!)}"`)
		.join('');
	return text === null || text === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${escapeXml(text)}</${name}>`;
}
