import { describe, expect, it } from 'vitest';
import { Ingestor } from '../../../src/sensors/ingest/ingestor';
import { ObservationRing } from '../../../src/sensors/ingest/observationRing';
import { SequenceTracker } from '../../../src/sensors/ingest/sequenceTracker';
import { isStale } from '../../../src/sensors/ingest/stale';
import { backoffDelay } from '../../../src/sensors/sources/backoff';
import type { DatastreamDescriptor, Observation } from '../../../src/sensors/types';
import { ucumUnit } from '../../../src/sensors/units';

const T0 = Date.parse('2025-07-01T10:00:00Z');

const gauge = (id: string, expectedIntervalSeconds = 60): DatastreamDescriptor => ({
  id, name: id, description: null, kind: 'waterLevel', observedProperty: { name: 'water level', definition: null }, unit: ucumUnit('m'),
  thing: { id, name: id }, location: [105.78, 21.04], area: 'Dịch Vọng Hậu', expectedIntervalSeconds, simulated: false, protocol: 'mqtt-json',
});

const observation = (datastreamId: string, t: number, value: number, sequence: number | null = null, receivedAt = t): Observation => ({
  datastreamId, phenomenonTime: t, value, provenance: { protocol: 'mqtt-json', source: `broker|${datastreamId}`, sourceId: null, sequence, receivedAt },
});

describe('ring buffer', () => {
  it('keeps the newest `capacity` values in time order, whatever the count pushed', () => {
    const ring = new ObservationRing(100);
    for (let i = 0; i < 10_000; i++) ring.insert(i, i * 0.5);
    expect(ring.length).toBe(100);
    const { times, values } = ring.window();
    expect(times[0]).toBe(9900);
    expect(times[99]).toBe(9999);
    expect(values[99]).toBe(4999.5);
  });

  it('slots a late value in order, drops an exact repeat (QoS 1 redelivery) and ignores what is older than a full ring holds', () => {
    const ring = new ObservationRing(4);
    for (const t of [10, 20, 40]) ring.insert(t, t);
    expect(ring.insert(30, 30)).toBe(true);
    expect(ring.insert(30, 30)).toBe(false);
    expect([...ring.window().times]).toEqual([10, 20, 30, 40]);
    expect(ring.insert(5, 5)).toBe(false);
    expect(ring.insert(25, 25)).toBe(true);
    expect([...ring.window().times]).toEqual([20, 25, 30, 40]);
    expect([...ring.window(21, 35).values]).toEqual([25, 30]);
  });
});

describe('staleness and loss', () => {
  it('a sensor silent for more than 3× its interval is stale', () => {
    expect(isStale(T0, 60, T0 + 180_000)).toBe(false);
    expect(isStale(T0, 60, T0 + 180_001)).toBe(true);
  });

  it('the ingestor turns silent datastreams stale and live again when data comes', () => {
    let now = T0;
    const ingestor = new Ingestor({ capacity: 16, now: () => now });
    ingestor.datastream(gauge('a', 10));
    ingestor.datastream(gauge('b', 60));
    expect(ingestor.drain().statuses).toEqual({ a: 'waiting', b: 'waiting' });
    ingestor.observation(observation('a', T0, 0.1));
    ingestor.observation(observation('b', T0, 0.2));
    expect(ingestor.drain().statuses).toEqual({ a: 'live', b: 'live' });
    now = T0 + 31_000;
    ingestor.checkStale(now);
    expect(ingestor.drain().statuses).toEqual({ a: 'stale' });
    ingestor.observation(observation('a', now, 0.3, null, now));
    expect(ingestor.drain().statuses).toEqual({ a: 'live' });
  });

  it('counts sequence gaps as lost until the missing numbers turn up', () => {
    const tracker = new SequenceTracker();
    for (const s of [0, 1, 2, 5, 6]) tracker.see('p', s);
    expect(tracker.lost).toBe(2);
    tracker.see('p', 3);
    tracker.see('p', 3);
    tracker.see('q', 100);
    expect(tracker.lost).toBe(1);
    expect(tracker.nextOf('p')).toBe(7);
  });

  it('backs off exponentially up to a cap', () => {
    const noJitter = { baseMs: 500, maxMs: 30_000, jitter: 0 };
    expect([0, 1, 2, 3, 6, 10].map((a) => backoffDelay(a, noJitter))).toEqual([500, 1000, 2000, 4000, 30_000, 30_000]);
    const jittered = backoffDelay(2, { ...noJitter, jitter: 0.2 }, () => 1);
    expect(jittered).toBe(2400);
  });
});

describe('ingestor drain', () => {
  it('packs what is new per datastream into typed arrays, with latest values, stats and a malformed sample', () => {
    const ingestor = new Ingestor({ capacity: 16, malformedSample: 1, now: () => T0 });
    ingestor.datastream(gauge('a'));
    ingestor.datastream(gauge('b'));
    for (const [id, t, v, s] of [['a', 1, 0.1, 0], ['b', 1, 2, null], ['a', 2, 0.2, 1], ['a', 3, 0.3, 3]] as const) {
      ingestor.countMessage();
      ingestor.observation(observation(id, T0 + t, v, s));
    }
    for (let i = 0; i < 3; i++) ingestor.malformed({ reason: 'badJson', protocol: 'mqtt-json', source: 'x', detail: { vi: 'x', en: 'x' }, receivedAt: T0 });
    const delta = ingestor.drain();
    expect(delta.series.ids).toEqual(['a', 'b']);
    expect([...delta.series.offsets]).toEqual([0, 3, 4]);
    expect([...delta.series.values]).toEqual([0.1, 0.2, 0.3, 2]);
    expect(delta.latest.a).toEqual({ value: 0.3, phenomenonTime: T0 + 3, receivedAt: T0 + 3 });
    expect(delta.stats).toMatchObject({ received: 4, observations: 4, lost: 1, malformed: { badJson: 3 } });
    expect(delta.malformed).toHaveLength(1);
    expect(ingestor.drain().series.ids).toEqual([]);
  });

  it('holds fixed memory: a million observations into 50 datastreams keep 50 rings of `capacity`', () => {
    const ingestor = new Ingestor({ capacity: 256, now: () => T0 });
    for (let d = 0; d < 50; d++) ingestor.datastream(gauge(`s${d}`));
    for (let i = 0; i < 1_000_000; i++) {
      ingestor.observation(observation(`s${i % 50}`, T0 + i, i));
      if (i % 10_000 === 0) ingestor.drain();
    }
    const lengths = [...ingestor.all()].map((s) => s.ring.length);
    expect(new Set(lengths)).toEqual(new Set([256]));
    expect(ingestor.get('s7')!.latest!.value).toBe(999_957);
  });

  it('forgets the datastreams of a removed source', () => {
    const ingestor = new Ingestor({ capacity: 4, now: () => T0 });
    ingestor.datastream(gauge('a'));
    ingestor.observation(observation('a', T0, 1));
    ingestor.forget(['a']);
    const delta = ingestor.drain();
    expect(delta.datastreams).toEqual([]);
    expect(delta.series.ids).toEqual([]);
    expect(ingestor.get('a')).toBeUndefined();
  });
});
