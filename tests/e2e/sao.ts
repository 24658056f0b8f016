/**
 * The app's test hook (`window.__sao`, declared in src/scene/testHook.ts) seen from Node: typed wrappers that wait
 * for conditions, never for time. The types are the app's own, so a change of the contract fails the type check.
 */
import type { Page } from 'playwright-core';
import type { CameraPose } from '../../src/state';

export type { CameraPose };

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
    await Promise.race([page.evaluate(() => window.__sao!.whenIdle()), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Opens `url` and waits until the app is idle. */
export async function openIdle(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await whenIdle(page);
}

export function camera(page: Page): Promise<CameraPose> {
  return page.evaluate(() => window.__sao!.camera());
}

export function toWindow(page: Page, lon: number, lat: number, height: number): Promise<[number, number] | null> {
  return page.evaluate(([x, y, z]) => window.__sao!.toWindow(x, y, z), [lon, lat, height] as const);
}
