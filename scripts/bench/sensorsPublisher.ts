/**
 * The benchmark's publisher, a process of its own so that publishing does not steal the subscriber's event loop:
 * `tsx scripts/bench/sensorsPublisher.ts <ws-url> <rate> <seconds> <topics>`; prints one JSON line (LoadReport).
 */
import { publishLoad } from '../sensors/loadPublisher';

const [url, rate, seconds, topics] = process.argv.slice(2);
if (!url) throw new Error('usage: sensorsPublisher.ts <ws-url> <rate> <seconds> <topics>');
const report = await publishLoad({ url, rate: Number(rate), seconds: Number(seconds), topics: Number(topics) });
console.log(JSON.stringify(report));
process.exit(0);
