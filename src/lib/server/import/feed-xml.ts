/**
 * Gets a feed's bytes ready for the podcast parser: decoded, checked for well-formedness with a line number, and
 * mended where real feeds break XML but the meaning is clear. Each mend is reported as a Tolerance:
 * - whitespace before the XML declaration (strict parsers refuse the document),
 * - undefined entities such as `&gtgt;` (a doubled `&gt;`) or HTML's `&nbsp;`, and a bare `&`,
 * - an image tag left open (`<itunes:image href="...">` without `/>`), which would swallow the rest of the channel.
 * Anything else that is not well-formed stays an error: guessing there could import the wrong content.
 */
import { decodeHTML } from 'entities';
import { XMLValidator } from 'fast-xml-parser';
import type { Tolerance } from './types';

/** A place in the feed where it is not XML we can read. */
export class XmlProblem extends Error {
	constructor(
		readonly line: number | null,
		readonly reason: string
	) {
		super(reason);
		this.name = 'XmlProblem';
	}
}

const XML_ENTITIES = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);
const IMAGE_TAG = /(^|:)(image|img|thumbnail)$/i;
/** A feed needing more mends than this is not "a few quirks": report it instead of rewriting it. */
const MAX_TAG_REPAIRS = 20;

/** Decodes feed bytes: a BOM wins, then the encoding the XML declaration names, then UTF-8. */
export function decodeFeedBytes(bytes: Uint8Array): string {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
	const declared = /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
	if (declared && !/^utf-?8$/i.test(declared)) {
		try {
			return new TextDecoder(declared).decode(bytes);
		} catch {
			// An encoding name TextDecoder does not know: UTF-8 is what such feeds almost always really are.
		}
	}
	return new TextDecoder('utf-8').decode(bytes);
}

/** Mends what can be mended and checks the rest; throws XmlProblem (with its line) when the feed is not XML. */
export function prepareFeedXml(text: string): { xml: string; tolerated: Tolerance[] } {
	const tolerated = new ToleranceLog();
	let xml = text.replace(/^\uFEFF/, '');
	if (xml.trim() === '') throw new XmlProblem(null, 'the file is empty');
	const leading = /^\s+/.exec(xml)?.[0] ?? '';
	if (leading && xml.startsWith('<?xml', leading.length)) {
		tolerated.add(1, 'whitespace before the XML declaration removed');
		xml = xml.slice(leading.length);
	}
	xml = mendEntities(xml, tolerated);
	xml = mendOpenImageTags(xml, tolerated);
	return { xml, tolerated: tolerated.list() };
}

/** Collects tolerances, folding repeats of the same mend into one line with a count. */
class ToleranceLog {
	private readonly byMessage = new Map<string, { line: number | null; count: number }>();

	add(line: number | null, message: string): void {
		const seen = this.byMessage.get(message);
		if (seen) seen.count++;
		else this.byMessage.set(message, { line, count: 1 });
	}

	list(): Tolerance[] {
		return [...this.byMessage].map(([message, { line, count }]) => ({
			line,
			message: count > 1 ? `${message} (${count} times, first here)` : message
		}));
	}
}

/** Entities XML does not define, and bare ampersands, outside CDATA sections and comments. */
function mendEntities(xml: string, tolerated: ToleranceLog): string {
	const declared = declaredEntities(xml);
	const pattern = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&(#\d+;|#x[0-9a-fA-F]+;|[A-Za-z_][\w.-]*;)?/g;
	const lines = new LineCounter(xml);
	let out = '';
	let last = 0;
	for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) {
		if (match[0][0] === '<') continue;
		const reference = match[1];
		if (reference && (reference[0] === '#' || XML_ENTITIES.has(reference.slice(0, -1)) || declared.has(reference.slice(0, -1)))) {
			continue;
		}
		const line = lines.lineOf(match.index);
		let replacement: string;
		if (!reference) {
			replacement = '&amp;';
			tolerated.add(line, 'a bare "&" read as text');
		} else {
			const name = reference.slice(0, -1);
			const doubled = /^(lt|gt|amp|quot|apos)\1+$/.exec(name);
			const html = decodeHTML(`&${name};`);
			if (doubled) {
				replacement = `&${doubled[1]};`;
				tolerated.add(line, `undefined entity "&${name};" read as "&${doubled[1]};"`);
			} else if (html !== `&${name};`) {
				replacement = [...html].map((ch) => `&#x${ch.codePointAt(0)!.toString(16)};`).join('');
				tolerated.add(line, `HTML entity "&${name};" (not defined in XML) read as its character`);
			} else {
				replacement = `&amp;${name};`;
				tolerated.add(line, `undefined entity "&${name};" kept as text`);
			}
		}
		out += xml.slice(last, match.index) + replacement;
		last = match.index + match[0].length;
	}
	return last === 0 ? xml : out + xml.slice(last);
}

