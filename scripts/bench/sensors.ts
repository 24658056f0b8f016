/**
 * bench:sensors — ingestion throughput against a real broker (issue 5 §5). Starts Debian's mosquitto, runs the
 * app's ingestion runtime in this process (workers/sensors/runtime.ts: the same mqtt client, plain-MQTT JSON adapter,
 * ring buffers, stats, batching and rule engine as the browser worker) subscribed to `sao/load/+`, and a publisher
 * in a separate process sending sequence-numbered QoS 1 messages at the target rate for the measured window.
 * Prints progress on stderr and, as its last line, one JSON line:
 * `{ messagesPerSecond, sent, received, lost, heapGrowthMB, … }`.
 *
 * `npm run bench:sensors [-- --rate 10000 --seconds 60 --topics 100]`
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cpus, loadavg } from 'node:os';
import { startMosquitto } from '../sensors/mosquitto';
import { LOAD_MAPPING, loadTopic } from '../sensors/loadTopics';
import type { LoadReport } from '../sensors/loadPublisher';
import { createSensorRuntime } from '../../workers/sensors/runtime';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const MB = 1024 * 1024;

const { values } = parseArgs({ options: { rate: { type: 'string' }, seconds: { type: 'string' }, topics: { type: 'string' } } });
const rate = Number(values.rate ?? 10_000);
const seconds = Number(values.seconds ?? 60);
const topics = Number(values.topics ?? 100);
const log = (text: string): void => void process.stderr.write(`[bench:sensors] ${text}\n`);

const gc = (globalThis as { gc?: () => void }).gc;
const heapMB = (): number => {
  gc?.();
  return process.memoryUsage().heapUsed / MB;
};

async function main(): Promise<void> {
  const broker = await startMosquitto({ persistence: true });
  log(`mosquitto ${broker.url}; ${rate} msg/s over ${topics} topics for ${seconds} s`);
  let batches = 0;
  let phase = '';
  const runtime = createSensorRuntime({
    post: (message) => {
      if (message.type !== 'batch') return;
      batches++;
      for (const state of message.payload.connections) phase = state.phase;
    },
    fetchJson: async () => null,
    loadAsset: async () => null,
    now: Date.now,
  });
  runtime.handle({
    type: 'sources',
    id: 'bench',
    payload: {
      assetBaseUrl: '',
      sources: [{ id: 'bench', name: 'bench', enabled: true, kind: 'mqtt', brokerUrl: broker.url, clientId: 'sao-bench-subscriber', username: null, password: null, subscriptions: [{ format: 'mqtt-json', mapping: LOAD_MAPPING }] }],
    },
  });
  const { ingestor } = runtime;
  while (phase !== 'connected') await new Promise((r) => setTimeout(r, 50));

  const publisher = spawn(process.execPath, ['--import', 'tsx', resolve(repoRoot, 'scripts/bench/sensorsPublisher.ts'), broker.url, String(rate), String(seconds), String(topics)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  publisher.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const published = new Promise<LoadReport>((resolvePromise, reject) => publisher.on('exit', (code) => (code === 0 ? resolvePromise(JSON.parse(output.trim().split('\n').at(-1)!) as LoadReport) : reject(new Error(`publisher exited ${code}`)))));

  // Warm-up: the first seconds (JIT, ring buffers filling) are not in the memory baseline.
  let heapBaseline = 0;
  let firstAt = 0;
  const perSecond: number[] = [];
  let previous = 0;
  const sampler = setInterval(() => {
    const now = ingestor.stats.received;
    if (now > 0 && firstAt === 0) firstAt = Date.now();
    perSecond.push(now - previous);
    previous = now;
    if (perSecond.length === 5) heapBaseline = heapMB();
    if (perSecond.length % 10 === 0) log(`${perSecond.length} s: ${now} received, ${perSecond.at(-1)} in the last second`);
  }, 1000);

  const report = await published;
  const deadline = Date.now() + 30_000;
  while (ingestor.stats.received < report.sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const lastAt = Date.now();
  clearInterval(sampler);
  const heapEnd = heapMB();

  // Lost = gaps inside each topic's sequence + what never arrived at its end.
  let tailMissing = 0;
  report.perTopic.forEach((count, k) => (tailMissing += count - ingestor.sequences.nextOf(`${broker.url}|${loadTopic(k)}`)));
  const lost = ingestor.stats.lost + tailMissing;
  const steady = perSecond.slice(5, -1).filter((n) => n > 0);
  await runtime.dispose();
  await broker.stop();

  const result = {
    messagesPerSecond: Math.round(ingestor.stats.received / ((lastAt - firstAt) / 1000)),
    sent: report.sent,
    received: ingestor.stats.received,
    lost,
    heapGrowthMB: Math.round((heapEnd - heapBaseline) * 10) / 10,
    targetRate: rate,
    seconds: Math.round(report.seconds),
    topics,
    minPerSecond: steady.length ? Math.min(...steady) : 0,
    observations: ingestor.stats.observations,
    malformed: Object.values(ingestor.stats.malformed).reduce((a, b) => a + b, 0),
    batchesPosted: batches,
    heapMB: Math.round(heapEnd),
    gcExposed: gc !== undefined,
    cpus: cpus().length,
    loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
  };
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
