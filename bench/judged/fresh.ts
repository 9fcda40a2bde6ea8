/**
 * A FRESH third set for search honesty (issue 14 point 5), written on December 6 (11:11-11:16 UTC) before any rule was
 * tried on it, after the evidence floor had been tuned on the first two (bench/judged/real.ts and unanswerable.ts).
 * bench:quality prints it on lines of its own ("fresh"), so the older figures stay comparable; the honesty sweeps
 * (bench/answer-window-honesty.ts and the rule benches) report it beside their calibration and held-out halves and
 * never choose a setting by it.
 *
 * - 25 answerable questions in a listener's own words over the same real transcripts (read at run time from
 *   ../shared, never copied), each with the window (in seconds) where the answer is said, as in real.ts. Every one is
 *   about a moment no question of real.ts asks about (the same episodes, other passages).
 * - 50 questions nothing in the judged content answers (the real transcripts and the demo's running shows), on topics
 *   near what is there: single common words the content never says (gardening, football); two-word topics that share a
 *   word with it ("apple watch bands": the tech show mentions an Apple Watch broken by a badminton racket; "sleep
 *   apnea" beside the demo's sleep talk; "steam cleaning", "cable car", "chip shop", "window cleaning", "runny nose");
 *   names the shows never mention beside ones they do (Steve Jobs, Marques Brownlee, Huberman Lab, Lex Fridman with
 *   "Jensen Huang": the shows say "Jensen" and "Steve", "MKBHD", "Joe Rogan", "Spotify", "Elon", never in these
 *   senses); and long questions beside the shows' subjects (tech help, podcast production, running, money). Checked
 *   with grep when written over the six transcripts and the demo's content: vpn, jailbreak, antivirus, cooling pad,
 *   lufs, amazon music, fartlek, chafing, weighted, steps per minute, pay raise, learn to drive, travel rewards, power
 *   bank, huang, huberman, fridman, zuckerberg, congress, layoff, brownlee, steve jobs, apnea, thrones, apple pie, fan
 *   fiction, cable car, watch band, chip shop, steam cleaning, heart surgery, network marketing, window cleaning,
 *   electric bike, runny, mouse trap, gardening, football, wedding, recipe, camping, interest rate, dead spot: 0
 *   occurrences ("Wi-Fi" once, about drivers). Not in it: words a segment answers by saying them (the demo names naps,
 *   caffeine, yoga and plantar fascia; the tech show has a question about NAS servers).
 */
import type { RealJudgedQuestion } from './real';

const wan = (id: string) => `../shared/segbench-dev/${id}/transcript.json`;
const buzzcast = '../shared/realdata/transcripts/buzzcast-pc20.json';
const tips = '../shared/realdata/transcripts/podcastindex-buzzsprout-example.srt';
const q = (file: string, question: string, from: number, to: number, shares = false): RealJudgedQuestion => ({ question, file, window: [from, to], shares });

export const freshJudgedQuestions: RealJudgedQuestion[] = [
	q(wan('wan-2021-03-26'), 'how many people actually pay for discord nitro', 278, 320, true),
	q(wan('wan-2021-03-26'), "why is it so annoying to move an oddly shaped item in that shooter game's inventory", 656, 722),
	q(wan('wan-2021-03-26'), "what is the difference between a tick and a tock in intel's plan", 1511, 1647, true),
	q(wan('wan-2021-03-26'), 'how many jobs will the new chip plants bring', 1710, 1775),
	q(wan('wan-2021-03-26'), "is intel's 7 nanometre the same as tsmc's", 1839, 1904, true),
	q(wan('wan-2021-03-26'), 'how much are old 1070 graphics cards going for used', 2157, 2255, true),
	q(wan('wan-2021-03-26'), 'will they buy cards back from scalpers and sell them to gamers', 2255, 2320, true),
	q(wan('wan-2021-03-26'), 'what games would I have to beat linus at to get a cheaper card', 2544, 2704),
	q(wan('wan-2021-03-26'), 'are any of the old LTX pins still for sale', 3263, 3370, true),
	q(wan('wan-2021-08-13'), 'which timestamp in the keynote was the fake jensen', 807, 870, true),
	q(wan('wan-2021-08-13'), 'could the same trick be used to remake shrek', 1246, 1311, true),
	q(wan('wan-2021-08-13'), "does amazon's new payout for injuries from faulty products stop people suing", 3269, 3404),
	q(wan('wan-2021-08-13'), 'did facebook block the university researchers looking at political ads', 3509, 3575, true),
	q(wan('wan-2021-08-13'), 'how did his smartwatch screen get broken', 3954, 3990),
	q(wan('wan-2022-03-04'), 'was the pc builder secretly slowing down the graphics cards in its computers', 757, 830),
	q(wan('wan-2022-03-04'), 'what does linus think of pokemon cards as a parent', 4596, 4660, true),
	q(wan('wan-2022-03-04'), 'why would a game studio ban people playing on the steam deck', 4752, 4861),
	q(wan('wan-2022-10-21'), 'why does youtube premium cost more if you sign up through the iphone app', 272, 375),
	q(wan('wan-2022-10-21'), 'does an ordinary user really need lots of cpu cores', 1986, 2117),
	q(wan('wan-2022-10-21'), 'what old computer games did linus get his kids to play', 6630, 6701),
	q(buzzcast, 'why did one of the hosts want to see the others while recording', 113, 170),
	q(buzzcast, 'how many podcast listeners mostly use youtube', 690, 720),
	q(tips, "is it worth going on other people's shows to grow my own", 247, 311),
	q(tips, 'how do I make it easy for a guest to share the episode', 311, 376),
	q(tips, 'should I record a whole month of episodes in one go', 670, 760)
];

export const freshUnanswerableQuestions: string[] = [
	'gardening',
	'football',
	'weddings',
	'recipes',
	'camping',
	'apple pie recipe',
	'game of thrones',
	'sleep apnea',
	'interest rates',
	'fan fiction',
	'cable car',
	'apple watch bands',
	'chip shop',
	'steam cleaning',
	'heart surgery',
	'network marketing',
	'window cleaning',
	'electric bike',
	'runny nose',
	'mouse trap',
	'Steve Jobs first iPhone keynote',
	'what did Elon Musk say about the Twitter layoffs',
	'Marques Brownlee studio tour',
	'Mark Zuckerberg testifying before congress',
	'how much did Spotify pay Joe Rogan',
	'Huberman Lab episode on sleep',
	'Lex Fridman interview with Jensen Huang',
	'what is the best vpn for watching netflix from another country',
	'how do I fix wifi dead spots upstairs in my house',
	'how do I jailbreak my iphone without losing anything',
	'how do I recover deleted photos from my phone',
	'what is the best free antivirus for windows',
	'does a cooling pad stop a gaming laptop overheating',
	'will tiktok be banned in america',
	'how loud should my podcast be in lufs',
	'how do I edit out ums and ahs quickly',
	'how do I get my podcast on amazon music',
	'how much does it cost to hire a podcast editor',
	'what is a good number of downloads for a new podcast',
	'what is a fartlek workout',
	'how do I stop chafing on long runs',
	'do weighted blankets help with anxiety',
	'what running cadence should I aim for in steps per minute',
	'what is the best way to learn to code as a complete beginner',
	'how do I ask my boss for a pay raise',
	'how long does it take to learn to drive',
	'which credit card has the best travel rewards',
	'is it safe to charge my phone overnight',
	'how often should I replace my running shoes',
	'can I bring a power bank on a plane'
];
