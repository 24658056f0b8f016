/** A worker that takes the file and never answers: what a worker stuck inside web-ifc looks like from outside. */
import { parentPort } from 'node:worker_threads';

parentPort!.on('message', () => {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    // busy, as web-ifc is while it parses
  }
});
