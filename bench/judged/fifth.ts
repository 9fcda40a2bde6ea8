/**
 * A FIFTH set for search honesty (issue 14 point 5), written on December 6 (18:31-18:40 UTC) before any rule was tried
 * on it, and without reading how search decides (src/lib/server/search/, docs/search-honesty.md and the honesty benches
 * were not opened): the held-out test of an honesty method built at the same time. bench:quality prints it on lines
 * of its own ("Fifth set"), so every older figure stays comparable; no setting may be chosen by it.
 *
 * - 25 answerable questions in a listener's own words over the same six real transcripts (read at run time from
 *   ../shared, never copied), each with the window (in seconds) where the answer is said, read from the transcript's
 *   timestamps, as in real.ts. Each is about a passage no question of real.ts, fresh.ts or fourth.ts asks about (the
 *   same episodes, other passages: the work chat going down, Intel's refresh generations, rooting for the underdog,
 *   trading in an old card, drops at other times of day, bundling an unwanted product, suing before any harm, the 80
 *   Plus scam, Floatplane's early access and its languages, streamers leaving the PC builder, the hardware
 *   community's loyalty, dumping one's own Switch games, Linux and the Steam Deck, the women's merch, Premium's new
 *   price, raising a price without consent, the creators' share, the new chips' power draw, glaciers and cheap power,
 *   a game review channel, where merch messages came from, travelling for a video show, looking bored on camera, one
 *   company holding the directory). 5 share a rare word with their passage (`shares`); 20 do not.
 * - 50 questions nothing in the judged content answers (the six transcripts and the demo's running, sleep, recovery,
 *   nerves, injury and fuelling shows), each new, in the mix real users send:
 *   - 10 single words the content never says ("archery": the letters occur only inside "researchers");
 *   - 12 short topics, some sharing a word with the content ("solar eclipse": Linus's solar panels; "bird watching":
 *     Luke's budgie; "water heater": the water bottle; "french press coffee": Coffee Lake and the demo's pre-workout
 *     coffee; "garage door opener": GarageBand);
 *   - 8 names of people, shows and products the shows never mention, some beside what they do ("Lisa Su keynote"
 *     beside AMD and the fake-Jensen keynote, "Kim Kardashian" beside Ye buying Parler, "Eliud Kipchoge" beside the
 *     demo's marathons, "Peloton bike" beside its easy bike ride);
 *   - 10 long everyday questions (an avocado, a splinter, fruit flies, a smoke alarm, a resignation letter...);
 *   - 10 near misses on the shows' own subjects that no passage answers: thermal paste (the tech show says "thermal"
 *     only of a builder throttling GPUs), a loud laptop fan (Noctua fans, laptops), Windows 12 (Windows 11 is
 *     discussed), podcast chapters and trailers, running shoes for flat feet (the demo warns against new shoes before
 *     a long run), calf cramps (the demo has calf raises and calf tears), a mattress for back pain, grinding teeth in
 *     one's sleep, jet lag (sleep is the demo's subject; the tech show talks of a flight and of travelling).
 *   Checked with grep (case-insensitive, over the four WAN transcript.json files, buzzcast-pc20.json,
 *   podcastindex-buzzsprout-example.srt and src/lib/server/demo/content.ts) when written: calligraphy, pilates,
 *   taxiderm, wrestl, bonsai, crossword, karate, ukulele, sushi, lawn mower, baby shower, tax refund, snow tyre, snow
 *   tire, french press, grooming, garage door, eclipse, bird watching, water heater, whitening, pizza, oprah, winfrey,
 *   ferriss, call her, daddy, stardew, peloton, kipchoge, eliud, lisa su, kardashian, skincare, avocado, splinter, fruit
 *   fl, houseplant, leftover, fridge, beeping, birthday, hangover, resign, stabilis, thermal paste, laptop fan, windows
 *   12, chapter, trailer, flat feet, cramp, mattress, back pain, grind, jet lag: 0 occurrences. Left out because the
 *   content says them (a word the content says is answered by what says it): "hot tub" (once), "hiking" (YouTube
 *   "hiking the price"), "bios" (a BIOS update for older motherboards), "mouse" (keyboard and mouse on consoles),
 *   "book club" (the demo's coping advice), "transcribe" (the Spanish transcript), sponsors (read on every WAN show),
 *   pocket money (Linus on his kids and Pokémon cards).
 */
import type { RealJudgedQuestion } from './real';

const wan = (id: string) => `../shared/segbench-dev/${id}/transcript.json`;
const buzzcast = '../shared/realdata/transcripts/buzzcast-pc20.json';
const q = (file: string, question: string, from: number, to: number, shares = false): RealJudgedQuestion => ({ question, file, window: [from, to], shares });

