/**
 * Publishes sequence-numbered load at a steady rate (QoS 1) until a duration ends, then waits for every PUBACK:
 * `publishLoad({ url, rate, seconds, topics })` → how many went out per topic. Paced in 10 ms slices so the rate
 * holds without bursts a second long.
 */
import { createPublisher } from './publisher';
import { loadPayload, loadTopic } from './loadTopics';

export interface LoadOptions {
  url: string;
  /** Messages per second, all topics together. */
  rate: number;
  seconds: number;
  topics: number;
  clientId?: string;
  /** Stop early when this resolves. */
  stop?: Promise<void>;
}

export interface LoadReport {
  sent: number;
  perTopic: number[];
  seconds: number;
}

export async function publishLoad(options: LoadOptions): Promise<LoadReport> {
  const publisher = createPublisher(options.url, options.clientId ?? `sao-load-${process.pid}`);
  const perTopic = new Array<number>(options.topics).fill(0);
  let stopped = false;
  void options.stop?.then(() => (stopped = true));
  const start = Date.now();
  let sent = 0;
  while (!stopped) {
    const elapsed = (Date.now() - start) / 1000;
    if (elapsed >= options.seconds) break;
    const due = Math.floor(elapsed * options.rate);
    const now = Date.now();
    for (; sent < due; sent++) {
      const k = sent % options.topics;
      void publisher.publish(loadTopic(k), loadPayload(k, perTopic[k]!, now)).catch(() => undefined);
      perTopic[k]!++;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  await publisher.flush();
  await publisher.close();
  return { sent, perTopic, seconds: (Date.now() - start) / 1000 };
}
