/** The mining method's version: bumped whenever detection, wording or answer spans change, so episodes are mined again. */
export const MINING_METHOD_VERSION = 1;
