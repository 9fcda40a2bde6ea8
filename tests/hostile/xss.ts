import { createHash } from 'node:crypto';
/**
 * The hostile content (payloads.ts) as every page and file out shows it: shown as text, never as markup that runs.
 * tests/share covers two payloads in direct inserts; this goes through the importer, with twenty-odd payloads, over
 * every page that shows content, JSON-LD, the embeds, search, oEmbed, and the feeds, chapters and transcripts out.
 * Not a test file: tests/hostile/http.test.ts runs it against its server.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { HOSTILE_SHOW, XSS_PAYLOADS } from './payloads';
import type { HostileSite } from './site';

/** URL schemes that run script or render attacker HTML when followed or loaded. */
const DANGEROUS_URL = /^(javascript|vbscript|data:text\/html|data:image\/svg)/i;
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'xlink:href', 'poster', 'background'];
/** Meta tags whose content other sites and apps load as an address (Open Graph, Twitter cards). */
const URL_META = /(:image|:url|:audio|:video|:player)(:secure_url)?$/;
/** Elements the site never renders, so any one of them came from content. */
const FOREIGN_ELEMENTS = 'iframe, object, embed, base, frame, frameset, applet, math, meta[http-equiv], link[rel="import"], form[action^="javascript"]';

/**
 * Everything in a rendered page that could run the payloads; empty when they are all inert. `csp` is the page's
 * Content-Security-Policy: the scripts it allows by hash are ours (an HTML fragment, such as a feed's description,
 * allows none).
 */
