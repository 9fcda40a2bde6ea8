/**
 * Judged queries over the demo content: what listeners type, and the segment(s) that should answer it. Written as
 * listeners phrase things (paraphrases that avoid the segment's own words, typos, one-word topics, long rambling
 * questions), before the ranking was tuned. Scored by bench/quality.ts and held to a floor by quality.test.ts.
 */

export type QueryKind = 'paraphrase' | 'typo' | 'topic' | 'long';

/** A segment named as a listener would find it: show slug, episode slug, segment title. */
export interface SegmentKey {
	show: string;
	episode: string;
	segment: string;
}

export interface JudgedQuery {
	query: string;
	kind: QueryKind;
	/** Every one of these should be in the top results (recall counts each). */
	expected: SegmentKey[];
}

const therapy = (segment: string): SegmentKey => ({ show: 'running-explained', episode: 'running-isnt-therapy', segment });
const sleep = (segment: string): SegmentKey => ({ show: 'sleep-and-recovery-lab', episode: 'how-much-sleep-do-runners-need', segment });
const rest = (segment: string): SegmentKey => ({ show: 'sleep-and-recovery-lab', episode: 'rest-days-are-training-days', segment });
const refuel = (segment: string): SegmentKey => ({ show: 'sleep-and-recovery-lab', episode: 'fueling-recovery-after-long-runs', segment });
const nerves = (segment: string): SegmentKey => ({ show: 'coaching-corner', episode: 'race-day-nerves', segment });
const injury = (segment: string): SegmentKey => ({ show: 'coaching-corner', episode: 'coming-back-from-injury', segment });
const marathon = (segment: string): SegmentKey => ({ show: 'coaching-corner', episode: 'fueling-your-first-marathon', segment });

const q = (query: string, kind: QueryKind, ...expected: SegmentKey[]): JudgedQuery => ({ query, kind, expected });

