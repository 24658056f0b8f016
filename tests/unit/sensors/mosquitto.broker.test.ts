/**
 * Against a real broker (Debian's mosquitto; `npm test` installs it): everything published arrives; a broker killed
 * and restarted mid-stream is reconnected to with exponential backoff, and thanks to the persistent session (QoS 1,
 * clean = false, persistence on) the messages published while Sao was away arrive too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Ingestor } from '../../../src/sensors/ingest/ingestor';
import type { ConnectionState } from '../../../src/sensors/sources/connectionState';
import { startMqttSource } from '../../../src/sensors/sources/mqttSource';
import type { RunningSource } from '../../../src/sensors/sources/runningSource';
import type { MqttSourceConfig } from '../../../src/sensors/sources/sourceConfig';
import { startMosquitto, type Mosquitto } from '../../../scripts/sensors/mosquitto';
import { createPublisher, type Publisher } from '../../../scripts/sensors/publisher';

const mapping = {
  datastreams: [
    {
      topic: 'sao/test/+',
      value: '$.v',
      time: '$.t',
      sequence: '$.seq',
      datastream: { name: '{1}', kind: 'waterLevel', unit: 'm', observedProperty: { name: 'water level', definition: null }, thing: { id: '{1}', name: '{1}' }, location: null, area: null, expectedIntervalSeconds: 1, simulated: true },
    },
  ],
};

let broker: Mosquitto | null = null;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await broker?.stop();
  broker = null;
});

function subscribe(url: string, clientId: string, ingestor = new Ingestor({ capacity: 8192 })) {
  const states: ConnectionState[] = [];
  const config: MqttSourceConfig = { id: 'test', name: 'test', enabled: true, kind: 'mqtt', brokerUrl: url, clientId, username: null, password: null, subscriptions: [{ format: 'mqtt-json', mapping }] };
  const source: RunningSource = startMqttSource(config, ingestor, { fetchJson: async () => null, now: Date.now, backoff: { baseMs: 200, maxMs: 5000, jitter: 0 }, onState: (s) => states.push(s) });
  cleanups.push(() => source.stop());
  return { ingestor, states, source };
}

function publisher(url: string, clientId: string): Publisher {
  const p = createPublisher(url, clientId);
  cleanups.push(() => p.close());
  return p;
}

const until = async (check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${broker?.log() ?? ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const message = (seq: number) => JSON.stringify({ v: seq / 1000, t: Date.now(), seq });
const received = (ingestor: Ingestor, topic: string, url: string) => ingestor.sequences.nextOf(`${url}|${topic}`);

describe('a real mosquitto broker', { timeout: 30_000 }, () => {
  it('delivers every one of 3,000 QoS 1 messages, in order, none lost', async () => {
    broker = await startMosquitto();
    const { ingestor, states } = subscribe(broker.url, 'sao-test-all');
    await until(() => states.some((s) => s.phase === 'connected'), 'the subscriber to connect');
    const pub = publisher(broker.url, 'sao-test-pub');
    // Two publishers' worth of streams, each numbered from 0.
    for (let seq = 0; seq < 1000; seq++) void pub.publish('sao/test/a', message(seq));
    for (let seq = 0; seq < 2000; seq++) void pub.publish('sao/test/b', message(seq));
    await pub.flush();
    await until(() => ingestor.stats.observations === 3000, '3000 observations');
    expect(ingestor.stats).toMatchObject({ received: 3000, observations: 3000, lost: 0 });
    expect(ingestor.get(`mqtt:${broker.url}|sao/test/a`)!.ring.length).toBe(1000);
  });

  it('reconnects with exponential backoff after the broker is killed and restarted; what was published meanwhile arrives', async () => {
    broker = await startMosquitto({ persistence: true });
    const url = broker.url;
    const { ingestor, states } = subscribe(url, 'sao-test-session');
    await until(() => states.some((s) => s.phase === 'connected'), 'the subscriber to connect');
    const pub = publisher(url, 'sao-test-pub-session');
    const topic = 'sao/test/wl';
    let seq = 0;
    const publishSome = async (count: number) => {
      for (const end = seq + count; seq < end; seq++) {
        void pub.publish(topic, message(seq));
        await new Promise((r) => setTimeout(r, 2));
      }
    };

    await publishSome(300);
    await until(() => received(ingestor, topic, url) === 300, 'the first 300');
    await broker.kill('SIGTERM');
    // The broker is away: the publisher keeps publishing into its queue, the subscriber retries with backoff.
    await publishSome(200);
    await until(() => states.filter((s) => s.phase === 'reconnecting').length >= 3, `three reconnect attempts (${JSON.stringify(states)})`);
    const whileAway = seq - 300;
    const countBeforeRestart = ingestor.stats.observations;
    await broker.restart();
    await publishSome(300);
    await pub.flush();
    await until(() => received(ingestor, topic, url) === 800, `all 800 after the restart (${received(ingestor, topic, url)}; ${JSON.stringify(states.map((s) => [s.phase, s.nextRetryMs]))})`);

    expect(countBeforeRestart).toBe(300);
    expect(whileAway).toBe(200);
    expect(ingestor.stats.lost).toBe(0);
    expect(ingestor.stats.reconnects).toBeGreaterThanOrEqual(1);
    const { times } = ingestor.get(`mqtt:${url}|${topic}`)!.ring.window();
    expect(times.length).toBe(800);
    // Backoff doubles: 200, 400, 800 ms … between attempts while the broker was down.
    const delays = states.filter((s) => s.phase === 'reconnecting').map((s) => s.nextRetryMs!);
    expect(delays.slice(0, 3)).toEqual([200, 400, 800]);
    // The broker had kept the session (persistence on): no resubscription was needed.
    expect(states.at(-1)).toMatchObject({ phase: 'connected', sessionPresent: true, attempt: 0 });
  });

  it.each([
    [true, 'arrives', 0],
    [false, 'is lost', 50],
  ])('broker persistence %s: what is published while Sao is away across a broker restart %s', async (persistence, _, lost) => {
    broker = await startMosquitto({ persistence });
    const url = broker.url;
    const ingestor = new Ingestor({ capacity: 1024 });
    const first = subscribe(url, 'sao-test-away', ingestor);
    await until(() => first.states.some((s) => s.phase === 'connected'), 'the subscriber to connect');
    const pub = publisher(url, 'sao-test-pub-away');
    await pub.publish('sao/test/x', message(0));
    await until(() => ingestor.stats.observations === 1, 'message 0');
    // Sao closes (the session stays on the broker), the broker restarts, 50 messages are published meanwhile.
    await first.source.stop();
    await broker.kill('SIGTERM');
    await broker.restart();
    for (let seq = 1; seq <= 50; seq++) void pub.publish('sao/test/x', message(seq));
    await pub.flush();
    const second = subscribe(url, 'sao-test-away', ingestor);
    await until(() => second.states.at(-1)?.phase === 'connected', 'the subscriber to come back');
    expect(second.states.at(-1)!.sessionPresent).toBe(persistence);
    await pub.publish('sao/test/x', message(51));
    await until(() => ingestor.sequences.nextOf(`${url}|sao/test/x`) === 52, 'message 51');
    expect(ingestor.stats.lost).toBe(lost);
    expect(ingestor.stats.observations).toBe(52 - lost);
  });
});
