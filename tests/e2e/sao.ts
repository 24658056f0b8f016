/**
 * The app's test hook (`window.__sao`) seen from Node: typed wrappers that wait for conditions, never for time.
 */
import type { Page } from 'playwright-core';

export interface CameraView {
  lon: number;
  lat: number;
  height: number;
  heading: number;
  pitch: number;
  roll: number;
}

/** The contract of `window.__sao`. Declared here rather than on `Window` so that it cannot clash with the app's own declaration. */
export interface SaoTestHook {
  whenIdle(): Promise<void>;
  toWindow(lon: number, lat: number, height: number): [number, number] | null;
  camera(): CameraView;
}

type WithHook = { __sao: SaoTestHook };

/** SwiftShader renders a frame of the district in about a second on two cores; loading everything takes tens. */
export const IDLE_TIMEOUT_MS = 180_000;

/** Resolves once the hook exists and `whenIdle()` resolved: first flight over, visible layers loaded, frame drawn. */
export async function whenIdle(page: Page, timeoutMs = IDLE_TIMEOUT_MS): Promise<void> {
  await page.waitForFunction(() => '__sao' in window, null, { timeout: timeoutMs });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`window.__sao.whenIdle() did not resolve within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([page.evaluate(() => (window as unknown as WithHook).__sao.whenIdle()), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Opens `url` and waits until the app is idle. */
export async function openIdle(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await whenIdle(page);
}

export function camera(page: Page): Promise<CameraView> {
  return page.evaluate(() => (window as unknown as WithHook).__sao.camera());
}

export function toWindow(page: Page, lon: number, lat: number, height: number): Promise<[number, number] | null> {
  return page.evaluate(([x, y, z]) => (window as unknown as WithHook).__sao.toWindow(x, y, z), [lon, lat, height] as const);
}

/** Start times (ms since navigation start) of the app's performance marks, null while a mark is absent. */
export function markTime(page: Page, name: string): Promise<number | null> {
  return page.evaluate((mark) => performance.getEntriesByName(mark, 'mark')[0]?.startTime ?? null, name);
}
