import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getQuestionCard } from '../../src/lib/server/embeds';
import { getEpisodePage } from '../../src/lib/server/episodes';
import { episodeJsonLd, personJsonLd, questionJsonLd, serializeJsonLd } from '../../src/lib/server/structured-data';
import { demoContent } from '../../src/lib/server/demo/content';
import { createTestDb, databaseKinds, type TestDb } from '../helpers/db';
import { HOSTILE, insertHostileContent, PAYLOADS, readJsonLd, SCRIPT_PAYLOAD } from './support';

const ORIGIN = 'https://moments.example';
const EPISODE_URL = `${ORIGIN}/podcasts/running-explained/running-isnt-therapy`;
const demo = demoContent.shows.find((s) => s.slug === 'running-explained')!.episodes.find((e) => e.slug === 'running-isnt-therapy')!;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('serializeJsonLd', () => {
	it('cannot be closed from inside: no "<" survives, and the data parses back unchanged', () => {
		const data = { name: `${SCRIPT_PAYLOAD} <!-- & \u2028`, nested: { list: [...PAYLOADS] } };
		const html = serializeJsonLd(data);
		const body = html.slice('<script type="application/ld+json">'.length, -'</script>'.length);
		expect(html.startsWith('<script type="application/ld+json">')).toBe(true);
		expect(body).not.toMatch(/[<>&\u2028]/);
		expect(html.match(/<\/script/gi)).toHaveLength(1);
		expect(JSON.parse(body)).toEqual(data);
	});
});

