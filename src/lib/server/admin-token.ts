/** The admin token check. Both sides are hashed first, so the comparison takes the same time whatever is sent. */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Whether `given` is the admin token; false when no token is configured. */
export function isAdminToken(given: string | null | undefined, expected: string | null | undefined): boolean {
	if (!expected || typeof given !== 'string') return false;
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(expected));
}