export function activeContent(html: string, csp = ''): string[] {
	const doc = parse(html, { comment: false });
	const found: string[] = [];
	for (const script of doc.querySelectorAll('script')) {
		const type = script.getAttribute('type');
		if (type === 'application/ld+json') {
			// Data, not code: it must not end early (no "<" at all), must parse, and must keep no raw line separators.
			if (/[<\u2028\u2029]/.test(script.rawText)) found.push(`JSON-LD with "<" or a line separator: ${script.rawText.slice(0, 120)}`);
			try {
				JSON.parse(script.rawText);
			} catch {
				found.push(`JSON-LD that does not parse: ${script.rawText.slice(0, 120)}`);
			}
		} else if (!csp.includes(`'sha256-${createHash('sha256').update(script.rawText).digest('base64')}'`)) {
			// SvelteKit's own start-up script carries the page data (payloads included, as escaped JavaScript strings);
			// a payload that broke out of it would be a script of its own, whose hash the policy does not name.
			found.push(`a script the page's policy does not allow by hash: ${script.toString().slice(0, 120)}`);
		}
	}
	for (const element of doc.querySelectorAll('*') as HTMLElement[]) {
		for (const [name, value] of Object.entries(element.attributes)) {
			const lower = name.toLowerCase();
			if (lower.startsWith('on')) found.push(`<${element.rawTagName} ${name}="${value.slice(0, 60)}">`);
			// Browsers ignore tabs, newlines and leading spaces inside a scheme ("jav&#x09;ascript:").
			if (URL_ATTRIBUTES.includes(lower) && DANGEROUS_URL.test(value.replace(/[\s\u0000-\u001f]/g, ''))) {
				found.push(`<${element.rawTagName} ${name}="${value.slice(0, 60)}">`);
			}
 			const metaName = element.rawTagName === 'meta' ? (element.getAttribute('property') ?? element.getAttribute('name') ?? '') : '';
			if (lower === 'content' && URL_META.test(metaName) && !/^https?:\/\//i.test(value.trim())) found.push(`<meta ${metaName} content="${value.slice(0, 60)}">`);
			if (lower === 'style' && /expression\(|javascript:|url\(\s*['"]?\s*javascript/i.test(value)) found.push(`style="${value.slice(0, 60)}"`);
		}
	}
	for (const element of doc.querySelectorAll(FOREIGN_ELEMENTS)) found.push(`a <${element.rawTagName}> element`);
	return found;
}

export function describeXssInert(site: HostileSite): void {
	const episodePath = () => `/podcasts/${site.show}/${site.episode}`;

	async function page(pathname: string) {
		const response = await site.fetch(pathname);
		const html = await response.text();
		return { status: response.status, html, doc: parse(html), csp: response.headers.get('content-security-policy') ?? '' };
	}

	describe('hostile content from a feed', () => {
		it('imported with its payloads intact, for the pages to show as text', async () => {
			const { status, doc } = await page(episodePath());
			expect(status).toBe(200);
			expect(doc.querySelector('h1')!.text).toBe(HOSTILE_SHOW.episodeTitle);
		});

		it('is inert on every page that shows it: episode, show, people, question, embeds, search and home', async () => {
			const episode = await page(episodePath());
			const personPaths = [...new Set(episode.doc.querySelectorAll('a[href^="/people/"]').map((a) => a.getAttribute('href')!))];
			expect(personPaths.length).toBeGreaterThanOrEqual(1); // the guest, whose name and bio are hostile
			const paths = [
				episodePath(),
				`${episodePath()}?t=120`,
				`/podcasts/${site.show}`,
				'/podcasts',
				'/',
				...personPaths,
				`/questions/${HOSTILE_SHOW.question}`,
				`/embed${episodePath()}`,
				`/embed/questions/${HOSTILE_SHOW.question}`,
				'/search?q=hostile',
				'/search?q=alert+script+onerror',
				'/search?q=chapter+said'
			];
			for (const path of paths) {
				const { status, html, csp } = await page(path);
				expect(status, path).toBe(200);
				expect(activeContent(html, csp), path).toEqual([]);
			}
		});

		it('shows the payloads as text where they were written', async () => {
			const episode = await page(episodePath());
			const chapterTitles = episode.doc.querySelectorAll('section[aria-labelledby="segments-heading"] h3').map((h) => h.text);
			expect(chapterTitles).toContain(`Chapter ${XSS_PAYLOADS[7]}`);
			const question = await page(`/questions/${HOSTILE_SHOW.question}`);
			expect(question.doc.querySelector('h1')!.text).toContain(XSS_PAYLOADS[5]);
			const search = await page('/search?q=hostile');
			expect(search.doc.querySelector('main')!.text).toContain('Hostile Episode </script><script>alert(2)</script>');
		});

		it('keeps JSON-LD as data: the names come back exactly, and "</script>" cannot end the element', async () => {
			for (const path of [episodePath(), `/questions/${HOSTILE_SHOW.question}`]) {
				const { html, doc } = await page(path);
				const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
				expect(scripts.length, path).toBe(1);
				const body = scripts[0]!.rawText;
				expect(body).not.toMatch(/<\/script/i);
				const data = JSON.parse(body) as { name: string };
				expect(data.name).toContain('</script><script>alert(');
				expect(html.match(/<\/script/gi)!.length).toBe(doc.querySelectorAll('script').length);
			}
		});

		it('never carries the feed\'s javascript:, vbscript: or data: images and links into a page or its share cards', async () => {
			for (const path of [episodePath(), `/podcasts/${site.show}`, `/embed${episodePath()}`]) {
				const { doc } = await page(path);
				const addresses = [
					...doc.querySelectorAll('a[href], img[src], audio[src], source[src], link[href]').map((e) => e.getAttribute('href') ?? e.getAttribute('src')!),
					...doc.querySelectorAll('meta[content]').filter((m) => URL_META.test(m.getAttribute('property') ?? m.getAttribute('name') ?? '')).map((m) => m.getAttribute('content')!)
				];
				expect(addresses.length, path).toBeGreaterThan(0);
				expect(addresses.filter((a) => /^\s*(javascript|vbscript|data):/i.test(a)), path).toEqual([]);
			}
		});

		it('stays escaped in the RSS feed out, which parses back to the same titles', async () => {
			const response = await site.fetch(`/podcasts/${site.show}/feed.xml`);
			expect(response.status).toBe(200);
			const xml = await response.text();
			expect(XMLValidator.validate(xml)).toBe(true);
			expect(xml).not.toMatch(/<script|<img|<svg|<iframe|<!\[CDATA\[/i);
			// `item` read as a list whatever its count: the episode whose enclosure was a javascript: URL has no audio to publish.
			const channel = new XMLParser({ processEntities: true, htmlEntities: true, isArray: (name) => name === 'item' }).parse(xml).rss.channel;
			expect(channel.title).toBe(HOSTILE_SHOW.title);
			const item = (channel.item as { title: string; description: string }[]).find((i) => i.title === HOSTILE_SHOW.episodeTitle)!;
			expect(item).toBeDefined();
			// The notes travel as sanitized HTML: their markup may be there, but nothing that runs.
			expect(activeContent(item.description)).toEqual([]);
		});

		it('stays data in chapters.json, with no link the feed tried to smuggle in', async () => {
			const response = await site.fetch(`${episodePath()}/chapters.json`);
			expect(response.status).toBe(200);
			const { chapters } = (await response.json()) as { chapters: { title: string; url?: string; img?: string }[] };
			expect(chapters.map((c) => c.title)).toContain(`Chapter ${XSS_PAYLOADS[0]}`);
			for (const c of chapters) {
				for (const link of [c.url, c.img]) if (link !== undefined) expect(link).toMatch(/^https?:\/\//);
			}
		});

		it('stays text in the VTT transcript (no markup but voices), and neither VTT nor SRT gets a cue the text tried to start', async () => {
			const cues = (await page(episodePath())).doc.querySelectorAll('ol[aria-label="Transcript"] > li').length;
			expect(cues).toBeGreaterThan(XSS_PAYLOADS.length / 2);
			const vtt = await (await site.fetch(`${episodePath()}/transcript.vtt`)).text();
			expect(vtt.startsWith('WEBVTT')).toBe(true);
			expect(vtt).not.toMatch(/<(?!v |\/v>)/);
			expect(vtt.split('\n').filter((line) => / --> /.test(line))).toHaveLength(cues);
			// SRT has no escaping: its text goes out as written (tests/share checks that), as a type no browser renders.
			const srtResponse = await site.fetch(`${episodePath()}/transcript.srt`);
			expect(srtResponse.headers.get('content-type')).toMatch(/^application\/x-subrip/);
			expect(srtResponse.headers.get('x-content-type-options')).toBe('nosniff');
			const srt = await srtResponse.text();
			expect(srt.split('\n').filter((line) => / --> /.test(line))).toHaveLength(cues);
		});

		it('is escaped in the search API, whose HTML fields hold nothing but <mark>', async () => {
			const response = await site.fetch('/api/search?q=alert+script+chapter+hostile');
			expect(response.status).toBe(200);
			const body = (await response.json()) as { segments: { snippetHtml: string }[]; questions: { textHtml: string }[] };
			const htmlFields = [...body.segments.map((s) => s.snippetHtml), ...body.questions.map((q) => q.textHtml)];
			expect(htmlFields.length).toBeGreaterThan(0);
			for (const field of htmlFields) expect(field.replace(/<\/?mark>/g, '')).not.toMatch(/</);
		});

		it('is escaped in oEmbed, whose HTML is one iframe of our own', async () => {
			const target = encodeURIComponent(`${site.url}${episodePath()}`);
			const json = (await (await site.fetch(`/oembed?url=${target}&format=json`)).json()) as { title: string; html: string };
			expect(json.title).toContain('</script><script>alert(2)</script>');
			const fragment = parse(json.html);
			expect(fragment.querySelectorAll('*').map((e) => e.rawTagName)).toEqual(['iframe']);
			expect(fragment.querySelector('iframe')!.getAttribute('src')).toBe(`${site.url}/embed${episodePath()}`);
			expect(Object.keys(fragment.querySelector('iframe')!.attributes).filter((a) => a.toLowerCase().startsWith('on'))).toEqual([]);
			const xml = await (await site.fetch(`/oembed?url=${target}&format=xml`)).text();
			expect(XMLValidator.validate(xml)).toBe(true);
			expect(xml).not.toMatch(/<script/i);
		});
	});
}
