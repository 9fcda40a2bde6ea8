/**
 * Reads search parameters (q, limit, show, person) from a URL, for /search and GET /api/search alike. Each problem
 * names its parameter and says what would be accepted, so an API client can fix its request.
 */
import { DEFAULT_RESULT_LIMIT, MAX_QUERY_LENGTH, MAX_RESULT_LIMIT } from './config';
import type { SearchRequest } from './results';
import type { SearchIndex } from './search-index';

export interface ParameterProblem {
	parameter: string;
	message: string;
}

export interface ParsedSearchParams {
	request: SearchRequest;
	problems: ParameterProblem[];
}

const quote = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);

/**
 * Parses the parameters. Bad ones are reported in `problems` and left out of the request, so a page can still
 * search with what was fine while an API answers 400. `requireQuery` makes a missing or blank q a problem.
 */
export function parseSearchParams(params: URLSearchParams, index: SearchIndex, { requireQuery = false } = {}): ParsedSearchParams {
	const problems: ParameterProblem[] = [];
	const single = (name: string): string | null => {
		const values = params.getAll(name);
		if (values.length > 1) problems.push({ parameter: name, message: `${name} was given ${values.length} times; give it once.` });
		return values[0] ?? null;
	};

	let query = (single('q') ?? '').trim();
	if (query.length > MAX_QUERY_LENGTH) {
		problems.push({ parameter: 'q', message: `q is ${query.length} characters long; the limit is ${MAX_QUERY_LENGTH}.` });
		query = query.slice(0, MAX_QUERY_LENGTH);
	} else if (requireQuery && query === '') {
		problems.push({ parameter: 'q', message: 'q is required: the words or question to search for, e.g. ?q=sleep+debt.' });
	}

	let limit = DEFAULT_RESULT_LIMIT;
	const limitText = single('limit');
	if (limitText !== null && limitText.trim() !== '') {
		const n = Number(limitText);
		if (!/^\d+$/.test(limitText.trim()) || n < 1 || n > MAX_RESULT_LIMIT) {
			problems.push({ parameter: 'limit', message: `limit must be a whole number from 1 to ${MAX_RESULT_LIMIT}; got ${quote(limitText)}.` });
		} else limit = n;
	}

	const showSlug = single('show')?.trim() || null;
	const show = showSlug ? [...index.shows.values()].find((s) => s.slug === showSlug) : undefined;
	if (showSlug && !show) {
		const known = [...index.shows.values()].map((s) => s.slug).sort();
		problems.push({ parameter: 'show', message: `show ${quote(showSlug)} is not a show slug here; use one of: ${known.join(', ')}.` });
	}

	const personSlug = single('person')?.trim() || null;
	const person = personSlug ? [...index.people.values()].find((p) => p.slug === personSlug) : undefined;
	if (personSlug && !person) {
		problems.push({ parameter: 'person', message: `person ${quote(personSlug)} is not a person slug here (see /people for the list).` });
	}

	return {
		request: {
			query,
			limit,
			filter: { podcastId: show?.id, personId: person?.id },
			filterSlugs: { show: show?.slug ?? null, person: person?.slug ?? null }
		},
		problems
	};
}