/** Names declared in an internal DTD subset (rare in feeds, but then they are defined). */
function declaredEntities(xml: string): Set<string> {
	const names = new Set<string>();
	const doctype = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i.exec(xml.slice(0, 100_000));
	if (doctype) for (const m of doctype[1]!.matchAll(/<!ENTITY\s+([\w.-]+)/g)) names.add(m[1]!);
	return names;
}

/** Validates; each time the fault is an image tag left open, closes it and tries again. */
function mendOpenImageTags(xml: string, tolerated: ToleranceLog): string {
	for (let attempt = 0; ; attempt++) {
		const result = XMLValidator.validate(xml);
		if (result === true) return xml;
		const { msg, line } = result.err;
		const open = /^Expected closing tag '([^']+)' \(opened in line (\d+), col (\d+)\)/.exec(msg);
		if (open && IMAGE_TAG.test(open[1]!) && attempt < MAX_TAG_REPAIRS) {
			const at = offsetOf(xml, Number(open[2]), Number(open[3]));
			const end = endOfStartTag(xml, at);
			if (end !== -1) {
				xml = `${xml.slice(0, end)}/${xml.slice(end)}`;
				tolerated.add(Number(open[2]), `<${open[1]}> was never closed; read as an empty tag`);
				continue;
			}
		}
		throw new XmlProblem(line ?? null, describeXmlError(msg));
	}
}

/** fast-xml-parser's messages, said the way someone fixing the feed needs them. */
function describeXmlError(msg: string): string {
	if (msg === 'Start tag expected.') return 'not XML: no start tag found';
	if (/^char '.' is not expected\.$/.test(msg)) return `not well-formed XML: ${msg.replace(/\.$/, '')}`;
	if (/^Invalid '\[/.test(msg)) {
		const names = msg.match(/"([^"]+)"/g)?.map((n) => n.slice(1, -1)) ?? [];
		return `not well-formed XML: the file ends before <${names.at(-1) ?? '?'}> is closed (it may be cut off)`;
	}
	return `not well-formed XML: ${msg.replace(/\.$/, '')}`;
}

/** The offset of 1-based line and column. */
function offsetOf(text: string, line: number, col: number): number {
	let offset = 0;
	for (let l = 1; l < line; l++) {
		const next = text.indexOf('\n', offset);
		if (next === -1) break;
		offset = next + 1;
	}
	return offset + col - 1;
}

/** The offset of the `>` that ends the start tag at `at`, skipping quoted attribute values; -1 if none. */
function endOfStartTag(text: string, at: number): number {
	let quote: string | null = null;
	for (let i = at + 1; i < text.length && i < at + 10_000; i++) {
		const ch = text[i];
		if (quote) {
			if (ch === quote) quote = null;
		} else if (ch === '"' || ch === "'") quote = ch;
		else if (ch === '<') return -1;
		else if (ch === '>') return text[i - 1] === '/' ? -1 : i;
	}
	return -1;
}

/** Line numbers for increasing offsets, counting each newline once. */
export class LineCounter {
	private offset = 0;
	private line = 1;

	constructor(private readonly text: string) {}

	/** The 1-based line of `offset`; offsets must not decrease between calls. */
	lineOf(offset: number): number {
		for (let i = this.text.indexOf('\n', this.offset); i !== -1 && i < offset; i = this.text.indexOf('\n', i + 1)) {
			this.line++;
			this.offset = i + 1;
		}
		return this.line;
	}
}
