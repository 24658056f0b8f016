/**
 * A fixed-size, time-ordered ring of one datastream's observations in two typed arrays (issue 5 §5: memory stays
 * flat however long the feed runs). The oldest values fall off when it is full. Observations arriving late (the
 * STA gap-fill, a QoS 1 redelivery) are inserted in time order; an exact repeat (same time, same value) is dropped.
 */
export interface SeriesWindow {
  times: Float64Array;
  values: Float64Array;
}

export class ObservationRing {
  readonly capacity: number;
  private readonly times: Float64Array;
  private readonly values: Float64Array;
  /** Index of the oldest element. */
  private start = 0;
  private count = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  /** Time of the i-th oldest observation. */
  timeAt(i: number): number {
    return this.times[(this.start + i) % this.capacity]!;
  }

  valueAt(i: number): number {
    return this.values[(this.start + i) % this.capacity]!;
  }

  get latestTime(): number {
    return this.count === 0 ? Number.NEGATIVE_INFINITY : this.timeAt(this.count - 1);
  }

  /** Adds an observation in time order; false when it is not kept (a repeat, or older than all a full ring holds). */
  insert(time: number, value: number): boolean {
    let at = this.count;
    while (at > 0 && this.timeAt(at - 1) > time) at--;
    for (let i = at - 1; i >= 0 && this.timeAt(i) === time; i--) if (this.valueAt(i) === value) return false;
    if (at === 0 && this.count === this.capacity) return false;
    if (this.count === this.capacity) {
      this.start = (this.start + 1) % this.capacity;
      this.count--;
      at--;
    }
    for (let i = this.count; i > at; i--) {
      const to = (this.start + i) % this.capacity;
      const from = (this.start + i - 1) % this.capacity;
      this.times[to] = this.times[from]!;
      this.values[to] = this.values[from]!;
    }
    const slot = (this.start + at) % this.capacity;
    this.times[slot] = time;
    this.values[slot] = value;
    this.count++;
    return true;
  }

  /** The observations with `from ≤ time ≤ to`, oldest first, copied out. */
  window(from = Number.NEGATIVE_INFINITY, to = Number.POSITIVE_INFINITY): SeriesWindow {
    let first = 0;
    while (first < this.count && this.timeAt(first) < from) first++;
    let end = first;
    while (end < this.count && this.timeAt(end) <= to) end++;
    const times = new Float64Array(end - first);
    const values = new Float64Array(end - first);
    for (let i = first; i < end; i++) {
      times[i - first] = this.timeAt(i);
      values[i - first] = this.valueAt(i);
    }
    return { times, values };
  }

  clear(): void {
    this.start = 0;
    this.count = 0;
  }
}
