/**
 * Generic everyday questions, none about what the judged content is about (tech news, podcasting, running): a
 * background for bench/honesty-rules-4.ts's "generic" signal (how much nearer a hit is to the query than the query is
 * to questions about anything at all). Written on December 6 (about 15:55 UTC) across everyday subjects (home, food,
 * money, health, travel, family, work, hobbies), without looking at any honesty set's results, and never tuned: the
 * signal's settings are chosen on the calibration half only. Written after the unanswerable sets (which cover everyday
 * subjects too): three that nearly repeated one of their questions (new friends, a wedding's cost, a present) were
 * replaced, but read its held-out figures as a little optimistic.
 */
export const genericQuestions: string[] = [
	'how do I get a stain out of a white shirt',
	'what should I cook for dinner tonight',
	'how long does it take to boil potatoes',
	'how much should I save each month',
	'is it better to rent or buy a house',
	'how do I ask for a day off work',
	'what are the symptoms of the flu',
	'how do I help my child with homework',
	'where should I go on holiday this summer',
	'how do I write a good cv',
	'what is the best way to clean an oven',
	'how often should I change my bed sheets',
	'how do I make my plants grow faster',
	'how do I tie a tie',
	'how do I stop snoring',
	'how do I lose weight quickly',
	'what time does the sun set today',
	'how do I learn to play the piano',
	'what is the capital of australia',
	'how do I get over a breakup',
	'how do I iron a shirt',
	'what should I wear to a party',
	'how do I fix a leaking tap',
	'why is the sky blue',
	'how do I make pancakes',
	'what is the weather like tomorrow',
	'how do I talk to my neighbours about noise',
	'how can I be more confident at work',
	'what is the history of the roman empire',
	'how do I take care of a cat',
	'how do I paint a room',
	'what should I do on a rainy weekend',
	'how do I apply for a passport',
	'what is a healthy breakfast',
	'how do I organise my wardrobe',
	'how do I choose a good book to read',
	'how do I pay off my debt',
	'what is the best way to study for an exam',
	'how do I plan a road trip',
	'how do I keep my house warm in winter'
];
