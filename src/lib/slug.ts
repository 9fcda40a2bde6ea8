/** URL slugs: lower-case ASCII words joined by hyphens ("Running Isn't Therapy" -> "running-isnt-therapy"). */
export function slugify(text: string, maxLength = 80): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, maxLength)
		.replace(/-+$/g, '');
	return slug || 'untitled';
}
