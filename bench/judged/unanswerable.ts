/**
 * Questions a listener might plausibly type that NOTHING in the judged content answers: the real transcripts of
 * bench/judged/real.ts (tech news, podcasting) and the demo (running). Each is about a topic whose key word occurs
 * nowhere in those transcripts (checked with grep over the files when written: sourdough, orchid, aphid, puppy,
 * mortgage, pension, tattoo, guitar, kayak, migraine ... all 0 occurrences). An answer page should say "no good answer"
 * to them, and search should show few or no moments.
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
	'does toothpaste on spots actually help acne'
];
