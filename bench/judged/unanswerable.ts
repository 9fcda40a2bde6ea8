/**
 * Questions a listener might plausibly type that NOTHING in the judged content answers: the real transcripts of
 * bench/judged/real.ts (tech news, podcasting) and the demo (running). Each is about a topic whose key word occurs
 * nowhere in those transcripts (checked with grep over the files when written: sourdough, orchid, aphid, puppy,
 * mortgage, pension, tattoo, guitar, kayak, migraine ... all 0 occurrences). An answer page should say "no good answer"
 * to them, and search should show no moment (bench:quality prints the share that get none: search's precision).
 *
 * The last 18 were added for search's precision (issue 14, point 5) and are harder on purpose:
 * - near misses, sharing common words or a whole theme with the content ("sleep through the night" for a baby, "the
 *   night before" a job interview, "do I need expensive" shoes, a smoker left "running" overnight);
 * - other shows by name (Giant Bomb, Serial, My Favorite Murder, Radiolab: none is discussed; "podcast" is everywhere);
 * - a topic in a word or two (astrology, tarot, cricket), the way people search.
 * Not in it: a single common word that occurs in the content ("sleep", "intel"): that is answered by what says it.
 * Also checked with grep when written: baby, yolk, ballet, leash, puncture, diabetes, barbecue, cholesterol, mould,
 * adnan, radiolab, astrology, tarot, cricket, shakespeare: 0 occurrences; "giant" and "bomb" occur (3 each) but never
 * together or about the show.
 */
export const unanswerableQuestions: string[] = [
	'how long should I let a sourdough starter ferment before baking',
	'how often should I water an orchid on a windowsill',
	'what is a natural way to get rid of aphids on roses',
	'how do I stop my puppy biting my hands',
	'when is the right time to plant tomato seedlings outside',
	'why do some volcanoes erupt explosively and others just ooze lava',
	'should lasagna sheets be boiled before baking',
	'what is the easiest knitting stitch for a first scarf',
	'which chess opening should a beginner learn first',
	'is it better to fix my mortgage rate for two years or five',
	'how much should I put into my pension each month in my thirties',
	'does a tattoo on the ribs hurt more than on the arm',
	'how do I keep my guitar strings from going out of tune',
	'how many hours a day should a child practise the piano',
	'how often should I clean the filter in a fish aquarium',
	'can I put citrus peel in my compost heap',
	'what hook size should I use for crochet with chunky wool',
	'how do you make a classic negroni cocktail',
	'which red wine goes best with roast lamb',
	'how early should I renew my passport before travelling',
	'what can I do about a toothache until I see a dentist',
	'how do I tell a pollen allergy from a cold',
	'is a sit-on-top kayak safer for beginners',
	'what size surfboard should a beginner start on',
	'how do I stop slicing my golf drive to the right',
	'which tennis racket grip size do I need',
	'why did my sponge cake sink in the middle',
	'how do you fold an origami crane',
	'what temperature does a pottery kiln need for stoneware glaze',
	'how can I tell an edible mushroom from a poisonous one',
	'how long does an uncontested divorce take',
	'what can I claim as expenses on a self-employed tax return',
	'does travel insurance cover cancelling because of illness',
	'what factor sunscreen should I use on a cloudy day',
	'what helps a migraine go away faster',
	'does toothpaste on spots actually help acne',
	'how do I get my baby to sleep through the night',
	'what should I eat the night before a job interview',
	'how long should I boil an egg for a runny yolk',
	'do I need expensive shoes for a ballet class',
	'how do I train my dog to walk without pulling on the leash',
	'how do I fix a puncture on my bicycle tyre',
	'what blood sugar level is normal for someone with diabetes',
	'is it safe to leave a barbecue smoker running overnight',
	'how can I lower my cholesterol without medication',
	'how do I get rid of mould on a bathroom ceiling',
	'Giant Bomb',
	'what did the Serial podcast find out about Adnan Syed',
	'when is the My Favorite Murder live tour',
	'the Radiolab episode about colour',
	'astrology',
	'cricket world cup final',
	'tarot card meanings',
	'shakespeare sonnets'
];
