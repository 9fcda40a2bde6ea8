/**
 * A FOURTH set for search honesty (issue 14 point 5), written on December 6 (15:40-15:43 UTC, commit 8f15804)
 * before any rule was tried on it, after the floor had been tuned on the first two sets (real.ts, unanswerable.ts)
 * and checked on the third (fresh.ts). bench:quality prints it on lines of its own ("Fourth set"), so every older figure stays comparable; the
 * honesty sweeps report it beside the held-out half and the fresh set and never choose a setting by it.
 *
 * - 25 answerable questions in a listener's own words over the same six real transcripts (read at run time from
 *   ../shared, never copied), each with the window (in seconds) where the answer is said, as in real.ts. Each is
 *   about a passage no question of real.ts or fresh.ts asks about (the same episodes, other passages: Mumble,
 *   Discord's monthly users, the scalped-GPU poll, the gamer program's partners and its queue, MDF quotas, a fan
 *   beating Noctua, Roblox against Nintendo, the space station, Pokémon Go's stops, Spanish dubs, Floatplane's
 *   prices, AirPods, MilkShape, forgotten subscriptions, Podcasting 2.0, Apple's directory, formatted show notes).
 * - 50 questions nothing in the judged content answers (the six transcripts and the demo's running shows), in the
 *   kinds the fresh set showed the floor lets through, each new:
 *   - 10 single words the content never says, some sharing a stem with a word it does say ("dating": "date" 25
 *     times, "boxing": "box" 16 times; the typed form is never said);
 *   - 12 short topics sharing a word with the content ("card tricks": graphics and Pokémon cards; "steam room": the
 *     Steam Deck; "ceiling fan": Noctua fans; "window blinds", "video doorbell", "electric toothbrush", "power
 *     washing", "shooting stars", "chocolate chip cookies");
 *   - 10 names the shows never mention, or mention only in passing ("Mr Beast style" once of a dubbing company,
 *     "rocket lake" beside a Jeff Bezos rocket; Conan O'Brien, SmartLess, PewDiePie, Satya Nadella, Gabe Newell);
 *   - 9 long questions in everyday words (a new city, a gift for a dad, procrastinating at home, a sympathy card, a
 *     teenager, glasses fogging up);
 *   - 9 near misses on the shows' own subjects that no passage answers (Discord opening at start-up, moving Steam
 *     games, quiet keyboard switches: the tech show reads an ad for a mechanical keyboard, two monitors on a laptop,
 *     podcast cover art, a stitch when running, running with a cold: the demo lists "frequent colds" as a sign of
 *     overtraining, London running routes, dusting a graphics card's fans).
 *   Checked with grep when written over the six transcripts and the demo's content: skiing, astronomy, volleyball,
 *   poetry, dating (only inside "consolidating"), boxing, beekeeping, sewing, genealogy, skateboard, apple cider,
 *   vinegar, card trick, cookie, chocolate, steam room, sauna, ceiling fan, blinds, doorbell, toothbrush, insurance,
 *   tennis, power wash, shooting star, swift, bezos, pewdiepie, neistat, conan, smartless, rober, glitter, nadella,
 *   newell, procrastinat, funeral, sympathy, beach, fog, new city, sell a house, time of year, burger, london, cover
 *   art, two monitors, dust out, vlog: 0 occurrences ("fishing" and "hunting" occur once each, so they were left out:
 *   a word the content says is answered by what says it).
 */
import type { RealJudgedQuestion } from './real';

const wan = (id: string) => `../shared/segbench-dev/${id}/transcript.json`;
const buzzcast = '../shared/realdata/transcripts/buzzcast-pc20.json';
const tips = '../shared/realdata/transcripts/podcastindex-buzzsprout-example.srt';
const q = (file: string, question: string, from: number, to: number, shares = false): RealJudgedQuestion => ({ question, file, window: [from, to], shares });

