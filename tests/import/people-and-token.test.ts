import { describe, expect, it } from 'vitest';
import { isAdminToken } from '../../src/lib/server/admin-token';
import { peopleForItem, personFromPartytime } from '../../src/lib/server/import/persons';
import { speakerLabels } from '../../src/lib/server/people';

describe('isAdminToken', () => {
	it('accepts only the configured token', () => {
		expect(isAdminToken('s3cret', 's3cret')).toBe(true);
		expect(isAdminToken('s3cre', 's3cret')).toBe(false);
		expect(isAdminToken('s3cret ', 's3cret')).toBe(false);
	});

	it('accepts nothing when no token is configured', () => {
		expect(isAdminToken('', '')).toBe(false);
		expect(isAdminToken('anything', undefined)).toBe(false);
		expect(isAdminToken(null, 's3cret')).toBe(false);
	});
});

describe('speakerLabels', () => {
	it('matches a transcript label by full name or first name, skipping honorifics', () => {
		expect(speakerLabels('Sarah Strong')).toEqual(['sarah strong', 'sarah']);
		expect(speakerLabels('Dr. Timothy M. Jurgensen')).toEqual(['dr. timothy m. jurgensen', 'timothy']);
		expect(speakerLabels('Cher')).toEqual(['cher']);
	});
});

describe('people of an item', () => {
	const host = personFromPartytime({ name: 'Ada  Lindqvist', role: 'Host', href: 'https://ada.example/' })!;
	const guest = personFromPartytime({ name: 'Cora Vance', role: 'Guest', img: 'javascript:alert(1)' })!;

	it('normalises names and roles, and keeps only web links', () => {
		expect(host).toEqual({ name: 'Ada Lindqvist', role: 'host', imageUrl: null, link: 'https://ada.example/' });
		expect(guest.imageUrl).toBeNull();
		expect(personFromPartytime({ name: '  ' })).toBeNull();
		expect(personFromPartytime({ name: 'No Role' })!.role).toBe('host');
	});

	it('uses the item’s people instead of the channel’s when the item names any', () => {
		expect(peopleForItem([host], [guest])).toEqual([guest]);
		expect(peopleForItem([host], null)).toEqual([host]);
		expect(peopleForItem([], [guest, { ...guest }])).toEqual([guest]);
	});
});
