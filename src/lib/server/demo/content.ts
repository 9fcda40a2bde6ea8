/**
 * Bundled demo content: three sample shows, their episodes (as timestamped topic segments with spoken lines)
 * and the questions that point into them. Every person, show, episode and line here is invented sample
 * content written for this project.
 */
import type { DemoContent } from './types';

// Display names double as transcript speaker labels.
const MARCUS = 'Marcus Bell';
const SARAH = 'Sarah Strong';
const PRIYA = 'Priya Natarajan';
const OWEN = 'Owen Hartley';
const LEAH = 'Leah Moreno';
const TOMAS = 'Tomás Rivera';
const JENNA = 'Jenna Park';
const ALICIA = 'Alicia Boateng';
const BEN = 'Ben Kowalski';
const HANNAH = 'Hannah Lee';

export const demoContent: DemoContent = {
	people: [
		{
			slug: 'marcus-bell',
			name: MARCUS,
			credentials: 'USATF Level 2 Coach',
			handle: '@coach_marcus_bell',
			bio: 'Running coach and host of The Running Explained Podcast. Marcus has coached road and trail runners from first 5Ks to Boston qualifiers.'
		},
		{
			slug: 'sarah-strong',
			name: SARAH,
			credentials: 'MSW, LCSW',
			handle: '@the_trail_therapist',
			bio: 'Licensed clinical social worker whose practice focuses on athletes, and a trail runner for fifteen years. Some of her sessions take place on walking paths.'
		},
		{
			slug: 'priya-natarajan',
			name: PRIYA,
			credentials: 'PhD',
			handle: '@sleeplab_priya',
			bio: 'Sleep physiologist who studies how rest and recovery shape athletic performance, and host of The Sleep and Recovery Lab.'
		},
		{
			slug: 'owen-hartley',
			name: OWEN,
			credentials: 'MD',
			bio: 'Sports medicine physician who works with collegiate distance runners and masters marathoners.'
		},
		{
			slug: 'leah-moreno',
			name: LEAH,
			credentials: 'PhD',
			bio: 'Exercise physiologist researching training load, fatigue monitoring and overtraining in endurance athletes.'
		},
		{
			slug: 'tomas-rivera',
			name: TOMAS,
			credentials: 'MS, RD, CSSD',
			bio: 'Registered dietitian and board-certified sports nutrition specialist who advises running clubs and triathletes.'
		},
		{
			slug: 'jenna-park',
			name: JENNA,
			credentials: 'RRCA Certified Running Coach',
			handle: '@coachingcorner_jenna',
			bio: 'Running coach and host of Coaching Corner, where she talks through the questions her athletes ask most.'
		},
		{
			slug: 'alicia-boateng',
			name: ALICIA,
			credentials: 'PsyD',
			bio: 'Sport psychologist who helps runners, swimmers and cyclists manage performance anxiety and build mental skills.'
		},
		{
			slug: 'ben-kowalski',
			name: BEN,
			credentials: 'DPT',
			bio: 'Physical therapist specializing in running injuries, gait analysis and return-to-run programs.'
		},
		{
			slug: 'hannah-lee',
			name: HANNAH,
			credentials: 'RD',
			bio: 'Sports dietitian who helps first-time marathoners build race-day fueling plans.'
		}
	],

	shows: [
		// ---------------------------------------------------------------------------------------------
		{
			slug: 'running-explained',
			title: 'The Running Explained Podcast',
			author: MARCUS,
			description:
				'Coach Marcus Bell sits down with coaches, clinicians and scientists to explain the why behind running: training, the mind, recovery and everything in between. Plain language, no gatekeeping, for runners of every pace.',
			link: 'https://example.com/shows/running-explained',
			language: 'en',
			episodes: [
				{
					slug: 'running-isnt-therapy',
					guid: 'demo:running-explained:s3e9',
					title: "Running Isn't Therapy",
					season: 3,
					episodeNumber: 9,
					publishedAt: '2025-10-14T10:00:00Z',
					durationSeconds: 3000,
					descriptionHtml:
						'<p>Plenty of runners say their daily miles are their therapy. Clinical social worker and trail runner <strong>Sarah Strong, MSW, LCSW</strong> joins Marcus to sort out what running really does for your mental health, and where it stops.</p>' +
						'<ul>' +
						"<li>The brain chemistry behind the post-run lift and the runner's high</li>" +
						'<li>Mindful running and working through stress at a steady rhythm</li>' +
						'<li>Why a long run is not a substitute for working with a licensed therapist</li>' +
						'<li>Keeping stress in check during peak marathon training, and the cost of overtraining</li>' +
						'<li>Building a coping toolkit that still works when you are injured</li>' +
						'</ul>' +
						'<p>Find Sarah as <strong>@the_trail_therapist</strong> or at <a href="https://example.com/people/sarah-strong">her practice page</a>. If you are in crisis in the US, call or text 988.</p>',
					people: [
						{ personSlug: 'marcus-bell', role: 'host' },
						{ personSlug: 'sarah-strong', role: 'guest' }
					],
					hasTranscript: true,
					segments: [
						{
							startSeconds: 0,
							endSeconds: 180,
							title: 'Welcome and Meet Sarah Strong',
							summary:
								'Marcus sets up the episode and introduces Sarah Strong, a clinical social worker and longtime trail runner whose practice focuses on athletes.',
							lines: [
								{
									speaker: MARCUS,
									text: "Welcome back to The Running Explained Podcast, I'm Marcus Bell. A lot of you have written in to say running is your therapy, so I wanted someone qualified to unpack that."
								},
								{
									speaker: SARAH,
									text: "Thanks for having me, Marcus. I'm Sarah Strong, a licensed clinical social worker, and I've been running trails for about fifteen years."
								},
								{
									speaker: MARCUS,
									text: 'Your practice works mostly with athletes, right? Tell people what that looks like day to day.'
								},
								{
									speaker: SARAH,
									text: 'Most of my clients are runners, cyclists and triathletes dealing with anxiety, depression, grief or burnout. Some sessions even happen on walking trails, which surprises people.'
								},
								{
									speaker: MARCUS,
									text: 'And online you go by the trail therapist, so the title of this episode might sound strange coming from you.'
								},
								{
									speaker: SARAH,
									text: "It's a little provocative on purpose. I love running and I think it does a lot for the mind, but I want listeners to leave with an honest picture of what it can and can't do."
								}
							]
						},
						{
							startSeconds: 180,
							endSeconds: 480,
							title: "Running and Your Mood: Endorphins, Dopamine and the Runner's High",
							summary:
								"Sarah explains the brain chemistry behind the lift people feel after a run and what the runner's high actually is, including the role of endocannabinoids.",
							lines: [
								{
									speaker: MARCUS,
									text: "Let's start with the good news. Why do so many of us feel better after a run, even a slow one?"
								},
								{
									speaker: SARAH,
									text: 'Part of it is chemistry. Steady aerobic exercise prompts your brain to release feel-good chemicals like endorphins, and it shifts the activity of neurotransmitters such as dopamine and serotonin that shape motivation and mood.'
								},
								{
									speaker: MARCUS,
									text: 'So dopamine is the reward piece and serotonin is more the steady mood piece?'
								},
								{
									speaker: SARAH,
									text: "That's a fair shorthand. Dopamine is about drive and reward, serotonin helps regulate mood and sleep, and a regular running habit seems to support both over weeks and months, not just on the day."
								},
								{
									speaker: MARCUS,
									text: "Then there's the famous runner's high. Is that real or is it marketing?"
								},
								{
									speaker: SARAH,
									text: "It's real, but rarer than people think. The runner's high is a short window of calm euphoria, often with less pain, that tends to show up during long, steady efforts rather than sprints."
								},
								{ speaker: MARCUS, text: 'I always heard it was all endorphins.' },
								{
									speaker: SARAH,
									text: "Endorphins get the credit, but researchers now suspect endocannabinoids, the body's own cannabis-like molecules, do much of the work because they reach the brain more easily. Either way you can't schedule it, so don't grade a run on whether you got high."
								},
								{ speaker: MARCUS, text: 'I like that. Some days a jog just feels like a jog.' }
							]
						},
						{
							startSeconds: 480,
							endSeconds: 720,
							title: 'Working Through Emotions at a Steady Rhythm',
							summary:
								'Why the repetitive rhythm of running helps people work through stress and difficult feelings, and how practicing recovery from exercise trains the stress response.',
							lines: [
								{ speaker: MARCUS, text: 'People say they run to clear their head. What is actually happening there?' },
								{
									speaker: SARAH,
									text: 'Running is repetitive in a good way. Your stride, your breathing and your arm swing fall into a rhythm, and that steady beat can settle a nervous system that has been on high alert all day.'
								},
								{ speaker: MARCUS, text: "Almost like a meditation you don't have to sit still for." },
								{
									speaker: SARAH,
									text: "Exactly. For anxious people, sitting on a cushion can feel unbearable, but moving gives that restless energy somewhere to go. Clients often tell me the feeling they couldn't name at their desk becomes clear around mile three."
								},
								{ speaker: MARCUS, text: 'Is there a physical side to the stress relief too?' },
								{
									speaker: SARAH,
									text: 'Yes. Exercise is a controlled dose of stress, and when you practice recovering from it, your body gets better at bringing cortisol and heart rate back down after other kinds of pressure.'
								},
								{ speaker: MARCUS, text: 'So the easy run is rehearsal for handling a rough day at work.' },
								{
									speaker: SARAH,
									text: 'In a sense. Just know that processing an emotion is different from outrunning it. If you come home and the feeling is exactly where you left it, that is information too.'
								}
							]
						},
						{
							startSeconds: 720,
							endSeconds: 960,
							title: 'Mindful Running: Breath, Footsteps and Surroundings',
							summary:
								'Sarah walks through a simple mindful running practice that uses breathing, foot strikes and the environment as anchors to strengthen the mind-body connection.',
							lines: [
								{ speaker: MARCUS, text: 'You teach something called mindful running. What does that involve?' },
								{
									speaker: SARAH,
									text: 'It just means paying attention on purpose while you run. Instead of a podcast or replaying an argument, you pick an anchor, like your breath, your footsteps or your surroundings, and keep coming back to it.'
								},
								{ speaker: MARCUS, text: 'Give me a concrete way to try it on my next easy run.' },
								{
									speaker: SARAH,
									text: 'Match your breathing to your steps, maybe three steps in and three steps out. When your mind wanders, and it will, notice that and gently return to the count.'
								},
								{ speaker: MARCUS, text: 'And the surroundings anchor?' },
								{
									speaker: SARAH,
									text: 'Name five things you can see and four you can hear, or just notice the temperature of the air and the crunch of your shoes on gravel. It pulls you out of your head and into the present moment.'
								},
								{ speaker: MARCUS, text: 'What do runners get out of that beyond a nicer run?' },
								{
									speaker: SARAH,
									text: "A stronger mind-body connection. You start to catch tight shoulders, a clenched jaw or a pace creeping up because you're upset, and that body awareness carries into the rest of your life."
								},
								{ speaker: MARCUS, text: 'Headphones off for that one, I assume.' },
								{ speaker: SARAH, text: 'At least for ten minutes. You can always put the music back on afterwards.' }
							]
						},
						{
							startSeconds: 960,
							endSeconds: 1170,
							title: 'Self-Reflection and Self-Discovery on the Run',
							summary:
								'How long solo miles make room for reflection and self-awareness, and how to use that time to understand your emotional patterns without ruminating.',
							lines: [
								{
									speaker: MARCUS,
									text: 'Some of my best thinking happens on long runs. Is that self-reflection or just boredom?'
								},
								{
									speaker: SARAH,
									text: "Probably both, and that's fine. Long solo miles are one of the few times adults are alone without a screen, so thoughts you've been avoiding finally get some airtime."
								},
								{ speaker: MARCUS, text: 'Can running actually teach you something about yourself?' },
								{
									speaker: SARAH,
									text: 'It can. People notice how they talk to themselves when a hill gets hard, or whether they push through pain to please someone. Those patterns usually show up at work and in relationships too.'
								},
								{ speaker: MARCUS, text: 'How do you keep reflection from turning into stewing?' },
								{
									speaker: SARAH,
									text: 'Rumination circles the same painful thought, while reflection moves toward understanding. I ask clients to write one sentence after the run about what came up, which turns a swirl of thoughts into something they can look at.'
								},
								{ speaker: MARCUS, text: 'So the run opens the door and the notebook helps you walk through it.' }
							]
						},
						{
							startSeconds: 1170,
							endSeconds: 1380,
							title: 'Building Confidence and Resilience',
							summary:
								'Sarah describes how finishing hard workouts and races builds self-efficacy and resilience that carry into work and relationships.',
							lines: [
								{ speaker: MARCUS, text: "Let's talk confidence. I see new runners change after their first 10K." },
								{
									speaker: SARAH,
									text: "Psychologists call it self-efficacy, the belief that you can do hard things. Every time you finish a workout you doubted, you collect evidence against the voice that says you can't."
								},
								{ speaker: MARCUS, text: 'And resilience?' },
								{
									speaker: SARAH,
									text: 'Running hands you small, safe setbacks all the time: a bad race, a missed split, a soggy long run. Learning to shrug, adjust and show up again is resilience practice you can bring to a tough job interview or a breakup.'
								},
								{ speaker: MARCUS, text: 'Does that confidence really transfer outside of running?' },
								{
									speaker: SARAH,
									text: "For many people it does, especially if they reflect on it. I'll ask a client who's nervous about a work presentation what they told themselves at mile twenty, and we borrow that script."
								},
								{ speaker: MARCUS, text: "That's a good one. Mile-twenty self-talk for the boardroom." }
							]
						},
						{
							startSeconds: 1380,
							endSeconds: 1680,
							title: "Why Running Isn't a Substitute for Therapy",
							summary:
								'The heart of the episode: what professional therapy offers that a run cannot, including a structured relationship with a trained clinician and work on underlying issues.',
							lines: [
								{ speaker: MARCUS, text: "Okay, the title. Why isn't running therapy?" },
								{
									speaker: SARAH,
									text: "Because therapy is a specific thing. It's a structured relationship with a trained, licensed clinician who assesses what's going on, makes a treatment plan and answers to ethical standards, and your long run does none of that."
								},
								{ speaker: MARCUS, text: "But if I feel better after a run, isn't that therapeutic?" },
								{
									speaker: SARAH,
									text: "It's therapeutic with a small t, absolutely. Running can ease symptoms like tension, low mood or restlessness, but it usually doesn't touch the underlying issues, like trauma, grief, old relationship patterns or clinical depression."
								},
								{ speaker: MARCUS, text: "What does a therapist bring that a running partner can't?" },
								{
									speaker: SARAH,
									text: "Training to spot things you can't see in yourself, evidence-based methods like CBT, and a confidential space that's about you rather than your splits. A good running buddy is a gift, but they aren't equipped to treat a mental health condition."
								},
								{ speaker: MARCUS, text: 'So where does running fit?' },
								{
									speaker: SARAH,
									text: 'I think of it as a powerful complement. Plenty of my clients run and also see me, and the running makes our sessions more productive. The problem is when someone uses mileage to avoid getting help they need.'
								},
								{ speaker: MARCUS, text: 'Running alongside therapy, not instead of it.' }
							]
						},
						{
							startSeconds: 1680,
							endSeconds: 1920,
							title: 'When Running Is Your Only Coping Tool',
							summary:
								'The risks of leaning on running as your sole coping mechanism, especially what happens when an injury suddenly takes it away.',
							lines: [
								{ speaker: MARCUS, text: 'You mentioned avoidance. Can someone lean on running too hard emotionally?' },
								{
									speaker: SARAH,
									text: 'Yes, and I see it a lot. If running is the only way you know how to manage stress, your whole emotional life is balanced on one leg, sometimes literally.'
								},
								{ speaker: MARCUS, text: 'Because injuries happen.' },
								{
									speaker: SARAH,
									text: "Exactly. A stress fracture or a calf tear can take running away for two months overnight, and I've watched people's anxiety and depression spike because their single coping strategy vanished."
								},
								{ speaker: MARCUS, text: "What are the warning signs that it's become a crutch?" },
								{
									speaker: SARAH,
									text: 'Feeling panicky or irritable when you miss one run, running through pain because stopping feels unbearable, or needing more and more miles for the same relief. That last one looks a lot like dependence.'
								},
								{ speaker: MARCUS, text: "That's sobering, because a lot of us would check at least one of those boxes." },
								{
									speaker: SARAH,
									text: "Most runners would, and it's not a moral failing. It's simply a sign to add more tools before life forces you to."
								}
							]
						},
						{
							startSeconds: 1920,
							endSeconds: 2190,
							title: 'Managing Stress in Peak Marathon Training',
							summary:
								'Practical ways to handle the mental and physical load of the highest-mileage weeks before a marathon, from counting training as life stress to surviving the taper.',
							lines: [
								{
									speaker: MARCUS,
									text: "Let's get practical. Peak marathon training is when a lot of listeners say they feel most frazzled."
								},
								{
									speaker: SARAH,
									text: "Which is ironic, since they're running the most. But in peak weeks running stops being a stress reliever and becomes a stressor, with early alarms, long runs eating your weekend and a lot of pressure riding on one race."
								},
								{ speaker: MARCUS, text: 'How do you help athletes get through that block?' },
								{
									speaker: SARAH,
									text: 'First, count training as part of your total stress load, alongside work, family and money. If a big deadline lands in week sixteen, something in the plan should flex, and it should not be your sleep.'
								},
								{ speaker: MARCUS, text: 'What about the mental side of the big workouts?' },
								{
									speaker: SARAH,
									text: 'Keep a few runs with no watch and no goal, purely for enjoyment. And talk to your household about the schedule ahead of time, because resentment at home adds stress too.'
								},
								{ speaker: MARCUS, text: 'Then the taper arrives and everyone goes a little crazy.' },
								{
									speaker: SARAH,
									text: 'Taper madness is real. You suddenly have spare time and energy, so phantom aches and doubts creep in. Plan something for those free hours and remind yourself the fitness is already banked.'
								}
							]
						},
						{
							startSeconds: 2190,
							endSeconds: 2460,
							title: 'Overtraining, Burnout and the Case for Rest',
							summary:
								'How too much running can raise stress instead of lowering it, the warning signs of overtraining and burnout, and why rest days are part of training.',
							lines: [
								{ speaker: MARCUS, text: 'Can running actually make stress worse?' },
								{
									speaker: SARAH,
									text: 'It can if the dose is wrong. Stacking hard miles without enough recovery keeps cortisol elevated, and then you sleep poorly, feel flat and get irritable, which is the opposite of why you started.'
								},
								{ speaker: MARCUS, text: 'What signs of overtraining should listeners watch for?' },
								{
									speaker: SARAH,
									text: 'A resting heart rate that stays higher than usual, easy paces that suddenly feel hard, restless sleep, frequent colds and losing interest in running. Mood changes are often one of the earliest signals.'
								},
								{ speaker: MARCUS, text: 'And burnout is the mental version?' },
								{
									speaker: SARAH,
									text: 'They overlap. Burnout is that emotional exhaustion where the thing you loved starts to feel like a chore, and it tends to hit people who never take real rest days.'
								},
								{ speaker: MARCUS, text: 'So how do you sell rest to a type-A runner?' },
								{
									speaker: SARAH,
									text: 'I remind them that adaptation happens during recovery, not during the workout. A rest day, a nap or an easy week is when your body absorbs the training, so skipping it throws away the work.'
								},
								{ speaker: MARCUS, text: 'Rest days are part of the plan, not a break from it.' }
							]
						},
						{
							startSeconds: 2460,
							endSeconds: 2730,
							title: 'Building a Wider Coping Toolkit',
							summary:
								'Sarah lays out coping skills to pair with running, including journaling, social connection, sleep habits and regular professional support.',
							lines: [
								{ speaker: MARCUS, text: "If running shouldn't be the only tool, what else belongs in the toolbox?" },
								{
									speaker: SARAH,
									text: 'I like a mix of tools that work in different situations: journaling for untangling thoughts, friends and family for connection, solid sleep, and a calming practice like breathing exercises or yoga.'
								},
								{ speaker: MARCUS, text: 'Why journaling specifically?' },
								{
									speaker: SARAH,
									text: "Writing slows your thoughts down enough to see them. Five minutes of writing about what's bothering you can take the edge off, and you can do it with a broken foot."
								},
								{ speaker: MARCUS, text: 'What about the social side?' },
								{
									speaker: SARAH,
									text: 'Connection is protective. Call a friend who has nothing to do with running, join a book club, share meals. If your whole identity and social life is your run club, an injury can isolate you fast.'
								},
								{ speaker: MARCUS, text: 'And sleep keeps coming up.' },
								{
									speaker: SARAH,
									text: "It's the foundation, because poor sleep makes everything feel heavier, including training. And therapy belongs in the kit too, not only for a crisis but as regular maintenance."
								},
								{ speaker: MARCUS, text: "A toolkit that still works on the days you can't lace up." }
							]
						},
						{
							startSeconds: 2730,
							endSeconds: 2880,
							title: "Signs It's Time to Talk to a Professional",
							summary:
								'When to go beyond self-care and contact a therapist, what to do in a crisis, and how to find a clinician who understands athletes.',
							lines: [
								{ speaker: MARCUS, text: "How does a listener know it's time to talk to someone?" },
								{
									speaker: SARAH,
									text: "If low mood, worry or poor sleep lasts more than a couple of weeks, if it's getting in the way of work or relationships, or if you're using exercise, food or alcohol to numb out, that's a good moment to reach out."
								},
								{ speaker: MARCUS, text: 'And if someone is in crisis?' },
								{
									speaker: SARAH,
									text: "Then please don't wait. In the US you can call or text 988 to reach the Suicide and Crisis Lifeline; elsewhere, use your local emergency number or crisis line."
								},
								{ speaker: MARCUS, text: 'Any tips for finding a therapist who gets runners?' },
								{
									speaker: SARAH,
									text: "Look for someone who lists sport or performance psychology, or simply ask on a first call whether they've worked with athletes. A good fit matters more than a perfect résumé."
								}
							]
						},
						{
							startSeconds: 2880,
							endSeconds: 3000,
							title: 'Wrap-Up and Where to Find Sarah',
							summary: 'Marcus and Sarah recap the main takeaways, and Sarah shares where listeners can follow her work.',
							lines: [
								{ speaker: MARCUS, text: 'Sarah, give us the one-sentence version for anyone who skipped ahead.' },
								{
									speaker: SARAH,
									text: 'Running is a wonderful tool for your mental health, but it works best as one part of a bigger toolkit that can include therapy.'
								},
								{ speaker: MARCUS, text: 'Where can people find you?' },
								{
									speaker: SARAH,
									text: "I'm @the_trail_therapist on social media, where I post mindful running prompts, and my practice website has resources for athletes looking for a therapist."
								},
								{
									speaker: MARCUS,
									text: 'Thanks, Sarah. And thanks to everyone listening; go enjoy an easy, unhurried run this week.'
								}
							]
						}
					]
				}
			]
		},

		// ---------------------------------------------------------------------------------------------
		{
			slug: 'sleep-and-recovery-lab',
			title: 'The Sleep and Recovery Lab',
			author: PRIYA,
			description:
				'Sleep physiologist Dr. Priya Natarajan explores the half of training that happens off the road: sleep, rest days, recovery and the food that fuels it. Each episode pairs the latest research with advice you can use tonight.',
			link: 'https://example.com/shows/sleep-and-recovery-lab',
			language: 'en',
			episodes: [
				{
					slug: 'how-much-sleep-do-runners-need',
					guid: 'demo:sleep-and-recovery-lab:s2e4',
					title: 'How Much Sleep Do Runners Need?',
					season: 2,
					episodeNumber: 4,
					publishedAt: '2025-09-03T08:00:00Z',
					durationSeconds: 2400,
					descriptionHtml:
						'<p>Sports medicine physician <strong>Dr. Owen Hartley</strong> joins Priya to talk numbers: how many hours endurance athletes should aim for, what deep sleep does for tissue repair, and how short nights raise injury risk.</p>' +
						'<ul><li>Sleep targets during heavy training blocks</li><li>Early alarms versus late workouts</li><li>What to do when nerves wreck the night before a race</li></ul>' +
						'<p>Show notes and references at <a href="https://example.com/shows/sleep-and-recovery-lab">the Lab website</a>.</p>',
					people: [
						{ personSlug: 'priya-natarajan', role: 'host' },
						{ personSlug: 'owen-hartley', role: 'guest' }
					],
					hasTranscript: true,
					segments: [
						{
							startSeconds: 0,
							endSeconds: 180,
							title: 'Meet Dr. Owen Hartley',
							summary: 'Priya introduces Owen, a sports medicine physician who treats distance runners, and why sleep comes up in almost every clinic visit.',
							lines: [
								{
									speaker: PRIYA,
									text: "Welcome to The Sleep and Recovery Lab. I'm Priya Natarajan, and today I'm joined by sports medicine physician Owen Hartley."
								},
								{
									speaker: OWEN,
									text: 'Glad to be here. I work with college distance runners and a lot of masters marathoners, and sleep comes up in nearly every appointment.'
								},
								{ speaker: PRIYA, text: 'Even when they come in for a sore knee?' },
								{
									speaker: OWEN,
									text: 'Especially then. When I ask about recurring injuries, the training log often looks fine, but the sleep diary tells the real story.'
								}
							]
						},
						{
							startSeconds: 180,
							endSeconds: 600,
							title: 'The Sleep Numbers for Endurance Athletes',
							summary: 'How many hours adult and teenage runners should aim for, and why the target rises during high-mileage blocks.',
							lines: [
								{ speaker: PRIYA, text: "Let's get the headline number out of the way. How much sleep does a runner need?" },
								{
									speaker: OWEN,
									text: 'For most adults the baseline is seven to nine hours a night. Runners in a heavy training block usually do better at the upper end, and some benefit from closer to nine or ten.'
								},
								{ speaker: PRIYA, text: 'And younger athletes?' },
								{
									speaker: OWEN,
									text: 'Teenagers need eight to ten hours even without training, and high school runners are often the most sleep-deprived athletes I see because of early classes and late homework.'
								},
								{
									speaker: PRIYA,
									text: 'So the right amount scales with the training load, not just age.'
								},
								{
									speaker: OWEN,
									text: 'Right. If your weekly mileage jumps, your sleep should go up with it, the same way you would eat more.'
								}
							]
						},
						{
							startSeconds: 600,
							endSeconds: 960,
							title: 'What Happens to Your Body During Deep Sleep',
							summary: 'The recovery work the body does during slow-wave and REM sleep, from growth hormone release to consolidating new motor skills.',
							lines: [
								{ speaker: PRIYA, text: "Walk us through what's happening overnight that matters for a runner." },
								{
									speaker: OWEN,
									text: 'During deep, slow-wave sleep the pituitary releases a big pulse of growth hormone, which drives muscle and tendon repair. That stage is concentrated in the first half of the night.'
								},
								{ speaker: PRIYA, text: 'And the later part of the night is richer in REM sleep.' },
								{
									speaker: OWEN,
									text: 'Yes, and REM seems to help consolidate skills and regulate emotions. Cut your night short with a 5 a.m. alarm and you lose a disproportionate share of it.'
								},
								{
									speaker: PRIYA,
									text: 'So recovery is not just muscles; the brain is doing its own maintenance too.'
								}
							]
						},
						{
							startSeconds: 960,
							endSeconds: 1380,
							title: 'Sleep Debt, Injury Risk and Performance',
							summary: 'What research says about short sleep, higher injury rates, slower reaction times and workouts that feel harder than they should.',
							lines: [
								{ speaker: PRIYA, text: 'What happens to performance when runners build up sleep debt?' },
								{
									speaker: OWEN,
									text: 'Perceived effort climbs, so the same pace feels harder, and time to exhaustion drops. Reaction time and mood suffer too, which matters on technical trails.'
								},
								{ speaker: PRIYA, text: 'And injuries?' },
								{
									speaker: OWEN,
									text: 'One well-known study of adolescent athletes found those sleeping under eight hours were injured noticeably more often. Tired athletes also make worse decisions, like ignoring a niggle.'
								},
								{
									speaker: PRIYA,
									text: 'Can you pay the debt back on the weekend?'
								},
								{
									speaker: OWEN,
									text: 'Partly. Sleeping in helps, but a steady schedule beats binge sleeping, and a short afternoon nap is a great patch during hard weeks.'
								}
							]
						},
						{
							startSeconds: 1380,
							endSeconds: 1800,
							title: 'Early Alarms and Evening Workouts',
							summary: 'How training time affects sleep, including caffeine timing and whether hard evening sessions keep you awake.',
							lines: [
								{ speaker: PRIYA, text: 'A lot of runners train at dawn because it is the only time they have. Is that a problem?' },
								{
									speaker: OWEN,
									text: "It's fine if bedtime moves earlier too. The trouble is the runner who goes to bed at midnight and sets a 5 a.m. alarm for a tempo run."
								},
								{ speaker: PRIYA, text: 'What about people who can only run after work?' },
								{
									speaker: OWEN,
									text: 'Easy evening runs rarely hurt sleep. A very hard session within an hour or two of bed can raise core temperature and alertness, so finish intense work earlier if you can.'
								},
								{
									speaker: OWEN,
									text: "And watch the pre-workout coffee. Caffeine's half-life is around five hours, so a 6 p.m. espresso is still in your system at bedtime."
								}
							]
						},
						{
							startSeconds: 1800,
							endSeconds: 2160,
							title: 'Race-Week Sleep and the Night Before',
							summary: 'Why one restless night before a race rarely ruins performance, and why the nights earlier in race week matter more.',
							lines: [
								{ speaker: PRIYA, text: 'Almost everyone sleeps badly the night before a race. Should they worry?' },
								{
									speaker: OWEN,
									text: 'Not much. One poor night has surprisingly little effect on a race, especially with adrenaline on your side. The nights earlier in race week are the ones to protect.'
								},
								{ speaker: PRIYA, text: 'So bank sleep during the taper.' },
								{
									speaker: OWEN,
									text: 'Exactly. Use the reduced training to get to bed a little earlier, and lay out your kit two nights before so race eve is calm.'
								},
								{
									speaker: PRIYA,
									text: 'And if you are lying awake at 2 a.m.?'
								},
								{
									speaker: OWEN,
									text: "Rest quietly and don't check the clock. Lying calmly in the dark still gives you some recovery, and stressing about sleep is worse than the lost sleep."
								}
							]
						},
						{
							startSeconds: 2160,
							endSeconds: 2400,
							title: 'A Simple Sleep Routine for Runners',
							summary: 'Owen and Priya build a practical nightly routine: a consistent schedule, a cool dark room, a wind-down period and short naps.',
							lines: [
								{ speaker: PRIYA, text: "Let's finish with a routine listeners can start tonight." },
								{
									speaker: OWEN,
									text: 'Keep the same wake time every day, weekends included. Keep the bedroom cool, dark and quiet, and give yourself thirty minutes without screens before bed.'
								},
								{ speaker: PRIYA, text: 'And naps?' },
								{
									speaker: OWEN,
									text: 'Twenty minutes in the early afternoon is the sweet spot. Longer naps can leave you groggy and make it harder to fall asleep at night.'
								}
							]
						}
					]
				},
				{
					slug: 'rest-days-are-training-days',
					guid: 'demo:sleep-and-recovery-lab:s2e7',
					title: 'Rest Days Are Training Days',
					season: 2,
					episodeNumber: 7,
					publishedAt: '2025-11-19T08:00:00Z',
					durationSeconds: 2100,
					descriptionHtml:
						'<p>Exercise physiologist <strong>Dr. Leah Moreno</strong> explains why fitness is built during recovery, how to tell productive fatigue from overtraining, and what heart rate variability can and cannot tell you.</p>' +
						'<ul><li>Overreaching versus overtraining syndrome</li><li>Cortisol and your total stress load</li><li>Planning recovery weeks into a season</li></ul>' +
						'<p>More at <a href="https://example.com/shows/sleep-and-recovery-lab">the Lab website</a>.</p>',
					people: [
						{ personSlug: 'priya-natarajan', role: 'host' },
						{ personSlug: 'leah-moreno', role: 'guest' }
					],
					hasTranscript: false,
					segments: [
						{
							startSeconds: 0,
							endSeconds: 240,
							title: 'Why Recovery Is When You Adapt',
							summary: 'Leah explains supercompensation: training creates fatigue, and the body gets fitter during the rest that follows.',
							lines: [
								{ speaker: PRIYA, text: "Leah, you like to say rest days are training days. What do you mean?" },
								{
									speaker: LEAH,
									text: 'A workout on its own makes you temporarily weaker. The fitness gain comes afterward, when the body repairs the damage and overshoots a little, which physiologists call supercompensation.'
								},
								{ speaker: PRIYA, text: 'So without the rest, there is no overshoot.' },
								{
									speaker: LEAH,
									text: 'Right. If you stack hard sessions before recovering, you just keep digging the hole deeper instead of climbing out of it fitter.'
								}
							]
						},
						{
							startSeconds: 240,
							endSeconds: 660,
							title: 'Functional Overreaching vs. Overtraining Syndrome',
							summary: 'The difference between short-term, planned fatigue and the long-lasting performance drop of overtraining syndrome.',
							lines: [
								{ speaker: PRIYA, text: 'Where is the line between a hard training block and overtraining?' },
								{
									speaker: LEAH,
									text: 'Functional overreaching is planned fatigue that clears within days to a couple of weeks, and you come out stronger. Overtraining syndrome is when performance drops for months despite rest.'
								},
								{ speaker: PRIYA, text: 'What symptoms show up first?' },
								{
									speaker: LEAH,
									text: 'Usually mood: irritability, low motivation, feeling flat. Then disturbed sleep, heavy legs on easy runs, frequent colds and a stalled or declining race pace.'
								},
								{
									speaker: LEAH,
									text: 'The tricky part is that the early warning signs look like normal tiredness, so people respond by training harder.'
								}
							]
						},
						{
							startSeconds: 660,
							endSeconds: 1080,
							title: 'Tracking Fatigue: Heart Rate Variability and Resting Heart Rate',
							summary: 'How morning resting heart rate and HRV trends can flag accumulated fatigue, and why a single reading means little.',
							lines: [
								{ speaker: PRIYA, text: 'Lots of listeners wear a watch that reports heart rate variability. Is it useful?' },
								{
									speaker: LEAH,
									text: 'HRV measures the variation between heartbeats, and a higher value generally reflects a relaxed, recovered nervous system. The trend over a week is what matters, not one morning.'
								},
								{ speaker: PRIYA, text: 'And resting heart rate?' },
								{
									speaker: LEAH,
									text: 'A morning resting heart rate five or more beats above your normal for several days is a simple, free red flag. Pair it with how you feel and you have a decent fatigue check.'
								}
							]
						},
						{
							startSeconds: 1080,
							endSeconds: 1440,
							title: 'Cortisol, Life Stress and the Training Load',
							summary: 'Why the body does not separate work stress from training stress, and how chronically high cortisol slows recovery.',
							lines: [
								{ speaker: PRIYA, text: 'Does stress outside running affect recovery?' },
								{
									speaker: LEAH,
									text: 'Enormously. Your body has one stress response, so a brutal week at work, a sick kid and a long run all draw from the same recovery budget.'
								},
								{ speaker: PRIYA, text: 'Where does cortisol fit in?' },
								{
									speaker: LEAH,
									text: 'Cortisol rising during a workout is normal and healthy. The problem is when it stays high from training plus life stress plus short sleep, which slows tissue repair and disrupts sleep even further.'
								},
								{
									speaker: LEAH,
									text: 'So in a stressful life season, I cut intensity first and keep the easy running that actually helps people decompress.'
								}
							]
						},
						{
							startSeconds: 1440,
							endSeconds: 1800,
							title: 'Active Recovery or Full Rest?',
							summary: 'When an easy spin or walk beats lying on the couch, and when complete rest is the better call.',
							lines: [
								{ speaker: PRIYA, text: 'Should a rest day mean zero activity?' },
								{
									speaker: LEAH,
									text: 'Not necessarily. A walk, an easy bike ride or gentle mobility work can boost blood flow and lift your mood without adding real training stress.'
								},
								{ speaker: PRIYA, text: 'When is complete rest better?' },
								{
									speaker: LEAH,
									text: 'After a marathon, when you are sick, or when you are showing signs of overreaching. If "active recovery" keeps turning into a sneaky workout, take the day fully off.'
								}
							]
						},
						{
							startSeconds: 1800,
							endSeconds: 2100,
							title: 'Planning Down Weeks Into Your Season',
							summary: 'How to schedule lighter recovery weeks every few weeks and an off-season break after a goal race.',
							lines: [
								{ speaker: PRIYA, text: 'How should runners build recovery into a whole season?' },
								{
									speaker: LEAH,
									text: 'A common pattern is two or three building weeks followed by a down week with about a third less volume. Older athletes often do better with a down week every third week.'
								},
								{ speaker: PRIYA, text: 'And after the goal race?' },
								{
									speaker: LEAH,
									text: 'Take one to two weeks of very light running or none at all. It refreshes the body and the mind, and most people come back hungrier.'
								}
							]
						}
					]
				},
				{
					slug: 'fueling-recovery-after-long-runs',
					guid: 'demo:sleep-and-recovery-lab:s2e9',
					title: 'Fueling Recovery After Long Runs',
					season: 2,
					episodeNumber: 9,
					publishedAt: '2026-01-14T08:00:00Z',
					durationSeconds: 1800,
					descriptionHtml:
						'<p>Sports dietitian <strong>Tomás Rivera, RD, CSSD</strong> explains what to eat and drink after a long run, why chronic under-fueling is a hidden cause of injuries and low mood, and how food choices affect sleep.</p>' +
						'<ul><li>Carbohydrate and protein targets after long efforts</li><li>Rehydrating without guesswork</li><li>Recognizing low energy availability and RED-S</li></ul>',
					people: [
						{ personSlug: 'priya-natarajan', role: 'host' },
						{ personSlug: 'tomas-rivera', role: 'guest' }
					],
					hasTranscript: false,
					segments: [
						{
							startSeconds: 0,
							endSeconds: 300,
							title: 'The Recovery Window, Revisited',
							summary: 'Whether the famous thirty-minute window after exercise is real, and who actually needs to eat right away.',
							lines: [
								{ speaker: PRIYA, text: 'Tomás, is there really a thirty-minute window to eat after a run?' },
								{
									speaker: TOMAS,
									text: 'It is more of a wide doorway than a window. Eating soon matters most if you train again within a day, like doubles or back-to-back long runs.'
								},
								{ speaker: PRIYA, text: 'And for someone running three times a week?' },
								{
									speaker: TOMAS,
									text: 'A normal meal within a couple of hours is fine. What matters more is eating enough across the whole day.'
								}
							]
						},
						{
							startSeconds: 300,
							endSeconds: 720,
							title: 'Carbohydrates and Protein After a Long Run',
							summary: 'Practical carbohydrate and protein amounts to refill glycogen and support muscle repair after a long run.',
							lines: [
								{ speaker: PRIYA, text: 'So what should you eat after a long run?' },
								{
									speaker: TOMAS,
									text: 'Aim for a meal with plenty of carbohydrate to refill glycogen, roughly one gram per kilogram of body weight, plus about twenty to thirty grams of protein for muscle repair.'
								},
								{ speaker: PRIYA, text: 'What does that look like on a plate?' },
								{
									speaker: TOMAS,
									text: 'A bagel with eggs and fruit, a big bowl of rice with chicken, or a smoothie with yogurt, banana and oats if your stomach is not ready for solid food.'
								},
								{
									speaker: TOMAS,
									text: 'Chocolate milk gets a lot of love for a reason: it has carbohydrate, protein and fluid in one cheap bottle.'
								}
							]
						},
						{
							startSeconds: 720,
							endSeconds: 1080,
							title: 'Hydration and Electrolytes',
							summary: 'Using before-and-after weigh-ins to estimate sweat loss and replacing sodium along with fluid.',
							lines: [
								{ speaker: PRIYA, text: 'How much should runners drink afterwards?' },
								{
									speaker: TOMAS,
									text: 'Weigh yourself before and after a long run. For every kilogram lost, drink roughly one and a quarter to one and a half liters over the next few hours.'
								},
								{ speaker: PRIYA, text: 'Water alone, or something salty?' },
								{
									speaker: TOMAS,
									text: 'Include sodium, either from a salty meal or an electrolyte drink. It helps you hold on to the fluid rather than just heading to the bathroom.'
								}
							]
						},
						{
							startSeconds: 1080,
							endSeconds: 1440,
							title: 'Under-Fueling and RED-S',
							summary: 'How chronic low energy availability harms bones, hormones and mood, and the warning signs of Relative Energy Deficiency in Sport.',
							lines: [
								{ speaker: PRIYA, text: 'You see a lot of under-fueling in runners. What does it do?' },
								{
									speaker: TOMAS,
									text: 'When intake does not cover training, the body cuts back on non-essential work: hormones, bone building, immune function. We call that Relative Energy Deficiency in Sport, or RED-S.'
								},
								{ speaker: PRIYA, text: 'What are the red flags?' },
								{
									speaker: TOMAS,
									text: 'Bone stress injuries, missed periods, frequent illness, constant fatigue and low mood or anxiety around food. Men get it too, often showing up as low libido and stalled performance.'
								},
								{
									speaker: TOMAS,
									text: 'Anyone with those signs should see a sports medicine doctor and a dietitian, and sometimes a therapist, because food and body image are often tangled up in it.'
								}
							]
						},
						{
							startSeconds: 1440,
							endSeconds: 1800,
							title: 'Food, Sleep and Mood',
							summary: 'How evening meals, alcohol and caffeine influence sleep quality, and what small changes help both recovery and mood.',
							lines: [
								{ speaker: PRIYA, text: "Let's connect food to sleep, since that is this show's favorite subject." },
								{
									speaker: TOMAS,
									text: 'Going to bed very hungry or very full both disturb sleep. A carbohydrate-rich dinner a few hours before bed tends to help runners fall asleep.'
								},
								{ speaker: PRIYA, text: 'And the post-race beers?' },
								{
									speaker: TOMAS,
									text: 'Alcohol makes you drowsy but fragments the second half of the night and cuts REM sleep. Enjoy one, drink water, and do not count it as your recovery drink.'
								}
							]
						}
					]
				}
			]
		},

		// ---------------------------------------------------------------------------------------------
		{
			slug: 'coaching-corner',
			title: 'Coaching Corner',
			author: JENNA,
			description:
				'Coach Jenna Park answers the questions her athletes ask most, with help from sport psychologists, physical therapists and dietitians. Race nerves, injuries, fueling and the messy middle of a training plan.',
			link: 'https://example.com/shows/coaching-corner',
			language: 'en',
			episodes: [
				{
					slug: 'race-day-nerves',
					guid: 'demo:coaching-corner:e21',
					title: 'Race-Day Nerves and How to Use Them',
					episodeNumber: 21,
					publishedAt: '2025-08-21T12:00:00Z',
					durationSeconds: 2700,
					descriptionHtml:
						'<p>Sport psychologist <strong>Dr. Alicia Boateng, PsyD</strong> explains why pre-race anxiety happens and how to turn it into fuel.</p>' +
						'<ul><li>Reframing nerves as excitement</li><li>Breathing drills for the start corral</li><li>Cue words for the hard miles</li><li>When performance anxiety needs professional help</li></ul>' +
						'<p>Download the pre-race checklist at <a href="https://example.com/shows/coaching-corner">Coaching Corner</a>.</p>',
					people: [
						{ personSlug: 'jenna-park', role: 'host' },
						{ personSlug: 'alicia-boateng', role: 'guest' }
					],
					hasTranscript: true,
					segments: [
						{
							startSeconds: 0,
							endSeconds: 240,
							title: 'Why Race Nerves Happen',
							summary: 'Alicia explains the fight-or-flight response behind pre-race jitters and why feeling nervous is normal.',
							lines: [
								{
									speaker: JENNA,
									text: "Welcome to Coaching Corner. Today's question comes from almost every athlete I coach: how do I stop feeling sick with nerves on race morning?"
								},
								{
									speaker: ALICIA,
									text: 'Those butterflies are your sympathetic nervous system getting ready to perform. Adrenaline raises your heart rate, sends blood to your muscles and switches off digestion, hence the queue at the portable toilets.'
								},
								{ speaker: JENNA, text: 'So nerves are not a sign something is wrong.' },
								{
									speaker: ALICIA,
									text: 'Usually the opposite. They mean the race matters to you. The goal is not to eliminate them but to keep them in a useful range.'
								}
							]
						},
						{
							startSeconds: 240,
							endSeconds: 660,
							title: 'Reframing Anxiety as Excitement',
							summary: 'Why telling yourself "I am excited" works better than trying to calm down, and how to interpret a racing heart as readiness.',
							lines: [
								{ speaker: JENNA, text: 'Most runners try to tell themselves to calm down. Does that work?' },
								{
									speaker: ALICIA,
									text: 'Not very well. Anxiety and excitement feel almost identical in the body, so it is easier to relabel the feeling than to flip it off. Saying "I\'m excited" out loud has helped athletes in studies perform better.'
								},
								{ speaker: JENNA, text: 'So a pounding heart means I am ready, not that I am failing.' },
								{
									speaker: ALICIA,
									text: 'Exactly. Think of it as your body handing you extra energy. The question becomes where you want to point it.'
								}
							]
						},
						{
							startSeconds: 660,
							endSeconds: 1080,
							title: 'Breathing Techniques for the Start Corral',
							summary: 'Two quick breathing drills, long exhales and box breathing, to bring arousal down in the minutes before the gun.',
							lines: [
								{ speaker: JENNA, text: 'Give us something to do in the start corral when the nerves spike.' },
								{
									speaker: ALICIA,
									text: 'Make your exhale longer than your inhale. Breathe in for four counts and out for six to eight, and your heart rate will start to come down within a minute.'
								},
								{ speaker: JENNA, text: 'I have heard athletes talk about box breathing too.' },
								{
									speaker: ALICIA,
									text: 'Box breathing is in for four, hold for four, out for four, hold for four. It gives an anxious mind a simple job, which is half the benefit.'
								},
								{
									speaker: ALICIA,
									text: 'Practice both on easy runs and before workouts, so on race day they feel familiar rather than like something new to get right.'
								}
							]
						},
						{
							startSeconds: 1080,
							endSeconds: 1500,
							title: 'Pre-Race Routines and Controllables',
							summary: 'Building a repeatable race-morning routine and separating what you can control from what you cannot.',
							lines: [
								{ speaker: JENNA, text: 'How much does a routine help?' },
								{
									speaker: ALICIA,
									text: 'A lot. When breakfast, warm-up and kit are the same every time, your brain has fewer decisions to make and less to worry about.'
								},
								{ speaker: JENNA, text: 'What about weather and course conditions?' },
								{
									speaker: ALICIA,
									text: 'I have athletes write two lists the week of the race: things they control, like pacing and fueling, and things they do not, like heat or wind. Worry goes on the second list and energy goes on the first.'
								}
							]
						},
						{
							startSeconds: 1500,
							endSeconds: 1920,
							title: 'Self-Talk When the Race Gets Hard',
							summary: 'Using short cue words and second-person self-talk to stay composed in the painful final miles.',
							lines: [
								{ speaker: JENNA, text: 'Let us talk about the last few miles, when the voice in your head gets loud.' },
								{
									speaker: ALICIA,
									text: 'Pick one or two short cue words in advance, like "light and quick" or "strong arms." In a hard moment you cannot process a paragraph, but you can repeat two words.'
								},
								{ speaker: JENNA, text: 'Does it matter how you phrase it?' },
								{
									speaker: ALICIA,
									text: 'Talking to yourself in the second person, like "you\'ve got this," seems to create a little distance and sounds more like a coach than a critic.'
								}
							]
						},
						{
							startSeconds: 1920,
							endSeconds: 2340,
							title: 'When Performance Anxiety Goes Beyond Race Day',
							summary: 'Signs that race anxiety has become a bigger problem, such as panic attacks or avoiding races, and when to seek a therapist or sport psychologist.',
							lines: [
								{ speaker: JENNA, text: 'When should nerves be a reason to get professional help?' },
								{
									speaker: ALICIA,
									text: 'If you are having panic attacks, skipping races you trained for, or the dread starts weeks out and spills into sleep and work, it is worth talking to a licensed professional.'
								},
								{ speaker: JENNA, text: 'Is that different from the mental skills work we have covered today?' },
								{
									speaker: ALICIA,
									text: 'Yes. Breathing drills and cue words are skills, but an anxiety disorder deserves proper assessment and treatment. A therapist who understands sport can help with both.'
								},
								{
									speaker: ALICIA,
									text: 'Running can calm everyday stress, but it should not be the only way someone copes with serious anxiety.'
								}
							]
						},
						{
							startSeconds: 2340,
							endSeconds: 2700,
							title: 'Post-Race Blues and Reflection',
							summary: 'Why many runners feel low after a big race and how a short, structured reflection helps them move on.',
							lines: [
								{ speaker: JENNA, text: 'Something nobody warns you about is feeling down after a great race.' },
								{
									speaker: ALICIA,
									text: 'Post-race blues are very common. You lose a goal that organized your days for months, and your body is depleted on top of that.'
								},
								{ speaker: JENNA, text: 'What do you recommend?' },
								{
									speaker: ALICIA,
									text: 'Write down three things that went well and one thing to change, then plan something fun that is not a race. Give yourself a couple of weeks before choosing the next big goal.'
								}
							]
						}
					]
				},
				{
					slug: 'coming-back-from-injury',
					guid: 'demo:coaching-corner:e24',
					title: 'Coming Back From Injury, Body and Mind',
					episodeNumber: 24,
					publishedAt: '2025-12-02T12:00:00Z',
					durationSeconds: 2400,
					descriptionHtml:
						'<p>Physical therapist <strong>Dr. Ben Kowalski, DPT</strong> covers the training errors behind overuse injuries, how to cope emotionally when you are sidelined, and a step-by-step walk-run return plan.</p>' +
						'<ul><li>The most common running injuries</li><li>Cross-training that holds fitness</li><li>Strength work to prevent the next one</li></ul>' +
						'<p>This episode is general information, not medical advice. See a clinician for your own injury.</p>',
					people: [
						{ personSlug: 'jenna-park', role: 'host' },
						{ personSlug: 'ben-kowalski', role: 'guest' }
					],
					hasTranscript: true,
					segments: [
						{
							startSeconds: 0,
							endSeconds: 300,
							title: 'The Most Common Running Injuries',
							summary: "Ben runs through the injuries he sees most in clinic, from runner's knee to Achilles tendinopathy and bone stress injuries.",
							lines: [
								{ speaker: JENNA, text: 'Ben, what walks through your clinic door most often?' },
								{
									speaker: BEN,
									text: "Runner's knee, Achilles and plantar fascia trouble, IT band pain and shin problems, including bone stress injuries. Most of them are overuse injuries rather than a single bad step."
								},
								{ speaker: JENNA, text: 'Which ones should people never run through?' },
								{
									speaker: BEN,
									text: 'Sharp, localized bone pain that gets worse as you run, or pain that makes you limp. Those need to be checked before you do another mile.'
								}
							]
						},
						{
							startSeconds: 300,
							endSeconds: 720,
							title: 'Training Errors Behind Overuse Injuries',
							summary: 'How sudden jumps in volume or intensity, too little sleep and not enough rest days set up overuse injuries.',
							lines: [
								{ speaker: JENNA, text: 'What usually causes those overuse injuries?' },
								{
									speaker: BEN,
									text: 'Too much, too soon. A big jump in weekly mileage, adding speed work and hills at the same time, or a new pair of shoes right before a long run.'
								},
								{ speaker: JENNA, text: 'Is the ten percent rule still a good guide?' },
								{
									speaker: BEN,
									text: 'It is a reasonable rough ceiling, but the bigger risk is spikes. One week that is far above your usual load matters more than steady growth, and short sleep and skipped rest days make tissues less tolerant.'
								}
							]
						},
						{
							startSeconds: 720,
							endSeconds: 1140,
							title: 'The Emotional Side of Being Sidelined',
							summary: 'Why injury can feel like grief and hit mental health hard, and how runners can protect their mood while they heal.',
							lines: [
								{ speaker: JENNA, text: 'The physical part is only half of it. Injured runners are often miserable.' },
								{
									speaker: BEN,
									text: 'I see it every week. For people who use running to manage stress or anxiety, an injury takes away their main coping tool right when they need it most.'
								},
								{ speaker: JENNA, text: 'How do you help them through that?' },
								{
									speaker: BEN,
									text: 'Give the frustration a name, because it really is a kind of grief. Then keep the routine: meet the run club for coffee, do your rehab at the usual running time, and stay connected to people.'
								},
								{
									speaker: BEN,
									text: 'If the low mood lasts or starts affecting daily life, I refer to a mental health professional. That is as much a part of recovery as the exercises.'
								}
							]
						},
						{
							startSeconds: 1140,
							endSeconds: 1560,
							title: 'Cross-Training That Keeps Fitness',
							summary: 'Pool running, cycling and the elliptical as ways to maintain aerobic fitness while an injury heals.',
							lines: [
								{ speaker: JENNA, text: 'What cross-training holds on to running fitness best?' },
								{
									speaker: BEN,
									text: 'Deep-water running is my favorite because it mimics the running motion with zero impact. Cycling and the elliptical are good too, depending on the injury.'
								},
								{ speaker: JENNA, text: 'How hard should those sessions be?' },
								{
									speaker: BEN,
									text: 'Match your usual training time and include some intervals. Heart rate runs lower in water, so go by effort rather than the numbers.'
								}
							]
						},
						{
							startSeconds: 1560,
							endSeconds: 2040,
							title: 'A Walk-Run Return-to-Running Plan',
							summary: 'A staged walk-run progression with a simple pain rule for deciding when to move forward.',
							lines: [
								{ speaker: JENNA, text: 'Once someone is cleared, how do they start running again?' },
								{
									speaker: BEN,
									text: 'First they should be able to walk briskly for thirty minutes and hop on the injured leg without pain. Then we start walk-run intervals, like one minute running and one minute walking, every other day.'
								},
								{ speaker: JENNA, text: 'How do they know when to progress?' },
								{
									speaker: BEN,
									text: 'I use a simple pain rule: discomfort up to about three out of ten that settles by the next morning is acceptable. If it is worse the next day, repeat the previous step rather than moving on.'
								},
								{
									speaker: BEN,
									text: 'Add running time before you add speed. Hills and intervals come back last.'
								}
							]
						},
						{
							startSeconds: 2040,
							endSeconds: 2400,
							title: 'Strength Work to Prevent the Next Injury',
							summary: 'The handful of strength exercises Ben gives every runner and how often to do them.',
							lines: [
								{ speaker: JENNA, text: 'If listeners add one thing to prevent the next injury, what should it be?' },
								{
									speaker: BEN,
									text: 'Heavy, simple strength work twice a week: calf raises, split squats, step-ups and hip bridges. Tendons and bones respond to load, not to stretching.'
								},
								{ speaker: JENNA, text: 'Even during marathon training?' },
								{
									speaker: BEN,
									text: 'Yes, just shorter sessions in peak weeks. Ease off in the final ten days before a race, but do not drop it for months.'
								}
							]
						}
					]
				},
				{
					slug: 'fueling-your-first-marathon',
					guid: 'demo:coaching-corner:e27',
					title: 'Fueling Your First Marathon',
					episodeNumber: 27,
					publishedAt: '2026-02-10T12:00:00Z',
					durationSeconds: 1800,
					descriptionHtml:
						'<p>Sports dietitian <strong>Hannah Lee, RD</strong> builds a complete fueling plan for a first marathon, from carb loading to gels to the dreaded taper weight gain.</p>' +
						'<ul><li>How many grams of carbohydrate per hour</li><li>Training your gut on long runs</li><li>What to eat on race morning</li></ul>' +
						'<p>Grab the fueling worksheet at <a href="https://example.com/shows/coaching-corner">Coaching Corner</a>.</p>',
					people: [
						{ personSlug: 'jenna-park', role: 'host' },
						{ personSlug: 'hannah-lee', role: 'guest' }
					],
					hasTranscript: false,
					segments: [
						{
							startSeconds: 0,
							endSeconds: 300,
							title: 'Carb Loading Without the Bloat',
							summary: 'How to top up glycogen in the two days before a marathon without feeling stuffed.',
							lines: [
								{ speaker: JENNA, text: 'Hannah, first-timers hear "carb load" and picture a giant pasta dinner the night before.' },
								{
									speaker: HANNAH,
									text: 'Carb loading works better spread over the last two days, at roughly eight to ten grams of carbohydrate per kilogram of body weight. One enormous dinner mostly just leaves you uncomfortable.'
								},
								{ speaker: JENNA, text: 'How do you hit that without feeling stuffed?' },
								{
									speaker: HANNAH,
									text: 'Swap some fiber and fat for easy carbs: white rice, bagels, juice, pretzels. Those are lighter on the stomach.'
								}
							]
						},
						{
							startSeconds: 300,
							endSeconds: 660,
							title: 'Race-Morning Breakfast',
							summary: 'What and when to eat before the start, and why to rehearse it before long runs.',
							lines: [
								{ speaker: JENNA, text: 'What should race-morning breakfast look like?' },
								{
									speaker: HANNAH,
									text: 'A familiar, carbohydrate-rich meal two to three hours before the start, like oatmeal with banana or toast with honey. Nerves can kill appetite, so liquid carbs are a good backup.'
								},
								{
									speaker: HANNAH,
									text: 'Rehearse it before your long runs so your stomach already knows the plan.'
								}
							]
						},
						{
							startSeconds: 660,
							endSeconds: 1080,
							title: 'Gels, Chews and Carbs per Hour',
							summary: 'How many grams of carbohydrate to take per hour during a marathon and how to space gels, chews and sports drink.',
							lines: [
								{ speaker: JENNA, text: 'How much should runners take in during the marathon itself?' },
								{
									speaker: HANNAH,
									text: 'Most runners do well with thirty to sixty grams of carbohydrate per hour, and trained guts can handle up to ninety when the product mixes glucose and fructose.'
								},
								{ speaker: JENNA, text: 'What does that mean in gels?' },
								{
									speaker: HANNAH,
									text: 'A typical gel is twenty to twenty-five grams, so roughly one every thirty to forty minutes, starting early rather than waiting until you feel empty. Take them with water, not on their own.'
								}
							]
						},
						{
							startSeconds: 1080,
							endSeconds: 1440,
							title: 'Training Your Gut on Long Runs',
							summary: 'Practicing race fueling during long runs to reduce stomach problems on race day.',
							lines: [
								{ speaker: JENNA, text: 'Stomach trouble ruins a lot of first marathons. Can you prevent it?' },
								{
									speaker: HANNAH,
									text: 'Largely, yes. The gut is trainable, so practice your exact race fueling on long runs, starting low and building the amount over several weeks.'
								},
								{
									speaker: HANNAH,
									text: 'Find out which sports drink is on the course and train with it, or plan to carry your own.'
								}
							]
						},
						{
							startSeconds: 1440,
							endSeconds: 1800,
							title: 'Fueling During the Taper',
							summary: 'Why runners should not slash carbohydrates when training volume drops, and why a little taper weight gain is a good sign.',
							lines: [
								{ speaker: JENNA, text: 'During the taper people panic about eating less because they are running less.' },
								{
									speaker: HANNAH,
									text: 'Trim portions slightly if you like, but keep carbohydrates steady. You want to arrive with full glycogen stores, not a deficit.'
								},
								{ speaker: JENNA, text: 'And the scale creeping up?' },
								{
									speaker: HANNAH,
									text: 'Each gram of stored glycogen holds water with it, so gaining a kilogram or so during the taper usually means you are fueled and ready.'
								}
							]
						}
					]
				}
			]
		}
	],

	questions: [
		// --- The Running Explained Podcast: "Running Isn't Therapy" ---------------------------------------
		{
			slug: 'can-running-serve-as-therapy',
			text: 'Can running serve as therapy?',
			alternatives: ['Is running good therapy?', 'Can running help my mental health?', 'Is running therapeutic?'],
			answer:
				'Running can be genuinely therapeutic: it lifts mood, gives stress and restless energy an outlet, and builds confidence. It is not therapy in the clinical sense, though, because it cannot assess or treat underlying problems the way a licensed clinician can. It works best alongside other coping skills and, when needed, professional care.',
			featured: true,
			links: [
				{
					show: 'running-explained',
					episode: 'running-isnt-therapy',
					segmentTitle: "Why Running Isn't a Substitute for Therapy",
					excerpt: "It's therapeutic with a small t, absolutely."
				},
				{
					show: 'running-explained',
					episode: 'running-isnt-therapy',
					segmentTitle: 'Working Through Emotions at a Steady Rhythm',
					excerpt:
						'Your stride, your breathing and your arm swing fall into a rhythm, and that steady beat can settle a nervous system that has been on high alert all day.'
				},
				{
					show: 'running-explained',
					episode: 'running-isnt-therapy',
					segmentTitle: 'Wrap-Up and Where to Find Sarah',
					excerpt:
						'Running is a wonderful tool for your mental health, but it works best as one part of a bigger toolkit that can include therapy.'
				}
			]
		},
		{
			slug: 'is-running-a-substitute-for-therapy',
			text: 'Is running a substitute for therapy?',
			alternatives: ['Can running replace therapy?', 'Do I still need a therapist if I run?'],
			answer:
				'No. Therapy is a structured relationship with a trained, licensed clinician who can assess what is going on and work on root causes such as trauma, grief or depression. Running can ease symptoms and make therapy more productive, but it is a complement rather than a replacement.',
			featured: true,
			links: [
				{
					show: 'running-explained',
					episode: 'running-isnt-therapy',
					segmentTitle: "Why Running Isn't a Substitute for Therapy",
					excerpt: "It's a structured relationship with a trained, licensed clinician who assesses what's going on"
				}
			]
		},
		{
			slug: 'what-is-a-runners-high',
			text: "What is a runner's high?",
			alternatives: ["Is the runner's high real?", 'Why do I feel euphoric after running?', "Do endorphins cause the runner's high?"],
			featured: true,
			links: [
				{
					show: 'running-explained',
					episode: 'running-isnt-therapy',
					segmentTitle: "Running and Your Mood: Endorphins, Dopamine and the Runner's High",
					excerpt:
						"The runner's high is a short window of calm euphoria, often with less pain, that tends to show up during long, steady efforts rather than sprints."
				}
			]
		},
		{
			slug: 'how-does-running-relieve-stress',
			text: 'How does running relieve stress?',
			alternatives: ['Why does running reduce stress?', 'Does jogging help with anxiety?'],
			links: [
				{
					show: 'running-explained',
					episode: 'running-isnt-therapy',
					segmentTitle: 'Working Through Emotions at a Steady Rhythm',
					excerpt:
						'Exercise is a controlled dose of stress, and when you practice recovering from it, your body gets better at bringing cortisol and heart rate back down after other kinds of pressure.'
				},
				{
					show: 'running-explained',
					episode: 'running-isnt-therapy',
					segmentTitle: "Running and Your Mood: Endorphins, Dopamine and the Runner's High",
					excerpt: 'Steady aerobic exercise prompts your brain to release feel-good chemicals like endorphins'
				}
			]
		},
		{
			slug: 'what-is-mindful-running',
			text: 'What is mindful running?',
			alternatives: ['How do you practice mindfulness while running?', 'Can running be a form of meditation?'],
			links: [
				{
					show: 'running-explained',
					episode: 'running-isnt-therapy',
					segmentTitle: 'Mindful Running: Breath, Footsteps and Surroundings',
					excerpt: 'It just means paying attention on purpose while you run.'
				}
			]
		},
		{
			slug: 'can-you-rely-too-much-on-running-to-cope',
			text: 'Can you rely too much on running to cope?',
			alternatives: ['Is it bad if running is my only coping mechanism?', 'Can you be addicted to running?'],
			links: [
				{
					show: 'running-explained',
					episode: 'running-isnt-therapy',
					segmentTitle: 'When Running Is Your Only Coping Tool',
					excerpt:
						'If running is the only way you know how to manage stress, your whole emotional life is balanced on one leg, sometimes literally.'
				},
				{
					show: 'coaching-corner',
					episode: 'coming-back-from-injury',
					segmentTitle: 'The Emotional Side of Being Sidelined',
					excerpt: 'an injury takes away their main coping tool right when they need it most'
				}
			]
		},
		{
			slug: 'how-do-you-handle-stress-during-marathon-training',
			text: 'How do you handle stress during marathon training?',
			alternatives: ['Why am I so stressed during marathon training?', 'How do I cope with taper madness?'],
			links: [
				{
					show: 'running-explained',
					episode: 'running-isnt-therapy',
					segmentTitle: 'Managing Stress in Peak Marathon Training',
					excerpt: 'First, count training as part of your total stress load, alongside work, family and money.'
				},
				{
					show: 'sleep-and-recovery-lab',
					episode: 'rest-days-are-training-days',
					segmentTitle: 'Cortisol, Life Stress and the Training Load',
					excerpt: 'Your body has one stress response'
				}
			]
		},
		{
			slug: 'can-overtraining-make-stress-worse',
			text: 'Can overtraining make stress worse?',
			alternatives: ['Can too much running cause anxiety?', 'Does overtraining raise cortisol?'],
			links: [
				{
					show: 'running-explained',
					episode: 'running-isnt-therapy',
					segmentTitle: 'Overtraining, Burnout and the Case for Rest',
					excerpt: 'Stacking hard miles without enough recovery keeps cortisol elevated'
				},
				{
					show: 'sleep-and-recovery-lab',
					episode: 'rest-days-are-training-days',
					segmentTitle: 'Cortisol, Life Stress and the Training Load',
					excerpt:
						'The problem is when it stays high from training plus life stress plus short sleep, which slows tissue repair and disrupts sleep even further.'
				}
			]
		},
		{
			slug: 'how-can-running-build-confidence-and-resilience',
			text: 'How can running build confidence and resilience?',
			alternatives: ['Does running make you more resilient?', 'Can running improve self-confidence?'],
			links: [
				{
					show: 'running-explained',
					episode: 'running-isnt-therapy',
					segmentTitle: 'Building Confidence and Resilience',
					excerpt: 'Psychologists call it self-efficacy, the belief that you can do hard things.'
				}
			]
		},
		{
			slug: 'what-coping-skills-can-runners-use-besides-running',
			text: 'What coping skills can runners use besides running?',
			alternatives: ['How do I cope with stress when I cannot run?', 'What else helps with stress besides exercise?'],
			links: [
				{
					show: 'running-explained',
					episode: 'running-isnt-therapy',
					segmentTitle: 'Building a Wider Coping Toolkit',
					excerpt:
						'journaling for untangling thoughts, friends and family for connection, solid sleep, and a calming practice like breathing exercises or yoga'
				}
			]
		},
		{
			slug: 'when-should-a-runner-see-a-therapist',
			text: 'When should a runner see a therapist?',
			alternatives: ['How do I know if I need therapy?', 'How do I find a therapist who works with athletes?'],
			links: [
				{
					show: 'running-explained',
					episode: 'running-isnt-therapy',
					segmentTitle: "Signs It's Time to Talk to a Professional",
					excerpt: "If low mood, worry or poor sleep lasts more than a couple of weeks, if it's getting in the way of work or relationships"
				},
				{
					show: 'coaching-corner',
					episode: 'race-day-nerves',
					segmentTitle: 'When Performance Anxiety Goes Beyond Race Day',
					excerpt: 'it is worth talking to a licensed professional'
				}
			]
		},

		// --- The Sleep and Recovery Lab --------------------------------------------------------------------
		{
			slug: 'how-much-sleep-do-runners-need',
			text: 'How much sleep do runners need?',
			alternatives: ['How many hours of sleep should a runner get?', 'Do marathon runners need more sleep?'],
			answer:
				'Most adult runners should aim for seven to nine hours a night, toward the top of that range during heavy training, while teenagers need eight to ten. Sleep needs rise with training load, and a short early-afternoon nap can help in hard weeks.',
			featured: true,
			links: [
				{
					show: 'sleep-and-recovery-lab',
					episode: 'how-much-sleep-do-runners-need',
					segmentTitle: 'The Sleep Numbers for Endurance Athletes',
					excerpt: 'For most adults the baseline is seven to nine hours a night.'
				},
				{
					show: 'sleep-and-recovery-lab',
					episode: 'how-much-sleep-do-runners-need',
					segmentTitle: 'Sleep Debt, Injury Risk and Performance',
					excerpt: 'One well-known study of adolescent athletes found those sleeping under eight hours were injured noticeably more often.'
				}
			]
		},
		{
			slug: 'why-are-rest-days-important-for-runners',
			text: 'Why are rest days important for runners?',
			alternatives: ['Do runners need rest days?', 'How many rest days should a runner take?'],
			links: [
				{
					show: 'sleep-and-recovery-lab',
					episode: 'rest-days-are-training-days',
					segmentTitle: 'Why Recovery Is When You Adapt',
					excerpt: 'A workout on its own makes you temporarily weaker.'
				},
				{
					show: 'running-explained',
					episode: 'running-isnt-therapy',
					segmentTitle: 'Overtraining, Burnout and the Case for Rest',
					excerpt: 'adaptation happens during recovery, not during the workout'
				}
			]
		},
		{
			slug: 'what-are-the-signs-of-overtraining',
			text: 'What are the signs of overtraining?',
			alternatives: ['How do I know if I am overtrained?', 'Can heart rate variability detect overtraining?'],
			links: [
				{
					show: 'sleep-and-recovery-lab',
					episode: 'rest-days-are-training-days',
					segmentTitle: 'Functional Overreaching vs. Overtraining Syndrome',
					excerpt:
						'Usually mood: irritability, low motivation, feeling flat. Then disturbed sleep, heavy legs on easy runs, frequent colds and a stalled or declining race pace.'
				},
				{
					show: 'sleep-and-recovery-lab',
					episode: 'rest-days-are-training-days',
					segmentTitle: 'Tracking Fatigue: Heart Rate Variability and Resting Heart Rate',
					excerpt: 'A morning resting heart rate five or more beats above your normal for several days is a simple, free red flag.'
				},
				{
					show: 'running-explained',
					episode: 'running-isnt-therapy',
					segmentTitle: 'Overtraining, Burnout and the Case for Rest',
					excerpt: 'Mood changes are often one of the earliest signals.'
				}
			]
		},
		{
			slug: 'what-should-you-eat-after-a-long-run',
			text: 'What should you eat after a long run?',
			alternatives: ['What is the best recovery food for runners?', 'How much protein do I need after running?'],
			links: [
				{
					show: 'sleep-and-recovery-lab',
					episode: 'fueling-recovery-after-long-runs',
					segmentTitle: 'Carbohydrates and Protein After a Long Run',
					excerpt: 'roughly one gram per kilogram of body weight, plus about twenty to thirty grams of protein for muscle repair'
				}
			]
		},

		// --- Coaching Corner ------------------------------------------------------------------------------
		{
			slug: 'how-do-you-calm-nerves-before-a-race',
			text: 'How do you calm nerves before a race?',
			alternatives: ['How do I deal with pre-race anxiety?', 'Why do I feel sick before a race?', 'How to stop race day jitters'],
			answer:
				'Pre-race nerves are a normal stress response, so aim to channel them rather than banish them. Relabel the feeling as excitement, use a slow breathing drill with a long exhale in the start corral, and lean on a familiar routine focused on what you can control. If anxiety leads to panic attacks or skipped races, talk to a licensed professional.',
			featured: true,
			links: [
				{
					show: 'coaching-corner',
					episode: 'race-day-nerves',
					segmentTitle: 'Breathing Techniques for the Start Corral',
					excerpt: 'Make your exhale longer than your inhale.'
				},
				{
					show: 'coaching-corner',
					episode: 'race-day-nerves',
					segmentTitle: 'Reframing Anxiety as Excitement',
					excerpt: 'Anxiety and excitement feel almost identical in the body'
				}
			]
		},
		{
			slug: 'how-do-you-stay-positive-while-injured',
			text: 'How do you stay positive while injured?',
			alternatives: ['Why am I depressed when I cannot run?', 'How do I cope mentally with a running injury?'],
			links: [
				{
					show: 'coaching-corner',
					episode: 'coming-back-from-injury',
					segmentTitle: 'The Emotional Side of Being Sidelined',
					excerpt: 'Give the frustration a name, because it really is a kind of grief.'
				},
				{
					show: 'running-explained',
					episode: 'running-isnt-therapy',
					segmentTitle: 'When Running Is Your Only Coping Tool',
					excerpt: 'A stress fracture or a calf tear can take running away for two months overnight'
				}
			]
		},
		{
			slug: 'how-do-you-return-to-running-after-an-injury',
			text: 'How do you return to running after an injury?',
			alternatives: ['When can I start running again after an injury?', 'What is a walk-run return plan?'],
			links: [
				{
					show: 'coaching-corner',
					episode: 'coming-back-from-injury',
					segmentTitle: 'A Walk-Run Return-to-Running Plan',
					excerpt: 'Then we start walk-run intervals, like one minute running and one minute walking, every other day.'
				}
			]
		},
		{
			slug: 'how-should-you-fuel-during-a-marathon',
			text: 'How should you fuel during a marathon?',
			alternatives: ['How many gels should I take in a marathon?', 'How many carbs per hour during a marathon?'],
			links: [
				{
					show: 'coaching-corner',
					episode: 'fueling-your-first-marathon',
					segmentTitle: 'Gels, Chews and Carbs per Hour',
					excerpt: 'Most runners do well with thirty to sixty grams of carbohydrate per hour'
				},
				{
					show: 'coaching-corner',
					episode: 'fueling-your-first-marathon',
					segmentTitle: 'Training Your Gut on Long Runs',
					excerpt: 'The gut is trainable, so practice your exact race fueling on long runs'
				}
			]
		}
	]
};
