/** podcast:person, as the namespace defines it: item-level people replace the channel's, they do not add to them. */
import type { PersonDraft } from './types';

interface PartytimePerson {
	name: string;
	role?: string;
	img?: string;
	href?: string;
}

/** A partytime person as a draft; null when it has no name. Roles are lower-cased ("Host" -> "host"). */
export function personFromPartytime(person: PartytimePerson): PersonDraft | null {
	const name = person.name?.replace(/\s+/g, ' ').trim();
	if (!name) return null;
	return {
		name,
		// The namespace's default role is host.
		role: (person.role ?? 'host').trim().toLowerCase() || 'host',
		imageUrl: httpUrl(person.img),
		link: httpUrl(person.href)
	};
}

/** The people of an item: its own when it names any, otherwise the channel's. Duplicates (same name and role) go. */
export function peopleForItem(channel: PersonDraft[], item: PersonDraft[] | null): PersonDraft[] {
	const seen = new Set<string>();
	return (item ?? channel).filter((p) => {
		const key = `${p.name.toLowerCase()}\u0000${p.role}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

function httpUrl(value: string | undefined): string | null {
	const trimmed = value?.trim();
	if (!trimmed) return null;
	try {
		const url = new URL(trimmed);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
	} catch {
		return null;
	}
}
