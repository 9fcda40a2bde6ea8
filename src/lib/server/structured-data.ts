/**
 * schema.org JSON-LD for episode, question and person pages, so search engines can show an episode's key moments
 * and link straight to the second that answers a question. Everything here is data from feeds we do not control:
 * `serializeJsonLd` is the only way it reaches a page.
 */
import type { EpisodePage } from './episodes';
import { htmlToText } from './sanitize';
import { artworkPath, episodePath, podcastFeedPath, podcastPath, questionPath } from '$lib/paths';
import { buildMomentUrl } from '$lib/share';
import { toIsoDuration } from '$lib/timestamp';

type JsonLd = Record<string, unknown>;

/** Roles whose people are heard in the episode (schema.org `actor`); everyone else is a `contributor`. */
const ON_AIR_ROLE = /host|guest|narrator|announcer|reporter|voice/i;
/** The longest description we put in structured data; search engines show a snippet of it at most. */
const MAX_DESCRIPTION = 500;

/**
 * `<script type="application/ld+json">` holding `data`, safe to render with {@html}. `<`, `>` and `&` become \u
 * escapes so a title containing `</script>` or `<!--` cannot end the element; U+2028/2029 are escaped for old
 * parsers. The type makes it a data block, which the CSP's script-src does not govern, so it needs no nonce.
 * `attribute` is a fixed, bare attribute name added to the element (page-meta.ts marks its tags with one).
 */
export function serializeJsonLd(data: JsonLd, attribute?: string): string {
	const json = JSON.stringify(data)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
	return `<script type="application/ld+json"${attribute ? ` ${attribute}` : ''}>${json}</script>`;
}

/** Resolves a stored URL (the demo audio is site-relative) against the site's origin; null stays null. */
export function absoluteUrl(origin: string, url: string | null | undefined): string | null {
	if (!url) return null;
	try {
		return new URL(url, origin).toString();
	} catch {
		return null;
	}
}

/** Show notes as one line of text; block ends become spaces first so "rest.</p><ul><li>The" does not read "rest.The". */
function notesToText(html: string): string {
	return htmlToText(html.replace(/<\/(?:p|li|h[1-6]|blockquote|pre|div)>|<br\s*\/?>/gi, '$& '));
}

