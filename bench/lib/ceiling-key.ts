/** The key the ceiling (ceiling-server.ts) answers a captured response under: the request's Accept-Encoding as sent (none: ''), and its path. */
export const ceilingKey = (acceptEncoding: string | undefined, path: string): string => `${acceptEncoding ?? ''}\n${path}`;
