/**
 * A small made-up episode for search by meaning: eight topics, each said in a few sentences (one transcript cue per
 * sentence, 15 s each), written so that a listener's question about one of them can share no word with it at all.
 */
import type { Db } from '../../src/lib/server/db/client';
import { episodes, podcasts, segments, transcriptCues } from '../../src/lib/server/db/schema';

const CUE_SECONDS = 15;

const TOPICS: { title: string; sentences: string[] }[] = [
	{
		title: 'Sourdough at home',
		sentences: [
			'We feed the starter flour and water every morning.',
			'A warm kitchen makes it bubble within a few hours.',
			'Bake when it has doubled in the jar.',
			'A long cold rise in the fridge gives a tangier loaf.'
		]
	},
	{
		title: 'Cycling through winter',
		sentences: [
			'Studded tyres grip on black ice.',
			'Lights front and back matter more than anything once it is dark at five.',
			'Mudguards keep the slush off your back.',
			'Wash the chain after salty roads or it rusts by spring.'
		]
	},
	{
		title: 'Caring for potted plants',
		sentences: [
			'Our guest has a bright flat full of ferns and palms.',
			'Most potted plants are killed by kindness: people pour water on them daily, the soil stays soggy and the roots rot.',
			'Let the top inch of earth go dry before watering again.',
			'Yellow leaves are the first sign of trouble.'
		]
	},
	{
		title: 'Saving for later life',
		sentences: [
			'Index funds charge tiny fees.',
			'Compound interest does the heavy lifting over decades.',
			'Automate a transfer on payday so you never see the money.',
			'Check the plan once a year, not once a day.'
		]
	},
	{
		title: 'Piano as a grown-up',
		sentences: [
			'Adults learn faster than they expect.',
			'Ten minutes of scales daily beats an hour on Sunday.',
			'Record yourself and listen back.',
			'Pick songs you love so practice never feels like homework.'
		]
	},
	{
		title: 'Afternoon cups',
		sentences: [
			'Our guest roasts beans for a small cafe near the station and has opinions about every brewing method there is.',
			'The stimulant in a cup lingers in the body for hours, so one after lunch can push bedtime back.',
			'Her favourite beans come from a farm high in the hills, picked by hand and left to cure in the sun.',
			'The cafe offers pastries as well, mostly cinnamon buns that are gone by ten.'
		]
	},
	{
		title: 'Training a puppy',
		sentences: [
			'Reward the behaviour you want with a treat straight away.',
			'Short sessions work best for young pups.',
			'Never punish accidents in the house, just clean up and move on.',
			'Consistency across the family matters most.'
		]
	},
	{
		title: 'Draughts and heating bills',
		sentences: [
			'Old sash windows leak warm air.',
			'Foam strips around frames cost little.',
			'Thick curtains at night hold heat in.',
			'Loft insulation pays back within a few winters.'
		]
	}
];

/** Where the answer about coffee and sleep is said (seconds): the second sentence of the sixth topic. */
export const COFFEE_ANSWER = { startSeconds: 5 * 4 * CUE_SECONDS + CUE_SECONDS, endSeconds: 5 * 4 * CUE_SECONDS + 2 * CUE_SECONDS };
/** A listener's question about it that shares no index term with the whole segment. */
export const COFFEE_QUESTION = 'does drinking espresso late in the day stop you sleeping';

/** Stores the episode (show, episode, segments, cues); returns the episode id. */
export async function storeMeaningCorpus(db: Db): Promise<number> {
	const [show] = await db.insert(podcasts).values({ slug: 'everyday-things', title: 'Everyday Things' }).returning({ id: podcasts.id });
	const [episode] = await db
		.insert(episodes)
		.values({ podcastId: show!.id, slug: 'eight-small-topics', guid: 'eight-small-topics', title: 'Eight small topics', durationSeconds: TOPICS.length * 4 * CUE_SECONDS })
		.returning({ id: episodes.id });
	let at = 0;
	const cues = [];
	for (const [position, topic] of TOPICS.entries()) {
		const start = at;
		for (const text of topic.sentences) {
			cues.push({ episodeId: episode!.id, position: cues.length, startSeconds: at, endSeconds: at + CUE_SECONDS, speaker: null, text });
			at += CUE_SECONDS;
		}
		await db.insert(segments).values({ episodeId: episode!.id, position, startSeconds: start, endSeconds: at, title: topic.title, text: topic.sentences.join(' '), origin: 'transcript' });
	}
	await db.insert(transcriptCues).values(cues);
	return episode!.id;
}