describe.each(databaseKinds)('structured data on %s', (kind) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb(kind, { seed: true });
		await insertHostileContent(t.db);
	});
	afterAll(() => t?.close());

	async function episodeLd(): Promise<Json> {
		const page = await getEpisodePage(t.db, 'running-explained', 'running-isnt-therapy');
		return readJsonLd(serializeJsonLd(episodeJsonLd(page!, ORIGIN)))[0] as Json;
	}

	it('describes an episode as a PodcastEpisode of its series, with its audio, date and people', async () => {
		const ld = await episodeLd();
		expect(ld['@context']).toBe('https://schema.org');
		expect(ld['@type']).toBe('PodcastEpisode');
		expect(ld.url).toBe(EPISODE_URL);
		expect(ld.name).toBe("Running Isn't Therapy");
		expect(ld.datePublished).toBe(new Date(demo.publishedAt).toISOString().replace('.000', ''));
		expect(ld.episodeNumber).toBe(9);
		expect(ld.description).toMatch(/^Plenty of runners say/);
		expect(ld.description).not.toMatch(/[a-z]\.[A-Z]/); // list items are separated, not run together
		expect(ld.partOfSeries).toMatchObject({
			'@type': 'PodcastSeries',
			name: 'The Running Explained Podcast',
			url: `${ORIGIN}/podcasts/running-explained`,
			webFeed: `${ORIGIN}/podcasts/running-explained/feed.xml`
		});
		expect(ld.partOfSeason).toEqual({ '@type': 'PodcastSeason', seasonNumber: 3 });
		expect(ld.associatedMedia).toEqual({
			'@type': 'MediaObject',
			contentUrl: `${ORIGIN}/audio/demo/running-explained/running-isnt-therapy.wav`,
			encodingFormat: 'audio/wav',
			duration: 'PT50M'
		});
		const actors = ld.actor.map((p: Json) => [p['@type'], p.name, p.roleName, p.url]);
		expect(actors).toEqual([
			['Person', 'Marcus Bell', 'host', `${ORIGIN}/people/marcus-bell`],
			['Person', 'Sarah Strong', 'guest', `${ORIGIN}/people/sarah-strong`]
		]);
		expect(ld.actor[1].honorificSuffix).toBe('MSW, LCSW');
	});

	it('has one Clip per segment with name, offsets and a url that starts there', async () => {
		const ld = await episodeLd();
		expect(ld.hasPart).toHaveLength(demo.segments.length);
		ld.hasPart.forEach((clip: Json, i: number) => {
			const segment = demo.segments[i]!;
			expect(clip).toEqual({
				'@type': 'Clip',
				name: segment.title,
				startOffset: segment.startSeconds,
				endOffset: segment.endSeconds,
				url: segment.startSeconds === 0 ? EPISODE_URL : `${EPISODE_URL}?t=${segment.startSeconds}`
			});
		});
	});

	it('offers a SeekToAction whose URL template takes the second to seek to', async () => {
		const ld = await episodeLd();
		expect(ld.potentialAction).toEqual({
			'@type': 'SeekToAction',
			target: `${EPISODE_URL}?t={seek_to_second_number}`,
			'startOffset-input': 'required name=seek_to_second_number'
		});
	});

	it('describes a question whose answers point at the clips that answer it', async () => {
		const question = demoContent.questions.find((q) => q.slug === 'can-running-serve-as-therapy')!;
		const card = await getQuestionCard(t.db, question.slug);
		const ld = readJsonLd(serializeJsonLd(questionJsonLd(card!, ORIGIN)))[0] as Json;
		expect(ld['@type']).toBe('Question');
		expect(ld.name).toBe(question.text);
		expect(ld.url).toBe(`${ORIGIN}/questions/${question.slug}`);
		expect(ld.answerCount).toBe(question.links.length + 1);
		expect(ld.acceptedAnswer).toMatchObject({ '@type': 'Answer', text: question.answer });
		expect(ld.acceptedAnswer.citation).toHaveLength(question.links.length);
		expect(ld.suggestedAnswer).toHaveLength(question.links.length);
		ld.suggestedAnswer.forEach((answer: Json, i: number) => {
			const link = question.links[i]!;
			const segment = demoContent.shows.find((s) => s.slug === link.show)!.episodes.find((e) => e.slug === link.episode)!.segments.find((s) => s.title === link.segmentTitle)!;
			expect(answer).toMatchObject({ '@type': 'Answer', text: link.excerpt, position: i + 1 });
			expect(answer.url).toBe(`${ORIGIN}/podcasts/${link.show}/${link.episode}?t=${segment.startSeconds},${segment.endSeconds}`);
			expect(answer.citation).toMatchObject({ '@type': 'Clip', name: link.segmentTitle, startOffset: segment.startSeconds, endOffset: segment.endSeconds, url: answer.url });
			expect(answer.citation.partOfEpisode['@type']).toBe('PodcastEpisode');
		});
	});

	it('describes a person', () => {
		const sarah = demoContent.people.find((p) => p.slug === 'sarah-strong')!;
		const ld = personJsonLd({ ...sarah, link: 'https://sarah.example' }, ORIGIN) as Json;
		expect(ld).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'Person',
			name: 'Sarah Strong',
			url: `${ORIGIN}/people/sarah-strong`,
			honorificSuffix: 'MSW, LCSW',
			sameAs: ['https://sarah.example']
		});
		expect(ld.description).toBe(sarah.bio);
	});

	it('keeps hostile titles, names and notes as inert data', async () => {
		const page = await getEpisodePage(t.db, HOSTILE.podcast, HOSTILE.episode);
		const card = await getQuestionCard(t.db, HOSTILE.question);
		for (const data of [episodeJsonLd(page!, ORIGIN), questionJsonLd(card!, ORIGIN), personJsonLd({ slug: 'x', name: SCRIPT_PAYLOAD }, ORIGIN)]) {
			const html = serializeJsonLd(data);
			expect(html.match(/<script/gi)).toHaveLength(1);
			expect(html.match(/<\/script/gi)).toHaveLength(1);
			expect(html).not.toContain('<img');
			expect(readJsonLd(html)[0]).toEqual(JSON.parse(JSON.stringify(data)));
		}
		const ld = episodeJsonLd(page!, ORIGIN) as Json;
		expect(ld.name).toContain(SCRIPT_PAYLOAD); // the text is kept, as text
		expect(ld.actor[0].name).toContain(SCRIPT_PAYLOAD);
	});
});