export const judgedQueries: JudgedQuery[] = [
	// Paraphrases: the listener's words, not the segment's.
	q('why do I feel so good after a jog', 'paraphrase', therapy("Running and Your Mood: Endorphins, Dopamine and the Runner's High")),
	q('is the euphoric feeling from running real', 'paraphrase', therapy("Running and Your Mood: Endorphins, Dopamine and the Runner's High")),
	q('does exercise replace seeing a counselor', 'paraphrase', therapy("Why Running Isn't a Substitute for Therapy")),
	q('I only deal with life by running, is that bad', 'paraphrase', therapy('When Running Is Your Only Coping Tool')),
	q('how to stay calm during the big mileage weeks before my marathon', 'paraphrase', therapy('Managing Stress in Peak Marathon Training')),
	q('my legs feel heavy and I keep catching colds, am I doing too much', 'paraphrase', rest('Functional Overreaching vs. Overtraining Syndrome')),
	q('how many hours should I be in bed each night as a distance runner', 'paraphrase', sleep('The Sleep Numbers for Endurance Athletes')),
	q('does not sleeping enough make me more likely to get hurt', 'paraphrase', sleep('Sleep Debt, Injury Risk and Performance')),
	q('is it ok to do hard workouts late at night', 'paraphrase', sleep('Early Alarms and Evening Workouts')),
	q("I couldn't sleep the night before my race, did I ruin it", 'paraphrase', sleep('Race-Week Sleep and the Night Before')),
	q("what does my watch's HRV number mean", 'paraphrase', rest('Tracking Fatigue: Heart Rate Variability and Resting Heart Rate')),
	q('does pressure from my job affect how I bounce back from training', 'paraphrase', rest('Cortisol, Life Stress and the Training Load')),
	q('should I go for a walk on my day off or stay on the couch', 'paraphrase', rest('Active Recovery or Full Rest?')),
	q('how often should I schedule an easier week', 'paraphrase', rest('Planning Down Weeks Into Your Season')),
	q('do I really need to eat within 30 minutes of finishing', 'paraphrase', refuel('The Recovery Window, Revisited')),
	q('is chocolate milk good after a long run', 'paraphrase', refuel('Carbohydrates and Protein After a Long Run')),
	q('how much water should I drink after sweating a lot', 'paraphrase', refuel('Hydration and Electrolytes')),
	q('not eating enough and missing my period', 'paraphrase', refuel('Under-Fueling and RED-S')),
	q('can a beer after the race mess up my sleep', 'paraphrase', refuel('Food, Sleep and Mood')),
	q('butterflies in my stomach on race morning', 'paraphrase', nerves('Why Race Nerves Happen')),
	q("telling myself I'm excited instead of scared", 'paraphrase', nerves('Reframing Anxiety as Excitement')),
	q('what should I repeat to myself when the last miles hurt', 'paraphrase', nerves('Self-Talk When the Race Gets Hard')),
	q('feeling low for weeks after finishing a marathon', 'paraphrase', nerves('Post-Race Blues and Reflection')),
	q('what are the usual injuries runners get', 'paraphrase', injury('The Most Common Running Injuries')),
	q('I upped my weekly miles too fast and now my shin hurts', 'paraphrase', injury('Training Errors Behind Overuse Injuries')),
	q("how do I keep my fitness when I can't run", 'paraphrase', injury('Cross-Training That Keeps Fitness')),
	q('which exercises stop me getting injured again', 'paraphrase', injury('Strength Work to Prevent the Next Injury')),
	q('eating a huge pasta dinner the night before a marathon', 'paraphrase', marathon('Carb Loading Without the Bloat')),
	q('what to eat the morning of my race', 'paraphrase', marathon('Race-Morning Breakfast')),
	q('how often should I take a gel', 'paraphrase', marathon('Gels, Chews and Carbs per Hour')),
	q('putting on weight while tapering', 'paraphrase', marathon('Fueling During the Taper')),
	q('why do my legs feel like lead on easy days', 'paraphrase', rest('Functional Overreaching vs. Overtraining Syndrome')),
	q('is a glass of wine bad for recovery', 'paraphrase', refuel('Food, Sleep and Mood')),
	q('my coach says to walk during runs after my stress fracture', 'paraphrase', injury('A Walk-Run Return-to-Running Plan')),

	// Typos.
	q('runers high endorfins', 'typo', therapy("Running and Your Mood: Endorphins, Dopamine and the Runner's High")),
	q('slep debt', 'typo', sleep('Sleep Debt, Injury Risk and Performance')),
	q('mindfull runing', 'typo', therapy('Mindful Running: Breath, Footsteps and Surroundings')),
	q('overtrainning sympptoms', 'typo', rest('Functional Overreaching vs. Overtraining Syndrome'), therapy('Overtraining, Burnout and the Case for Rest')),
	q('carbo loading', 'typo', marathon('Carb Loading Without the Bloat')),
	q('hydratoin electrolites', 'typo', refuel('Hydration and Electrolytes')),
	q('pool runnning while injred', 'typo', injury('Cross-Training That Keeps Fitness')),
	q('sleap routeen', 'typo', sleep('A Simple Sleep Routine for Runners')),
	q('taper madnes', 'typo', therapy('Managing Stress in Peak Marathon Training')),

	// One-word topics.
	q('journaling', 'topic', therapy('Building a Wider Coping Toolkit')),
	q('cortisol', 'topic', rest('Cortisol, Life Stress and the Training Load')),
	q('naps', 'topic', sleep('A Simple Sleep Routine for Runners')),
	q('burnout', 'topic', therapy('Overtraining, Burnout and the Case for Rest')),
	q('resilience', 'topic', therapy('Building Confidence and Resilience')),
	q('crisis', 'topic', therapy("Signs It's Time to Talk to a Professional")),
	q('electrolytes', 'topic', refuel('Hydration and Electrolytes')),
	q('endocannabinoids', 'topic', therapy("Running and Your Mood: Endorphins, Dopamine and the Runner's High")),
	q('teenagers', 'topic', sleep('The Sleep Numbers for Endurance Athletes')),

	// Long questions.
	q(
		"I've been training for my first marathon and I'm so stressed between work, family and long runs on the weekend, how do other people manage it?",
		'long',
		therapy('Managing Stress in Peak Marathon Training')
	),
	q(
		'My therapist is expensive and I feel fine after my runs, so is there any reason to keep going to therapy if running already helps my mood?',
		'long',
		therapy("Why Running Isn't a Substitute for Therapy")
	),
	q(
		'After an Achilles problem my physio finally cleared me, how should I ease back into running without getting hurt again?',
		'long',
		injury('A Walk-Run Return-to-Running Plan')
	),
	q(
		'I always get really anxious days before a race and sometimes have panic attacks, when should I get professional help for that?',
		'long',
		nerves('When Performance Anxiety Goes Beyond Race Day')
	),
	q(
		"what's the best thing to do with my mind while I'm out running so I stay present instead of thinking about work",
		'long',
		therapy('Mindful Running: Breath, Footsteps and Surroundings')
	),
	q(
		"It's 2am, my marathon is in the morning and I'm lying awake panicking that I've ruined my race, what should I do?",
		'long',
		sleep('Race-Week Sleep and the Night Before')
	)
];
