import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { parseFeed } from 'podcast-partytime';
import { describe, expect, it } from 'vitest';
import { demoContent } from '../../src/lib/server/demo/content';
import { databaseKinds } from '../helpers/db';
import { serveShareSite } from './site';
import { HOSTILE, PAYLOADS, readJsonLd } from './support';

const EPISODE = '/podcasts/running-explained/running-isnt-therapy';
const QUESTION = demoContent.questions[0]!;

describe.each(databaseKinds)('share, embed and feeds over HTTP on %s', (kind) => {
	const site = serveShareSite(kind);

	async function html(path: string) {
		const response = await site.fetch(path);
		const body = await response.text();
		// Parsed as a browser without JavaScript parses it: <noscript> holds markup (the share panels' link and code).
		return { response, body, doc: parse(body, { blockTextElements: { script: true, style: true, pre: true } }) };
	}

	describe('/oembed', () => {
		it('answers JSON for an episode, a segment and a question, with an iframe to the embed', async () => {
			for (const [target, src, title] of [
				[EPISODE, `/embed${EPISODE}`, "Running Isn't Therapy"],
				[`${EPISODE}?t=720`, `/embed${EPISODE}?t=720`, "Running Isn't Therapy: Mindful Running: Breath, Footsteps and Surroundings (12:00)"],
				[`/questions/${QUESTION.slug}`, `/embed/questions/${QUESTION.slug}`, QUESTION.text]
			] as const) {
				const response = await site.fetch(`/oembed?url=${encodeURIComponent(site.url + target)}&format=json`);
				expect(response.status).toBe(200);
				expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
				expect(response.headers.get('access-control-allow-origin')).toBe('*');
				const body = await response.json();
				expect(body).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Podcast Moments', title });
				expect(body.html).toContain(`<iframe src="${site.url}${src}"`);
			}
		});

		it('answers XML when asked, and JSON by default', async () => {
			const xml = await site.fetch(`/oembed?url=${encodeURIComponent(site.url + EPISODE)}&format=xml&maxwidth=400&maxheight=300`);
			expect(xml.status).toBe(200);
			expect(xml.headers.get('content-type')).toBe('text/xml; charset=utf-8');
			const parsed = new XMLParser({ parseTagValue: false }).parse(await xml.text()).oembed;
			expect(parsed).toMatchObject({ version: '1.0', type: 'rich', width: '400', height: '300' });
			const json = await site.fetch(`/oembed?url=${encodeURIComponent(site.url + EPISODE)}`);
			expect(json.headers.get('content-type')).toMatch(/^application\/json/);
		});

		it('answers 404 for URLs that are not ours, 501 for other formats, 400 without a url or with a bad size', async () => {
			const cases: [string, number][] = [
				[`/oembed?url=${encodeURIComponent('https://elsewhere.example' + EPISODE)}`, 404],
				[`/oembed?url=${encodeURIComponent(site.url + '/podcasts/running-explained/nope')}`, 404],
				[`/oembed?url=${encodeURIComponent(site.url + '/questions/nope')}`, 404],
				[`/oembed?url=${encodeURIComponent(site.url + EPISODE)}&format=yaml`, 501],
				[`/oembed?url=${encodeURIComponent(site.url + EPISODE)}&format=`, 501],
				['/oembed', 400],
				[`/oembed?url=${encodeURIComponent(site.url + EPISODE)}&maxwidth=wide`, 400]
			];
			for (const [path, status] of cases) {
				const response = await site.fetch(path);
				expect(response.status, path).toBe(status);
				expect(await response.text()).toMatch(/^oEmbed: /);
			}
		});
	});

	describe('the episode page', () => {
		it('has oEmbed discovery, Open Graph and Twitter tags, and a canonical URL that keeps t', async () => {
			const { doc } = await html(`${EPISODE}?t=12:00&utm_source=x`);
			const canonical = `${site.url}${EPISODE}?t=720`;
			expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(canonical);
			const json = doc.querySelector('link[type="application/json+oembed"]')!.getAttribute('href')!;
			expect(json).toBe(`${site.url}/oembed?url=${encodeURIComponent(canonical)}&format=json`);
			expect(doc.querySelector('link[type="text/xml+oembed"]')!.getAttribute('href')).toContain('format=xml');
			const oembed = await fetch(json).then((r) => r.json());
			expect(oembed.html).toContain(`/embed${EPISODE}?t=720`);
			const meta = (property: string) => doc.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute('content');
			expect(meta('og:url')).toBe(canonical);
			// A link to a moment previews as that moment: its topic and time, then the episode.
			expect(meta('og:title')).toBe("Mindful Running: Breath, Footsteps and Surroundings (12:00) - Running Isn't Therapy");
			expect(meta('og:description')).toContain('mindful running practice');
			expect(meta('og:audio')).toBe(`${site.url}/audio/demo/running-explained/running-isnt-therapy.wav`);
			expect(meta('og:audio:type')).toBe('audio/wav');
			// Every episode has artwork now (the demo's is its show's placeholder), so Twitter gets the player card.
			expect(meta('og:image')).toBe(`${site.url}/art${EPISODE}/600.webp`);
			expect(meta('twitter:card')).toBe('player');
			expect(meta('twitter:player')).toBe(`${site.url}/embed${EPISODE}?t=720`);
		});

		it('carries PodcastEpisode JSON-LD with a clip per segment', async () => {
			const { body } = await html(EPISODE);
			const [ld] = readJsonLd(body) as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
			expect(ld!['@type']).toBe('PodcastEpisode');
			expect(ld!.hasPart).toHaveLength(demoContent.shows[0]!.episodes.find((e) => e.slug === 'running-isnt-therapy')?.segments.length ?? ld!.hasPart.length);
			expect(ld!.potentialAction.target).toBe(`${site.url}${EPISODE}?t={seek_to_second_number}`);
		});

		it('offers a share link and embed code for the moment and for each segment, readable without JavaScript', async () => {
			const { doc } = await html(`${EPISODE}?t=720`);
			const panels = doc.querySelectorAll('details.share');
			const main = panels.find((p) => p.querySelector('summary')!.text === 'Share this moment')!;
			expect(main.querySelector('input[readonly]')!.getAttribute('value')).toBe(`${site.url}${EPISODE}?t=720`);
			expect(main.querySelector('textarea')!.text).toContain(`src="${site.url}/embed${EPISODE}?t=720"`);
			const segmentPanels = doc.querySelectorAll('section[aria-labelledby="segments-heading"] details.share');
			expect(segmentPanels.length).toBe(doc.querySelectorAll('section[aria-labelledby="segments-heading"] li').length);
			expect(segmentPanels[3]!.querySelector('input')!.getAttribute('value')).toBe(`${site.url}${EPISODE}?t=720,960`);
			for (const panel of panels) {
				const input = panel.querySelector('input[readonly]')!;
				expect(panel.querySelector(`label[for="${input.id}"]`)!.text).toBe('Link');
			}
		});

		it('refuses to be framed', async () => {
			const { response } = await html(EPISODE);
			expect(response.headers.get('x-frame-options')).toBe('DENY');
			expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		});
	});

	describe('the episode embed', () => {
		it('is a compact player without the site header, that may be framed, starting at t', async () => {
			const { response, doc } = await html(`/embed${EPISODE}?t=720,800`);
			expect(response.status).toBe(200);
			expect(response.headers.get('x-frame-options')).toBeNull();
			expect(response.headers.get('content-security-policy')).not.toContain('frame-ancestors');
			expect(doc.querySelector('header nav[aria-label="Site"]')).toBeNull();
			expect(doc.querySelector('footer')).toBeNull();
			expect(doc.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex');
			expect(doc.querySelector('h1')!.text).toBe("Running Isn't Therapy");
			expect(doc.querySelector('h1 a')!.getAttribute('target')).toBe('_blank');
			// Without JavaScript: the native player, starting and stopping at the media fragment.
			const audio = doc.querySelector('audio')!;
			expect(audio.hasAttribute('controls')).toBe(true);
			expect(audio.getAttribute('src')).toBe('/audio/demo/running-explained/running-isnt-therapy.wav#t=720,800');
			expect(doc.querySelector('li[aria-current="true"] h3')!.text).toBe('Mindful Running: Breath, Footsteps and Surroundings');
			expect(doc.querySelectorAll('h2').map((h) => h.text)).toEqual(['Segments', 'Transcript', 'Share']);
			expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`${site.url}${EPISODE}?t=720,800`);
			// The title opens the episode's page at the same moment (built by the server, not by the embed's script).
			expect(doc.querySelector('h1 a')!.getAttribute('href')).toBe(`${site.url}${EPISODE}?t=720,800`);
		});

		it('explains a time it cannot use and plays from the start', async () => {
			const { doc } = await html(`/embed${EPISODE}?t=banana`);
			expect(doc.querySelector('.notice')!.text).toContain('is not a time we understand');
			expect(doc.querySelector('audio')!.getAttribute('src')).not.toContain('#t=');
		});

		it('answers 404 for an episode that does not exist', async () => {
			expect((await site.fetch('/embed/podcasts/running-explained/nope')).status).toBe(404);
		});
	});

	describe('the question embed', () => {
		it('is an answer card whose cited segments each play their own range', async () => {
			const { response, doc } = await html(`/embed/questions/${QUESTION.slug}`);
			expect(response.status).toBe(200);
			expect(response.headers.get('x-frame-options')).toBeNull();
			expect(doc.querySelector('h1')!.text).toBe(QUESTION.text);
			const citations = doc.querySelectorAll('ol.citations > li');
			expect(citations).toHaveLength(QUESTION.links.length);
			for (const [i, citation] of citations.entries()) {
				expect(citation.querySelector('strong')!.text).toBe(QUESTION.links[i]!.segmentTitle);
				expect(citation.querySelector('audio')!.getAttribute('src')).toMatch(/\.wav#t=\d+(\.\d)?,\d+(\.\d)?$/);
				expect(citation.querySelector('details.share input')!.getAttribute('value')).toMatch(/\?t=\d+(\.\d)?,\d+(\.\d)?$/);
				// Its time opens the cited episode's page at the cited segment, in a new tab.
				const link = citation.querySelector('p.source a')!;
				expect(link.getAttribute('target')).toBe('_blank');
				expect(link.getAttribute('href')).toMatch(new RegExp(`^${site.url}/podcasts/[\\w-]+/[\\w-]+\\?t=\\d+(\\.\\d)?,\\d+(\\.\\d)?$`));
			}
			expect(doc.querySelector('h1 a')!.getAttribute('href')).toBe(`${site.url}/questions/${QUESTION.slug}`);
			expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`${site.url}/questions/${QUESTION.slug}`);
		});
	});

	describe('the question page', () => {
		it('has oEmbed discovery, a canonical URL, Question JSON-LD and a share panel for it and each citation', async () => {
			const { doc, body } = await html(`/questions/${QUESTION.slug}?utm_source=x`);
			const canonical = `${site.url}/questions/${QUESTION.slug}`;
			expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(canonical);
			const discovery = doc.querySelector('link[type="application/json+oembed"]')!.getAttribute('href')!;
			const oembed = await fetch(discovery).then((r) => r.json());
			expect(oembed.html).toContain(`src="${site.url}/embed/questions/${QUESTION.slug}"`);
			expect(doc.querySelector('meta[property="og:title"]')!.getAttribute('content')).toBe(QUESTION.text);
			const [ld] = readJsonLd(body) as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
			expect(ld).toMatchObject({ '@type': 'Question', name: QUESTION.text, url: canonical });
			expect(ld!.suggestedAnswer.map((a: { citation: { name: string } }) => a.citation.name)).toEqual(QUESTION.links.map((l) => l.segmentTitle));
			const share = doc.querySelectorAll('details.share');
			expect(share[0]!.querySelector('summary')!.text).toBe('Share this question');
			expect(share[0]!.querySelector('textarea')!.text).toContain(`/embed/questions/${QUESTION.slug}`);
			expect(share.slice(1).map((d) => d.querySelector('summary')!.text)).toEqual(QUESTION.links.map(() => 'Share this segment'));
		});
	});

	describe('a person page', () => {
		it('carries Person JSON-LD and a canonical URL, but no oEmbed discovery (there is no person embed)', async () => {
			const { doc, body } = await html('/people/sarah-strong');
			expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`${site.url}/people/sarah-strong`);
			expect(doc.querySelector('link[type="application/json+oembed"]')).toBeNull();
			const [ld] = readJsonLd(body);
			expect(ld).toMatchObject({ '@type': 'Person', name: 'Sarah Strong', honorificSuffix: 'MSW, LCSW', url: `${site.url}/people/sarah-strong` });
		});
	});

	describe('files out', () => {
		it('serves the feed, chapters and transcripts with their content types and open CORS', async () => {
			for (const [path, type] of [
				['/podcasts/running-explained/feed.xml', 'application/rss+xml; charset=utf-8'],
				[`${EPISODE}/chapters.json`, 'application/json+chapters; charset=utf-8'],
				[`${EPISODE}/transcript.vtt`, 'text/vtt; charset=utf-8'],
				[`${EPISODE}/transcript.srt`, 'application/x-subrip; charset=utf-8']
			] as const) {
				const response = await site.fetch(path);
				expect(response.status, path).toBe(200);
				expect(response.headers.get('content-type')).toBe(type);
				expect(response.headers.get('access-control-allow-origin')).toBe('*');
			}
			const feed = parseFeed(await (await site.fetch('/podcasts/running-explained/feed.xml')).text())!;
			const item = feed.items.find((i) => i.title === "Running Isn't Therapy")!;
			const chapters = await (await fetch(item.podcastChapters!.url)).json();
			expect(chapters.version).toBe('1.2.0');
			const vtt = await (await fetch(item.podcastTranscripts![0]!.url)).text();
			expect(vtt).toMatch(/^WEBVTT\n/);
		});

		it('answers 404 for transcripts of an episode without cues, and for unknown shows', async () => {
			const noTranscript = demoContent.shows.flatMap((s) => s.episodes.map((e) => `/podcasts/${s.slug}/${e.slug}`))[demoContent.shows.flatMap((s) => s.episodes).findIndex((e) => !e.hasTranscript)]!;
			expect((await site.fetch(`${noTranscript}/transcript.vtt`)).status).toBe(404);
			expect((await site.fetch(`${noTranscript}/transcript.srt`)).status).toBe(404);
			expect((await site.fetch('/podcasts/nope/feed.xml')).status).toBe(404);
		});

		it('serves a sitemap and a robots.txt that points at it', async () => {
			const sitemap = await site.fetch('/sitemap.xml');
			expect(sitemap.headers.get('content-type')).toBe('application/xml; charset=utf-8');
			const urls = new XMLParser().parse(await sitemap.text()).urlset.url as { loc: string }[];
			expect(urls.map((u) => u.loc)).toContain(`${site.url}${EPISODE}`);
			const robots = await (await site.fetch('/robots.txt')).text();
			expect(robots).toContain(`Sitemap: ${site.url}/sitemap.xml`);
		});
	});

	describe('hostile content', () => {
		const paths = [
			`/podcasts/${HOSTILE.podcast}/${HOSTILE.episode}`,
			`/embed/podcasts/${HOSTILE.podcast}/${HOSTILE.episode}`,
			`/embed/questions/${HOSTILE.question}`,
			`/questions/${HOSTILE.question}`,
			`/people/${HOSTILE.person}`
		];

		it('renders inert in the episode, question and person pages, their JSON-LD and both embeds', async () => {
			for (const path of paths) {
				const { response, body, doc } = await html(path);
				expect(response.status, path).toBe(200);
				// No element the payloads tried to create exists; every script is ours (the page's start-up, which the
				// policy allows by its hash, or JSON-LD).
				expect(doc.querySelectorAll('img[onerror]'), path).toHaveLength(0);
				expect(body).not.toContain('<img src=x');
				for (const script of doc.querySelectorAll('script')) {
					const csp = response.headers.get('content-security-policy') ?? '';
					const hash = `'sha256-${createHash('sha256').update(script.rawText).digest('base64')}'`;
					const ours = script.getAttribute('src')?.startsWith('/_app/') ?? csp.includes(hash);
					expect(script.getAttribute('type') === 'application/ld+json' || ours, path).toBe(true);
					expect(script.text).not.toContain('alert(1)</script');
				}
				expect(doc.querySelector('h1')!.text).toContain(PAYLOADS[0]); // shown as text
			}
			const { body } = await html(paths[0]!);
			const [ld] = readJsonLd(body) as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
			expect(ld!.name).toBe(`Episode ${PAYLOADS[0]} ${PAYLOADS[1]}`);
			expect(ld!.hasPart[0].name).toBe(`Segment ${PAYLOADS[0]}`);
		});

		it('stays escaped in the feed, chapters and transcript', async () => {
			const xml = await (await site.fetch(`/podcasts/${HOSTILE.podcast}/feed.xml`)).text();
			expect(xml).not.toContain('<script');
			expect(parseFeed(xml)!.items[0]!.title).toBe(`Episode ${PAYLOADS[0]} ${PAYLOADS[1]}`);
			const chapters = await (await site.fetch(`/podcasts/${HOSTILE.podcast}/${HOSTILE.episode}/chapters.json`)).json();
			expect(chapters.chapters[0].title).toBe(`Segment ${PAYLOADS[0]}`);
			const vtt = await (await site.fetch(`/podcasts/${HOSTILE.podcast}/${HOSTILE.episode}/transcript.vtt`)).text();
			expect(vtt).not.toMatch(/<(?!v )/);
		});
	});
});
