/**
 * `npm start`: the production server (server/index.js around the adapter-node build). adapter-node assumes https
 * unless ORIGIN says otherwise, which on a plain local start would make share links and embed codes say
 * https://localhost and refuse form posts as cross-site; so ORIGIN defaults to the local address. Behind a proxy,
 * set ORIGIN yourself.
 */
import cluster from 'node:cluster';

const port = process.env.PORT || '3000';
process.env.ORIGIN ||= `http://localhost:${port}`;
// (said once: with SERVER_PROCESSES, each process runs this file again)
if (!cluster.isWorker) console.log(`Podcast Moments on ${process.env.ORIGIN} (set ORIGIN to the public URL when behind a proxy)`);
await import('../server/index.js');
