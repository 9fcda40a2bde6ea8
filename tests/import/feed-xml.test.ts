import { describe, expect, it } from 'vitest';
import { parseFeedDate, parseFeedDuration } from '../../src/lib/server/import/dates';
import { decodeFeedBytes, prepareFeedXml, XmlProblem } from '../../src/lib/server/import/feed-xml';

const rss = (inner: string) => `<rss version="2.0"><channel><title>t</title>${inner}</channel></rss>`;

describe('prepareFeedXml', () => {
	it('leaves a well-formed feed as it is', () => {
		const xml = rss('<description>a &amp; b &#8212; c</description>');
		expect(prepareFeedXml(xml)).toEqual({ xml, tolerated: [] });
	});

	it('removes whitespace before the XML declaration and says so', () => {
		const { xml, tolerated } = prepareFeedXml(`\n  <?xml version="1.0"?>${rss('')}`);
		expect(xml.startsWith('<?xml')).toBe(true);
		expect(tolerated).toEqual([{ line: 1, message: 'whitespace before the XML declaration removed' }]);
	});

	it('reads undefined entities: a doubled XML entity, an HTML entity, an unknown one, a bare ampersand', () => {
		const { xml, tolerated } = prepareFeedXml(rss('\n<description>a &gtgt; b&nbsp;c &bogus; d & e <![CDATA[&keep;]]></description>'));
		expect(xml).toContain('a &gt; b&#xa0;c &amp;bogus; d &amp; e <![CDATA[&keep;]]>');
		expect(tolerated.map((t) => `${t.line}: ${t.message}`)).toEqual([
			'2: undefined entity "&gtgt;" read as "&gt;"',
			'2: HTML entity "&nbsp;" (not defined in XML) read as its character',
			'2: undefined entity "&bogus;" kept as text',
			'2: a bare "&" read as text'
		]);
	});

	it('closes an image tag left open, and reports the line', () => {
		const { xml, tolerated } = prepareFeedXml(rss('\n<itunes:image href="https://x.example/a.jpg">\n<item><title>i</title></item>'));
		expect(xml).toContain('<itunes:image href="https://x.example/a.jpg"/>');
		expect(tolerated).toEqual([{ line: 2, message: '<itunes:image> was never closed; read as an empty tag' }]);
	});

	it('folds repeats of one mend into a count', () => {
		const { tolerated } = prepareFeedXml(rss('\n<a>&nbsp;</a>\n<b>&nbsp;</b>'));
		expect(tolerated).toEqual([{ line: 2, message: 'HTML entity "&nbsp;" (not defined in XML) read as its character (2 times, first here)' }]);
	});

	it('refuses what is not well-formed, with the line', () => {
		const attempt = () => prepareFeedXml('<rss>\n<channel>\n<title>x</titel>\n</channel></rss>');
		expect(attempt).toThrow(XmlProblem);
		try {
			attempt();
		} catch (error) {
			expect((error as XmlProblem).line).toBe(3);
			expect((error as XmlProblem).reason).toMatch(/not well-formed XML: Expected closing tag 'title'/);
		}
		expect(() => prepareFeedXml('   ')).toThrow(/empty/);
		expect(() => prepareFeedXml('<rss><channel><title>cut off')).toThrow(/ends before <title> is closed/);
	});
});

describe('decodeFeedBytes', () => {
	it('honours a BOM and a declared single-byte encoding', () => {
		expect(decodeFeedBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c]))).toBe('<');
		const latin1 = new Uint8Array([...Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>'), 0xe9, ...Buffer.from('</t>')]);
		expect(decodeFeedBytes(latin1)).toContain('<t>é</t>');
	});
});

describe('parseFeedDate', () => {
	it('reads RFC 822 dates with zone abbreviations JavaScript does not know', () => {
		expect(parseFeedDate('Sat, 4 May 2024 09:00:00 CEST')!.toISOString()).toBe('2024-05-04T07:00:00.000Z');
		expect(parseFeedDate('Tue, 01 Oct 2019 14:30:00 PST')!.toISOString()).toBe('2019-10-01T22:30:00.000Z');
		expect(parseFeedDate('Mon, 10 Jun 2024 08:00:00 AEST')!.toISOString()).toBe('2024-06-09T22:00:00.000Z');
	});

	it('ignores a missing or wrong weekday, and reads numeric zones and two-digit years', () => {
		expect(parseFeedDate('1 Jun 2014 19:00:00 GMT')!.toISOString()).toBe('2014-06-01T19:00:00.000Z');
		expect(parseFeedDate('Wed, 1 Jun 2014 19:00:00 GMT')!.toISOString()).toBe('2014-06-01T19:00:00.000Z');
		expect(parseFeedDate('Mon, 11 Jun 18 01:20:48 +0130')!.toISOString()).toBe('2018-06-10T23:50:48.000Z');
	});

	it('reads ISO 8601 and refuses nonsense', () => {
		expect(parseFeedDate('2024-05-04T09:00:00+02:00')!.toISOString()).toBe('2024-05-04T07:00:00.000Z');
		expect(parseFeedDate('soon')).toBeNull();
		expect(parseFeedDate('12345')).toBeNull();
		expect(parseFeedDate('')).toBeNull();
	});
});

describe('parseFeedDuration', () => {
	it('reads every form feeds use', () => {
		expect(parseFeedDuration('4209')).toBe(4209);
		expect(parseFeedDuration('600.5')).toBe(600.5);
		expect(parseFeedDuration('30:00')).toBe(1800);
		expect(parseFeedDuration('01:28:40')).toBe(5320);
		expect(parseFeedDuration('75:10')).toBe(4510);
		expect(parseFeedDuration(' 1:02:03 ')).toBe(3723);
	});

	it('treats zero, empty and unreadable as unknown', () => {
		for (const raw of ['0', '', 'unknown', null, undefined, 0]) expect(parseFeedDuration(raw)).toBeNull();
	});
});
