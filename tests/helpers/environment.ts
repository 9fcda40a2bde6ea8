/** Where the optional parts of the test environment are, and whether they are here. */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** ../shared/realdata beside the repository (REALDATA_DIR overrides). */
export const realdataDir = path.resolve(process.env.REALDATA_DIR ?? path.join(import.meta.dirname, '../../../shared/realdata'));

/** The Chromium the browser suites drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium; null when neither exists. */
export function chromiumPath(): string | null {
	const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	return existsSync(candidate) ? candidate : null;
}