function truncate(text: string, max = MAX_DESCRIPTION): string {
	return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

interface PersonInput {
	slug: string;
	name: string;
	credentials?: string | null;
	link?: string | null;
	imageUrl?: string | null;
	bio?: string | null;
}

function personNode(origin: string, person: PersonInput, extra: JsonLd = {}): JsonLd {
	return {
		'@type': 'Person',
		name: person.name,
		url: buildMomentUrl(origin, `/people/${encodeURIComponent(person.slug)}`, null),
		...(person.credentials ? { honorificSuffix: person.credentials } : {}),
		...(person.imageUrl ? { image: person.imageUrl } : {}),
		...(person.link ? { sameAs: [person.link] } : {}),
		...(person.bio ? { description: truncate(person.bio) } : {}),
		...extra
	};
}

/** A PodcastEpisode with its series, audio, people, one Clip per segment and a SeekToAction for any second. */
export function episodeJsonLd(page: EpisodePage, origin: string): JsonLd {
	const { podcast, episode } = page;
	const path = episodePath(podcast.slug, episode.slug);
	const url = buildMomentUrl(origin, path, null);
	// Our own copy (always an image: the episode's, its show's or the placeholder), not the feed's address.
	const image = buildMomentUrl(origin, artworkPath(podcast.slug, episode.slug, 600), null);
	const description = episode.descriptionHtml ? notesToText(episode.descriptionHtml) : '';
	const onAir = page.people.filter((p) => ON_AIR_ROLE.test(p.role));
	const offAir = page.people.filter((p) => !ON_AIR_ROLE.test(p.role));
	const audio = absoluteUrl(origin, episode.audioUrl);
	return {
		'@context': 'https://schema.org',
		'@type': 'PodcastEpisode',
		'@id': url,
		url,
		name: episode.title,
		...(description ? { description: truncate(description) } : {}),
		...(episode.publishedAt ? { datePublished: episode.publishedAt } : {}),
		...(episode.episodeNumber !== null ? { episodeNumber: episode.episodeNumber } : {}),
		image,
		...(episode.durationSeconds ? { timeRequired: toIsoDuration(episode.durationSeconds) } : {}),
		partOfSeries: {
			'@type': 'PodcastSeries',
			name: podcast.title,
			url: buildMomentUrl(origin, `/podcasts/${encodeURIComponent(podcast.slug)}`, null),
			webFeed: buildMomentUrl(origin, `/podcasts/${encodeURIComponent(podcast.slug)}/feed.xml`, null),
			...(podcast.author ? { author: { '@type': 'Person', name: podcast.author } } : {})
		},
		...(episode.season !== null ? { partOfSeason: { '@type': 'PodcastSeason', seasonNumber: episode.season } } : {}),
		...(audio
			? {
					associatedMedia: {
						'@type': 'MediaObject',
						contentUrl: audio,
						...(episode.audioMimeType ? { encodingFormat: episode.audioMimeType } : {}),
						...(episode.durationSeconds ? { duration: toIsoDuration(episode.durationSeconds) } : {})
					}
				}
			: {}),
		...(onAir.length ? { actor: onAir.map((p) => personNode(origin, p, { roleName: p.role })) } : {}),
		...(offAir.length ? { contributor: offAir.map((p) => personNode(origin, p, { roleName: p.role })) } : {}),
		hasPart: page.segments.map((segment) => ({
			'@type': 'Clip',
			name: segment.title,
			startOffset: segment.startSeconds,
			endOffset: segment.endSeconds,
			url: buildMomentUrl(origin, path, { start: segment.startSeconds, end: null })
		})),
		// Google's key-moments markup: `target` is the URL template with the second to seek to.
		potentialAction: {
			'@type': 'SeekToAction',
			target: `${url}?t={seek_to_second_number}`,
			'startOffset-input': 'required name=seek_to_second_number'
		}
	};
}

/** A show's PodcastSeries: its name, page, feed, author and artwork (our own copy, at 600 px). */
export function podcastSeriesJsonLd(
	podcast: { slug: string; title: string; author: string | null; description: string | null },
	origin: string
): JsonLd {
	const url = buildMomentUrl(origin, podcastPath(podcast.slug), null);
	return {
		'@context': 'https://schema.org',
		'@type': 'PodcastSeries',
		'@id': url,
		url,
		name: podcast.title,
		...(podcast.description ? { description: truncate(podcast.description) } : {}),
		image: buildMomentUrl(origin, artworkPath(podcast.slug, null, 600), null),
		webFeed: buildMomentUrl(origin, podcastFeedPath(podcast.slug), null),
		...(podcast.author ? { author: { '@type': 'Person', name: podcast.author } } : {})
	};
}

/** What questionJsonLd needs of a question and the segments it cites (a subset of the question page's data). */
export interface QuestionForJsonLd {
	slug: string;
	text: string;
	answer: string | null;
	citations: {
		excerpt: string | null;
		podcast: { slug: string; title: string };
		episode: { slug: string; title: string };
		segment: { title: string; summary: string | null; startSeconds: number; endSeconds: number };
	}[];
}

/**
 * A Question whose answers point at the clips that answer it: the editorial answer (when there is one) as the
 * accepted answer citing every clip, and each cited clip as a suggested answer in citation order.
 */
export function questionJsonLd(question: QuestionForJsonLd, origin: string): JsonLd {
	const url = buildMomentUrl(origin, questionPath(question.slug), null);
	const clips = question.citations.map((c) => {
		const path = episodePath(c.podcast.slug, c.episode.slug);
		return {
			'@type': 'Clip',
			name: c.segment.title,
			startOffset: c.segment.startSeconds,
			endOffset: c.segment.endSeconds,
			url: buildMomentUrl(origin, path, { start: c.segment.startSeconds, end: c.segment.endSeconds }),
			partOfEpisode: { '@type': 'PodcastEpisode', name: c.episode.title, url: buildMomentUrl(origin, path, null) },
			partOfSeries: { '@type': 'PodcastSeries', name: c.podcast.title }
		};
	});
	const suggested = question.citations.map((c, i) => ({
		'@type': 'Answer',
		text: c.excerpt ?? c.segment.summary ?? c.segment.title,
		url: clips[i]!.url,
		position: i + 1,
		citation: clips[i]
	}));
	return {
		'@context': 'https://schema.org',
		'@type': 'Question',
		'@id': url,
		url,
		name: question.text,
		text: question.text,
		answerCount: question.citations.length + (question.answer ? 1 : 0),
		...(question.answer
			? { acceptedAnswer: { '@type': 'Answer', text: question.answer, url, citation: clips } }
			: {}),
		...(suggested.length ? { suggestedAnswer: suggested } : {})
	};
}

/** A Person for a person page. */
export function personJsonLd(person: PersonInput, origin: string): JsonLd {
	return { '@context': 'https://schema.org', ...personNode(origin, person) };
}
