/**
 * Loss detection from publisher sequence numbers (issue 5 §5 `lost`): per stream, a gap counts its missing numbers
 * as lost until they turn up (a QoS 1 redelivery after a reconnect may arrive out of order); repeats are ignored.
 * Missing numbers are remembered up to a bound, so a publisher restarting at 0 cannot grow memory.
 */
const MAX_REMEMBERED_GAP = 100_000;

interface StreamSequence {
  next: number;
  missing: Set<number>;
}

export class SequenceTracker {
  private readonly streams = new Map<string, StreamSequence>();
  /** Numbers missing right now, over all streams. */
  lost = 0;

  /** Accounts for `sequence` on `stream`. */
  see(stream: string, sequence: number): void {
    const state = this.streams.get(stream);
    if (!state) {
      this.streams.set(stream, { next: sequence + 1, missing: new Set() });
      return;
    }
    if (sequence >= state.next) {
      const gap = sequence - state.next;
      if (gap > 0 && gap <= MAX_REMEMBERED_GAP) for (let s = state.next; s < sequence; s++) state.missing.add(s);
      this.lost += Math.min(gap, MAX_REMEMBERED_GAP);
      state.next = sequence + 1;
    } else if (state.missing.delete(sequence)) this.lost--;
  }

  /** The next number expected on a stream (the benchmark compares it with what the publisher sent). */
  nextOf(stream: string): number {
    return this.streams.get(stream)?.next ?? 0;
  }

  clear(): void {
    this.streams.clear();
    this.lost = 0;
  }
}
