import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Watchdog } from '../../../src/bim/ifc/Watchdog';

describe('Watchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once after the given silence, not while it is fed', () => {
    const onSilent = vi.fn();
    const watchdog = new Watchdog(1000, onSilent);
    watchdog.feed();
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(900);
      watchdog.feed();
    }
    expect(onSilent).not.toHaveBeenCalled();
    vi.advanceTimersByTime(999);
    expect(onSilent).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onSilent).toHaveBeenCalledTimes(1);
    expect(watchdog.running).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(onSilent).toHaveBeenCalledTimes(1);
  });

  it('stops: a finished load is not watched', () => {
    const onSilent = vi.fn();
    const watchdog = new Watchdog(1000, onSilent);
    watchdog.feed();
    watchdog.stop();
    vi.advanceTimersByTime(5000);
    expect(onSilent).not.toHaveBeenCalled();
    expect(watchdog.running).toBe(false);
  });

  it('runs on injected timers', () => {
    const scheduled: Array<() => void> = [];
    const watchdog = new Watchdog(50, () => scheduled.push(() => {}), {
      setTimeout: (callback) => scheduled.push(callback),
      clearTimeout: () => {},
    });
    watchdog.feed();
    expect(scheduled).toHaveLength(1);
    scheduled[0]!();
    expect(scheduled).toHaveLength(2);
  });
});
