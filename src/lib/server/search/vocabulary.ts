/**
 * Words search ignores, and words it treats as the same. Both lists are in plain English (not stems) so an editor
 * can read and extend them; terms.ts stems them once at start-up.
 */

/**
 * Function words and question scaffolding ("how do I ..."): they appear in nearly every segment and question, so
 * they only add noise to scores and cost time. Contractions appear without their apostrophe, as the tokenizer
 * leaves them ("isn't" -> "isnt"). Topic words that look common here (run, rest, high, down) are deliberately absent.
 */
export const STOP_WORDS: readonly string[] = [
	'a', 'about', 'after', 'again', 'against', 'all', 'also', 'am', 'an', 'and', 'any', 'are', 'arent', 'as', 'at',
	'be', 'because', 'been', 'being', 'both', 'but', 'by', 'can', 'cant', 'cannot', 'could', 'couldnt',
	'did', 'didnt', 'do', 'does', 'doesnt', 'doing', 'dont', 'each', 'else', 'even', 'ever', 'few', 'for', 'from',
	'get', 'gets', 'getting', 'got', 'had', 'hadnt', 'has', 'hasnt', 'have', 'havent', 'having', 'he', 'her', 'here',
	'hers', 'him', 'his', 'how', 'i', 'id', 'if', 'ill', 'im', 'in', 'into', 'is', 'isnt', 'it', 'its', 'itself', 'ive',
	'just', 'let', 'lets', 'me', 'might', 'more', 'most', 'much', 'must', 'my', 'myself', 'no', 'nor', 'not', 'of',
	'off', 'on', 'once', 'only', 'or', 'other', 'our', 'ours', 'out', 'own', 'really', 'same', 'she', 'should',
	'shouldnt', 'so', 'some', 'such', 'than', 'that', 'thats', 'the', 'their', 'theirs', 'them', 'then', 'there',
	'theres', 'these', 'they', 'theyre', 'this', 'those', 'to', 'too', 'very', 'was', 'wasnt', 'we', 'were', 'werent',
	'what', 'whats', 'when', 'where', 'which', 'while', 'who', 'whom', 'why', 'will', 'with', 'wont', 'would',
	'wouldnt', 'you', 'youd', 'youll', 'your', 'youre', 'yours', 'yourself', 'youve'
];

/**
 * Groups of words listeners use for the same idea. Every word of a group is indexed and searched as the group's
 * first word, so "jogging" finds "running" and "burnout" finds "overtraining". Inflections the stemmer misses
 * ("injured" / "injury", "recover" / "recovery") are listed here too. Keep groups narrow: a loose group makes every
 * query about it match everything in it.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
	['running', 'run', 'runs', 'ran', 'jogging', 'jog', 'jogs', 'jogged'],
	['runner', 'runners', 'jogger', 'joggers'],
	['anxiety', 'anxious', 'anxieties', 'nervous', 'nervousness', 'nerves', 'jitters', 'jittery'],
	['overtraining', 'overtrained', 'overtrain', 'burnout', 'overdoing'],
	['injury', 'injuries', 'injured', 'hurt', 'hurting'],
	['recovery', 'recover', 'recovering', 'recovered', 'recuperate', 'recuperating', 'recuperation'],
	['fatigue', 'fatigued', 'tired', 'tiredness', 'exhausted', 'exhaustion', 'weary'],
	['fuel', 'fueling', 'fuelling', 'fueled', 'fuelled', 'nutrition', 'eat', 'eating', 'ate', 'food', 'meal', 'meals'],
	['carbohydrate', 'carbohydrates', 'carb', 'carbs'],
	['hydration', 'hydrate', 'hydrated', 'dehydration', 'dehydrated', 'fluid', 'fluids'],
	['depression', 'depressed', 'depressive', 'sad', 'sadness', 'blues'],
	['therapy', 'therapist', 'therapists', 'counseling', 'counselling', 'counselor', 'counsellor', 'psychotherapy'],
	['meditation', 'meditate', 'meditating', 'mindfulness', 'mindful'],
	['race', 'races', 'racing', 'raced', 'competition', 'competing'],
	['dependence', 'dependent', 'addicted', 'addiction', 'addictive', 'hooked', 'crutch'],
	['stomach', 'gut', 'guts', 'belly', 'tummy', 'digestion', 'digestive'],
	// "ill" is left out: it is also "I'll" without its apostrophe.
	['illness', 'illnesses', 'sick', 'sickness'],
	['alcohol', 'beer', 'beers', 'wine', 'booze'],
	['caffeine', 'coffee', 'espresso'],
	['doctor', 'doctors', 'physician', 'clinician', 'clinicians'],
	['dietitian', 'dietitians', 'dietician', 'nutritionist'],
	['confidence', 'confident'],
	['sleep', 'sleeping', 'slept', 'asleep']
];
