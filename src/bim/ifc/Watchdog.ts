/**
 * Ends a worker that has gone silent. web-ifc parses and triangulates synchronously, so a worker stuck in it (a
 * pathological file, an endless loop in the parser) cannot answer anything: only its silence shows. The loader
 * client feeds the watchdog with every message; the fuzz test drives the same class with worker_threads.
 * Timers are injected, so tests can run it on a fake clock.
 */
export interface WatchdogTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * How long a loading worker may stay silent. It reports every 100 ms while parsing and between elements while
 * triangulating, so silence means one element has taken this long: web-ifc's heaviest boolean operations in our
 * samples take well under a second.
 */
export const DEFAULT_WATCHDOG_MS = 30_000;

export class Watchdog {
  private handle: unknown = null;

  constructor(
    private readonly timeoutMs: number,
    private readonly onSilent: () => void,
    private readonly timers: WatchdogTimers = globalThis as unknown as WatchdogTimers,
  ) {}

  get running(): boolean {
    return this.handle !== null;
  }

  /** (Re)starts the countdown: call on start and on every sign of life. */
  feed(): void {
    this.stop();
    this.handle = this.timers.setTimeout(() => {
      this.handle = null;
      this.onSilent();
    }, this.timeoutMs);
  }

  stop(): void {
    if (this.handle === null) return;
    this.timers.clearTimeout(this.handle);
    this.handle = null;
  }
}
