/**
 * Whole flows on the demo episode page in the system Chromium. One server and one browser serve all of them: the
 * flows live in ./episode/, one file per subject.
 */
import { describeBrowser } from '../helpers/browser';
import { describeHeadAndShare } from './episode/head-and-share';
import { describeKeyboard } from './episode/keyboard';
import { describeNoJavaScript } from './episode/no-javascript';
import { describePhoneAndNotices } from './episode/phone-and-notices';
import { describeSeeking } from './episode/seeking';
import { browserSuite } from './support';

describeBrowser('the episode page in Chromium', () => {
	const suite = browserSuite();
	describeSeeking(suite);
	describeKeyboard(suite);
	describeNoJavaScript(suite);
	describeHeadAndShare(suite);
	describePhoneAndNotices(suite);
});
