/**
 * Main-thread long tasks of a page, recorded from its first script on (PerformanceObserver 'longtask'), with the
 * Long Animation Frames that overlap them (Chromium 123+) to say whose scripts ran: the issue's responsiveness
 * checks ("no main-thread task over 100 ms while … loads") read them between two `performance.now()` marks.
 */
import type { Page } from 'playwright-core';

export interface LongTask {
  start: number;
  duration: number;
  /** Scripts that ran during the task (Long Animation Frames), longest first: "12 ms invoker (file:function)". */
  scripts: string[];
  /** The long animation frame around the task: its animation-frame callbacks and its style and layout, ms. */
  frame: { rendering: number; layout: number } | null;
}

interface LongTaskWindow {
  __longTasks: { start: number; duration: number }[];
  __longFrames: { start: number; end: number; rendering: number; layout: number; scripts: { start: number; duration: number; label: string }[] }[];
}

interface LongAnimationFrame extends PerformanceEntry {
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: { startTime: number; duration: number; invoker: string; sourceURL: string; sourceFunctionName: string }[];
}

export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as LongTaskWindow;
    w.__longTasks = [];
    w.__longFrames = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as LongAnimationFrame[]) {
          const end = entry.startTime + entry.duration;
          w.__longFrames.push({
            start: entry.startTime,
            end,
            // requestAnimationFrame callbacks (Cesium draws there), then style and layout of the page.
            rendering: entry.renderStart > 0 ? (entry.styleAndLayoutStart || end) - entry.renderStart : 0,
            layout: entry.styleAndLayoutStart > 0 ? end - entry.styleAndLayoutStart : 0,
            scripts: entry.scripts.map((s) => ({
              start: s.startTime,
              duration: s.duration,
              label: `${s.invoker} (${s.sourceURL.slice(s.sourceURL.lastIndexOf('/') + 1)}:${s.sourceFunctionName || 'anonymous'})`,
            })),
          });
        }
      }).observe({ type: 'long-animation-frame', buffered: true });
    }
  });
}

export function now(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** Long tasks that started between `from` and `to` (performance.now() of the page). */
export function longTasksBetween(page: Page, from: number, to: number): Promise<LongTask[]> {
  return page.evaluate(([t0, t1]) => {
    const w = window as unknown as LongTaskWindow;
    return w.__longTasks
      .filter((task) => task.start >= t0 && task.start <= t1)
      .map((task) => {
        const frame = w.__longFrames.find((f) => f.start <= task.start + 1 && f.end >= task.start + task.duration - 1);
        const scripts = w.__longFrames
          .flatMap((f) => f.scripts)
          .filter((script) => script.start < task.start + task.duration && script.start + script.duration > task.start)
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 3)
          .map((s) => `${Math.round(s.duration)} ms ${s.label}`);
        return { ...task, scripts, frame: frame ? { rendering: Math.round(frame.rendering), layout: Math.round(frame.layout) } : null };
      });
  }, [from, to] as const);
}

export function describeLongTasks(tasks: readonly LongTask[]): string {
  if (tasks.length === 0) return 'none';
  return tasks
    .map((task) => {
      const parts = [...task.scripts, ...(task.frame ? [`frame: animation callbacks ${task.frame.rendering} ms, style and layout ${task.frame.layout} ms`] : [])];
      return `${Math.round(task.duration)} ms${parts.length ? ` [${parts.join('; ')}]` : ''}`;
    })
    .join(', ');
}

/**
 * Waits until the page has run no long task for `quietMs`: the city keeps compiling shaders for a while after it
 * first reports idle (ground primitives are drawn — and their programs linked — frames later), which is not what a
 * measurement of something else should count.
 */
export async function waitForQuiet(page: Page, quietMs: number, timeoutMs = 120_000): Promise<void> {
  await page.waitForFunction(
    (quiet) => {
      const tasks = (window as unknown as LongTaskWindow).__longTasks;
      const last = tasks.at(-1);
      return !last || performance.now() - (last.start + last.duration) > quiet;
    },
    quietMs,
    { timeout: timeoutMs, polling: 250 },
  );
}
