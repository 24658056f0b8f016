/**
 * The recent values of one datastream needed for its rate of rise: a growable ring of (time, value) that keeps
 * exactly one sample at or before `latest − window` (the anchor) and drops older ones as new values arrive, so
 * each push is O(1) amortised and nothing is rescanned. When more than `MAX_SAMPLES` fall inside the window, the
 * oldest go and the rise is measured over the span that remains.
 */
const INITIAL_SAMPLES = 16;
const MAX_SAMPLES = 4096;
const MS_PER_HOUR = 3_600_000;

export class RiseWindow {
  private times = new Float64Array(INITIAL_SAMPLES);
  private values = new Float64Array(INITIAL_SAMPLES);
  private head = 0;
  private length = 0;

  constructor(private readonly windowMs: number) {}

  /** Adds a value and returns the rise per hour over the window, or NaN while the window is not yet covered. */
  push(time: number, value: number): number {
    if (this.length === this.times.length) {
      if (this.length < MAX_SAMPLES) this.grow();
      else this.dropOldest();
    }
    const tail = (this.head + this.length) % this.times.length;
    this.times[tail] = time;
    this.values[tail] = value;
    this.length++;
    const cutoff = time - this.windowMs;
    while (this.length >= 2 && this.timeAt(1) <= cutoff) this.dropOldest();
    const t0 = this.timeAt(0);
    const covered = t0 <= cutoff || this.length === MAX_SAMPLES;
    if (!covered || t0 === time) return Number.NaN;
    return ((value - this.values[this.head]!) / (time - t0)) * MS_PER_HOUR;
  }

  clear(): void {
    this.head = 0;
    this.length = 0;
  }

  private timeAt(k: number): number {
    return this.times[(this.head + k) % this.times.length]!;
  }

  private dropOldest(): void {
    this.head = (this.head + 1) % this.times.length;
    this.length--;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const times = new Float64Array(size), values = new Float64Array(size);
    for (let k = 0; k < this.length; k++) {
      const from = (this.head + k) % this.times.length;
      times[k] = this.times[from]!;
      values[k] = this.values[from]!;
    }
    this.times = times;
    this.values = values;
    this.head = 0;
  }
}
