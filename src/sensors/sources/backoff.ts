/**
 * Exponential backoff between reconnect attempts (issue 5 §5): base · 2^attempt, capped, with ±jitter so that many
 * clients of a restarted broker do not all come back in the same millisecond.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** 0–1: the delay varies by up to this fraction either way. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000, jitter: 0.2 };

export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const delay = Math.min(options.maxMs, options.baseMs * 2 ** attempt);
  return Math.round(delay * (1 + options.jitter * (2 * random() - 1)));
}
