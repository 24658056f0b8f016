/**
 * Issue 5 §3: a sensor with no data for 3× its expected interval is *stale* (grey on the map, a stale alert). Wall
 * clock, by when Sao last received something, so a replay's accelerated phenomenon times do not matter. The rule
 * engine uses this same function, so the map's grey and the alert agree.
 */
export const STALE_AFTER_INTERVALS = 3;

export function isStale(lastReceivedAt: number, expectedIntervalSeconds: number, now: number): boolean {
  return now - lastReceivedAt > STALE_AFTER_INTERVALS * expectedIntervalSeconds * 1000;
}

/** `waiting`: announced, nothing yet (and not yet stale); `live`: data within 3 intervals; `stale`: silent. */
export type SensorStatus = 'waiting' | 'live' | 'stale';
