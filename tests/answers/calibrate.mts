/**
 * Calibration of ANSWER_MIN_SCORE (not a test): the best quote's score for questions the content answers and for
 * nonsense and off-topic ones, on the demo and the real transcripts. Run: npx tsx tests/answers/calibrate.mts
 */
import { answerQuestion } from '../../src/lib/server/answers';
import { createAnswerFixture } from './support';

const real = [
	'Can running serve as therapy?',
	'How much sleep do runners need?',
	'How do I calm my nerves before a race?',
	'What should I eat before a marathon?',
	'Why did they stop publishing the show on YouTube?',
	'Did the videos lose subscribers on the channel?',
	'Is recording video harder than audio when travelling?',
	'Does video help a podcast grow?',
	'How do you add chapters to a podcast episode?',
	'What is a podcast transcript good for?',
	'What does the SRT example say about Buzzsprout?'
];
const offTopic = [
	'What is the capital of Mongolia?',
	'How do I fix a leaking kitchen tap?',
	'What is the best recipe for lasagna?',
	'Who won the 1998 football world cup?',
	'How do volcanoes form?',
	'qwxz plorb fnark?',
	'asdf asdf asdf',
	'Is the moon made of cheese?',
	'How to change a car tyre?',
	'what is the airspeed velocity of an unladen swallow'
];

const f = await createAnswerFixture();
for (const [label, list] of [['real', real], ['off', offTopic]] as const) {
	for (const q of list) {
		const started = performance.now();
		const a = await answerQuestion(f.t.db, q, { search: f.search });
		console.log(label, a.score.toFixed(3), a.status, `${Math.round(performance.now() - started)}ms`, q, '|', a.citations.map((c) => `[${c.n}] ${c.text}`).join('\n   '));
	}
}
await f.t.close();
