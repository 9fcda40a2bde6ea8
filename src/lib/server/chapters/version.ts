/** The chapters method's version: bumped whenever boundaries or titles change, so older automatic chapters are redone. */
export const CHAPTERS_METHOD_VERSION = 1;
