/** Suites over ../shared/realdata: they need its files, and in CI their absence fails rather than skips. */
import { existsSync } from 'node:fs';
import { describe } from 'vitest';
import { realdataDir } from '../helpers/environment';

export const describeWithRealdata = existsSync(realdataDir) || process.env.CI === 'true' ? describe : describe.skip;
