/**
 * Where the main thread keeps the recent series of every datastream (STYLE.md: stores hold ids and counters, never
 * buffers): one bounded ring per datastream, fed by the worker's batches. `sensorStore.seriesVersion` goes up
 * after each append, so charts know when to pull; older history is asked of the worker (`sensorClient.history`).
 */
import type { PackedSeries } from '../../workers/sensors/protocol';
import { ObservationRing, type SeriesWindow } from './ingest/observationRing';

/** About an hour at one value a second. */
export const REGISTRY_CAPACITY = 4096;

export class ObservationRegistry {
  private readonly rings = new Map<string, ObservationRing>();

  constructor(private readonly capacity = REGISTRY_CAPACITY) {}

  append(series: PackedSeries): void {
    series.ids.forEach((id, k) => {
      let ring = this.rings.get(id);
      if (!ring) {
        ring = new ObservationRing(this.capacity);
        this.rings.set(id, ring);
      }
      for (let i = series.offsets[k]!; i < series.offsets[k + 1]!; i++) ring.insert(series.times[i]!, series.values[i]!);
    });
  }

  /** The observations of a datastream with `from ≤ phenomenonTime ≤ to`, oldest first (a copy). */
  series(datastreamId: string, from?: number, to?: number): SeriesWindow {
    const ring = this.rings.get(datastreamId);
    return ring ? ring.window(from, to) : { times: new Float64Array(0), values: new Float64Array(0) };
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) this.rings.delete(id);
  }

  clear(): void {
    this.rings.clear();
  }
}

export const observationRegistry = new ObservationRegistry();