export const fifthJudgedQuestions: RealJudgedQuestion[] = [
	q(wan('wan-2021-03-26'), 'why is it a bigger deal when the work chat goes down than the gaming one', 1190, 1262),
	q(wan('wan-2021-03-26'), 'how many intel generations were just small tweaks on the same old process', 1647, 1708),
	q(wan('wan-2021-03-26'), 'why should we cheer for whichever chip maker is behind', 1904, 1972),
	q(wan('wan-2021-03-26'), 'could I hand in my old graphics card for money off a new one', 3577, 3648),
	q(wan('wan-2021-03-26'), 'will the card sales happen at other times for people stuck at work or school', 3804, 3860),
	q(wan('wan-2021-08-13'), 'why would a store make you buy something nobody wants along with a popular graphics card', 1895, 1975),
	q(wan('wan-2021-08-13'), 'can I take them to court before the faulty power unit actually damages anything', 2263, 2340),
	q(wan('wan-2021-08-13'), 'does an efficiency rating on a power supply mean it is well made', 4382, 4450),
	q(wan('wan-2021-08-13'), 'is floatplane getting rid of early access', 4519, 4600, true),
	q(wan('wan-2021-08-13'), 'what programming languages is their subscription video site built with', 4626, 4700),
	q(wan('wan-2022-03-04'), 'did other streamers cut ties with the pc builder after the giveaway drama', 686, 757),
	q(wan('wan-2022-03-04'), 'do people who make pc hardware videos look out for each other', 945, 1033),
	q(wan('wan-2022-03-04'), 'is it legal to copy my own switch cartridges so I can play them on a pc', 1110, 1200, true),
	q(wan('wan-2022-03-04'), 'will the steam deck get more gamers using linux', 5291, 5370, true),
	q(wan('wan-2022-03-04'), 'why is there no logo or design on the clothes for women', 5982, 6100),
	q(wan('wan-2022-10-21'), 'how much did youtube premium go up in the us and the uk', 180, 272, true),
	q(wan('wan-2022-10-21'), 'should a service be allowed to put my monthly price up without me agreeing', 480, 560),
	q(wan('wan-2022-10-21'), 'what cut of the money goes to the people making videos and how much does the platform keep', 1140, 1200),
	q(wan('wan-2022-10-21'), 'how much power does the top new intel processor pull with the limits taken off', 2424, 2509),
	q(wan('wan-2022-10-21'), 'could melting ice end cheap electricity where linus lives', 2771, 2850),
	q(wan('wan-2022-10-21'), "why won't they start making video game reviews", 4642, 4760),
	q(wan('wan-2022-10-21'), 'where did the idea for merch messages come from', 5160, 5240, true),
	q(buzzcast, 'is it harder to be part of a video podcast when you are away travelling', 200, 264),
	q(buzzcast, 'why does someone on a remote call look bored on video when it sounds fine as audio', 740, 815),
	q(buzzcast, 'why should one big company not be in charge of where every show gets listed', 1262, 1325)
];

export const fifthUnanswerableQuestions: string[] = [
	'archery',
	'calligraphy',
	'pilates',
	'taxidermy',
	'wrestling',
	'bonsai',
	'crosswords',
	'karate',
	'ukulele',
	'sushi',
	'lawn mower',
	'baby shower',
	'tax refund',
	'snow tyres',
	'french press coffee',
	'dog grooming',
	'garage door opener',
	'solar eclipse',
	'bird watching',
	'water heater',
	'teeth whitening',
	'pizza oven',
	'Oprah Winfrey',
	'Tim Ferriss show',
	'Call Her Daddy',
	'Stardew Valley',
	'Peloton bike',
	'Eliud Kipchoge',
	'Lisa Su keynote',
	'Kim Kardashian skincare line',
	'how do I tell if an avocado is ripe',
	'what is the best way to get a splinter out',
	'how do I get rid of fruit flies in my kitchen',
	'how do I keep my houseplants alive over the winter',
	'how long do leftovers keep in the fridge',
	'why does my smoke alarm keep beeping',
	'how do I plan a surprise birthday party',
	'what actually cures a hangover',
	'how do I write a resignation letter',
	'how do I teach my kid to ride a bike without stabilisers',
	'how do I reapply thermal paste on my cpu',
	'how do I stop my laptop fan being so loud',
	'when is windows 12 coming out',
	'how do I add chapters to my podcast episodes',
	'how do I make a trailer for my podcast',
	'what running shoes are best for flat feet',
	'how do I stop my calves cramping at night',
	'what is the best mattress for back pain',
	'how do I stop grinding my teeth in my sleep',
	'how do I get over jet lag after a long flight'
];
