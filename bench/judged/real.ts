/**
 * Judged questions over REAL transcripts, read at run time from ../shared (never copied here): questions phrased as a
 * listener who half remembers an episode would type them, each with the transcript it is about and the window (in
 * seconds) where the answer is said. Written from the transcripts before any tuning. `shares` marks questions that
 * share a rare word with their answer (a name, a product); the rest use the listener's own words. bench:quality
 * also measures the sharing itself from the text.
 */

export interface RealJudgedQuestion {
	question: string;
	/** Relative to the repository root. */
	file: string;
	/** Where the answer is said, in seconds. A hit is a segment overlapping it. */
	window: [number, number];
	shares: boolean;
}

const wan = (id: string) => `../shared/segbench-dev/${id}/transcript.json`;
const buzzcast = '../shared/realdata/transcripts/buzzcast-pc20.json';
const tips = '../shared/realdata/transcripts/podcastindex-buzzsprout-example.srt';

const q = (file: string, question: string, from: number, to: number, shares = false): RealJudgedQuestion => ({ question, file, window: [from, to], shares });

export const realJudgedQuestions: RealJudgedQuestion[] = [
	q(wan('wan-2021-03-26'), 'does the chat app microsoft wants to buy actually make money', 94, 300),
	q(wan('wan-2021-03-26'), "why can't group video calls use the tricks big streaming sites use to cut bandwidth costs", 560, 650),
	q(wan('wan-2021-03-26'), 'how do friends keep track of each other in a hardcore shooter with no map on screen', 436, 520, true),
	q(wan('wan-2021-03-26'), 'which chat program from the early 2000s did they miss', 1275, 1400),
	q(wan('wan-2021-03-26'), "what do they think of microsoft's office chat tool for work", 1064, 1190),
	q(wan('wan-2021-03-26'), 'is the company only pretending to consider a sale to get a better stock market debut', 1402, 1480),
	q(wan('wan-2021-03-26'), "could buying it fix microsoft's unpopular game shop", 936, 1060),
	q(wan('wan-2021-03-26'), 'how much is intel spending on new factories in arizona', 1725, 1806, true),
	q(wan('wan-2021-03-26'), 'will intel make chips for other companies as well', 1806, 1886),
	q(wan('wan-2021-03-26'), 'why would selling graphics cards below retail price hurt small shops', 2800, 2877),
	q(wan('wan-2021-03-26'), 'what went wrong with the website when the first batch of cards went on sale', 3114, 3269),
	q(wan('wan-2021-03-26'), 'what is the quiz show they will stream with other tech youtubers', 3415, 3574, true),
	q(wan('wan-2021-03-26'), 'how do I find out quickly when a new drop happens', 3727, 3804),
	q(wan('wan-2021-08-13'), 'was the nvidia ceo in the keynote a computer generated fake', 101, 212, true),
	q(wan('wan-2021-08-13'), "how did they capture the boss's appearance to make a digital copy of him", 212, 324),
	q(wan('wan-2021-08-13'), "aren't there safeguards stopping a PC's power unit from going up in flames", 1679, 1791),
	q(wan('wan-2021-08-13'), 'what share of the gigabyte units failed in testing', 2570, 2682, true),
	q(wan('wan-2021-08-13'), 'how did the manufacturer change its overload cut-off after the complaints', 2345, 2458),
	q(wan('wan-2021-08-13'), 'why is it hard for shoppers to take overseas sellers on the big online store to court', 3349, 3470),
	q(wan('wan-2021-08-13'), 'a new law aimed at the phone app marketplaces of apple and google', 3581, 3691, true),
	q(wan('wan-2021-08-13'), 'why did Linus pick that wireless standard for his smart home', 4030, 4146),
	q(wan('wan-2021-08-13'), 'which staff members cheaped out on the power supply in their own computers', 2794, 2906),
	q(wan('wan-2021-08-13'), "what does he think of samsung's folding flip phone", 3918, 4030, true),
	q(wan('wan-2022-03-04'), 'a pc builder refused to give a giveaway prize to a streamer for not being popular enough', 234, 346, true),
	q(wan('wan-2022-03-04'), 'would he let an employee go just before the holidays', 457, 567),
	q(wan('wan-2022-03-04'), "can nintendo stop people playing their own games on valve's portable pc", 1259, 1700),
	q(wan('wan-2022-03-04'), 'what problems did he have with the robot dinosaur game on the handheld', 2059, 2280),
	q(wan('wan-2022-03-04'), 'how is the gear and loot system in zelda different', 2394, 2507, true),
	q(wan('wan-2022-03-04'), 'are the new cable ties packaged in recyclable material', 3072, 3249, true),
	q(wan('wan-2022-03-04'), 'which tech companies stopped selling in russia because of the war', 3249, 3416, true),
	q(wan('wan-2022-03-04'), 'what did the hackers demand from the graphics card maker', 3645, 3759),
	q(wan('wan-2022-03-04'), 'why would leaked code help rival chip makers', 3871, 3947),
	q(wan('wan-2022-03-04'), 'what is the site for independent musicians that the fortnite company bought', 3947, 4099),
	q(wan('wan-2022-03-04'), 'electric truck maker raised the price for people who had already reserved one', 4163, 4428),
	q(wan('wan-2022-10-21'), 'how much more will the household plan for the video site cost', 1651, 1786),
	q(wan('wan-2022-10-21'), 'do creators still get paid if I subscribe but also use an ad blocker', 1256, 1389, true),
	q(wan('wan-2022-10-21'), 'can the new intel desktop chips go in my older motherboard', 2861, 2993, true),
	q(wan('wan-2022-10-21'), 'is it worth tuning the computer to use less power with electricity so expensive in europe', 2589, 2724),
	q(wan('wan-2022-10-21'), 'how is the channel putting its videos out in other languages', 3174, 3655),
	q(wan('wan-2022-10-21'), 'why did the gaming tv network fail to find viewers', 4188, 4449),
	q(wan('wan-2022-10-21'), 'how did the staff learn their network was closing', 4449, 4582),
	q(wan('wan-2022-10-21'), "why can't old online games like mirror's edge be preserved", 5374, 5507, true),
	q(wan('wan-2022-10-21'), 'which rapper is buying a social network after being banned', 5772, 5904, true),
	q(wan('wan-2022-10-21'), 'is google moving people from software to making its own phones', 6048, 6253, true),
	q(buzzcast, 'why did the podcast videos do badly on the video site', 372, 560),
	q(buzzcast, 'how do apps find out a show has a new episode without checking all the time', 1384, 1477),
	q(buzzcast, 'what broke when the biggest directory stopped giving out the real addresses', 1569, 1662),
	q(buzzcast, 'is watching different from listening while you do chores or drive', 926, 1018),
	q(tips, 'do I need expensive gear to sound good', 45, 95),
	q(tips, 'what should I say at the start of every episode', 92, 229),
	q(tips, 'how long should an episode be', 229, 275),
	q(tips, 'do I need my own website for my show', 552, 644, true),
	q(tips, 'reuse the same email to every guest instead of writing a new one', 369, 459),
	q(tips, 'should I post my whole episode on instagram', 597, 691)
];