export const fourthJudgedQuestions: RealJudgedQuestion[] = [
	q(wan('wan-2021-03-26'), 'how many people use discord every month', 840, 880),
	q(wan('wan-2021-03-26'), 'why do some gaming communities still use mumble instead of discord', 876, 936, true),
	q(wan('wan-2021-03-26'), 'which graphics card brand is likely to be the next partner for their gamer program', 2374, 2473),
	q(wan('wan-2021-03-26'), 'did viewers want linus to buy scalped gpus and resell them cheaper', 2704, 2800, true),
	q(wan('wan-2021-03-26'), 'which companies backed the verified actual gamer program first', 2926, 3031, true),
	q(wan('wan-2021-03-26'), "what happens to a card if someone passes the quiz but doesn't buy it", 3060, 3114),
	q(wan('wan-2021-08-13'), 'why are prices so bad at small local computer shops', 1985, 2052),
	q(wan('wan-2021-08-13'), "which fan beat noctua's best one", 3821, 3888, true),
	q(wan('wan-2021-08-13'), 'what video explains why it is bad when only two companies control a market', 3691, 3756),
	q(wan('wan-2021-08-13'), 'how much did steve from gamers nexus donate during the stream', 1504, 1600, true),
	q(wan('wan-2022-03-04'), 'is roblox really worth more than nintendo now', 1773, 1843, true),
	q(wan('wan-2022-03-04'), 'does linus buy physical switch games or download them', 1860, 1920),
	q(wan('wan-2022-03-04'), 'could the space station fall out of the sky without russia', 3495, 3564),
	q(wan('wan-2022-03-04'), 'what did elon send to ukraine to keep people online', 3421, 3495, true),
	q(wan('wan-2022-03-04'), 'why are pokemon go spots not in parks and on trails', 5004, 5100, true),
	q(wan('wan-2022-03-04'), 'will the new backpack fit under a plane seat', 5211, 5290),
	q(wan('wan-2022-10-21'), 'why did they dub the channel into spanish rather than german', 3727, 3793),
	q(wan('wan-2022-10-21'), 'is floatplane going to put its prices up too', 6970, 7039, true),
	q(wan('wan-2022-10-21'), 'how good is the noise cancelling on the new airpods', 7039, 7120, true),
	q(wan('wan-2022-10-21'), 'will the blank t-shirts cost the same as the printed ones', 6901, 6970),
	q(wan('wan-2022-10-21'), 'what 3d modelling software did linus use in his high school class', 2189, 2258),
	q(wan('wan-2022-10-21'), 'do companies make money from people who forget to cancel subscriptions', 738, 830),
	q(buzzcast, 'what is the difference between podcasting 2.0 and the podcast index', 1079, 1202, true),
	q(buzzcast, "how long does it take to get a new show into apple's directory", 1202, 1262),
	q(tips, 'why should my show notes have bullet points and links', 456, 552)
];

export const fourthUnanswerableQuestions: string[] = [
	'skiing',
	'astronomy',
	'volleyball',
	'poetry',
	'dating',
	'boxing',
	'beekeeping',
	'sewing',
	'genealogy',
	'skateboarding',
	'apple cider vinegar',
	'card tricks',
	'chocolate chip cookies',
	'steam room',
	'ceiling fan',
	'window blinds',
	'video doorbell',
	'electric toothbrush',
	'car insurance',
	'table tennis',
	'power washing',
	'shooting stars',
	'Taylor Swift tour tickets',
	'Jeff Bezos rocket launch',
	'Mr Beast burger',
	'PewDiePie',
	'Casey Neistat vlog camera',
	"Conan O'Brien podcast",
	'SmartLess podcast',
	'Mark Rober glitter bomb',
	'what did Satya Nadella say about AI',
	'Gabe Newell interview',
	'how do I make friends after moving to a new city',
	'what is a good gift for my dad who has everything',
	'how do I stop procrastinating when I work from home',
	'why does my car make a clicking noise when I turn the wheel',
	'what should I write in a sympathy card after a funeral',
	'what is the best time of year to sell a house',
	'how do I get my teenager to talk to me more',
	'how can I stop my glasses fogging up with a mask',
	'what should I pack for a week at the beach',
	'how do I stop discord opening when my computer starts',
	'how do I move my steam games to a new drive',
	'which mechanical keyboard switches are the quietest',
	'how do I set up two monitors on one laptop',
	'how do I make cover art for my podcast',
	'how do I stop getting a stitch when I run',
	'is it ok to go running with a cold',
	'best running routes in london',
	'how do I clean the dust out of my graphics card fans'
];
